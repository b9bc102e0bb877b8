import { describe, expect, it } from 'vitest';
import { checkSchema, captureSchema, type Check, type ObservedResponse } from '../models/checks';
import { evaluateChecks } from './evaluate';

const BODY = JSON.stringify({ id: 'ord-42', count: 3, ok: true, items: [{ id: 1, tag: 'a' }, { id: 2, tag: 'b' }], note: null });
const observed: ObservedResponse = {
  status: 201,
  headers: [['Content-Type', 'application/json'], ['x-amz-request-id', 'REQ1'], ['Set-Cookie', 'a=1'], ['set-cookie', 'b=2']],
  bodyText: BODY,
  durationMs: 120,
  identityArn: 'arn:aws:sts::123456789012:assumed-role/Deploy/s1',
};

function check(input: Record<string, unknown>): Check {
  return checkSchema.parse({ id: 'c1', ...input });
}

function one(input: Record<string, unknown>, response: ObservedResponse = observed) {
  const outcome = evaluateChecks([check(input)], [], response);
  expect(outcome.results).toHaveLength(1);
  return outcome.results[0]!;
}

describe('evaluateChecks: each kind passing and failing with the actual value', () => {
  it('status', () => {
    expect(one({ kind: 'status', expect: '2xx' })).toMatchObject({ passed: true, actual: '201', label: 'status is 2xx' });
    expect(one({ kind: 'status', expect: '200,204' })).toMatchObject({ passed: false, actual: '201', message: 'expected 200,204' });
    expect(one({ kind: 'status', expect: 'okay' })).toMatchObject({ passed: false, actual: '201' });
  });

  it('response time', () => {
    expect(one({ kind: 'time', underMs: 500 })).toMatchObject({ passed: true, actual: '120 ms' });
    expect(one({ kind: 'time', underMs: 100 })).toMatchObject({ passed: false, actual: '120 ms' });
  });

  it('header present, absent, equals, matches (case-insensitive names, repeated values joined)', () => {
    expect(one({ kind: 'header', name: 'content-type', compare: { op: 'exists' } }).passed).toBe(true);
    expect(one({ kind: 'header', name: 'ETag', compare: { op: 'exists' } })).toMatchObject({ passed: false, actual: '(not found)' });
    expect(one({ kind: 'header', name: 'ETag', compare: { op: 'absent' } }).passed).toBe(true);
    expect(one({ kind: 'header', name: 'Content-Type', compare: { op: 'equals', value: 'application/json' } }).passed).toBe(true);
    expect(one({ kind: 'header', name: 'Content-Type', compare: { op: 'equals', value: 'text/xml' } }))
      .toMatchObject({ passed: false, actual: 'application/json' });
    expect(one({ kind: 'header', name: 'set-cookie', compare: { op: 'equals', value: 'a=1, b=2' } }).passed).toBe(true);
    expect(one({ kind: 'header', name: 'x-amz-request-id', compare: { op: 'matches', pattern: '^REQ\\d$' } }).passed).toBe(true);
    expect(one({ kind: 'header', name: 'x-amz-request-id', compare: { op: 'matches', pattern: '^req', flags: '' } }))
      .toMatchObject({ passed: false, actual: 'REQ1' });
    expect(one({ kind: 'header', name: 'x-amz-request-id', compare: { op: 'matches', pattern: '^req', flags: 'i' } }).passed).toBe(true);
  });

  it('JSON path exists, equals (strings exactly, other values as JSON), contains, matches, type, length', () => {
    const json = (path: string, compare: Record<string, unknown>) => one({ kind: 'json', path, compare });
    expect(json('$.id', { op: 'exists' })).toMatchObject({ passed: true, actual: 'ord-42', label: '$.id exists' });
    expect(json('$.missing', { op: 'exists' })).toMatchObject({ passed: false, actual: '(not found)' });
    expect(json('$.note', { op: 'exists' }).passed).toBe(true);
    expect(json('$.missing', { op: 'absent' }).passed).toBe(true);
    expect(json('$.id', { op: 'equals', value: 'ord-42' }).passed).toBe(true);
    expect(json('$.id', { op: 'equals', value: 'ord-43' })).toMatchObject({ passed: false, actual: 'ord-42', message: 'expected ord-43' });
    expect(json('$.count', { op: 'equals', value: '3' }).passed).toBe(true);
    expect(json('$.count', { op: 'equals', value: '"3"' })).toMatchObject({ passed: false, actual: '3' });
    expect(json('$.ok', { op: 'equals', value: 'true' }).passed).toBe(true);
    expect(json('$.items[0]', { op: 'equals', value: '{"tag":"a","id":1}' }).passed).toBe(true);
    expect(json('$.items[*].tag', { op: 'contains', value: 'b' }).passed).toBe(true);
    expect(json('$.items[*].tag', { op: 'contains', value: 'c' })).toMatchObject({ passed: false, actual: '["a","b"]' });
    expect(json('$.id', { op: 'contains', value: '42' }).passed).toBe(true);
    expect(json('$.id', { op: 'matches', pattern: '^ord-\\d+$' }).passed).toBe(true);
    expect(json('$.id', { op: 'matches', pattern: '^inv-' })).toMatchObject({ passed: false, actual: 'ord-42' });
    expect(json('$.items', { op: 'type', type: 'array' }).passed).toBe(true);
    expect(json('$.count', { op: 'type', type: 'string' })).toMatchObject({ passed: false, actual: '3', message: 'expected type string, found number' });
    expect(json('$.note', { op: 'type', type: 'null' }).passed).toBe(true);
    expect(json('$.items', { op: 'length', min: 2, max: 2 })).toMatchObject({ passed: true, actual: 'length 2' });
    expect(json('$.items', { op: 'length', min: 3 })).toMatchObject({ passed: false, actual: 'length 2', message: 'expected length at least 3' });
    expect(json('$.count', { op: 'length', max: 1 })).toMatchObject({ passed: false, message: 'a number has no length' });
  });

  it('JSON path filters are RFC 9535 grammar, not JavaScript', () => {
    expect(one({ kind: 'json', path: '$.items[?@.id > 1].tag', compare: { op: 'equals', value: 'b' } }).passed).toBe(true);
    const script = one({ kind: 'json', path: '$.items[?(globalThis.process.exit(1))]', compare: { op: 'exists' } });
    expect(script).toMatchObject({ passed: false, actual: '(not evaluated)' });
    expect(script.message).toContain('is not a JSONPath expression');
  });

  it('a JSON check on a body that is not JSON fails with the body as the actual value', () => {
    const html = { ...observed, bodyText: '<html>oops</html>' };
    expect(one({ kind: 'json', path: '$.id', compare: { op: 'exists' } }, html))
      .toMatchObject({ passed: false, actual: '<html>oops</html>', message: 'the body is not JSON' });
    const cut = { ...observed, bodyTruncated: true };
    expect(one({ kind: 'json', path: '$.id', compare: { op: 'exists' } }, cut).message).toContain('larger than checks read');
  });

  it('body text contains and matches, the actual value cut to a readable length', () => {
    expect(one({ kind: 'text', compare: { op: 'contains', value: 'ord-42' } }).passed).toBe(true);
    const long = { ...observed, bodyText: 'x'.repeat(5000) };
    const failed = one({ kind: 'text', compare: { op: 'contains', value: 'needle' } }, long);
    expect(failed.passed).toBe(false);
    expect(failed.actual).toBe(`${'x'.repeat(300)}… (4700 more characters)`);
    expect(one({ kind: 'text', compare: { op: 'matches', pattern: '"count":\\s*3' } }).passed).toBe(true);
    expect(one({ kind: 'text', compare: { op: 'matches', pattern: '(' } }).message).toContain('not a valid regular expression');
    const truncated = one({ kind: 'text', compare: { op: 'contains', value: 'zzz' } }, { ...observed, bodyTruncated: true });
    expect(truncated.message).toContain('only the start of a large body was read');
  });

  it('identity: ARN with wildcards, role ARN for its sessions, account', () => {
    expect(one({ kind: 'identity', expect: 'arn:aws:iam::123456789012:role/Deploy' })).toMatchObject({ passed: true });
    expect(one({ kind: 'identity', expect: '123456789012' }).passed).toBe(true);
    expect(one({ kind: 'identity', expect: 'arn:aws:sts::999999999999:assumed-role/*' }))
      .toMatchObject({ passed: false, actual: observed.identityArn });
    const unknown = { ...observed, identityArn: undefined };
    expect(one({ kind: 'identity', expect: '123456789012' }, unknown).passed).toBe(false);
  });
});

describe('evaluateChecks: the outcome', () => {
  it('skips disabled checks and passes only when every enabled check passes', () => {
    const checks = [
      check({ id: 'a', kind: 'status', expect: '201' }),
      check({ id: 'b', kind: 'status', expect: '500', enabled: false }),
    ];
    const outcome = evaluateChecks(checks, [], observed);
    expect(outcome.results.map((result) => result.checkId)).toEqual(['a']);
    expect(outcome.passed).toBe(true);
    const failing = evaluateChecks([...checks, check({ id: 'c', kind: 'time', underMs: 1 })], [], observed);
    expect(failing.passed).toBe(false);
  });

  it('captures from a JSON path, a header and the status; a miss says why and keeps no value', () => {
    const captures = [
      { id: 'k1', variable: 'orderId', from: 'json', path: '$.id' },
      { id: 'k2', variable: 'firstItem', from: 'json', path: '$.items[0]' },
      { id: 'k3', variable: 'requestId', from: 'header', path: 'X-Amz-Request-Id' },
      { id: 'k4', variable: 'code', from: 'status' },
      { id: 'k5', variable: 'gone', from: 'json', path: '$.nothing' },
      { id: 'k6', variable: 'off', from: 'status', enabled: false },
      { id: 'k7', variable: ' ', from: 'status' },
    ].map((capture) => captureSchema.parse(capture));
    const outcome = evaluateChecks([], captures, observed);
    expect(outcome.captures).toEqual([
      { captureId: 'k1', variable: 'orderId', value: 'ord-42' },
      { captureId: 'k2', variable: 'firstItem', value: '{"id":1,"tag":"a"}' },
      { captureId: 'k3', variable: 'requestId', value: 'REQ1' },
      { captureId: 'k4', variable: 'code', value: '201' },
      { captureId: 'k5', variable: 'gone', message: '$.nothing found nothing in the body' },
    ]);
    expect(outcome.passed).toBe(true);
  });
});
