// Sends a signed request exactly as it was signed and records what came back. A SigV4 signature covers the
// path, the query and the signed headers byte for byte, so the request target is taken from the URL text as is
// (never re-serialised by `new URL()`), headers go out as a raw list in order with duplicates kept, and Node is
// told not to add a Host of its own. Bodies larger than maxInMemoryBytes are streamed to a temporary file so that
// memory stays bounded whatever the size; only the head is kept in memory. Secrets the server echoes are masked
// in the bytes as they arrive (bodyMasker.ts), so neither the head nor the spooled file ever holds one.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { appError, RoleCallError } from '../../src/errors';
import type { HttpResponse, RedirectHop, SignedRequest, Timings } from '../../src/models/http';
import type { ReceivingResponse } from '../../src/models/receiving';
import { bodyMaskerFactory, type BodyMasker } from './bodyMasker';
import type { HopCookies } from './cookies/hopCookies';
import { createGrowingBody, RECEIVING_HEAD_BYTES, trackGrowing, untrackGrowing, type GrowingBody } from './growingBody';
import { maskUrlCredentials, proxyAuthorization, proxyFor, proxyLabel, proxyPort, TunnelAgent } from './proxy';
import type { Env } from './profiles';
import { nextHop, REDIRECT_STATUSES, redirectRecord, type ResignHop } from './redirectSigning';
import type { SecretInput } from './redact';
import { CREATE_SPOOL_FILE, defaultSpoolDir, ensureSpoolDir, READ_SPOOL_FILE } from './spoolDir';

export { defaultSpoolDir } from './spoolDir';

export interface TransportOptions {
  timeoutMs: number;
  maxInMemoryBytes: number;
  signal?: AbortSignal;
  /** Where bodies larger than maxInMemoryBytes are written; default defaultSpoolDir(). */
  spoolDir?: string;
  followRedirects?: boolean;
  /** Signs a same-origin redirect hop again with the first hop's credentials (redirectSigning.ts); absent: unsigned. */
  resign?: ResignHop;
  /** Extra trusted CA certificates (PEM) for HTTPS, e.g. a private endpoint's or a test server's. */
  ca?: string | string[];
  /** Secrets masked in the response body bytes (the signing secret key, the session token). */
  secrets?: SecretInput[];
  /** A larger body is stopped with RESPONSE_TOO_LARGE and nothing of it kept; default DEFAULT_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  /** Spooling stops with DISK_FULL rather than leave less than this free; default DEFAULT_MIN_FREE_BYTES. */
  minFreeBytes?: number;
  /** The environment whose HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply (proxy.ts); without it, no proxy. */
  proxyEnv?: Env;
  /** Free space on the spool folder's disk (tests pass their own); default fs.statfsSync. */
  statfs?: (dir: string) => { bavail: number | bigint; bsize: number | bigint };
  /** The send's cookie jar: given every response's Set-Cookie (each redirect hop too), asked again on each hop. */
  cookies?: HopCookies;
  /**
   * Told once, before sendRaw resolves, when the response's first RECEIVING_HEAD_BYTES are in its spool file and
   * more is still to come: the window shows the first screen from there. sendRaw still resolves only once the
   * whole body is in (or fails as before), so whatever needs the whole body waits for that.
   */
  onReceiving?: (notice: ReceivingNotice) => void;
}

export interface ReceivingNotice {
  response: ReceivingResponse;
  /** Bytes of the body on disk so far. */
  received(): number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 1024 ** 3;
export const DEFAULT_MIN_FREE_BYTES = 512 * 1024 ** 2;
/** Node's parser keeps this many response headers; one more tells us some were cut. */
export const MAX_RESPONSE_HEADERS = 1000;
/** How much is spooled between two free-space checks, at most; never more than a quarter of the reserve. */
const SPACE_CHECK_EVERY = 64 * 1024 ** 2;

const MAX_REDIRECTS = 5;
// Methods after which Node would choose chunked encoding when it is not told a length.
const BODYLESS_BY_DEFAULT = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

// One keep-alive pool per protocol for the whole process: repeated calls to one host reuse sockets.
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

// One tunnelling pool per proxy environment.
const tunnelAgents = new Map<string, TunnelAgent>();
function tunnelAgent(env: Env): TunnelAgent {
  const key = JSON.stringify([env.https_proxy, env.HTTPS_PROXY, env.no_proxy, env.NO_PROXY]);
  let agent = tunnelAgents.get(key);
  if (!agent) tunnelAgents.set(key, (agent = new TunnelAgent(env, { keepAlive: true })));
  return agent;
}

/** Closes pooled idle connections (app shutdown, tests). The pools stay usable. */
export function closeIdleConnections(): void {
  agents['http:'].destroy();
  agents['https:'].destroy();
  for (const agent of tunnelAgents.values()) agent.destroy();
  tunnelAgents.clear();
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
  let method = req.method;
  let headers = req.headers;
  let sending = body;
  checkHostHeader(target, headers);
  run.createMasker = bodyMaskerFactory(o.secrets ?? []);
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
    const redirects: RedirectHop[] = [];
    for (let hop = 0; ; ) {
      const outcome = await exchange(run, method, target, headers, sending);
      if (outcome.kind === 'retry' && !retried) {
        retried = true;
        continue;
      }
      if (outcome.kind === 'response') return redirects.length === 0 ? outcome.response : { redirects, ...outcome.response };
      if (outcome.kind === 'retry') throw outcome.error;
      hop++;
      retried = false;
      // Each hop is a request of its own: signed again within the origin, with no credential beyond it.
      // Once a hop has left the origin, no later hop is signed: a host the request was not signed for would
      // otherwise get a fresh signature and the session token just by redirecting to itself.
      const resign = redirects.some((r) => r.signing === 'stripped') ? undefined : o.resign;
      const next = await nextHop({ method, url: target.href, headers, body: sending }, outcome.status, outcome.location, { resign, cookies: o.cookies });
      redirects.push(redirectRecord(target.href, outcome.status, next, resign !== undefined));
      target = parseTarget(next.url);
      method = next.method;
      headers = next.headers;
      sending = next.body;
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
    handle = await fs.promises.open(resolved, READ_SPOOL_FILE);
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
  /** Undefined when there is no secret to mask. */
  createMasker?: () => BodyMasker;
  /** host:port of the proxy the current exchange goes through (never its credentials). */
  proxy?: string;
}

type Outcome =
  | { kind: 'response'; response: HttpResponse }
  /** An absolute http(s) URL. */
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'retry'; error: RoleCallError };

/**
 * Targets parsed, by the URL as given: a client sends the same few URLs over and over, and parsing one costs more
 * than the rest of the transport's own work on a small request. What is kept is only read, never changed.
 * Bounded: emptied when full.
 */
const targets = new Map<string, Readonly<Target>>();
const MAX_TARGETS = 256;

function parseTarget(url: string): Readonly<Target> {
  let target = targets.get(url);
  if (!target) {
    target = Object.freeze(parseTargetOnce(url));
    if (targets.size >= MAX_TARGETS) targets.clear();
    targets.set(url, target);
  }
  return target;
}

function parseTargetOnce(url: string): Target {
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

/** A typed Host must name the URL's own host: anything else sends the request, signed, to a host it was not for. */
function checkHostHeader(target: Target, headers: Array<[string, string]>): void {
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'host') continue;
    const typed = value.trim();
    // The URL's own host, as URL writes it (the usual case: a signed request names it), needs no parse to compare.
    let same = typed === target.host;
    try {
      same ||= /^[^\s/?#@\\]+$/.test(typed) && new URL(`${target.protocol}//${typed}`).host === target.host;
    } catch {
      same = false;
    }
    if (!same) {
      throw appError('INVALID_INPUT', `The Host header (${typed}) does not match the URL's host (${target.host}): remove it or put that host in the URL.`);
    }
  }
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
    const proxy = o.proxyEnv ? proxyFor(target.href, o.proxyEnv) : undefined;
    run.proxy = proxy ? proxyLabel(proxy) : undefined;
    // Plain http goes to the proxy with the absolute URL; https through a CONNECT tunnel (the signed bytes unchanged).
    const forward = proxy && target.protocol === 'http:' ? proxy : undefined;
    const flatHeaders = outgoingHeaders(method, target, headers, body.length);
    const forwardAuth = forward ? proxyAuthorization(forward) : undefined;
    if (forwardAuth) flatHeaders.push('Proxy-Authorization', forwardAuth);
    try {
      req = (target.protocol === 'https:' ? https : http).request({
        protocol: target.protocol,
        hostname: forward ? forward.hostname.replace(/^\[(.*)\]$/, '$1') : target.hostname,
        port: forward ? proxyPort(forward) : target.port,
        method,
        path: forward ? `http://${target.authority}${target.requestTarget}` : target.requestTarget,
        headers: flatHeaders,
        setHost: false,
        agent: proxy && target.protocol === 'https:' ? tunnelAgent(o.proxyEnv!) : agents[target.protocol],
        ...(proxy && target.protocol === 'https:'
          ? { onProxyConnect: () => (timings.proxy = since()), onTunnelTls: () => (timings.tls = since()) }
          : {}),
        ...(o.ca && target.protocol === 'https:' ? { ca: o.ca } : {}),
      } as https.RequestOptions);
      // Node silently keeps the first 1000 headers; asking for one more shows whether any were cut.
      req.maxHeadersCount = MAX_RESPONSE_HEADERS + 1;
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
      if (err.code === 'HPE_HEADER_OVERFLOW') {
        fail(appError('HEADERS_TOO_LARGE', `${target.host} answered with headers larger than RoleCall accepts (${http.maxHeaderSize / 1024} KiB in all).`, errorText(err)));
        return;
      }
      if (!settled && stale && IDEMPOTENT.has(method.toUpperCase())) {
        settled = true;
        resolve({ kind: 'retry', error: networkError(err, target) });
        return;
      }
      fail(networkError(err, target, run.proxy));
    });
    req.on('response', (response) => {
      res = response;
      timings.firstByte = since();
      o.cookies?.received(target.href, response.rawHeaders);
      const status = response.statusCode ?? 0;
      const canFollow = o.followRedirects && !run.lastHop;
      const location = canFollow && REDIRECT_STATUSES.has(status) ? resolveLocation(response, target) : undefined;
      if (location) {
        response.resume();
        finish({ kind: 'redirect', status, location });
        return;
      }
      const maxResponseBytes = o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const declared = Number(response.headers['content-length']);
      if (Number.isSafeInteger(declared) && declared > maxResponseBytes) {
        fail(tooLarge(declared, maxResponseBytes, 'declared by Content-Length'));
        return;
      }
      spool = new Spool(
        {
          limit: o.maxInMemoryBytes,
          dir: o.spoolDir ?? defaultSpoolDir(),
          maxResponseBytes,
          minFreeBytes: o.minFreeBytes ?? DEFAULT_MIN_FREE_BYTES,
          statfs: o.statfs ?? fs.statfsSync,
          ...(Number.isSafeInteger(declared) ? { expectedBytes: declared } : {}),
          ...(run.createMasker ? { masker: run.createMasker() } : {}),
          ...(o.onReceiving ? { onReceiving: (file: string, growing: GrowingBody) => announce(file, growing) } : {}),
        },
        response,
        fail,
      );
      const rawHeaders = pairs(response.rawHeaders);
      const headersTruncated = rawHeaders.length > MAX_RESPONSE_HEADERS;
      const shownHeaders = headersTruncated ? rawHeaders.slice(0, MAX_RESPONSE_HEADERS) : rawHeaders;
      // Status line and headers, the same in the early announcement and the final answer.
      const head = {
        status,
        statusText: response.statusMessage ?? '',
        httpVersion: response.httpVersion,
        headers: shownHeaders,
        ...(headersTruncated ? { headersTruncated: true } : {}),
      };
      const announce = (file: string, growing: GrowingBody) => {
        if (settled) return;
        o.onReceiving?.({
          response: {
            ...head,
            body: { spoolFile: file },
            timings: { ...timings, firstByte: timings.firstByte ?? since() },
          },
          received: () => growing.bytes(),
        });
      };
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
                ...head,
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

interface SpoolSettings {
  /** Bodies up to this many bytes stay in memory. */
  limit: number;
  dir: string;
  maxResponseBytes: number;
  minFreeBytes: number;
  statfs: NonNullable<TransportOptions['statfs']>;
  /** Content-Length, when the server said. */
  expectedBytes?: number;
  masker?: BodyMasker;
  /**
   * Spool from RECEIVING_HEAD_BYTES on (not only past `limit`), and call this once those bytes are on disk and the
   * body has not ended. A body that ends up no larger than `limit` is still answered in memory, its file removed.
   */
  onReceiving?: (file: string, growing: GrowingBody) => void;
}

/**
 * Collects a body: in memory up to `limit` bytes, then the whole body goes to a file with the head kept. Told to
 * (onReceiving), it opens the file early and keeps a GrowingBody of it, so a body view can follow it as it arrives.
 */
class Spool {
  private head: Buffer[] = [];
  private headBytes = 0;
  /** Bytes after masking: what the head and the file hold. */
  private accepted = 0;
  private size = 0;
  private file?: fs.WriteStream;
  private filePath?: string;
  private growing?: GrowingBody;
  private failed = false;
  /** Ended, failed or discarded: no early notice any more. */
  private over = false;
  private waitingForDrain = false;
  private sinceSpaceCheck = 0;

  constructor(
    private readonly o: SpoolSettings,
    private readonly source: http.IncomingMessage,
    private readonly fail: (err: RoleCallError) => void,
  ) {}

  push(chunk: Buffer): void {
    if (this.failed) return;
    this.size += chunk.length;
    if (this.size > this.o.maxResponseBytes) {
      this.stop(tooLarge(this.size, this.o.maxResponseBytes, 'received so far'));
      return;
    }
    this.accept(this.o.masker ? this.o.masker.push(chunk) : chunk);
  }

  async finish() {
    this.over = true;
    if (this.o.masker) this.accept(this.o.masker.flush());
    const head = Buffer.concat(this.head).subarray(0, this.o.limit);
    const file = this.file;
    if (file) {
      await new Promise<void>((resolve, reject) => {
        file.once('error', reject);
        file.once('close', () => resolve());
        file.end();
      });
    }
    const whole = this.accepted <= this.o.limit;
    this.end('complete');
    // Opened early for a body that stayed small: answered from memory like any small body.
    if (whole && this.filePath) await fs.promises.unlink(this.filePath).catch(() => {});
    return {
      size: this.size,
      headBase64: head.toString('base64'),
      complete: whole,
      ...(!whole && this.filePath ? { spoolFile: this.filePath } : {}),
    };
  }

  discard(): void {
    this.over = true;
    this.end('failed');
    const file = this.file;
    const filePath = this.filePath;
    if (!file || !filePath) return;
    // Unlink only once closed: a stream destroyed while still opening would otherwise create the file afterwards.
    const unlink = () => void fs.promises.unlink(filePath).catch(() => {});
    if (file.closed) unlink();
    else file.once('close', unlink);
    file.destroy();
  }

  private end(state: 'complete' | 'failed') {
    if (!this.growing || !this.filePath) return;
    this.growing.end(state);
    untrackGrowing(this.filePath);
  }

  private accept(chunk: Buffer) {
    if (chunk.length === 0 || this.failed) return;
    this.accepted += chunk.length;
    // Until the file opens the head holds every byte; after, only up to `limit` (plus the chunk that crossed it).
    if (this.headBytes <= this.o.limit) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
    }
    if (this.file) {
      this.write(chunk);
      return;
    }
    const early = this.o.onReceiving !== undefined && this.accepted >= RECEIVING_HEAD_BYTES;
    if (this.accepted <= this.o.limit && !early) return;
    if (!this.openFile()) return;
    const all = Buffer.concat(this.head);
    this.head = [all];
    this.write(all);
  }

  private stop(err: RoleCallError) {
    if (this.failed) return;
    this.failed = true;
    this.fail(err);
  }

  private openFile(): boolean {
    let fd: number;
    const filePath = path.join(this.o.dir, `${randomUUID()}.body`);
    try {
      ensureSpoolDir(this.o.dir);
      if (!this.enoughSpace()) return false;
      fd = fs.openSync(filePath, CREATE_SPOOL_FILE, 0o600);
    } catch (err) {
      this.stop(fileError(err));
      return false;
    }
    this.filePath = filePath;
    this.file = fs.createWriteStream(filePath, { fd, highWaterMark: 1024 * 1024 });
    this.file.on('error', (err) => this.stop(fileError(err)));
    if (this.o.onReceiving) {
      this.growing = createGrowingBody();
      trackGrowing(filePath, this.growing);
    }
    return true;
  }

  /** False (and the exchange failed) when spooling the rest would leave less than minFreeBytes on the disk. */
  private enoughSpace(): boolean {
    let free: number;
    try {
      const stats = this.o.statfs(this.o.dir);
      free = Number(stats.bavail) * Number(stats.bsize);
    } catch {
      return true; // a file system that cannot say: the size cap still bounds what is written
    }
    const toCome = Math.max(0, (this.o.expectedBytes ?? 0) - this.size);
    if (free - toCome >= this.o.minFreeBytes) return true;
    this.stop(
      appError(
        'DISK_FULL',
        `Saving this response would leave less than ${mib(this.o.minFreeBytes)} free on the disk, so it was stopped.`,
        `${mib(free)} free in ${this.o.dir}${toCome ? `, ${mib(toCome)} still to come` : ''}.`,
      ),
    );
    return false;
  }

  /** The early notice, once the head is on disk and the body is still arriving. */
  private written(bytes: number) {
    const growing = this.growing;
    if (!growing) return;
    growing.grew(bytes);
    if (!this.over && growing.bytes() >= RECEIVING_HEAD_BYTES && this.filePath) {
      this.over = true;
      this.o.onReceiving?.(this.filePath, growing);
    }
  }

  private write(chunk: Buffer) {
    const file = this.file;
    if (!file || file.destroyed) return;
    this.sinceSpaceCheck += chunk.length;
    if (this.sinceSpaceCheck >= Math.min(SPACE_CHECK_EVERY, Math.max(64 * 1024, this.o.minFreeBytes / 4))) {
      this.sinceSpaceCheck = 0;
      if (!this.enoughSpace()) return;
    }
    const flushed = this.growing ? (err?: Error | null) => err || this.written(chunk.length) : undefined;
    // Backpressure: a fast server must not fill memory while the disk catches up.
    if (!file.write(chunk, flushed) && !this.waitingForDrain) {
      this.waitingForDrain = true;
      this.source.pause();
      file.once('drain', () => {
        this.waitingForDrain = false;
        this.source.resume();
      });
    }
  }
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MiB`;

function tooLarge(bytes: number, limit: number, how: string): RoleCallError {
  return appError(
    'RESPONSE_TOO_LARGE',
    `The response is larger than ${mib(limit)}, the most RoleCall accepts, so it was stopped and nothing of it kept.`,
    `${bytes} bytes ${how}; the limit is maxResponseBytes = ${limit}.`,
  );
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

function networkError(err: NodeJS.ErrnoException, target: Target, proxy?: string): RoleCallError {
  const code = err.code ?? '';
  const detail = proxy ? `Through the proxy ${proxy}: ${errorText(err)}` : errorText(err);
  if (code === 'EPROXY') return appError('NETWORK_ERROR', err.message, detail);
  if (proxy && code === 'ECONNREFUSED') return appError('CONNECTION_REFUSED', `The proxy ${proxy} refused the connection.`, detail);
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
  const text = code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  return maskUrlCredentials(text);
}
