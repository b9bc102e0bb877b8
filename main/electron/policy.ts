// The window's security decisions as plain functions, so they are tested without Electron: where the app is
// loaded from, which URLs count as the app, the CSP, which links may leave for the system browser, and the gate
// every IPC call passes before it reaches the registry. security.ts and shell.ts only wire these to Electron.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Result } from '../../src/errors';

export const DEFAULT_DEV_SERVER_URL = 'http://localhost:5173';

/** Where the renderer comes from: the built files, or the Vite dev server. */
export type AppLocation = { kind: 'file'; indexPath: string; url: string } | { kind: 'dev'; url: string; origin: string };

/**
 * Dev mode is `--dev` or ROLECALL_DEV_SERVER_URL; anything else loads dist/renderer/index.html. The dev URL must be
 * http(s): it becomes a trusted origin, so a typo should fail loudly rather than trust something odd.
 */
export function resolveAppLocation(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  rendererDir: string,
): AppLocation {
  const devUrl = env.ROLECALL_DEV_SERVER_URL || (argv.includes('--dev') ? DEFAULT_DEV_SERVER_URL : undefined);
  if (devUrl) {
    let url: URL;
    try {
      url = new URL(devUrl);
    } catch {
      throw new Error(`ROLECALL_DEV_SERVER_URL is not a URL: ${devUrl}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`ROLECALL_DEV_SERVER_URL must be an http(s) URL: ${devUrl}`);
    }
    return { kind: 'dev', url: url.href, origin: url.origin };
  }
  const indexPath = path.join(rendererDir, 'index.html');
  return { kind: 'file', indexPath, url: pathToFileURL(indexPath).href };
}

/** Origins whose frames may call IPC (see isTrustedSender in the registry). */
export function trustedOriginsFor(location: AppLocation): string[] {
  return location.kind === 'dev' ? [location.origin] : ['file://'];
}

/**
 * True when `url` is the app's own page. For the built app that is the one index.html (query and hash aside),
 * not any file:// URL, so a navigation cannot wander onto the disk.
 */
export function isAppUrl(url: string, location: AppLocation): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (location.kind === 'dev') return target.origin === location.origin;
  const app = new URL(location.url);
  return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
}

/** will-navigate / will-redirect: only the app's own URL. */
export function isNavigationAllowed(url: string, location: AppLocation): boolean {
  return isAppUrl(url, location);
}

/**
 * A link the renderer asked to open in a new window goes to the system browser only when it is plain https
 * without credentials in it; everything else (http, file:, custom schemes that launch programs) is dropped.
 * Returns the URL to open, or null.
 */
export function externalLinkTarget(url: string): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:' || target.username || target.password || !target.hostname) return null;
  return target.href;
}

/** The CSP of the app's pages; dev adds the Vite HMR socket. The renderer's <meta> must not be looser. */
export function contentSecurityPolicy(options: { dev: boolean }): string {
  const connect = options.dev ? "connect-src 'self' ws://localhost:*" : "connect-src 'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    connect,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Adds the CSP to response headers, replacing any the server sent (header names are case-insensitive). */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

export interface IpcSender {
  /** event.sender is the main window's webContents. */
  fromMainWindow: boolean;
  /** event.senderFrame?.url */
  frameUrl?: string;
}

export interface Invoker {
  invoke(channel: string, request: unknown, context?: { senderUrl?: string }): Promise<Result<unknown>>;
}

/** The one path from ipcMain to the registry: other webContents are refused here, foreign frames by the registry. */
export async function guardedInvoke(
  registry: Invoker,
  channel: string,
  request: unknown,
  sender: IpcSender,
): Promise<Result<unknown>> {
  if (!sender.fromMainWindow) {
    const error = { code: 'FORBIDDEN_SENDER', message: 'This window is not allowed to call RoleCall.' } as const;
    return { ok: false, error: sender.frameUrl ? { ...error, detail: sender.frameUrl } : error };
  }
  return registry.invoke(channel, request, sender.frameUrl === undefined ? {} : { senderUrl: sender.frameUrl });
}

/**
 * The one permission the page is granted: writing text to the clipboard (the copy buttons), and only for the
 * app's own page. The check handler may know only the origin, which for the built app is file://.
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, location: AppLocation): boolean {
  if (permission !== 'clipboard-sanitized-write' || !requestingUrl) return false;
  if (isAppUrl(requestingUrl, location)) return true;
  return location.kind === 'file' && (requestingUrl === 'file://' || requestingUrl === 'file:///');
}

/**
 * Whether safeStorage really protects stored keys. On Linux without a keyring Electron falls back to
 * "basic_text", a fixed password anyone can read from the source: for keys that is plain text, so it is refused.
 */
export function safeStorageProtection(available: boolean, platform: string, linuxBackend?: string): { usable: boolean; name: string } {
  if (!available) return { usable: false, name: 'safeStorage' };
  if (platform !== 'linux') return { usable: true, name: 'safeStorage' };
  const usable = linuxBackend !== undefined && linuxBackend !== 'basic_text' && linuxBackend !== 'unknown';
  return { usable, name: `safeStorage (${linuxBackend ?? 'unknown'})` };
}
