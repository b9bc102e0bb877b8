import { describe, expect, it } from 'vitest';
import { parseCli } from './args';
import { plainArgs } from './plainArgs';

const URL = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?b=2&a=1';

/** Command lines plainArgs answers: the answer must be parseCli's. */
const PLAIN: string[][] = [
  [],
  ['sign', URL],
  ['sign', URL, '--date', '2015-08-30T12:36:00Z', '--json'],
  ['sign', URL, '-X', 'PUT', '-H', 'Content-Type: application/json', '-H', 'X-A: 1', '-H', 'x-a: 2', '-d', '{"a":1}'],
  ['sign', URL, '--presign', '60', '--profile', 'p', '--region', 'us-east-1', '--service', 'execute-api'],
  ['sign', URL, '--unsigned-payload', '--content-sha256', '--no-sign', '-i', '-v', '-f'],
  ['sign', URL, '--region', 'a', '--region', 'b'],
  ['sign', '--help'],
  ['--version'],
  ['sign', URL, 'extra'],
  ['whoami', '--profile', 'p', '--assume-role', 'arn:aws:iam::123456789012:role/R', '--mfa-code', '123456'],
  ['sign', URL, '--data', ''],
];

/** Command lines left to parseCli (which may accept them or refuse them with its own words). */
const LEFT: string[][] = [
  ['sign', URL, '--region=us-east-1'],
  ['sign', URL, '-iv'],
  ['sign', URL, '-Xput'],
  ['sign', '--', URL],
  ['sign', URL, '-d', '-1'],
  ['sign', URL, '--region'],
  ['sign', URL, '--region', '--json'],
  ['sign', URL, '--bogus'],
  ['sign', URL, '-Z'],
  ['sign', URL, '-'],
  ['sign', URL, '--json=1'],
  ['sign', URL, '--toString'],
  ['sign', URL, '--__proto__', 'x'],
  ['bogus', URL],
];

describe('plainArgs', () => {
  it.each(PLAIN.map((argv) => [argv.join(' '), argv] as const))('answers as parseCli does: %s', (_name, argv) => {
    const plain = plainArgs(argv);
    expect(plain).toBeDefined();
    expect(plain).toEqual(parseCli(argv));
    expect(Object.getPrototypeOf(plain!.values)).toBe(Object.getPrototypeOf(parseCli(argv).values));
  });

  it.each(LEFT.map((argv) => [argv.join(' '), argv] as const))('leaves it to parseCli: %s', (_name, argv) => {
    expect(plainArgs(argv)).toBeUndefined();
  });
});
