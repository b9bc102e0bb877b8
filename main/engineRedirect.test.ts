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
afterEach(async () => {
  closeIdleConnections();
  await api?.stop();
});

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
  // What the inspector shows is the request as first signed.
  expect(result.sent.request.url).toBe(`${api.url}/prod/a`);
});
