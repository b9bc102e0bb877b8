// Browser mode: the same main-side app as the desktop window, served to the system browser from 127.0.0.1. The
// renderer bundle is served as the rolecall:// protocol serves it (same files, same CSP, plus the socket's
// origin); a bootstrap script installs window.rolecall over one WebSocket carrying exactly the contract's channels
// and events. Every call needs the session cookie that only the launch token buys (see guard.ts, bootstrap.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { createApp, type App, type AppOptions } from '../app';
import { EVENTS } from '../../src/api';
import type { EventName } from '../../src/contract';
import { appResponse, APP_ORIGIN, contentSecurityPolicy } from '../services/rendererFiles';
import { createFileTransfer, DOWNLOAD_PREFIX, UPLOAD_PREFIX, type CallScope } from './fileTransfer';
import { allowedHosts, cookieValue, isAllowedHost, isOwnOrigin, newToken, sameSecret } from './guard';

export const BOOTSTRAP_PATH = '/rolecall-bootstrap.js';
/** The largest message the socket takes: a request with a body typed in the app, never a file (those go by handle). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface BrowserServerOptions {
  /** 0 or absent: a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The bootstrap script's text (see bootstrapScript.ts). */
  bootstrapJs: string;
  /** Everything createApp takes except what the server decides: host, emit, the trusted origins and the file dialogs. */
  app: Omit<AppOptions, 'host' | 'emit' | 'trustedOrigins' | 'chooseSavePath' | 'chooseOpenPath' | 'chooseFolder'>;
  /** Tests: a known token instead of a random one. */
  token?: string;
  /** Tests only (the e2e harness); `rolecall ui` never passes it. */
  testHooks?: BrowserServerTestHooks;
}

export interface BrowserServerTestHooks {
  /** Fake desktop dialogs instead of browser downloads and uploads (and the folder dialog browser mode lacks). */
  dialogs?: Pick<AppOptions, 'chooseSavePath' | 'chooseOpenPath' | 'chooseFolder'>;
  /** Each event as a page took it, with how many listeners it had there (0: no page was connected). */
  onEventDelivered?: (event: EventName, payload: unknown, listeners: number) => void;
}

export interface BrowserServer {
  /** The one URL to print or open: holds the token in its fragment. */
  launchUrl: string;
  origin: string;
  port: number;
  app: App;
  close(): Promise<void>;
}

/** Adds the socket's origin to the desktop CSP's connect-src. */
export function browserCsp(port: number): string {
  const sockets = allowedHosts(port).map((h) => `ws://${h}`).join(' ');
  return contentSecurityPolicy({ dev: false }).replace("connect-src 'self'", `connect-src 'self' ${sockets}`);
}

/**
 * index.html with the bootstrap script ahead of the renderer's own (a module script, so it runs after it anyway).
 * Not deferred: a deferred script waits for the page's stylesheet, which would hold the launch token's exchange and
 * the socket's connection back until then; run at once, both overlap the renderer's download.
 */
export function withBootstrap(html: string): string {
  const tag = `<script src="${BOOTSTRAP_PATH}"></script>`;
  const at = html.indexOf('<script');
  return at >= 0 ? `${html.slice(0, at)}${tag}\n    ${html.slice(at)}` : html.replace('</head>', `${tag}\n</head>`);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? newToken();
  const sessions = new Set<string>();
  const sockets = new Set<WebSocket>();
  const transfer = await createFileTransfer();
  const hooks = options.testHooks;
  /** Events waiting for a page to say it took them (only when a test asks to hear about it). */
  const sentEvents = new Map<number, { event: EventName; payload: unknown }>();
  let eventSeq = 0;
  let port = 0;
  const cookieName = () => `rolecall-session-${port}`;
  const csp = () => browserCsp(port);
  const baseHeaders = () => ({ 'content-security-policy': csp(), 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  const refuse = (res: ServerResponse, status: number, text: string): void => {
    res.writeHead(status, { ...baseHeaders(), 'content-type': 'text/plain; charset=utf-8' }).end(text);
  };
  const hasSession = (req: IncomingMessage) => {
    const id = cookieValue(req.headers.cookie, cookieName());
    return id !== undefined && [...sessions].some((s) => sameSecret(id, s));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return refuse(res, 403, 'Forbidden host');
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/session') {
      if (req.method !== 'POST') return refuse(res, 405, 'Method not allowed');
      if (!isOwnOrigin(req.headers.origin, req.headers.host, port)) return refuse(res, 403, 'Forbidden origin');
      let given: unknown;
      try {
        given = (JSON.parse(await readBody(req, 4096)) as { token?: unknown }).token;
      } catch {
        return refuse(res, 400, 'Bad request');
      }
      if (typeof given !== 'string' || !sameSecret(given, token)) return refuse(res, 403, 'Wrong token');
      const session = randomBytes(32).toString('base64url');
      sessions.add(session);
      res
        .writeHead(204, { ...baseHeaders(), 'set-cookie': `${cookieName()}=${session}; Path=/; HttpOnly; SameSite=Strict` })
        .end();
      return;
    }
    if (pathname.startsWith(UPLOAD_PREFIX)) {
      if (req.method !== 'POST') return refuse(res, 405, 'Method not allowed');
      if (!isOwnOrigin(req.headers.origin, req.headers.host, port) || !hasSession(req)) return refuse(res, 403, 'Forbidden');
      const name = new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('name') ?? '';
      const outcome = await transfer.receiveUpload(pathname.slice(UPLOAD_PREFIX.length), name, req);
      const status = { saved: 204, unknown: 404, tooLarge: 413, failed: 500 }[outcome];
      res.writeHead(status, { ...baseHeaders(), connection: 'close' }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    if (pathname.startsWith(DOWNLOAD_PREFIX)) {
      // A download is a navigation, which carries no Origin: the session cookie (SameSite=Strict) and Host guard it.
      const ready = hasSession(req) ? transfer.takeDownload(pathname.slice(DOWNLOAD_PREFIX.length)) : undefined;
      if (!ready) return refuse(res, 404, 'Not found');
      const ascii = ready.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
      res.writeHead(200, {
        ...baseHeaders(),
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(ready.name)}`,
      });
      const stream = createReadStream(ready.file);
      stream.on('error', () => res.destroy());
      stream.on('close', () => void rm(path.dirname(ready.file), { recursive: true, force: true }));
      stream.pipe(res);
      return;
    }
    if (pathname === BOOTSTRAP_PATH) {
      res.writeHead(200, { ...baseHeaders(), 'content-type': 'text/javascript; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : options.bootstrapJs);
      return;
    }
    if ((pathname === '/' || pathname === '/index.html') && req.method === 'GET') {
      const page = await indexPage();
      res.writeHead(page.status, { ...baseHeaders(), 'content-type': page.type });
      res.end(page.body);
      return;
    }
    const response = await servedFile(pathname, req.method);
    res.writeHead(response.status, { ...baseHeaders(), 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
  }

  /** Served exactly as the desktop window's rolecall://app protocol serves it (traversal refused there). */
  function servedFile(pathname: string, method: string): Promise<Response> {
    return appResponse(options.rendererDir, { url: `${APP_ORIGIN}${pathname}`, method }, csp());
  }

  // The page with the bootstrap, made once: every load and reload asks for it first, and the built renderer the
  // server serves does not change while it runs. A failure is not kept, so the next load tries again.
  let index: Promise<{ status: number; type: string; body: Buffer }> | undefined;
  function indexPage(): Promise<{ status: number; type: string; body: Buffer }> {
    const made = (index ??= servedFile('/index.html', 'GET').then(async (response) => {
      const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
      if (!response.ok) index = undefined;
      return { status: response.status, type: response.headers.get('content-type') ?? 'text/plain; charset=utf-8', body: Buffer.from(response.ok ? withBootstrap(text) : text, 'utf8') };
    }));
    made.catch(() => (index = undefined));
    return made;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = (req.url ?? '/').split('?')[0];
    const refused = !isAllowedHost(req.headers.host, port)
      ? '403 Forbidden'
      : !isOwnOrigin(req.headers.origin, req.headers.host, port)
        ? '403 Forbidden'
        : !hasSession(req)
          ? '401 Unauthorized'
          : pathname !== '/ws'
            ? '404 Not Found'
            : undefined;
    if (refused) {
      socket.end(`HTTP/1.1 ${refused}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const senderUrl = `${req.headers.origin}/`;
      sockets.add(ws);
      ws.on('close', () => {
        sockets.delete(ws);
        transfer.dropOwner(ws);
      });
      ws.on('message', (data) => {
        let message: { id?: unknown; channel?: unknown; request?: unknown; pickCancelled?: unknown; delivered?: unknown; listeners?: unknown };
        try {
          message = JSON.parse(String(data)) as typeof message;
        } catch {
          ws.close(1003, 'not JSON');
          return;
        }
        if (typeof message.pickCancelled === 'string') {
          transfer.cancelPick(message.pickCancelled);
          return;
        }
        if (typeof message.delivered === 'number') {
          const sent = sentEvents.get(message.delivered);
          sentEvents.delete(message.delivered);
          if (sent) hooks?.onEventDelivered?.(sent.event, sent.payload, typeof message.listeners === 'number' ? message.listeners : 0);
          return;
        }
        if (typeof message.id !== 'number' || typeof message.channel !== 'string') {
          ws.close(1003, 'not a call');
          return;
        }
        const id = message.id;
        const channel = message.channel;
        const scope: CallScope = { owner: ws, ask: (question) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(question)), downloads: [] };
        void transfer.run(scope, () => app.registry.invoke(channel, message.request, { senderUrl })).then((raw) => {
          const { result, downloads } = transfer.finish(scope, raw);
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result, ...(downloads.length ? { downloads } : {}) }));
        });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  const app = createApp({
    ...options.app,
    host: 'browser',
    trustedOrigins: allowedHosts(port).map((h) => `http://${h}`),
    // Saving is a browser download and choosing a body file a browser upload (fileTransfer.ts); browser mode has no
    // folder dialog, so opening a collection folder is the desktop's (app.ts says so).
    chooseSavePath: (name) => transfer.chooseSavePath(name),
    chooseOpenPath: (opts) => transfer.chooseOpenPath(opts),
    ...hooks?.dialogs,
    emit: (event, payload) => {
      if (!EVENTS.includes(event)) return;
      const seq = (eventSeq += 1);
      const open = [...sockets].filter((ws) => ws.readyState === ws.OPEN);
      if (hooks?.onEventDelivered) {
        if (!open.length) hooks.onEventDelivered(event, payload, 0);
        else sentEvents.set(seq, { event, payload });
        // Bounded: a page that never answers must not grow this.
        if (sentEvents.size > 1000) sentEvents.delete(sentEvents.keys().next().value as number);
      }
      const text = JSON.stringify({ event, payload, seq });
      for (const ws of open) ws.send(text);
    },
  });

  return {
    launchUrl: `${origin}/#token=${token}`,
    origin,
    port,
    app,
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await app.dispose();
      await transfer.close();
    },
  };
}
