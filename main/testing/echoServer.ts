// A loopback HTTP(S) server for transport and end-to-end tests. It records every request exactly as it arrived
// (raw target, raw header list, body bytes) so tests can check that what was signed is what was sent, and it
// answers with a canned response: fixed bytes, a large generated body streamed in chunks, a delay, a hang or a reset.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The request target exactly as received (path and query, undecoded). */
  url: string;
  httpVersion: string;
  /** Raw header list as received: name, value, name, value... (order and duplicates kept). */
  rawHeaders: string[];
  body: Buffer;
  /** The client's port: equal ports mean the client reused one keep-alive connection. */
  remotePort: number;
}

export interface CannedResponse {
  status?: number;
  statusText?: string;
  /** Sent in this order, duplicates kept. */
  headers?: Array<[string, string]>;
  body?: string | Uint8Array;
  /** Instead of body: this many bytes of generatedBytes(), streamed in chunks of chunkBytes (default 64 KiB). */
  generatedBytes?: number;
  chunkBytes?: number;
  /** With generatedBytes: stop sending after this many bytes and keep the connection open. */
  stallAfterBytes?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Send the status and headers, then stall before the body for this long. */
  bodyDelayMs?: number;
  /** Never answer (the connection stays open until the client gives up or the server stops). */
  hang?: boolean;
  /** Drop the connection without answering. */
  reset?: boolean;
}

export type EchoHandler = (request: RecordedRequest) => CannedResponse | Promise<CannedResponse>;

export interface EchoServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export interface EchoServerOptions {
  /** PEM key and certificate: serve HTTPS instead of HTTP. */
  tls?: { key: string; cert: string };
}

/** The default answer: 200 with the request as JSON (method, url, rawHeaders, body as base64). */
export function echoResponse(request: RecordedRequest): CannedResponse {
  return {
    status: 200,
    headers: [['Content-Type', 'application/json']],
    body: JSON.stringify({
      method: request.method,
      url: request.url,
      rawHeaders: request.rawHeaders,
      bodyBase64: request.body.toString('base64'),
    }),
  };
}

/** Deterministic bytes for generated bodies: byte i is i mod 251 (a prime, so chunk edges never line up). */
export function generatedBytes(offset: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = (offset + i) % 251;
  return out;
}

/** Reads the whole request and hands it over as it arrived (raw target, raw header list, body bytes). */
export function readRequest(req: http.IncomingMessage, done: (recorded: RecordedRequest) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () =>
    done({
      method: req.method ?? '',
      url: req.url ?? '',
      httpVersion: req.httpVersion,
      rawHeaders: [...req.rawHeaders],
      body: Buffer.concat(chunks),
      remotePort: req.socket.remotePort ?? 0,
    }),
  );
}

export async function startEchoServer(
  handler: EchoHandler = echoResponse,
  options: EchoServerOptions = {},
): Promise<EchoServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const listener: http.RequestListener = (req, res) => {
    readRequest(req, (recorded) => {
      requests.push(recorded);
      Promise.resolve(handler(recorded))
        .then((canned) => answer(res, canned, wait))
        .catch((err: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(`echo server handler failed: ${String(err)}`);
        });
    });
  };

  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(res: http.ServerResponse, canned: CannedResponse, wait: (ms: number) => Promise<void>) {
  if (canned.hang) return;
  if (canned.delayMs) await wait(canned.delayMs);
  if (canned.reset) {
    res.socket?.destroy();
    return;
  }
  if (res.destroyed) return;
  const headers = (canned.headers ?? []).flat();
  const generated = canned.generatedBytes;
  const body = canned.body === undefined ? undefined : Buffer.from(canned.body);
  const hasLength = (canned.headers ?? []).some(([name]) => /^(content-length|transfer-encoding)$/i.test(name));
  if (!hasLength) headers.push('Content-Length', String(generated ?? body?.length ?? 0));
  res.writeHead(canned.status ?? 200, canned.statusText, headers);
  if (canned.bodyDelayMs) {
    res.flushHeaders();
    await wait(canned.bodyDelayMs);
  }
  if (generated === undefined) {
    res.end(body);
    return;
  }
  const chunkBytes = canned.chunkBytes ?? 64 * 1024;
  const stopAt = Math.min(generated, canned.stallAfterBytes ?? generated);
  for (let offset = 0; offset < stopAt && !res.destroyed; offset += chunkBytes) {
    const ok = res.write(generatedBytes(offset, Math.min(chunkBytes, stopAt - offset)));
    if (!ok) await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }
  if (stopAt === generated) res.end();
}
