// A signed API behind a redirect, through the engine as the app and the CLI send: with followRedirects every hop
// reaches the API signed with the request's own credentials (the loopback server verifies each as AWS would), and
// the answer is the last hop's. Before, the second hop went out with the first hop's signature and was refused.
import { afterEach, expect, it } from 'vitest';
import { header, verifySigV4 } from '../e2e/harness/sigv4Verifier';
import { createEngine } from './engine';
import { parseSendInput } from './engineInput';
import { closeIdleConnections, decodeBodyText } from './services/transport';
import { startEchoServer, type EchoServer } from './testing/echoServer';

const KEYS = { accessKeyId: 'ASIAENGINEREDIRECT01', secretAccessKey: 'engineRedirectTestSecretKey/000000000000', sessionToken: 'engine-redirect-token' };
const ENV = { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey, AWS_SESSION_TOKEN: KEYS.sessionToken };

let api: EchoServer | undefined;
let other: EchoServer | undefined;
afterEach(async () => {
  closeIdleConnections();
  await api?.stop();
  await other?.stop();
  other = undefined;
});

const engineWithEnvKeys = () => createEngine({ env: ENV, mfa: () => Promise.reject(new Error('no MFA here')) });
const signedGet = (url: string) =>
  parseSendInput({ request: { method: 'GET', url }, auth: { kind: 'env' }, signing: { region: 'eu-west-1', service: 'execute-api' }, followRedirects: true });

it('follows a signed request through two same-origin redirects, each hop signed and verified', async () => {
  api = await startEchoServer(async (request) => {
    const verdict = await verifySigV4(request, KEYS);
    if (!verdict.ok) return { status: 403, body: `refused: ${verdict.reason}` };
    if (request.url === '/prod/a') return { status: 301, headers: [['Location', '/prod/b']] };
    if (request.url === '/prod/b') return { status: 307, headers: [['Location', `${api!.url}/prod/c?from=b`]] };
    return { status: 200, body: `verified ${request.method} ${request.url} ${request.body.toString('utf8')}` };
  });
  const engine = createEngine({ env: ENV, mfa: () => Promise.reject(new Error('no MFA here')) });
  const input = parseSendInput({
    request: { method: 'PUT', url: `${api.url}/prod/a`, body: { kind: 'text', text: 'order 42' } },
    auth: { kind: 'env' },
    signing: { region: 'eu-west-1', service: 'execute-api' },
    followRedirects: true,
  });
  const { result } = await engine.send(input);
  expect(decodeBodyText(result.response.body.headBase64)).toBe('verified PUT /prod/c?from=b order 42');
  expect(api.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /prod/a', 'PUT /prod/b', 'PUT /prod/c?from=b']);
  expect(api.requests.map((r) => header(r, 'x-amz-security-token'))).toEqual([KEYS.sessionToken, KEYS.sessionToken, KEYS.sessionToken]);
  // What the inspector shows is the request as first signed; the response names each redirect it followed.
  expect(result.sent.request.url).toBe(`${api.url}/prod/a`);
  expect(result.response.redirects).toEqual([
    { status: 301, method: 'PUT', url: `${api.url}/prod/b`, signing: 'resigned' },
    { status: 307, method: 'PUT', url: `${api.url}/prod/c?from=b`, signing: 'resigned' },
  ]);
});

it('a request that answers at once names no redirects', async () => {
  api = await startEchoServer();
  const { result } = await engineWithEnvKeys().send(signedGet(`${api.url}/prod/items`));
  expect(result.response.status).toBe(200);
  expect(result.response.redirects).toBeUndefined();
});

it('once a redirect leaves the origin, no later hop is signed, even one that stays on the new host', async () => {
  other = await startEchoServer(async (request) =>
    request.url === '/landing' ? { status: 302, headers: [['Location', '/landing/next']] } : { status: 200, body: 'elsewhere' },
  );
  api = await startEchoServer(async () => ({ status: 302, headers: [['Location', `${other!.url}/landing`]] }));
  const { result } = await engineWithEnvKeys().send(signedGet(`${api.url}/prod/a`));
  expect(other.requests.map((r) => r.url)).toEqual(['/landing', '/landing/next']);
  for (const received of other.requests) {
    expect(header(received, 'authorization')).toBeUndefined();
    expect(header(received, 'x-amz-security-token')).toBeUndefined();
    expect(header(received, 'x-amz-date')).toBeUndefined();
  }
  expect(result.response.redirects?.map((hop) => hop.signing)).toEqual(['stripped', 'unsigned']);
});

it('a refusal after a redirect to another origin is explained for the request that got it: sent unsigned, because of the redirect', async () => {
  other = await startEchoServer(async () => ({
    status: 403,
    headers: [['Content-Type', 'application/json'], ['x-amzn-ErrorType', 'MissingAuthenticationTokenException']],
    body: '{"message":"Missing Authentication Token"}',
  }));
  api = await startEchoServer(async () => ({ status: 301, headers: [['Location', `${other!.url}/prod/items`]] }));
  const { result } = await engineWithEnvKeys().send(signedGet(`${api.url}/prod/items`));
  expect(result.refusal?.id).toBe('apigw.missing-token.unsigned');
  expect(result.refusal?.likelihood[0]).toContain(`redirected to ${other.url}/prod/items`);
  expect(result.refusal?.likelihood[0]).toContain('another origin');
});

it('a presigned URL redirected within its origin is recorded with its signature values masked', async () => {
  api = await startEchoServer(async (request) =>
    request.url.startsWith('/bucket/old') ? { status: 307, headers: [['Location', '/bucket/new?X-Amz-Signature=abc123&X-Amz-Security-Token=tok&keep=1']] } : { status: 200, body: 'ok' },
  );
  const { result } = await createEngine({ env: {}, mfa: () => Promise.reject(new Error('no MFA here')) }).send(
    parseSendInput({ request: { method: 'GET', url: `${api.url}/bucket/old` }, auth: { kind: 'none' }, followRedirects: true }),
  );
  const hop = result.response.redirects?.[0];
  expect(hop?.signing).toBe('unsigned');
  expect(hop?.url).not.toContain('abc123');
  expect(hop?.url).not.toContain('tok&');
  expect(hop?.url).toContain('keep=1');
});
