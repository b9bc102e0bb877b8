// Sends a signed request exactly as it was signed and records what came back. A SigV4 signature covers the
// path, the query and the signed headers byte for byte, so the request target is taken from the URL text as is
// (never re-serialised by `new URL()`), headers go out as a raw list in order with duplicates kept, and Node is
// told not to add a Host of its own. Bodies larger than maxInMemoryBytes are streamed to a temporary file so that
// memory stays bounded whatever the size; only the head is kept in memory.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { appError, RoleCallError } from '../../src/errors';
import type { HttpResponse, SignedRequest, Timings } from '../../src/models/http';

export interface TransportOptions {
  timeoutMs: number;
  maxInMemoryBytes: number;
  signal?: AbortSignal;
  /** Where bodies larger than maxInMemoryBytes are written; default os.tmpdir()/rolecall-bodies. */
  spoolDir?: string;
  followRedirects?: boolean;
  /** Extra trusted CA certificates (PEM) for HTTPS, e.g. a private endpoint's or a test server's. */
  ca?: string;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Methods after which Node would choose chunked encoding when it is not told a length.
const BODYLESS_BY_DEFAULT = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

// One keep-alive pool per protocol for the whole process: repeated calls to one host reuse sockets.
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

export function defaultSpoolDir(): string {
  return path.join(os.tmpdir(), 'rolecall-bodies');
}

/** Closes pooled idle connections (app shutdown, tests). The pools stay usable. */
export function closeIdleConnections(): void {
  agents['http:'].destroy();
  agents['https:'].destroy();
}

export async function sendRaw(req: SignedRequest, body: Uint8Array, o: TransportOptions): Promise<HttpResponse> {
  const started = performance.now();
  const run: Run = { started, options: o };
  const stop = (err: RoleCallError) => {
    run.reason ??= err;
    run.current?.(err);
  };
  const onAbort = () => stop(appError('CANCELLED', 'The request was cancelled.', 'Cancelled by the user.'));
  let target = parseTarget(req.url);
  let headers = req.headers;
  const timer = setTimeout(() => {
    const seconds = +(o.timeoutMs / 1000).toFixed(2);
    stop(
      appError('TIMEOUT', `No answer from ${target.host} within ${seconds} s.`, `Timed out after ${o.timeoutMs} ms.`),
    );
  }, o.timeoutMs);
  try {
    if (o.signal?.aborted) throw appError('CANCELLED', 'The request was cancelled.', 'Cancelled before it was sent.');
    o.signal?.addEventListener('abort', onAbort, { once: true });
    let retried = false;
    for (let hop = 0; ; ) {
      const outcome = await exchange(run, req.method, target, headers, body);
      if (outcome.kind === 'retry' && !retried) {
        retried = true;
        continue;
      }
      if (outcome.kind === 'response') return outcome.response;
      if (outcome.kind === 'retry') throw outcome.error;
      hop++;
      retried = false;
      // The signature covers host and path: a redirected request no longer matches it, and to another host
      // the credentials-derived headers must not follow at all.
      const next = parseTarget(outcome.location);
      headers = redirectHeaders(headers, target, next);
      target = next;
      if (hop >= MAX_REDIRECTS) run.lastHop = true;
    }
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
  }
}

export function decodeBodyText(headBase64: string): string {
  return Buffer.from(headBase64, 'base64').toString('utf8');
}

/** Reads part of a spooled body. Only files inside the spool folder are readable, whatever the caller asks. */
export async function readSpoolRange(
  file: string,
  offset: number,
  length: number,
  spoolDir: string = defaultSpoolDir(),
): Promise<Uint8Array> {
  const resolved = path.resolve(file);
  if (path.dirname(resolved) !== path.resolve(spoolDir)) {
    throw appError('FILE_ERROR', 'That file is not a response body RoleCall saved.', resolved);
  }
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw appError('INVALID_INPUT', 'Offset and length must be whole numbers of zero or more.', `${offset}, ${length}`);
  }
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(resolved, 'r');
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } catch (err) {
    throw appError('FILE_ERROR', 'Could not read the saved response body.', errorText(err));
  } finally {
    await handle?.close();
  }
}

interface Target {
  href: string;
  protocol: 'http:' | 'https:';
  /** host[:port] as written in the URL: the Host header when the request has none. */
  authority: string;
  hostname: string;
  port: number;
  /** Path and query exactly as written (the fragment is never sent). */
  requestTarget: string;
  host: string;
}

interface Run {
  started: number;
  options: TransportOptions;
  /** Fails the exchange in flight; `reason` stops the ones not yet started. */
  current?: (err: RoleCallError) => void;
  reason?: RoleCallError;
  lastHop?: boolean;
}

type Outcome =
  | { kind: 'response'; response: HttpResponse }
  /** An absolute http(s) URL. */
  | { kind: 'redirect'; location: string }
  | { kind: 'retry'; error: RoleCallError };

function parseTarget(url: string): Target {
  const match = /^(https?):\/\/([^/?#]*)([^#]*)/i.exec(url);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!match || !parsed || parsed.username || parsed.password) {
    throw appError('INVALID_URL', 'The URL must look like https://host/path.', url);
  }
  const rest = match[3] ?? '';
  const protocol = parsed.protocol as Target['protocol'];
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    href: url,
    protocol,
    authority: match[2] ?? parsed.host,
    hostname,
    port: parsed.port ? Number(parsed.port) : protocol === 'https:' ? 443 : 80,
    requestTarget: rest === '' ? '/' : rest.startsWith('?') ? `/${rest}` : rest,
    host: parsed.host,
  };
}

function outgoingHeaders(method: string, target: Target, headers: Array<[string, string]>, bodyLength: number) {
  const flat: string[] = [];
  const names = new Set(headers.map(([name]) => name.toLowerCase()));
  if (!names.has('host')) flat.push('Host', target.authority);
  for (const [name, value] of headers) flat.push(name, value);
  // Without a length Node would send a POST body chunked; Content-Length is never signed, so adding it is safe.
  const needsLength = bodyLength > 0 || !BODYLESS_BY_DEFAULT.has(method.toUpperCase());
  if (needsLength && !names.has('content-length') && !names.has('transfer-encoding')) {
    flat.push('Content-Length', String(bodyLength));
  }
  return flat;
}

function resolveLocation(response: http.IncomingMessage, from: Target): string | undefined {
  const location = response.headers.location;
  if (!location) return undefined;
  try {
    const url = new URL(location, from.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function redirectHeaders(headers: Array<[string, string]>, from: Target, to: Target): Array<[string, string]> {
  const sameOrigin = from.protocol === to.protocol && from.host === to.host;
  return headers.flatMap(([name, value]): Array<[string, string]> => {
    const lower = name.toLowerCase();
    if (lower === 'host') return [[name, to.authority]];
    if (!sameOrigin && (lower === 'authorization' || lower === 'x-amz-security-token')) return [];
    return [[name, value]];
  });
}

function exchange(
  run: Run,
  method: string,
  target: Target,
  headers: Array<[string, string]>,
  body: Uint8Array,
): Promise<Outcome> {
  const o = run.options;
  if (run.reason) return Promise.reject(run.reason);
  const since = () => Math.round((performance.now() - run.started) * 1000) / 1000;
  return new Promise<Outcome>((resolve, reject) => {
    let settled = false;
    let res: http.IncomingMessage | undefined;
    let spool: Spool | undefined;
    const timings: Partial<Timings> = {};
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const fail = (err: RoleCallError) => {
      if (settled) return;
      settled = true;
      req?.destroy();
      res?.destroy();
      spool?.discard();
      reject(err);
    };
    run.current = fail;

    let req: http.ClientRequest;
    try {
      req = (target.protocol === 'https:' ? https : http).request({
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method,
        path: target.requestTarget,
        headers: outgoingHeaders(method, target, headers, body.length),
        setHost: false,
        agent: agents[target.protocol],
        ...(o.ca && target.protocol === 'https:' ? { ca: o.ca } : {}),
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      fail(
        code === 'ERR_UNESCAPED_CHARACTERS'
          ? appError('INVALID_URL', 'The URL has characters that must be percent-encoded.', errorText(err))
          : appError('INVALID_INPUT', 'The request could not be built.', errorText(err)),
      );
      return;
    }

    req.on('socket', (socket) => {
      if (!socket.connecting) return; // a pooled socket: no lookup, connect or handshake this time
      socket.once('lookup', () => (timings.dns = since()));
      socket.once('connect', () => (timings.connect = since()));
      socket.once('secureConnect', () => (timings.tls = since()));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A pooled socket the server closed while idle. The request may still have reached it, so only
      // idempotent methods get one fresh attempt.
      const stale = req.reusedSocket && !res && err.code === 'ECONNRESET';
      if (!settled && stale && IDEMPOTENT.has(method.toUpperCase())) {
        settled = true;
        resolve({ kind: 'retry', error: networkError(err, target) });
        return;
      }
      fail(networkError(err, target));
    });
    req.on('response', (response) => {
      res = response;
      timings.firstByte = since();
      const status = response.statusCode ?? 0;
      const canFollow = o.followRedirects && !run.lastHop && /^(GET|HEAD)$/i.test(method);
      const location = canFollow && REDIRECT_STATUSES.has(status) ? resolveLocation(response, target) : undefined;
      if (location) {
        response.resume();
        finish({ kind: 'redirect', location });
        return;
      }
      spool = new Spool(o.maxInMemoryBytes, o.spoolDir ?? defaultSpoolDir(), response, fail);
      let ended = false;
      response.on('data', (chunk: Buffer) => spool?.push(chunk));
      response.on('end', () => {
        ended = true;
        spool
          ?.finish()
          .then((bodyInfo) => {
            timings.total = since();
            finish({
              kind: 'response',
              response: {
                status,
                statusText: response.statusMessage ?? '',
                httpVersion: response.httpVersion,
                headers: pairs(response.rawHeaders),
                body: bodyInfo,
                timings: { ...timings, firstByte: timings.firstByte ?? timings.total, total: timings.total },
              },
            });
          })
          .catch((err: unknown) => fail(fileError(err)));
      });
      response.on('error', (err: NodeJS.ErrnoException) => fail(networkError(err, target)));
      response.on('close', () => {
        if (!ended) {
          const cut = Object.assign(new Error('The connection closed before the whole body arrived.'), {
            code: 'ECONNRESET',
          });
          fail(networkError(cut, target));
        }
      });
    });
    req.end(body.length > 0 ? body : undefined);
  });
}

/** Collects a body: in memory up to `limit` bytes, then the whole body goes to a file with the head kept. */
class Spool {
  private head: Buffer[] = [];
  private headBytes = 0;
  private size = 0;
  private file?: fs.WriteStream;
  private filePath?: string;
  private failed = false;
  private waitingForDrain = false;

  constructor(
    private readonly limit: number,
    private readonly dir: string,
    private readonly source: http.IncomingMessage,
    private readonly fail: (err: RoleCallError) => void,
  ) {}

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (!this.file) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes <= this.limit) return;
      this.openFile();
      const all = Buffer.concat(this.head);
      this.head = [all.subarray(0, this.limit)];
      this.write(all);
      return;
    }
    this.write(chunk);
  }

  async finish() {
    const head = Buffer.concat(this.head).subarray(0, this.limit);
    const file = this.file;
    if (file) {
      await new Promise<void>((resolve, reject) => {
        file.once('error', reject);
        file.once('close', () => resolve());
        file.end();
      });
    }
    return {
      size: this.size,
      headBase64: head.toString('base64'),
      complete: !file,
      ...(this.filePath ? { spoolFile: this.filePath } : {}),
    };
  }

  discard(): void {
    const file = this.file;
    const filePath = this.filePath;
    if (!file || !filePath) return;
    // Unlink only once closed: a stream destroyed while still opening would otherwise create the file afterwards.
    const unlink = () => void fs.promises.unlink(filePath).catch(() => {});
    if (file.closed) unlink();
    else file.once('close', unlink);
    file.destroy();
  }

  private openFile() {
    try {
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      this.fail(fileError(err));
      return;
    }
    this.filePath = path.join(this.dir, `${randomUUID()}.body`);
    this.file = fs.createWriteStream(this.filePath, { flags: 'wx', mode: 0o600, highWaterMark: 1024 * 1024 });
    this.file.on('error', (err) => {
      if (this.failed) return;
      this.failed = true;
      this.fail(fileError(err));
    });
  }

  private write(chunk: Buffer) {
    const file = this.file;
    if (!file || file.destroyed) return;
    // Backpressure: a fast server must not fill memory while the disk catches up.
    if (!file.write(chunk) && !this.waitingForDrain) {
      this.waitingForDrain = true;
      this.source.pause();
      file.once('drain', () => {
        this.waitingForDrain = false;
        this.source.resume();
      });
    }
  }
}

function pairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

const TLS_CODES = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
]);

function networkError(err: NodeJS.ErrnoException, target: Target): RoleCallError {
  const code = err.code ?? '';
  const detail = errorText(err);
  const where = target.host;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return appError('DNS_FAILURE', `Could not find host ${target.hostname}.`, detail);
  }
  if (code === 'ECONNREFUSED') {
    return appError('CONNECTION_REFUSED', `${where} refused the connection: is anything listening there?`, detail);
  }
  const tls =
    TLS_CODES.has(code) || /^(ERR_SSL_|ERR_TLS_|CERT_)/.test(code) || (code === 'ECONNRESET' && /TLS/.test(err.message));
  if (tls) return appError('TLS_ERROR', `The secure connection to ${where} failed.`, detail);
  if (code === 'ECONNRESET' || code === 'EPIPE' || err.message === 'socket hang up') {
    return appError('CONNECTION_RESET', `${where} closed the connection before answering in full.`, detail);
  }
  if (code === 'ETIMEDOUT') return appError('TIMEOUT', `Connecting to ${where} timed out.`, detail);
  return appError('NETWORK_ERROR', `The request to ${where} failed.`, detail);
}

function fileError(err: unknown): RoleCallError {
  if (err instanceof RoleCallError) return err;
  return appError('FILE_ERROR', 'Could not save the response body to a temporary file.', errorText(err));
}

function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
}
