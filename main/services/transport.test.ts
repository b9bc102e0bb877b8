import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpResponse, SignedRequest } from '../../src/models/http';
import { generatedBytes, startEchoServer, type EchoHandler, type EchoServer } from '../testing/echoServer';
import { closeIdleConnections, decodeBodyText, readSpoolRange, sendRaw, type TransportOptions } from './transport';
import { failure } from '../testing/settle';

let spoolDir: string;
const servers: EchoServer[] = [];

beforeAll(() => {
  spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-transport-test-'));
});
afterEach(async () => {
  closeIdleConnections();
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
afterAll(() => {
  fs.rmSync(spoolDir, { recursive: true, force: true });
});

async function server(handler?: EchoHandler, tls?: { key: string; cert: string }): Promise<EchoServer> {
  const s = await startEchoServer(handler, tls ? { tls } : {});
  servers.push(s);
  return s;
}

function options(extra: Partial<TransportOptions> = {}): TransportOptions {
  return { timeoutMs: 5000, maxInMemoryBytes: 64 * 1024, spoolDir, ...extra };
}

function get(url: string, headers: Array<[string, string]> = []): SignedRequest {
  return { method: 'GET', url, headers };
}

function pairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/** Headers Node adds on its own and that are never signed. */
const unsigned = (pairsList: Array<[string, string]>) =>
  pairsList.filter(([name]) => !/^(connection|content-length)$/i.test(name));

async function deadPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function expectMonotonic(response: HttpResponse) {
  const t = response.timings;
  const phases = [t.dns, t.connect, t.tls, t.firstByte, t.total].filter((v): v is number => v !== undefined);
  expect(phases.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < phases.length; i++) expect(phases[i]!).toBeGreaterThanOrEqual(phases[i - 1]!);
  expect(phases[0]!).toBeGreaterThanOrEqual(0);
}

describe('sendRaw: what goes on the wire', () => {
  it('sends the path and query byte for byte, however odd', async () => {
    const s = await server();
    for (const target of ['/a%20b/%2F/~x?b=2&a=1&a=0&empty=&k=%3D', '/a/../b//c/./d:e*f?x=%7e&x=%7E', '?only=query']) {
      await sendRaw(get(`${s.url}${target}`), new Uint8Array(), options());
    }
    expect(s.requests.map((r) => r.url)).toEqual([
      '/a%20b/%2F/~x?b=2&a=1&a=0&empty=&k=%3D',
      '/a/../b//c/./d:e*f?x=%7e&x=%7E',
      '/?only=query',
    ]);
  });

  it('never sends the fragment', async () => {
    const s = await server();
    await sendRaw(get(`${s.url}/p?q=1#section`), new Uint8Array(), options());
    expect(s.requests[0]?.url).toBe('/p?q=1');
  });

  it('keeps duplicate request headers in order, with exactly the signed Host', async () => {
    const s = await server();
    const headers: Array<[string, string]> = [
      ['host', `127.0.0.1:${s.port}`],
      ['X-Amz-Date', '20240101T000000Z'],
      ['X-Dup', '1'],
      ['x-dup', '2'],
      ['X-Other', 'z'],
      ['X-Dup', '3'],
      ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/x, SignedHeaders=host;x-amz-date, Signature=abc'],
    ];
    await sendRaw(get(`${s.url}/`, headers), new Uint8Array(), options());
    const received = pairs(s.requests[0]!.rawHeaders);
    expect(unsigned(received)).toEqual(headers);
    expect(received.filter(([name]) => name.toLowerCase() === 'host')).toHaveLength(1);
  });

  it('refuses a typed Host that names another host than the URL, and accepts the same host in any spelling', async () => {
    const s = await server();
    for (const host of ['api.example.com', `127.0.0.1:${s.port + 1}`, '127.0.0.1', `127.0.0.1:${s.port}/x`, `evil@127.0.0.1:${s.port}`]) {
      const err = await failure(sendRaw(get(`${s.url}/`, [['Host', host]]), new Uint8Array(), options()));
      expect(err.code, host).toBe('INVALID_INPUT');
      expect(err.message, host).toContain("does not match the URL's host");
    }
    expect(s.requests).toHaveLength(0);
    await sendRaw(get(`${s.url}/`, [['HOST', ` 127.0.0.1:${s.port}`]]), new Uint8Array(), options());
    const port = await deadPort();
    const other = await failure(sendRaw(get(`http://localhost:${port}/`, [['host', `LOCALHOST:${port}`]]), new Uint8Array(), options()));
    expect(other.code).toBe('CONNECTION_REFUSED');
  });

  it('adds Host from the URL when the request has none', async () => {
    const s = await server();
    await sendRaw(get(`${s.url}/`, [['X-A', '1']]), new Uint8Array(), options());
    expect(unsigned(pairs(s.requests[0]!.rawHeaders))).toEqual([
      ['Host', `127.0.0.1:${s.port}`],
      ['X-A', '1'],
    ]);
  });

  it('sends a binary body unchanged with a Content-Length, never chunked', async () => {
    const s = await server((req) => ({ status: 200, body: req.body }));
    const body = new Uint8Array(512).map((_, i) => (i * 7) % 256);
    const response = await sendRaw({ method: 'PUT', url: `${s.url}/bin`, headers: [] }, body, options());
    const recorded = s.requests[0]!;
    expect(Buffer.compare(recorded.body, Buffer.from(body))).toBe(0);
    const names = pairs(recorded.rawHeaders).map(([n]) => n.toLowerCase());
    expect(names).not.toContain('transfer-encoding');
    expect(pairs(recorded.rawHeaders)).toContainEqual(['Content-Length', '512']);
    expect(response.body.complete).toBe(true);
    expect(response.body.size).toBe(512);
    expect(Buffer.compare(Buffer.from(response.body.headBase64, 'base64'), Buffer.from(body))).toBe(0);
  });

  it('sends an empty POST with Content-Length: 0', async () => {
    const s = await server();
    await sendRaw({ method: 'POST', url: `${s.url}/`, headers: [] }, new Uint8Array(), options());
    expect(pairs(s.requests[0]!.rawHeaders)).toContainEqual(['Content-Length', '0']);
  });

  it('refuses a URL with characters that must be encoded, and a URL that is not http(s)', async () => {
    expect((await failure(sendRaw(get('http://127.0.0.1:1/a b'), new Uint8Array(), options()))).code).toBe('INVALID_URL');
    expect((await failure(sendRaw(get('ftp://example.com/'), new Uint8Array(), options()))).code).toBe('INVALID_URL');
  });
});

describe('sendRaw: what comes back', () => {
  it('reports status, reason, version and raw response headers with duplicates in order', async () => {
    const s = await server(() => ({
      status: 418,
      statusText: 'Short And Stout',
      headers: [
        ['Set-Cookie', 'a=1'],
        ['X-Multi', '1'],
        ['set-cookie', 'b=2'],
        ['X-Multi', '2'],
      ],
      body: 'teapot',
    }));
    const response = await sendRaw(get(`${s.url}/`), new Uint8Array(), options());
    expect(response.status).toBe(418);
    expect(response.statusText).toBe('Short And Stout');
    expect(response.httpVersion).toBe('1.1');
    expect(response.headers.filter(([n]) => /^(set-cookie|x-multi)$/i.test(n))).toEqual([
      ['Set-Cookie', 'a=1'],
      ['X-Multi', '1'],
      ['set-cookie', 'b=2'],
      ['X-Multi', '2'],
    ]);
    expect(decodeBodyText(response.body.headBase64)).toBe('teapot');
  });

  it('spools a 30 MB body to a file, keeping only a bounded head in memory', { timeout: 30000 }, async () => {
    const total = 30 * 1024 * 1024;
    const limit = 1024 * 1024;
    const s = await server(() => ({ status: 200, generatedBytes: total }));
    const response = await sendRaw(get(`${s.url}/big`), new Uint8Array(), options({ maxInMemoryBytes: limit }));
    expect(response.body.size).toBe(total);
    expect(response.body.complete).toBe(false);
    const head = Buffer.from(response.body.headBase64, 'base64');
    expect(head.length).toBe(limit);
    expect(Buffer.compare(head, generatedBytes(0, limit))).toBe(0);

    const file = response.body.spoolFile!;
    expect(path.dirname(file)).toBe(spoolDir);
    expect(fs.statSync(file).size).toBe(total);
    const expected = createHash('sha256');
    for (let offset = 0; offset < total; offset += limit) expected.update(generatedBytes(offset, limit));
    const actual = createHash('sha256');
    for await (const chunk of fs.createReadStream(file)) actual.update(chunk as Buffer);
    expect(actual.digest('hex')).toBe(expected.digest('hex'));

    const middle = await readSpoolRange(file, 5_000_000, 1000, spoolDir);
    expect(Buffer.compare(Buffer.from(middle), generatedBytes(5_000_000, 1000))).toBe(0);
    expect((await readSpoolRange(file, total - 10, 100, spoolDir)).length).toBe(10);
    fs.rmSync(file);
  });

  it('keeps a body of exactly maxInMemoryBytes in memory', async () => {
    const s = await server(() => ({ status: 200, generatedBytes: 2048 }));
    const response = await sendRaw(get(`${s.url}/`), new Uint8Array(), options({ maxInMemoryBytes: 2048 }));
    expect(response.body).toEqual({ size: 2048, complete: true, headBase64: generatedBytes(0, 2048).toString('base64') });
  });

  it('reads spooled bodies only from the spool folder', async () => {
    const err = await failure(readSpoolRange(path.join(os.tmpdir(), 'elsewhere.body'), 0, 10, spoolDir));
    expect(err.code).toBe('FILE_ERROR');
    const sneaky = await failure(readSpoolRange(path.join(spoolDir, '..', 'x.body'), 0, 10, spoolDir));
    expect(sneaky.code).toBe('FILE_ERROR');
  });

  it('reports timings in order, and omits connect on a reused keep-alive connection', async () => {
    const s = await server();
    const first = await sendRaw(get(`${s.url}/1`), new Uint8Array(), options());
    const second = await sendRaw(get(`${s.url}/2`), new Uint8Array(), options());
    expectMonotonic(first);
    expectMonotonic(second);
    expect(first.timings.connect).toBeDefined();
    expect(first.timings.dns).toBeUndefined(); // an IP literal needs no lookup
    expect(first.timings.tls).toBeUndefined();
    expect(s.requests[1]!.remotePort).toBe(s.requests[0]!.remotePort);
    expect(second.timings.connect).toBeUndefined();
    expect(second.timings.dns).toBeUndefined();
  });
});

describe('sendRaw: failures are readable values', () => {
  it('times out when the server never answers', async () => {
    const s = await server(() => ({ hang: true }));
    const err = await failure(sendRaw(get(`${s.url}/`), new Uint8Array(), options({ timeoutMs: 200 })));
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toBe(`No answer from 127.0.0.1:${s.port} within 0.2 s.`);
  });

  it('times out mid-body and leaves no spooled file behind', async () => {
    const dir = fs.mkdtempSync(path.join(spoolDir, 'stall-'));
    const s = await server(() => ({ status: 200, generatedBytes: 4_000_000, stallAfterBytes: 1_000_000 }));
    const err = await failure(
      sendRaw(get(`${s.url}/`), new Uint8Array(), options({ timeoutMs: 300, maxInMemoryBytes: 4096, spoolDir: dir })),
    );
    expect(err.code).toBe('TIMEOUT');
    for (let i = 0; i < 50 && fs.readdirSync(dir).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('cancels through the AbortSignal', async () => {
    let arrived!: () => void;
    const seen = new Promise<void>((resolve) => (arrived = resolve));
    const s = await server(() => {
      arrived();
      return { hang: true };
    });
    const controller = new AbortController();
    const pending = sendRaw(get(`${s.url}/`), new Uint8Array(), options({ signal: controller.signal }));
    await seen;
    controller.abort();
    expect((await failure(pending)).code).toBe('CANCELLED');
  });

  it('does not send at all when already cancelled', async () => {
    const s = await server();
    const controller = new AbortController();
    controller.abort();
    const err = await failure(sendRaw(get(`${s.url}/`), new Uint8Array(), options({ signal: controller.signal })));
    expect(err.code).toBe('CANCELLED');
    expect(s.requests).toHaveLength(0);
  });

  it('reports a refused connection', async () => {
    const port = await deadPort();
    const err = await failure(sendRaw(get(`http://127.0.0.1:${port}/`), new Uint8Array(), options()));
    expect(err.code).toBe('CONNECTION_REFUSED');
    expect(err.detail).toContain('ECONNREFUSED');
  });

  it('reports a host that does not resolve', async () => {
    const err = await failure(sendRaw(get('https://nothing-here.invalid/x'), new Uint8Array(), options()));
    expect(err.code).toBe('DNS_FAILURE');
    expect(err.message).toBe('Could not find host nothing-here.invalid.');
    expect(err.detail).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('reports a connection the server drops', async () => {
    const s = await server(() => ({ reset: true }));
    const err = await failure(sendRaw(get(`${s.url}/`), new Uint8Array(), options()));
    expect(err.code).toBe('CONNECTION_RESET');
  });

  it('retries an idempotent request once when a reused connection turns out closed, never a POST', async () => {
    let count = 0;
    const s = await server(() => (++count === 2 ? { reset: true } : { status: 200, body: 'ok' }));
    await sendRaw(get(`${s.url}/1`), new Uint8Array(), options());
    const retried = await sendRaw(get(`${s.url}/2`), new Uint8Array(), options());
    expect(retried.status).toBe(200);
    expect(s.requests.map((r) => r.url)).toEqual(['/1', '/2', '/2']);

    count = 0;
    const post = (n: number) => sendRaw({ method: 'POST', url: `${s.url}/p${n}`, headers: [] }, new Uint8Array(), options());
    await post(1);
    expect((await failure(post(2))).code).toBe('CONNECTION_RESET');
    expect(s.requests.map((r) => r.url).slice(3)).toEqual(['/p1', '/p2']);
  });

  it('reports a TLS error when https meets a plain-http port', async () => {
    const s = await server();
    const err = await failure(sendRaw(get(`https://127.0.0.1:${s.port}/`), new Uint8Array(), options()));
    expect(err.code).toBe('TLS_ERROR');
    expect(err.detail).toBeTruthy();
  });
});

describe('sendRaw over HTTPS', () => {
  const tls = selfSignedCertificate();

  it.skipIf(!tls)('reports an untrusted certificate as a TLS error', async () => {
    const s = await server(undefined, tls!);
    const err = await failure(sendRaw(get(`${s.url}/`), new Uint8Array(), options()));
    expect(err.code).toBe('TLS_ERROR');
    expect(err.detail).toMatch(/SELF_SIGNED|self.signed/i);
  });

  it.skipIf(!tls)('talks HTTPS to a trusted server, with tls in the timings', async () => {
    const s = await server(undefined, tls!);
    const response = await sendRaw(get(`${s.url}/p?x=1`), new Uint8Array(), options({ ca: tls!.cert }));
    expect(response.status).toBe(200);
    expect(s.requests[0]!.url).toBe('/p?x=1');
    expect(response.timings.tls).toBeDefined();
    expect(response.timings.tls!).toBeGreaterThanOrEqual(response.timings.connect!);
    expectMonotonic(response);
  });
});

describe('sendRaw: redirects', () => {
  const redirectTo = (location: string): EchoHandler => () => ({ status: 302, headers: [['Location', location]] });

  it('does not follow redirects unless asked', async () => {
    const s = await server(redirectTo('/elsewhere'));
    const response = await sendRaw(get(`${s.url}/`), new Uint8Array(), options());
    expect(response.status).toBe(302);
    expect(s.requests).toHaveLength(1);
  });

  it('follows a GET to another origin without any credential header', async () => {
    const target = await server();
    const s = await server(redirectTo(`${target.url}/landed?z=1`));
    const headers: Array<[string, string]> = [
      ['host', `127.0.0.1:${s.port}`],
      ['x-amz-date', '20240101T000000Z'],
      ['x-amz-security-token', 'session-token'],
      ['authorization', 'AWS4-HMAC-SHA256 Signature=abc'],
      ['Cookie', 'sid=abc'],
      ['Proxy-Authorization', 'Basic dXNlcjpwYXNz'],
      ['X-Api-Key', 'key-123'],
      ['x-auth-token', 'tok'],
      ['Accept', 'application/json'],
    ];
    const response = await sendRaw(get(`${s.url}/`, headers), new Uint8Array(), options({ followRedirects: true }));
    expect(response.status).toBe(200);
    expect(target.requests[0]!.url).toBe('/landed?z=1');
    expect(unsigned(pairs(target.requests[0]!.rawHeaders))).toEqual([
      ['host', `127.0.0.1:${target.port}`],
      ['Accept', 'application/json'],
    ]);
  });

  it('keeps the headers on a redirect within the same origin', async () => {
    const s = await server((req) => (req.url === '/' ? { status: 302, headers: [['Location', '/next']] } : { status: 200 }));
    const headers: Array<[string, string]> = [
      ['Cookie', 'sid=abc'],
      ['x-amz-security-token', 'session-token'],
    ];
    await sendRaw(get(`${s.url}/`, headers), new Uint8Array(), options({ followRedirects: true }));
    expect(unsigned(pairs(s.requests[1]!.rawHeaders))).toEqual([['Host', `127.0.0.1:${s.port}`], ...headers]);
  });

  it('follows a POST as browsers do: a 302 turns it into a GET without its body (redirectSigning.ts)', async () => {
    const s = await server((req) => (req.url === '/' ? { status: 302, headers: [['Location', '/elsewhere']] } : { status: 200 }));
    const post: SignedRequest = { method: 'POST', url: `${s.url}/`, headers: [['Content-Type', 'text/plain']] };
    const response = await sendRaw(post, new TextEncoder().encode('form'), options({ followRedirects: true }));
    expect(response.status).toBe(200);
    expect(s.requests.map((r) => `${r.method} ${r.url} ${r.body.length}`)).toEqual(['POST / 4', 'GET /elsewhere 0']);
    expect(unsigned(pairs(s.requests[1]!.rawHeaders))).toEqual([['Host', `127.0.0.1:${s.port}`]]);
  });

  it('stops after five redirects and returns the last answer', async () => {
    const s = await server((req) => ({ status: 302, headers: [['Location', `${req.url}x`]] }));
    const response = await sendRaw(get(`${s.url}/`), new Uint8Array(), options({ followRedirects: true }));
    expect(response.status).toBe(302);
    expect(s.requests.map((r) => r.url)).toEqual(['/', '/x', '/xx', '/xxx', '/xxxx', '/xxxxx']);
  });
});

/** A throwaway self-signed certificate for 127.0.0.1, made with the openssl CLI; undefined when it is missing. */
function selfSignedCertificate(): { key: string; cert: string } | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
        '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore', timeout: 10000 },
    );
    return {
      key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } catch {
    return undefined;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
