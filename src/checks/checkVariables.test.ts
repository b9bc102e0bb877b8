import { describe, expect, it } from 'vitest';
import { checkSchema, type Check, type ObservedResponse } from '../models/checks';
import type { VariableScope } from '../variables';
import { evaluateChecks } from './evaluate';

const observed: ObservedResponse = {
  status: 201,
  headers: [['x-order', 'ord-42']],
  bodyText: JSON.stringify({ id: 'ord-42', token: 's3cr3t-value' }),
  durationMs: 10,
  identityArn: 'arn:aws:sts::123456789012:assumed-role/Deploy/s1',
  identityAccount: '123456789012',
};

const scopes: VariableScope[] = [
  { label: 'captured this session', variables: [{ id: 'c', key: 'expectedId', value: 'ord-42', enabled: true, secret: false }] },
  {
    label: 'environment "stag"',
    variables: [
      { id: 'a', key: 'account', value: '123456789012', enabled: true, secret: false },
      { id: 'e', key: 'expectedId', value: 'from-environment', enabled: true, secret: false },
      { id: 's', key: 'apiToken', value: 's3cr3t-value', enabled: true, secret: true },
      { id: 'o', key: 'off', value: 'ord-42', enabled: false, secret: false },
    ],
  },
];

const check = (input: Record<string, unknown>): Check => checkSchema.parse({ id: 'c1', ...input });
const one = (input: Record<string, unknown>) => evaluateChecks([check(input)], [], observed, scopes).results[0]!;

describe('{{variables}} in what a check expects', () => {
  it('resolves them with the request’s scopes, first scope winning (a captured value over the environment’s)', () => {
    expect(one({ kind: 'json', path: '$.id', compare: { op: 'equals', value: '{{expectedId}}' } })).toMatchObject({ passed: true, actual: 'ord-42' });
    expect(one({ kind: 'header', name: 'x-order', compare: { op: 'contains', value: '{{ expectedId }}' } }).passed).toBe(true);
    expect(one({ kind: 'text', compare: { op: 'matches', pattern: '"id":"{{expectedId}}"' } }).passed).toBe(true);
    expect(one({ kind: 'identity', expect: 'arn:aws:sts::{{account}}:assumed-role/Deploy/*' }).passed).toBe(true);
  });

  it('keeps the {{name}} in the label and compares against the value', () => {
    const result = one({ kind: 'json', path: '$.id', compare: { op: 'equals', value: 'x-{{expectedId}}' } });
    expect(result).toMatchObject({ passed: false, label: '$.id equals "x-{{expectedId}}"', message: 'expected x-ord-42' });
  });

  it('fails a check whose variable nothing defines, naming it, without comparing', () => {
    const result = one({ kind: 'json', path: '$.id', compare: { op: 'equals', value: '{{orderId}}' } });
    expect(result.passed).toBe(false);
    expect(result.message).toContain('{{orderId}} is not defined');
    // A disabled variable is not a definition.
    expect(one({ kind: 'status', expect: '{{off}}' }).message).toContain('{{off}} is not defined');
    // Other checks of the same request are still evaluated.
    const outcome = evaluateChecks([check({ kind: 'status', expect: '{{nope}}' }), check({ id: 'c2', kind: 'status', expect: '2xx' })], [], observed, scopes);
    expect(outcome.results.map((r) => r.passed)).toEqual([false, true]);
  });

  it('never shows a secret variable’s value in a result', () => {
    const passing = one({ kind: 'json', path: '$.token', compare: { op: 'equals', value: '{{apiToken}}' } });
    expect(passing.passed).toBe(true);
    const failing = one({ kind: 'json', path: '$.id', compare: { op: 'equals', value: '{{apiToken}}' } });
    expect(failing.passed).toBe(false);
    for (const result of [passing, failing]) expect(JSON.stringify(result)).not.toContain('s3cr3t-value');
  });

  it('takes text without {{ as written, and no scopes leave {{names}} undefined', () => {
    expect(one({ kind: 'json', path: '$.id', compare: { op: 'equals', value: 'ord-42' } }).passed).toBe(true);
    expect(evaluateChecks([check({ kind: 'status', expect: '{{code}}' })], [], observed).results[0]!.message).toContain('{{code}} is not defined');
  });
});
