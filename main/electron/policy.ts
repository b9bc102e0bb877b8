// The window's security decisions as plain functions, so they are tested without Electron: where the app is
// loaded from, which URLs count as the app, the CSP, which links may leave for the system browser, the gate
// every IPC call passes before it reaches the registry, and what a packaged app leaves out (dev mode, DevTools,
// the default menu). security.ts and shell.ts only wire these to Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { Result } from '../../src/errors';
import { APP_HOST, APP_INDEX_URL, APP_ORIGIN, APP_SCHEME } from '../services/rendererFiles';

export const DEFAULT_DEV_SERVER_URL = 'http://localhost:5173';

/** Where the renderer comes from: the built files served as rolecall://app, or the Vite dev server. */
export type AppLocation =
  | { kind: 'app'; rendererDir: string; url: string; origin: string }
  | { kind: 'dev'; url: string; origin: string };

/**
 * Dev mode is `--dev` or ROLECALL_DEV_SERVER_URL, and only for an unpackaged app: in a packaged one they would let
 * anyone who can start it point the trusted window at another page. Anything else serves dist/renderer. The dev
 * URL must be http(s): it becomes a trusted origin, so a typo should fail loudly rather than trust something odd.
 */
export function resolveAppLocation(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  rendererDir: string,
  options: { packaged: boolean },
): AppLocation {
  const devUrl = options.packaged
    ? undefined
    : env.ROLECALL_DEV_SERVER_URL || (argv.includes('--dev') ? DEFAULT_DEV_SERVER_URL : undefined);
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
  return { kind: 'app', rendererDir, url: APP_INDEX_URL, origin: APP_ORIGIN };
}

/** The line for stderr when a packaged app is given dev switches it ignores, or undefined. */
export function ignoredDevSwitches(argv: readonly string[], env: Record<string, string | undefined>, packaged: boolean): string | undefined {
  if (!packaged) return undefined;
  const given = [...(argv.includes('--dev') ? ['--dev'] : []), ...(env.ROLECALL_DEV_SERVER_URL ? ['ROLECALL_DEV_SERVER_URL'] : [])];
  return given.length ? `RoleCall: ignoring ${given.join(' and ')} in the packaged app.` : undefined;
}

/** Origins whose frames may call IPC (see isTrustedSender in the registry). */
export function trustedOriginsFor(location: AppLocation): string[] {
  return [location.origin];
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * True when `url` is on the app's origin. Compared as scheme and host, never as URL.origin: Node gives every
 * non-http scheme the origin "null", which would make any such URL equal to any other.
 */
export function isAppOrigin(url: string, location: AppLocation): boolean {
  const target = parse(url);
  if (!target) return false;
  if (location.kind === 'dev') return target.origin === location.origin;
  return target.protocol === `${APP_SCHEME}:` && target.host === APP_HOST && !target.username && !target.password;
}

/**
 * True when `url` is the app's own page. For the built app that is the one index.html (query and hash aside), so
 * a navigation cannot wander even within the app's files.
 */
export function isAppUrl(url: string, location: AppLocation): boolean {
  if (!isAppOrigin(url, location)) return false;
  return location.kind === 'dev' || new URL(url).pathname === new URL(location.url).pathname;
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
 * app's own origin (the check handler may know only the origin).
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, location: AppLocation): boolean {
  return permission === 'clipboard-sanitized-write' && !!requestingUrl && isAppOrigin(requestingUrl, location);
}

/**
 * The application menu: null keeps Electron's default (with Reload and Toggle DevTools) for development. Packaged,
 * only what a user needs: the edit roles, which also give macOS its copy and paste shortcuts, and a way to quit.
 */
export function appMenuTemplate(platform: string, packaged: boolean): MenuItemConstructorOptions[] | null {
  if (!packaged) return null;
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
  return [{ label: 'File', submenu: [{ role: 'quit' }] }, { role: 'editMenu' }];
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
