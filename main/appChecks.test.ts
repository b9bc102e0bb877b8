// Checks after a send, through request:send as the window calls it: the engine sends to a loopback server, main
// evaluates the request's checks against the response (from memory or the spool) and returns the outcome with the
// result. Each kind passes and fails, a failure carries the actual value; identity checks ask moto's STS.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/errors';
import { captureSchema, checkSchema, type CheckOutcome } from '../src/models/checks';
import type { SendResult } from '../src/models/http';
import { createApp, type App } from './app';
import { startEchoServer, type EchoServer } from './testing/echoServer';
import { describeWithMoto } from './testing/motoSuite';
import { openTestApp } from './testing/testApp';

const ORDER = { id: 'ord-42', count: 3, items: [{ id: 1 }, { id: 2 }] };

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}\n${result.error.detail ?? ''}`);
  return result.value as T;
}

const checks = (list: Array<Record<string, unknown>>) => list.map((check, i) => checkSchema.parse({ id: `c${i}`, ...check }));
const byId = (outcome: CheckOutcome | undefined) => Object.fromEntries((outcome?.results ?? []).map((r) => [r.checkId, r]));

describe('checks after request:send', () => {
  let server: EchoServer;
  let dir: string;
  let app: App;

  beforeAll(async () => {
    server = await startEchoServer((request) =>
      request.url === '/big'
        ? { status: 200, headers: [['Content-Type', 'application/json']], body: JSON.stringify({ pad: 'x'.repeat(200_000), id: 'big-1' }) }
        : {
            status: 201,
            headers: [['Content-Type', 'application/json'], ['ETag', '"v7"']],
            body: JSON.stringify(ORDER),
            // /orders/slow answers after 20 ms, so a 'time under 1 ms' check fails however fast the machine is
            // (a loopback answer can take under a millisecond, and then the check held).
            delayMs: request.url === '/orders/slow' ? 20 : 0,
          },
    );
    dir = await mkdtemp(join(tmpdir(), 'rolecall-checks-'));
    app = openTestApp(dir);
  });
  afterAll(async () => {
    await app.dispose();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const send = async (list: Array<Record<string, unknown>>, path = '/orders', extra: Record<string, unknown> = {}) =>
    value<SendResult>(await app.registry.invoke('request:send', { request: { method: 'POST', url: `${server.url}${path}` }, auth: { kind: 'none' }, checks: checks(list), ...extra }));

  it('passes each kind of check that holds, with what was seen', async () => {
    const result = await send([
      { kind: 'status', expect: '2xx' },
      { kind: 'time', underMs: 60_000 },
      { kind: 'header', name: 'etag', compare: { op: 'equals', value: '"v7"' } },
      { kind: 'json', path: '$.id', compare: { op: 'equals', value: 'ord-42' } },
      { kind: 'json', path: '$.items', compare: { op: 'length', min: 2, max: 2 } },
      { kind: 'text', compare: { op: 'matches', pattern: '"count":3' } },
    ]);
    expect(result.checks?.passed).toBe(true);
    expect(result.checks?.results.map((r) => [r.label, r.passed, r.actual])).toEqual([
      ['status is 2xx', true, '201'],
      ['time under 60000 ms', true, `${Math.round(result.response.timings.total)} ms`],
      ['header etag equals ""v7""', true, '"v7"'],
      ['$.id equals "ord-42"', true, 'ord-42'],
      ['$.items has length 2', true, 'length 2'],
      ['body matches /"count":3/', true, JSON.stringify(ORDER)],
    ]);
  });

  it('fails each kind of check that does not hold, with the actual value in the failure', async () => {
    const result = await send([
      { kind: 'status', expect: '200' },
      { kind: 'time', underMs: 1 },
      { kind: 'header', name: 'ETag', compare: { op: 'equals', value: '"v8"' } },
      { kind: 'json', path: '$.id', compare: { op: 'matches', pattern: '^inv-' } },
      { kind: 'json', path: '$.missing', compare: { op: 'exists' } },
      { kind: 'text', compare: { op: 'contains', value: 'refund' } },
      { kind: 'identity', expect: '123456789012' },
    ], '/orders/slow');
    const r = byId(result.checks);
    expect(result.checks?.passed).toBe(false);
    expect(r.c0).toMatchObject({ passed: false, actual: '201', message: 'expected 200' });
    expect(r.c1).toMatchObject({ passed: false, actual: expect.stringMatching(/^\d+ ms$/) });
    expect(r.c2).toMatchObject({ passed: false, actual: '"v7"' });
    expect(r.c3).toMatchObject({ passed: false, actual: 'ord-42' });
    expect(r.c4).toMatchObject({ passed: false, actual: '(not found)' });
    expect(r.c5).toMatchObject({ passed: false, actual: JSON.stringify(ORDER) });
    expect(r.c6).toMatchObject({ passed: false, message: 'the request was not signed, so it has no AWS identity' });
  });

  it('reads a body spooled to disk, and captures values from the response', async () => {
    const result = await send(
      [{ kind: 'json', path: '$.id', compare: { op: 'equals', value: 'big-1' } }],
      '/big',
      { maxInMemoryBytes: 1024, captures: [captureSchema.parse({ id: 'k', variable: 'bigId', from: 'json', path: '$.id' })] },
    );
    expect(result.response.body.spoolFile).toBeTruthy();
    expect(result.checks?.results[0]).toMatchObject({ passed: true, actual: 'big-1' });
    expect(result.checks?.captures).toEqual([{ captureId: 'k', variable: 'bigId', value: 'big-1' }]);
  });

  it('resolves {{variables}} in what checks expect from the values sent with them, never answering with a secret one', async () => {
    const result = await send(
      [
        { kind: 'json', path: '$.id', compare: { op: 'equals', value: '{{expectedId}}' } },
        { kind: 'json', path: '$.id', compare: { op: 'equals', value: '{{token}}' } },
        { kind: 'json', path: '$.id', compare: { op: 'equals', value: '{{nobody}}' } },
      ],
      '/orders',
      { checkVariables: [{ key: 'expectedId', value: 'ord-42' }, { key: 'token', value: 'tok-s3cr3t', secret: true }] },
    );
    const r = byId(result.checks);
    expect(r.c0).toMatchObject({ passed: true, label: '$.id equals "{{expectedId}}"' });
    expect(r.c1).toMatchObject({ passed: false, actual: 'ord-42' });
    expect(r.c2).toMatchObject({ passed: false });
    expect(r.c2!.message).toMatch(/\{\{nobody\}\} is not defined/);
    expect(JSON.stringify(result)).not.toContain('tok-s3cr3t');
  });

  it('leaves a send without checks as it was', async () => {
    const result = value<SendResult>(await app.registry.invoke('request:send', { request: { method: 'GET', url: `${server.url}/orders` }, auth: { kind: 'none' } }));
    expect(result.checks).toBeUndefined();
  });

  it('refuses a malformed check with INVALID_INPUT before anything is sent', async () => {
    const before = server.requests.length;
    const result = await app.registry.invoke('request:send', { request: { method: 'GET', url: `${server.url}/orders` }, auth: { kind: 'none' }, checks: [{ id: 'x', kind: 'script', code: 'pm.test()' }] });
    expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_INPUT');
    expect(server.requests.length).toBe(before);
  });
});

const ROLE = 'arn:aws:iam::111111111111:role/ApiInvoker';

describeWithMoto('identity checks against moto', (moto) => {
  let server: EchoServer;
  let app: App;

  beforeAll(async () => {
    server = await startEchoServer(() => ({ status: 200, headers: [['Content-Type', 'application/json']], body: '{}' }));
    const caller = await moto().createUserWithKeys('checks-caller', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetCallerIdentity'], Resource: '*' }],
    });
    const dir = await mkdtemp(join(tmpdir(), 'rolecall-checks-aws-'));
    await writeFile(join(dir, 'config'), `[profile caller]\nregion = us-east-1\n\n[profile api]\nrole_arn = ${ROLE}\nsource_profile = caller\nrole_session_name = checks\n`);
    await writeFile(join(dir, 'credentials'), `[caller]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = ${caller.secretAccessKey}\n`);
    app = createApp({ host: 'browser-test', env: { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') }, stsEndpoint: moto().endpoint, emit: () => {} });
  });
  afterAll(async () => {
    await app.dispose();
    await server.stop();
  });

  it('passes for the role the request was signed as and fails for another, naming the assumed-role ARN', async () => {
    const result = value<SendResult>(
      await app.registry.invoke('request:send', {
        request: { method: 'GET', url: `${server.url}/x` },
        auth: { kind: 'profile', profile: 'api' },
        signing: { region: 'us-east-1', service: 'execute-api' },
        checks: checks([
          { kind: 'identity', expect: ROLE },
          { kind: 'identity', expect: 'arn:aws:sts::111111111111:assumed-role/ApiInvoker/*' },
          { kind: 'identity', expect: '111111111111' },
          { kind: 'identity', expect: 'arn:aws:iam::222222222222:role/Other' },
        ]),
      }),
    );
    const r = byId(result.checks);
    const sessionArn = 'arn:aws:sts::111111111111:assumed-role/ApiInvoker/checks';
    expect(r.c0).toMatchObject({ passed: true, actual: sessionArn });
    expect(r.c1).toMatchObject({ passed: true, actual: sessionArn });
    expect(r.c2).toMatchObject({ passed: true, actual: '111111111111' });
    expect(r.c3).toMatchObject({ passed: false, actual: sessionArn, message: 'expected arn:aws:iam::222222222222:role/Other' });
  });
});
