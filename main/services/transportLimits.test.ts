// What a hostile or endless response costs: a size cap, a free-space reserve, a cap on header count that says so,
// and a clear error for oversized headers. Spool files are the user's alone and are never read through a link.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignedRequest } from '../../src/models/http';
import { startEchoServer, type EchoHandler, type EchoServer } from '../testing/echoServer';
import { closeIdleConnections, readSpoolRange, sendRaw, type TransportOptions } from './transport';
import { failure } from '../testing/settle';

let spoolDir: string;
const servers: EchoServer[] = [];
const sockets: net.Server[] = [];

beforeEach(() => {
  spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-limits-test-'));
});
afterEach(async () => {
  closeIdleConnections();
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await Promise.all(sockets.splice(0).map((s) => new Promise((r) => s.close(r))));
  fs.rmSync(spoolDir, { recursive: true, force: true });
});

async function server(handler?: EchoHandler): Promise<EchoServer> {
  const s = await startEchoServer(handler);
  servers.push(s);
  return s;
}

/** A server that writes `raw` as its whole answer, whatever it is asked. */
async function rawServer(raw: string): Promise<string> {
  const s = net.createServer((socket) => {
    socket.once('data', () => socket.end(raw));
    socket.on('error', () => {});
  });
  sockets.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as net.AddressInfo).port}`;
}

function options(extra: Partial<TransportOptions> = {}): TransportOptions {
  return { timeoutMs: 10000, maxInMemoryBytes: 64 * 1024, spoolDir, ...extra };
}

const get = (url: string): SignedRequest => ({ method: 'GET', url, headers: [] });

/** Spool files left behind, waiting a moment for unlinks in flight. */
async function leftovers(): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    if (fs.readdirSync(spoolDir).length === 0) return [];
    await new Promise((r) => setTimeout(r, 10));
  }
  return fs.readdirSync(spoolDir);
}

const GiB = 1024 ** 3;

describe('a maximum response size', () => {
  it('refuses at once a body whose Content-Length is over the limit', async () => {
    const s = await server(() => ({ status: 200, generatedBytes: 2 * 1024 * 1024 }));
    const err = await failure(sendRaw(get(`${s.url}/`), new Uint8Array(), options({ maxResponseBytes: 1024 * 1024 })));
    expect(err.code).toBe('RESPONSE_TOO_LARGE');
    expect(err.detail).toContain('maxResponseBytes');
    expect(await leftovers()).toEqual([]);
  });

  it('stops an endless chunked body at the limit and removes the partial spool file', async () => {
    const s = await server(() => ({ status: 200, headers: [['Transfer-Encoding', 'chunked']], generatedBytes: 4 * 1024 * 1024 }));
    const err = await failure(sendRaw(get(`${s.url}/`), new Uint8Array(), options({ maxResponseBytes: 1024 * 1024 })));
    expect(err.code).toBe('RESPONSE_TOO_LARGE');
    expect(await leftovers()).toEqual([]);
  });

  it('defaults to 1 GiB: a larger declared body is refused without being read', async () => {
    const url = await rawServer(`HTTP/1.1 200 OK\r\nContent-Length: ${2 * GiB}\r\n\r\nxxxx`);
    expect((await failure(sendRaw(get(`${url}/`), new Uint8Array(), options()))).code).toBe('RESPONSE_TOO_LARGE');
  });
});

describe('a free-space reserve', () => {
  const MiB = 1024 * 1024;

  it('refuses to start spooling a body the disk cannot hold with the reserve left', async () => {
    const s = await server(() => ({ status: 200, generatedBytes: 2 * MiB }));
    const statfs = () => ({ bavail: 3 * MiB, bsize: 1 });
    const err = await failure(sendRaw(get(`${s.url}/`), new Uint8Array(), options({ minFreeBytes: 2 * MiB, statfs })));
    expect(err.code).toBe('DISK_FULL');
    expect(await leftovers()).toEqual([]);
  });

  it('checks again while spooling and stops before the reserve is reached', async () => {
    const s = await server(() => ({ status: 200, headers: [['Transfer-Encoding', 'chunked']], generatedBytes: 8 * MiB }));
    let calls = 0;
    const statfs = () => {
      calls++;
      return { bavail: calls === 1 ? 100 * MiB : MiB / 2, bsize: 1 };
    };
    const err = await failure(sendRaw(get(`${s.url}/`), new Uint8Array(), options({ minFreeBytes: MiB, statfs })));
    expect(err.code).toBe('DISK_FULL');
    expect(calls).toBeGreaterThan(1);
    expect(await leftovers()).toEqual([]);
  });

  it('spools when there is room, asking the real file system by default', async () => {
    const s = await server(() => ({ status: 200, generatedBytes: 256 * 1024 }));
    const response = await sendRaw(get(`${s.url}/`), new Uint8Array(), options({ minFreeBytes: 1 }));
    expect(response.body.spoolFile).toBeTruthy();
  });
});

describe('spool files', () => {
  it.runIf(process.platform !== 'win32')('are not written into a folder others may write to', async () => {
    fs.chmodSync(spoolDir, 0o777);
    const s = await server(() => ({ status: 200, generatedBytes: 256 * 1024 }));
    const err = await failure(sendRaw(get(`${s.url}/`), new Uint8Array(), options()));
    expect(err.code).toBe('FILE_ERROR');
    expect(err.message).toContain('other users may write');
    expect(fs.readdirSync(spoolDir)).toEqual([]);
  });

  it('are created 0600 and read without following a link', async () => {
    const s = await server(() => ({ status: 200, generatedBytes: 256 * 1024 }));
    const response = await sendRaw(get(`${s.url}/`), new Uint8Array(), options());
    const file = response.body.spoolFile!;
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const secret = path.join(os.tmpdir(), `rolecall-not-a-body-${process.pid}`);
    fs.writeFileSync(secret, 'private');
    try {
      const link = path.join(spoolDir, 'planted.body');
      fs.symlinkSync(secret, link);
      expect((await failure(readSpoolRange(link, 0, 100, spoolDir))).code).toBe('FILE_ERROR');
    } finally {
      fs.rmSync(secret, { force: true });
    }
  });
});

describe('hostile response headers', () => {
  it('keeps 1000 headers and says that more were cut', async () => {
    const headers = Array.from({ length: 1200 }, (_, i): [string, string] => [`x-h${i}`, 'v']);
    const s = await server(() => ({ status: 200, headers, body: 'ok' }));
    const response = await sendRaw(get(`${s.url}/`), new Uint8Array(), options());
    expect(response.headers).toHaveLength(1000);
    expect(response.headers[999]).toEqual(['x-h999', 'v']);
    expect(response.headersTruncated).toBe(true);
  });

  it('does not flag a response with exactly 1000 headers', async () => {
    const lines = Array.from({ length: 999 }, (_, i) => `x-h${i}: v\r\n`).join('');
    const url = await rawServer(`HTTP/1.1 200 OK\r\n${lines}Content-Length: 0\r\n\r\n`);
    const response = await sendRaw(get(`${url}/`), new Uint8Array(), options());
    expect(response.headers).toHaveLength(1000);
    expect(response.headersTruncated).toBeUndefined();
  });

  it('reports headers larger than the parser accepts as their own error', async () => {
    const url = await rawServer(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(100 * 1024)}\r\nContent-Length: 0\r\n\r\n`);
    const err = await failure(sendRaw(get(`${url}/`), new Uint8Array(), options()));
    expect(err.code).toBe('HEADERS_TOO_LARGE');
    expect(err.message).toContain('headers larger');
  });
});
