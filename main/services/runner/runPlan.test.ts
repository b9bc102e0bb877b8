// The run loop against a stand-in engine: what it sends in which order, how captures and secrets resolve, how a
// refused MFA prompt is remembered for the rest of the run, --bail, and when STS is asked who signed.
import { describe, expect, it } from 'vitest';
import { appError } from '../../../src/errors';
import type { AuthChoice } from '../../../src/models/auth';
import type { SendResult } from '../../../src/models/http';
import { collectionSchema, environmentSchema } from '../../../src/models/workspace';
import { planRun } from '../../../src/runner/plan';
import { DEFAULT_RUN_SETTINGS } from '../../../src/runner/types';
import type { ParsedSendInput } from '../../engine';
import { runPlan, type Evaluate, type RunnerEngine } from './runPlan';

function answer(status: number, body: string): SendResult {
  return {
    sent: { request: { method: 'GET', url: 'x', headers: [] } },
    response: {
      status,
      statusText: '',
      httpVersion: '1.1',
      headers: [],
      body: { size: body.length, headBase64: Buffer.from(body).toString('base64'), complete: true },
      timings: { firstByte: 1, total: 2 },
    },
  };
}

function fakeEngine(reply: (input: ParsedSendInput) => SendResult | Promise<SendResult>) {
  const sent: ParsedSendInput[] = [];
  let whoami = 0;
  const engine: RunnerEngine = {
    send: async (input) => {
      sent.push(input);
      return { result: await reply(input), secrets: [] };
    },
    cancel: () => false,
    hops: async (auth) => [{ kind: 'env', label: auth.kind === 'assumeRole' ? auth.roleArn : 'environment' }],
    signedAs: async () => {
      whoami++;
      return { arn: 'arn:aws:sts::111111111111:assumed-role/R/s', account: '111111111111' };
    },
  };
  return { engine, sent, whoamiCalls: () => whoami };
}

/** A stand-in evaluator: captures $.id from a JSON body, a status check when one is declared. */
const evaluate: Evaluate = async (checks, captures, result) => {
  const body = Buffer.from(result.response.body.headBase64, 'base64').toString('utf8');
  const results = checks.map((c) => ({ checkId: c.id, label: c.kind, passed: c.kind !== 'status' || String(result.response.status) === c.expect, actual: String(result.response.status) }));
  const captured = captures.map((c) => ({ captureId: c.id, variable: c.variable, value: (JSON.parse(body) as { id?: string }).id }));
  return { results, captures: captured, passed: results.every((r) => r.passed) };
};

const req = (id: string, url: string, extra: Record<string, unknown> = {}) => ({ kind: 'request', id, name: id, method: 'GET', url, signing: { region: 'us-east-1', service: 'execute-api' }, ...extra });

describe('runPlan', () => {
  it('feeds a capture to the requests after it, ahead of the environment, and masks secrets in the reported URL', async () => {
    const collection = collectionSchema.parse({
      id: 'c',
      name: 'C',
      items: [
        req('create', 'http://127.0.0.1/items?key={{apiKey}}', { captures: [{ id: 'k', variable: 'id', from: 'json', path: '$.id' }] }),
        req('get', 'http://127.0.0.1/items/{{id}}?key={{apiKey}}'),
      ],
    });
    const environment = environmentSchema.parse({ id: 'e', name: 'stag', variables: [{ id: 'v', key: 'id', value: 'stale' }, { id: 's', key: 'apiKey', value: 'sekret-value', secret: true }] });
    const { engine, sent } = fakeEngine(() => answer(201, '{"id":"n-7"}'));
    const report = await runPlan({ plan: planRun([collection]), environment, settings: DEFAULT_RUN_SETTINGS }, { engine, evaluate });
    expect(sent.map((s) => s.request.url)).toEqual(['http://127.0.0.1/items?key=sekret-value', 'http://127.0.0.1/items/n-7?key=sekret-value']);
    expect(report.results[1]!.url).toBe('http://127.0.0.1/items/n-7?key=••••••');
    expect(JSON.stringify(report)).not.toContain('sekret-value');
  });

  it('resolves a request again when a capture gives a new value in a later iteration (resolved requests are reused until then)', async () => {
    const collection = collectionSchema.parse({
      id: 'c',
      name: 'C',
      items: [req('create', 'http://127.0.0.1/items', { captures: [{ id: 'k', variable: 'id', from: 'json', path: '$.id' }] }), req('get', 'http://127.0.0.1/items/{{id}}')],
    });
    let n = 0;
    const { engine, sent } = fakeEngine((input) => answer(200, input.request.url.endsWith('/items') ? `{"id":"n-${Math.min(++n, 2)}"}` : '{}'));
    await runPlan({ plan: planRun([collection]), settings: { ...DEFAULT_RUN_SETTINGS, iterations: 3 } }, { engine, evaluate });
    expect(sent.map((s) => s.request.url).filter((u) => !u.endsWith('/items'))).toEqual(['http://127.0.0.1/items/n-1', 'http://127.0.0.1/items/n-2', 'http://127.0.0.1/items/n-2']);
  });

  it('fails a request that uses an undefined variable without sending it', async () => {
    const collection = collectionSchema.parse({ id: 'c', name: 'C', items: [req('get', 'http://127.0.0.1/items/{{missing}}')] });
    const { engine, sent } = fakeEngine(() => answer(200, '{}'));
    const report = await runPlan({ plan: planRun([collection]), settings: DEFAULT_RUN_SETTINGS }, { engine, evaluate });
    expect(sent).toHaveLength(0);
    expect(report.results[0]!.error).toMatchObject({ code: 'UNRESOLVED_VARIABLE', message: expect.stringContaining('{{missing}}') });
    expect(report.passed).toBe(false);
  });

  it('asks for a role’s MFA code once: after a refused prompt, later requests with that role fail without asking', async () => {
    const role: Record<string, unknown> = { type: 'assumeRole', base: { kind: 'env' }, roleArn: 'arn:aws:iam::111111111111:role/NeedsMfa', mfaSerial: 'arn:aws:iam::111111111111:mfa/me' };
    const collection = collectionSchema.parse({ id: 'c', name: 'C', auth: role, items: [req('a', 'http://127.0.0.1/a'), req('b', 'http://127.0.0.1/b'), req('c', 'http://127.0.0.1/c', { auth: { type: 'none' } })] });
    let prompts = 0;
    const { engine, sent } = fakeEngine((input) => {
      if (input.auth.kind === 'assumeRole') {
        prompts++;
        throw appError('MFA_CANCELLED', 'The MFA prompt was cancelled.');
      }
      return answer(200, '{}');
    });
    const report = await runPlan({ plan: planRun([collection]), settings: DEFAULT_RUN_SETTINGS }, { engine, evaluate });
    expect(prompts).toBe(1);
    expect(report.results.map((r) => r.error?.code ?? r.status)).toEqual(['MFA_CANCELLED', 'MFA_CANCELLED', 200]);
    expect(sent.map((s) => s.request.url)).toEqual(['http://127.0.0.1/a', 'http://127.0.0.1/c']);
  });

  it('stops at the first failure with bail, runs every iteration without it', async () => {
    const collection = collectionSchema.parse({ id: 'c', name: 'C', items: [req('a', 'http://127.0.0.1/a', { checks: [{ kind: 'status', id: 's', expect: '200' }] }), req('b', 'http://127.0.0.1/b')] });
    const failing = fakeEngine(() => answer(500, '{}'));
    const bailed = await runPlan({ plan: planRun([collection]), settings: { ...DEFAULT_RUN_SETTINGS, bail: true, iterations: 2 } }, { engine: failing.engine, evaluate });
    expect(bailed).toMatchObject({ bailed: true, passed: false });
    expect(bailed.results).toHaveLength(1);
    const all = await runPlan({ plan: planRun([collection]), settings: { ...DEFAULT_RUN_SETTINGS, iterations: 2 } }, { engine: failing.engine, evaluate });
    expect(all.results.map((r) => `${r.iteration}:${r.name}:${r.passed}`)).toEqual(['1:a:false', '1:b:true', '2:a:false', '2:b:true']);
  });

  it('asks STS who signed only when an identity check is declared, and applies the CLI’s auth rewrite', async () => {
    const plain = collectionSchema.parse({ id: 'c', name: 'C', auth: { type: 'env' }, items: [req('a', 'http://127.0.0.1/a')] });
    const withCheck = collectionSchema.parse({ id: 'd', name: 'D', auth: { type: 'env' }, items: [req('a', 'http://127.0.0.1/a', { checks: [{ kind: 'identity', id: 'i', expect: '111111111111' }] })] });
    const fake = fakeEngine(() => answer(200, '{}'));
    const rewrite = (auth: AuthChoice): AuthChoice => (auth.kind === 'env' ? { kind: 'profile', profile: 'ci' } : auth);
    await runPlan({ plan: planRun([plain]), settings: DEFAULT_RUN_SETTINGS, authFor: rewrite }, { engine: fake.engine, evaluate });
    expect(fake.whoamiCalls()).toBe(0);
    expect(fake.sent[0]!.auth).toEqual({ kind: 'profile', profile: 'ci' });
    const checked = await runPlan({ plan: planRun([withCheck]), settings: DEFAULT_RUN_SETTINGS }, { engine: fake.engine, evaluate });
    expect(fake.whoamiCalls()).toBe(1);
    expect(checked.results[0]!.identity).toMatchObject({ arn: 'arn:aws:sts::111111111111:assumed-role/R/s', label: 'environment' });
  });
});
