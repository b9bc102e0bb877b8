// Clock skew end to end: a loopback server that, like AWS, refuses signatures more than 5 minutes off its own
// (skewed) clock. RoleCall recovers after one refused attempt, and later requests are signed right at once.
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_KEYS } from '../e2e/harness/sigv4Verifier';
import { createEngine } from './engine';
import { parseSendInput } from './engineInput';
import { startSkewedServer, type SkewedServer, type SkewedServerOptions } from './testing/skewedAwsServer';

const ENV = { AWS_ACCESS_KEY_ID: EXAMPLE_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: EXAMPLE_KEYS.secretAccessKey };
const MIN = 60_000;

const servers: SkewedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function server(options: Omit<SkewedServerOptions, 'keys'>): Promise<SkewedServer> {
  const s = await startSkewedServer({ keys: EXAMPLE_KEYS, ...options });
  servers.push(s);
  return s;
}

function engine(now?: () => number) {
  return createEngine({ env: ENV, mfa: () => Promise.reject(new Error('no MFA here')), ...(now ? { now } : {}) });
}

function input(url: string, extra: { method?: string; body?: string; signingDate?: string } = {}) {
  return parseSendInput({
    request: { method: extra.method ?? 'GET', url, ...(extra.body !== undefined ? { body: { kind: 'text', text: extra.body } } : {}) },
    auth: { kind: 'env' },
    signing: { region: 'eu-west-1', service: 'execute-api', ...(extra.signingDate ? { signingDate: extra.signingDate } : {}) },
  });
}

/** Within the Date header's whole seconds and the trip's latency. */
function near(actual: number | undefined, expected: number) {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThan(2500);
}

describe('a server whose clock is ahead (this computer is behind)', () => {
  it("recovers from API Gateway's 'Signature expired' after one refused attempt, and resends the same body", async () => {
    const s = await server({ skewMs: 7 * MIN + 12_000 });
    const e = engine();
    const { result } = await e.send(input(`${s.url}/prod/items`, { method: 'POST', body: '{"n":1}' }));
    expect(s.requests).toHaveLength(2);
    expect(result.response.status).toBe(200);
    expect(JSON.parse(Buffer.from(result.response.body.headBase64, 'base64').toString('utf8'))).toEqual({ ok: true, body: '{"n":1}' });
    expect(s.requests[1]?.body.toString('utf8')).toBe('{"n":1}');
    expect(result.clockSkew).toMatchObject({ source: 'aws-message', retried: true, refused: { status: 403 } });
    expect(result.clockSkew?.refused?.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    near(result.clockSkew?.offsetMs, 7 * MIN + 12_000);
    // What the inspector shows for the request that went out.
    near(result.sent.explanation?.clockOffsetMs, 7 * MIN + 12_000);
    expect(result.sent.explanation?.clockOffsetSource).toBe('aws-message');

    const later = await e.send(input(`${s.url}/prod/items`));
    expect(s.requests).toHaveLength(3);
    expect(later.result.response.status).toBe(200);
    expect(later.result.clockSkew?.retried).toBe(false);
    near(later.result.sent.explanation?.clockOffsetMs, 7 * MIN + 12_000);
  });

  it("recovers from S3's RequestTimeTooSkewed (XML) the same way", async () => {
    const s = await server({ skewMs: 20 * MIN, style: 's3' });
    const e = engine();
    const first = await e.send(input(`${s.url}/bucket/key`));
    expect(s.requests).toHaveLength(2);
    expect(first.result.response.status).toBe(200);
    expect(first.result.clockSkew).toMatchObject({ source: 'server-time', retried: true });
    near(first.result.clockSkew?.offsetMs, 20 * MIN);
    expect((await e.send(input(`${s.url}/bucket/key`))).result.response.status).toBe(200);
    expect(s.requests).toHaveLength(3);
  });

  it('corrects from the Date header before AWS refuses, once the offset passes 4 minutes', async () => {
    const s = await server({ skewMs: 4 * MIN + 30_000 });
    const e = engine();
    const first = await e.send(input(`${s.url}/prod/items`));
    expect(first.result.response.status).toBe(200);
    expect(s.requests).toHaveLength(1);
    expect(first.result.clockSkew).toMatchObject({ source: 'date-header', retried: false });
    expect(first.result.sent.explanation?.clockOffsetMs).toBeUndefined();
    const second = await e.send(input(`${s.url}/prod/items`));
    near(second.result.sent.explanation?.clockOffsetMs, 4 * MIN + 30_000);
  });
});

describe('a server whose clock is behind (this computer is ahead)', () => {
  it("recovers from 'Signature not yet current' with no Date header, with the clock injected", async () => {
    const s = await server({ skewMs: 0, dateHeader: false });
    // This computer's clock runs 9 minutes fast.
    const e = engine(() => Date.now() + 9 * MIN);
    const first = await e.send(input(`${s.url}/prod/items`));
    expect(s.requests).toHaveLength(2);
    expect(first.result.response.status).toBe(200);
    expect(first.result.clockSkew).toMatchObject({ source: 'aws-message', retried: true });
    expect(first.result.clockSkew?.refused?.message).toMatch(/^Signature not yet current: /);
    near(first.result.clockSkew?.offsetMs, -9 * MIN);
    const later = await e.send(input(`${s.url}/prod/items`));
    expect(later.result.response.status).toBe(200);
    expect(s.requests).toHaveLength(3);
  });
});

describe('no retry', () => {
  it('for a 403 that is not about time', async () => {
    const s = await server({ skewMs: 0, denyPrefix: '/deny' });
    const { result } = await engine().send(input(`${s.url}/deny`));
    expect(result.response.status).toBe(403);
    expect(s.requests).toHaveLength(1);
    expect(result.clockSkew).toBeUndefined();
  });

  it('for the refusal of the retry, nor for a later refusal that is not about time', async () => {
    const s = await server({ skewMs: 8 * MIN, denyPrefix: '/deny' });
    const e = engine();
    const first = await e.send(input(`${s.url}/deny`));
    // Refused for time, retried once, then refused for the policy: two requests, not three.
    expect(s.requests).toHaveLength(2);
    expect(first.result.response.status).toBe(403);
    expect(first.result.awsError?.type).toBe('AccessDeniedException');
    expect(first.result.clockSkew?.retried).toBe(true);
    await e.send(input(`${s.url}/deny`));
    expect(s.requests).toHaveLength(3);
  });

  it('with a fixed signing date: the user asked for that time', async () => {
    const s = await server({ skewMs: 0 });
    const { result } = await engine().send(input(`${s.url}/prod/items`, { signingDate: '2015-08-30T12:36:00Z' }));
    expect(result.response.status).toBe(403);
    expect(s.requests).toHaveLength(1);
    expect(result.sent.explanation?.amzDate).toBe('20150830T123600Z');
  });

  it('on a server whose clock agrees, nothing is said about clocks', async () => {
    const s = await server({ skewMs: 0 });
    const { result } = await engine().send(input(`${s.url}/prod/items`));
    expect(result.response.status).toBe(200);
    expect(result.clockSkew).toBeUndefined();
    expect(result.sent.explanation?.clockOffsetMs).toBeUndefined();
  });
});

describe('signing only (the inspector preview)', () => {
  it('dates the signature with the offset learned by a send to the same server', async () => {
    const s = await server({ skewMs: -6 * MIN });
    const e = engine();
    await e.send(input(`${s.url}/prod/items`));
    const signed = await e.sign(input(`${s.url}/prod/items`));
    near(signed.result.explanation?.clockOffsetMs, -6 * MIN);
    const amz = signed.result.explanation?.amzDate ?? '';
    const stamp = Date.UTC(+amz.slice(0, 4), +amz.slice(4, 6) - 1, +amz.slice(6, 8), +amz.slice(9, 11), +amz.slice(11, 13), +amz.slice(13, 15));
    near(stamp, s.now());
  });
});

describe('STS calls made through the AWS SDK', () => {
  function stsEngine(endpoint: string) {
    return createEngine({ env: { ...ENV, AWS_REGION: 'eu-west-1' }, stsEndpoint: endpoint, mfa: () => Promise.reject(new Error('no MFA here')) });
  }

  it("keep the offset the SDK learned, so the next STS call is dated right at once", async () => {
    const s = await server({ skewMs: 8 * MIN, style: 'sts' });
    const e = stsEngine(s.url);
    const first = await e.credentials.whoami({ kind: 'env' });
    expect(first.arn).toBe('arn:aws:iam::111111111111:user/skewed');
    // The SDK's own correction: one refused attempt.
    expect(s.requests).toHaveLength(2);
    await e.credentials.whoami({ kind: 'env' });
    expect(s.requests).toHaveLength(3);
    // And a request RoleCall signs itself to the same server uses it too.
    const sent = await e.send(input(`${s.url}/`));
    expect(sent.result.response.status).toBe(200);
    expect(s.requests).toHaveLength(4);
    near(sent.result.sent.explanation?.clockOffsetMs, 8 * MIN);
  });

  it('are dated with the offset a send learned (the SDK client gets it as systemClockOffset)', async () => {
    const s = await server({ skewMs: -10 * MIN, style: 'sts' });
    const e = stsEngine(s.url);
    await e.send(input(`${s.url}/`));
    expect(s.requests).toHaveLength(2);
    await e.credentials.whoami({ kind: 'env' });
    expect(s.requests).toHaveLength(3);
  });
});
