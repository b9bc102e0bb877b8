// Redirects of a signed request, on the wire: sendRaw follows them with redirectSigning's hop, signed again by
// RoleCall's signer within the origin, and loopback servers check every hop the way AWS would (e2e/harness
// verifiers, independent of RoleCall's signer). Before this, a same-origin hop went out with the first hop's
// signature and the API refused it.
import { afterEach, describe, expect, it } from 'vitest';
import { header, headerPairs, verifySigV4 } from '../../e2e/harness/sigv4Verifier';
import { verifyPresigned } from '../../e2e/harness/presignVerifier';
import { startEchoServer, type EchoHandler, type EchoServer, type RecordedRequest } from '../testing/echoServer';
import type { SignParams } from './signer';
import { signRequest } from './signer';
import { nextHop, redirectMethod, sameOrigin, type HopRequest, type ResignHop } from './redirectSigning';
import { closeIdleConnections, decodeBodyText, sendRaw, type TransportOptions } from './transport';

const KEYS = {
  accessKeyId: 'ASIAREDIRECTEXAMPLE1',
  secretAccessKey: 'redirectSigningTestSecretKey/0000000000',
  sessionToken: 'redirect-signing-session-token+/=EXAMPLE',
};
const HEADER_SIGNING: SignParams['signing'] = { region: 'eu-west-1', service: 'execute-api', payload: 'signed', mode: 'header', expiresIn: 300 };
const QUERY_SIGNING: SignParams['signing'] = { ...HEADER_SIGNING, service: 's3', mode: 'query' };

const servers: EchoServer[] = [];
afterEach(async () => {
  closeIdleConnections();
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function server(handler: EchoHandler): Promise<EchoServer> {
  const s = await startEchoServer(handler);
  servers.push(s);
  return s;
}

/** The first hop as the engine signs it, and the resign it hands the transport (same keys, same settings). */
async function signed(request: HopRequest, signing = HEADER_SIGNING): Promise<{ first: HopRequest; resign: ResignHop }> {
  const sign = async (hop: HopRequest): Promise<HopRequest> => ({ ...hop, ...(await signRequest({ request: hop, credentials: KEYS, signing })).request });
  return { first: await sign(request), resign: sign };
}

async function send(first: HopRequest, extra: Partial<TransportOptions>) {
  return sendRaw(first, first.body, { timeoutMs: 5000, maxInMemoryBytes: 64 * 1024, followRedirects: true, ...extra });
}

/** An API that redirects `from` to `location` with `status` and answers 200 elsewhere, only to a good signature. */
function signedApi(from: string, status: number, location: string, verify: (request: RecordedRequest) => Promise<{ ok: boolean; reason?: string }>): EchoHandler {
  return async (request) => {
    const verdict = await verify(request);
    if (!verdict.ok) return { status: 403, headers: [['Content-Type', 'text/plain']], body: `refused: ${verdict.reason}` };
    if (request.url.split('?')[0] === from) return { status, headers: [['Location', location]] };
    return { status: 200, headers: [['Content-Type', 'text/plain']], body: `verified ${request.method} ${request.url} ${request.body.length} bytes` };
  };
}

const sigv4 = (request: RecordedRequest) => verifySigV4(request, KEYS);

describe('redirectMethod', () => {
  it('follows the Fetch standard: 303 makes a GET (HEAD stays), 301/302 make a POST a GET, 307/308 keep the method', () => {
    expect(['GET', 'HEAD', 'POST', 'PUT', 'DELETE'].map((m) => redirectMethod(m, 303))).toEqual(['GET', 'HEAD', 'GET', 'GET', 'GET']);
    expect(['GET', 'POST', 'PUT'].map((m) => redirectMethod(m, 301))).toEqual(['GET', 'GET', 'PUT']);
    expect(['GET', 'POST', 'PUT'].map((m) => redirectMethod(m, 302))).toEqual(['GET', 'GET', 'PUT']);
    expect(['POST', 'PUT', 'DELETE'].map((m) => redirectMethod(m, 307))).toEqual(['POST', 'PUT', 'DELETE']);
    expect(['POST', 'PATCH'].map((m) => redirectMethod(m, 308))).toEqual(['POST', 'PATCH']);
  });

  it('counts scheme, host and port as the origin', () => {
    expect(sameOrigin('https://api.example.com/a', 'https://api.example.com/b?x=1')).toBe(true);
    expect(sameOrigin('https://api.example.com/a', 'http://api.example.com/a')).toBe(false);
    expect(sameOrigin('https://api.example.com/a', 'https://api.example.com:8443/a')).toBe(false);
    expect(sameOrigin('https://api.example.com/a', 'https://other.example.com/a')).toBe(false);
  });
});

describe('a signed request redirected within its origin is signed again', () => {
  it('GET 302 to a new path and query: both hops verify, with the session token, and the signatures differ', async () => {
    const api = await server(signedApi('/prod/old', 302, '/prod/new?page=2&q=a%20b', sigv4));
    const { first, resign } = await signed({ method: 'GET', url: `${api.url}/prod/old`, headers: [['Accept', 'application/json']], body: new Uint8Array() });
    const response = await send(first, { resign });
    expect(decodeBodyText(response.body.headBase64)).toBe('verified GET /prod/new?page=2&q=a%20b 0 bytes');
    expect(response.status).toBe(200);
    const [one, two] = api.requests;
    expect(header(two!, 'x-amz-security-token')).toBe(KEYS.sessionToken);
    expect(header(two!, 'accept')).toBe('application/json');
    expect(header(two!, 'authorization')).not.toBe(header(one!, 'authorization'));
    expect(headerPairs(two!.rawHeaders).filter(([name]) => name.toLowerCase() === 'authorization')).toHaveLength(1);
  });

  it('POST 307 keeps the method and the body, signed over the same bytes', async () => {
    const api = await server(signedApi('/prod/orders', 307, '/prod/v2/orders', sigv4));
    const body = new TextEncoder().encode('{"order":42}');
    const { first, resign } = await signed({ method: 'POST', url: `${api.url}/prod/orders`, headers: [['Content-Type', 'application/json']], body });
    const response = await send(first, { resign });
    expect(decodeBodyText(response.body.headBase64)).toBe('verified POST /prod/v2/orders 12 bytes');
    expect(api.requests[1]!.body.toString('utf8')).toBe('{"order":42}');
    expect(header(api.requests[1]!, 'content-type')).toBe('application/json');
  });

  it('POST 303 becomes a signed GET without the body or the headers that described it', async () => {
    const api = await server(signedApi('/prod/orders', 303, '/prod/orders/42', sigv4));
    const { first, resign } = await signed({
      method: 'POST',
      url: `${api.url}/prod/orders`,
      headers: [['Content-Type', 'application/json']],
      body: new TextEncoder().encode('{"order":42}'),
    });
    const response = await send(first, { resign });
    expect(decodeBodyText(response.body.headBase64)).toBe('verified GET /prod/orders/42 0 bytes');
    expect(header(api.requests[1]!, 'content-type')).toBeUndefined();
    expect(header(api.requests[1]!, 'x-amz-security-token')).toBe(KEYS.sessionToken);
  });

  it('a presigned (query) request is presigned again for the new path, stale parameters replaced', async () => {
    const api = await server(signedApi('/bucket/old.csv', 301, '/bucket/new.csv', async (request) => verifyPresigned(request, KEYS)));
    const { first, resign } = await signed({ method: 'GET', url: `${api.url}/bucket/old.csv`, headers: [], body: new Uint8Array() }, QUERY_SIGNING);
    const response = await send(first, { resign });
    expect(response.status).toBe(200);
    expect(api.requests[1]!.url.split('?')[0]).toBe('/bucket/new.csv');
    expect(api.requests[1]!.url.match(/X-Amz-Signature=/g)).toHaveLength(1);
  });

  it('without a resign (an unsigned request) the hop keeps its headers as typed', async () => {
    const hop = await nextHop({ method: 'GET', url: 'http://127.0.0.1:1/a', headers: [['Authorization', 'Bearer typed']], body: new Uint8Array() }, 302, 'http://127.0.0.1:1/b');
    expect(hop.headers).toEqual([['Authorization', 'Bearer typed']]);
  });
});

describe('a signed request redirected to another origin carries no credential', () => {
  it('sends no Authorization, no X-Amz-* header and no cookie, and is not signed again', async () => {
    const elsewhere = await server(() => ({ status: 200, body: 'elsewhere' }));
    const api = await server(signedApi('/prod/old', 302, `${elsewhere.url}/landed`, sigv4));
    const { first } = await signed({ method: 'GET', url: `${api.url}/prod/old`, headers: [['Accept', 'text/plain'], ['Cookie', 'sid=1']], body: new Uint8Array() });
    let resigned = 0;
    const response = await send(first, { resign: async (hop) => (resigned++, hop) });
    expect(response.status).toBe(200);
    expect(resigned).toBe(0);
    const landed = elsewhere.requests[0]!;
    expect(headerPairs(landed.rawHeaders).map(([name]) => name.toLowerCase()).filter((name) => /^(authorization|cookie|x-amz-)/.test(name))).toEqual([]);
    expect(header(landed, 'accept')).toBe('text/plain');
    expect(header(landed, 'host')).toBe(`127.0.0.1:${elsewhere.port}`);
  });

  it('drops the presigned query values a Location echoes, so the session token stays behind', async () => {
    const elsewhere = await server(() => ({ status: 200, body: 'elsewhere' }));
    const api = await server(async (request) => {
      const verdict = verifyPresigned(request, KEYS);
      if (!verdict.ok) return { status: 403, body: verdict.reason ?? 'refused' };
      return { status: 302, headers: [['Location', `${elsewhere.url}/copy${request.url.slice(request.url.indexOf('?'))}&keep=1`]] };
    });
    const { first, resign } = await signed({ method: 'GET', url: `${api.url}/bucket/report.csv?versionId=3`, headers: [], body: new Uint8Array() }, QUERY_SIGNING);
    await send(first, { resign });
    const landed = elsewhere.requests[0]!.url;
    expect(landed).toMatch(/^\/copy\?/);
    expect(landed).not.toMatch(/X-Amz-/i);
    expect(landed).not.toContain(encodeURIComponent(KEYS.sessionToken));
    expect(new URLSearchParams(landed.slice(landed.indexOf('?'))).get('versionId')).toBe('3');
    expect(new URLSearchParams(landed.slice(landed.indexOf('?'))).get('keep')).toBe('1');
  });
});
