// The renderer is served from rolecall://app, a custom scheme, instead of file://: the page gets a real origin of
// its own (so the IPC sender check, the CSP's 'self' and permissions name exactly the app, not "any file on the
// disk"), and the only files it can ever load are the built renderer's. This module decides which file a URL
// names and builds the response; shell.ts hands it to protocol.handle, and browser mode (main/browserMode) serves
// the same files with the same CSP over loopback HTTP. No Electron here, so it is tested as is (its fs calls are
// the ones Electron teaches to read inside app.asar).
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const APP_SCHEME = 'rolecall';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: parsed like http (origin, relative URLs); secure: a secure context like https; supportFetchAPI: the
 * page's own fetches. Nothing that would widen it (no bypassCSP, corsEnabled, service workers or stream).
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts refuse to run unless typed as JavaScript, so every file gets a type; unknown ones a neutral one. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The file under `rendererDir` that an app URL names, or undefined. The URL parser has already folded plain and
 * %2e dot segments; what it leaves encoded (%2f, %5c, %00, a literal backslash, a drive letter) is refused per
 * segment after decoding rather than cleaned up, and the joined path must still be inside the folder.
 */
export function appFilePath(rendererDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return undefined;
  const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
  const names: string[] = [];
  for (const segment of pathname.slice(1).split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (name === '' || name === '.' || name === '..' || /[\\/:\0]/.test(name)) return undefined;
    names.push(name);
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...names);
  return isInside(root, file) ? file : undefined;
}

/** The real file to serve: it exists, is a regular file, and its real path (links followed) is inside the folder. */
async function servableFile(rendererDir: string, requestUrl: string): Promise<string | undefined> {
  const file = appFilePath(rendererDir, requestUrl);
  if (!file) return undefined;
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(path.resolve(rendererDir)), fs.realpath(file)]);
    if (!isInside(realRoot, realFile)) return undefined;
    return (await fs.stat(realFile)).isFile() ? realFile : undefined;
  } catch {
    return undefined;
  }
}

/** The answer to one rolecall://app request; every answer, refusals included, carries the CSP. */
export async function appResponse(rendererDir: string, request: { url: string; method: string }, csp: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
  const refuse = (status: number, text: string) =>
    new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
  const file = await servableFile(rendererDir, request.url);
  if (!file) return refuse(404, 'Not found');
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return refuse(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...headers, 'Content-Type': contentTypeFor(file) },
  });
}

/**
 * The CSP of the app's pages; dev adds the Vite HMR socket. The renderer's <meta> says the same (a test keeps
 * them equal). The renderer has no frames and starts no workers, so both are refused outright.
 */
export function contentSecurityPolicy(options: { dev: boolean }): string {
  const connect = options.dev ? "connect-src 'self' ws://localhost:*" : "connect-src 'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    connect,
    "frame-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
