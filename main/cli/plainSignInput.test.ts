import { describe, expect, it } from 'vitest';
import { signInputSchema } from '../../src/models/http';
import { plainSignInput } from './plainSignInput';

const request = { method: 'GET', url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items' };
const env = { kind: 'env' };
const base = { request, auth: env };
const withSigning = (signing: Record<string, unknown>) => ({ ...base, signing });
const withRequest = (over: Record<string, unknown>) => ({ ...base, request: { ...request, ...over } });

/** Inputs rolecall sign builds, and near-limit ones: plainSignInput must answer each as the schema does. */
const PLAIN: Array<[string, unknown]> = [
  ['a GET with environment keys', base],
  ['no signing options', { request, auth: { kind: 'none' } }],
  ['every flag', {
    request: { method: 'PUT', url: 'https://h/x', headers: [['Content-Type', 'application/json'], ['X-A', '1'], ['x-a', '2']], body: { kind: 'text', text: '{"a":1}' } },
    auth: { kind: 'profile', profile: 'dev' },
    signing: { payload: 'unsigned', region: 'us-east-1', service: 'execute-api', contentSha256Header: true, mode: 'query', expiresIn: 60, signingDate: '2015-08-30T12:36:00.000Z' },
    allowPlainHttp: true,
  }],
  ['a profile name with spaces around it', { ...base, auth: { kind: 'profile', profile: '  dev ' } }],
  ['empty signing options', withSigning({})],
  ['keys the schema strips', { ...withSigning({ region: 'eu-west-1', extra: 1 }), auth: { kind: 'env', extra: 2 }, extra: 3 }],
  ['headers and body left undefined', withRequest({ headers: undefined, body: undefined })],
  ['an empty body and no headers', withRequest({ headers: [], body: { kind: 'none' } })],
  ['the shortest expiry', withSigning({ expiresIn: 1 })],
  ['the longest expiry', withSigning({ expiresIn: 604800 })],
  ['a 20-letter method', withRequest({ method: 'A'.repeat(20) })],
  ['the longest URL', withRequest({ url: 'h'.repeat(64 * 1024) })],
  ['500 headers', withRequest({ headers: Array.from({ length: 500 }, (_, i) => [`h${i}`, 'v']) })],
  ['a 2-character region and a 64-character service', withSigning({ region: 'ab', service: 's'.repeat(64) })],
  ['a leap day in year 0', withSigning({ signingDate: '0000-02-29T00:00:00.000Z' })],
  ['the last millisecond of 9999', withSigning({ signingDate: '9999-12-31T23:59:59.999Z' })],
];

/** Inputs the schema refuses or that are not plain: plainSignInput leaves every one to the schema. */
const NOT_PLAIN: Array<[string, unknown]> = [
  ['no input', undefined],
  ['no request', { auth: env }],
  ['no auth', { request }],
  ['an empty method', withRequest({ method: '' })],
  ['a method with a space', withRequest({ method: 'G T' })],
  ['a 21-letter method', withRequest({ method: 'A'.repeat(21) })],
  ['an empty URL', withRequest({ url: '' })],
  ['a URL one character too long', withRequest({ url: 'h'.repeat(64 * 1024 + 1) })],
  ['501 headers', withRequest({ headers: Array.from({ length: 501 }, (_, i) => [`h${i}`, 'v']) })],
  ['a header of three parts', withRequest({ headers: [['a', 'b', 'c']] })],
  ['a header with a number', withRequest({ headers: [['a', 1]] })],
  ['headers as an object', withRequest({ headers: { a: 'b' } })],
  ['a text body without text', withRequest({ body: { kind: 'text' } })],
  ['a base64 body', withRequest({ body: { kind: 'base64', data: 'AAAA' } })],
  ['a file body', withRequest({ body: { kind: 'file', path: '/tmp/x' } })],
  ['a blank profile name', { ...base, auth: { kind: 'profile', profile: '   ' } }],
  ['stored keys', { ...base, auth: { kind: 'storedKeys', name: 'k' } }],
  ['an assumed role', { ...base, auth: { kind: 'assumeRole', base: env, roleArn: 'arn:aws:iam::123456789012:role/R' } }],
  ['an unknown auth kind', { ...base, auth: { kind: 'magic' } }],
  ['a malformed region', withSigning({ region: 'Not A Region' })],
  ['a 1-character region', withSigning({ region: 'a' })],
  ['a 41-character region', withSigning({ region: 'a'.repeat(41) })],
  ['an upper-case service', withSigning({ service: 'S3' })],
  ['a 65-character service', withSigning({ service: 's'.repeat(65) })],
  ['an unknown payload', withSigning({ payload: 'maybe' })],
  ['an unknown mode', withSigning({ mode: 'body' })],
  ['a zero expiry', withSigning({ expiresIn: 0 })],
  ['an expiry past 7 days', withSigning({ expiresIn: 604801 })],
  ['a fractional expiry', withSigning({ expiresIn: 1.5 })],
  ['an expiry as text', withSigning({ expiresIn: '60' })],
  ['a NaN expiry', withSigning({ expiresIn: Number.NaN })],
  ['contentSha256Header as text', withSigning({ contentSha256Header: 'yes' })],
  ['a date that is no date', withSigning({ signingDate: 'yesterday' })],
  ['the 30th of February', withSigning({ signingDate: '2015-02-30T00:00:00.000Z' })],
  ['a date without milliseconds', withSigning({ signingDate: '2015-08-30T12:36:00Z' })],
  ['a date with an offset', withSigning({ signingDate: '2015-08-30T12:36:00.000+02:00' })],
  ['signing options as a list', { ...base, signing: [] }],
  ['allowPlainHttp as text', { ...base, allowPlainHttp: 'yes' }],
];

describe('plainSignInput', () => {
  it.each(PLAIN)('answers as the schema does, key for key: %s', (_name, input) => {
    const fast = plainSignInput(input);
    const schema = signInputSchema.safeParse(input);
    expect(schema.success).toBe(true);
    expect(fast).toBeDefined();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.data));
    expect(fast).toEqual(schema.data);
  });

  it.each(NOT_PLAIN)('leaves it to the schema: %s', (_name, input) => {
    expect(plainSignInput(input)).toBeUndefined();
  });

  it('never accepts what the schema refuses', () => {
    for (const [name, input] of [...PLAIN, ...NOT_PLAIN]) {
      if (plainSignInput(input) !== undefined) expect(signInputSchema.safeParse(input).success, name).toBe(true);
    }
  });
});
