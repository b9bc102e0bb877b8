import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import { createRegistry, type Handlers } from '../ipc/registry';
import {
  appMenuTemplate,
  externalLinkTarget,
  guardedInvoke,
  ignoredDevSwitches,
  isAppOrigin,
  isAppUrl,
  isNavigationAllowed,
  isPermissionGranted,
  resolveAppLocation,
  safeStorageProtection,
  trustedOriginsFor,
  withCsp,
  type Invoker,
} from './policy';
import { contentSecurityPolicy } from '../services/rendererFiles';

const rendererDir = path.resolve('/opt/RoleCall/resources/app.asar/dist/renderer');
const indexUrl = 'rolecall://app/index.html';
const fileIndexUrl = pathToFileURL(path.join(rendererDir, 'index.html')).href;
const unpackaged = { packaged: false };
const packaged = { packaged: true };
const appLocation = resolveAppLocation([], {}, rendererDir, unpackaged);
const devLocation = resolveAppLocation(['--dev'], {}, rendererDir, unpackaged);

describe('resolveAppLocation', () => {
  it('serves the built renderer from rolecall://app unless asked for dev', () => {
    expect(appLocation).toEqual({ kind: 'app', rendererDir, url: 'rolecall://app/index.html', origin: 'rolecall://app' });
  });

  it('uses the Vite default with --dev and the env URL when given', () => {
    expect(devLocation).toEqual({ kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    expect(resolveAppLocation([], { ROLECALL_DEV_SERVER_URL: 'http://127.0.0.1:4000/app/' }, rendererDir, unpackaged)).toEqual({
      kind: 'dev',
      url: 'http://127.0.0.1:4000/app/',
      origin: 'http://127.0.0.1:4000',
    });
  });

  it('refuses a dev URL that is not http(s), since it becomes trusted', () => {
    expect(() => resolveAppLocation([], { ROLECALL_DEV_SERVER_URL: 'file:///etc/' }, rendererDir, unpackaged)).toThrow(/http\(s\)/);
    expect(() => resolveAppLocation([], { ROLECALL_DEV_SERVER_URL: 'not a url' }, rendererDir, unpackaged)).toThrow(/not a URL/);
  });

  it('ignores --dev and ROLECALL_DEV_SERVER_URL in the packaged app, and says so', () => {
    const env = { ROLECALL_DEV_SERVER_URL: 'http://127.0.0.1:4000/' };
    expect(resolveAppLocation(['--dev'], env, rendererDir, packaged)).toEqual(appLocation);
    expect(resolveAppLocation([], { ROLECALL_DEV_SERVER_URL: 'file:///etc/' }, rendererDir, packaged)).toEqual(appLocation);
    expect(ignoredDevSwitches(['--dev'], env, true)).toMatch(/--dev.*ROLECALL_DEV_SERVER_URL.*packaged/);
    expect(ignoredDevSwitches(['--dev'], {}, true)).toMatch(/--dev/);
    expect(ignoredDevSwitches([], env, true)).not.toMatch(/--dev/);
    expect(ignoredDevSwitches([], {}, true)).toBeUndefined();
    expect(ignoredDevSwitches(['--dev'], env, false)).toBeUndefined();
  });
});

describe('trustedOriginsFor', () => {
  it('trusts exactly rolecall://app for the built app and only the dev server origin in dev', () => {
    expect(trustedOriginsFor(appLocation)).toEqual(['rolecall://app']);
    expect(trustedOriginsFor(devLocation)).toEqual(['http://localhost:5173']);
  });
});

describe('navigation policy', () => {
  it('allows the app page itself, with a hash or query', () => {
    expect(isNavigationAllowed(indexUrl, appLocation)).toBe(true);
    expect(isNavigationAllowed(`${indexUrl}#/history`, appLocation)).toBe(true);
    expect(isNavigationAllowed(`${indexUrl}?x=1`, appLocation)).toBe(true);
  });

  it('blocks files, other pages, other origins and odd schemes for the built app', () => {
    expect(isNavigationAllowed(fileIndexUrl, appLocation)).toBe(false);
    expect(isNavigationAllowed(pathToFileURL('/etc/passwd').href, appLocation)).toBe(false);
    expect(isNavigationAllowed('rolecall://app/other.html', appLocation)).toBe(false);
    expect(isNavigationAllowed('rolecall://evil/index.html', appLocation)).toBe(false);
    expect(isNavigationAllowed('other://app/index.html', appLocation)).toBe(false);
    expect(isNavigationAllowed('https://example.com/', appLocation)).toBe(false);
    expect(isNavigationAllowed('http://localhost:5173/', appLocation)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', appLocation)).toBe(false);
    expect(isNavigationAllowed('not a url', appLocation)).toBe(false);
  });

  it('counts every path of rolecall://app, and nothing else, as the app origin', () => {
    expect(isAppOrigin('rolecall://app/assets/index.js', appLocation)).toBe(true);
    expect(isAppOrigin('rolecall://app', appLocation)).toBe(true);
    for (const url of [fileIndexUrl, 'file://', 'rolecall://app.evil/', 'rolecall://app:1/', 'other://app/', 'null', '']) {
      expect(isAppOrigin(url, appLocation), url).toBe(false);
    }
    expect(isAppOrigin('http://localhost:5173/src/main.tsx', devLocation)).toBe(true);
    expect(isAppOrigin(indexUrl, devLocation)).toBe(false);
  });

  it('allows only the dev server origin in dev', () => {
    expect(isNavigationAllowed('http://localhost:5173/src/main.tsx', devLocation)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', devLocation)).toBe(false);
    expect(isNavigationAllowed('https://localhost:5173/', devLocation)).toBe(false);
    expect(isNavigationAllowed(indexUrl, devLocation)).toBe(false);
    expect(isAppUrl('http://evil.localhost:5173/', devLocation)).toBe(false);
  });
});

describe('appMenuTemplate', () => {
  const roles = (items: ReturnType<typeof appMenuTemplate>): string[] =>
    (items ?? []).flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ]);

  it('keeps Electron\'s default menu (reload, DevTools) when not packaged', () => {
    expect(appMenuTemplate('linux', false)).toBeNull();
    expect(appMenuTemplate('darwin', false)).toBeNull();
  });

  it('is app, edit and window on macOS once packaged', () => {
    expect(roles(appMenuTemplate('darwin', true))).toEqual(['appMenu', 'editMenu', 'windowMenu']);
  });

  it('is quit and edit elsewhere once packaged', () => {
    for (const platform of ['linux', 'win32']) {
      expect(roles(appMenuTemplate(platform, true))).toEqual(['quit', 'editMenu']);
    }
  });

  it('never offers reload, DevTools or the view menu once packaged', () => {
    for (const platform of ['darwin', 'linux', 'win32']) {
      const all = roles(appMenuTemplate(platform, true)).map((role) => role.toLowerCase());
      for (const banned of ['reload', 'forcereload', 'toggledevtools', 'viewmenu']) expect(all).not.toContain(banned);
    }
  });
});

describe('externalLinkTarget', () => {
  it('lets plain https links go to the system browser', () => {
    expect(externalLinkTarget('https://docs.aws.amazon.com/IAM/latest/UserGuide/')).toBe(
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/',
    );
  });

  it('drops http, file, custom schemes and URLs carrying credentials', () => {
    expect(externalLinkTarget('http://example.com/')).toBeNull();
    expect(externalLinkTarget('file:///etc/passwd')).toBeNull();
    expect(externalLinkTarget('ms-msdt:/id PCWDiagnostic')).toBeNull();
    expect(externalLinkTarget('smb://host/share')).toBeNull();
    expect(externalLinkTarget('https://user:pass@example.com/')).toBeNull();
    expect(externalLinkTarget('javascript:alert(1)')).toBeNull();
    expect(externalLinkTarget('')).toBeNull();
  });
});

describe('contentSecurityPolicy', () => {
  it('is the strict policy, with no remote or inline scripts, no frames and no workers', () => {
    expect(contentSecurityPolicy({ dev: false })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-src 'none'; worker-src 'none'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('is what the renderer\'s <meta> says, minus what a <meta> cannot carry', () => {
    const html = readFileSync(path.join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy({ dev: false }).replace("; frame-ancestors 'none'", ''));
  });

  it('adds only the HMR socket in dev', () => {
    const dev = contentSecurityPolicy({ dev: true });
    expect(dev).toContain("connect-src 'self' ws://localhost:*;");
    expect(dev.replace(' ws://localhost:*', '')).toBe(contentSecurityPolicy({ dev: false }));
  });
});

describe('withCsp', () => {
  it('replaces any CSP the server sent, whatever its case, and keeps other headers', () => {
    const out = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] }, 'X');
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['X'] });
    expect(withCsp(undefined, 'X')).toEqual({ 'Content-Security-Policy': ['X'] });
  });
});

describe('guardedInvoke', () => {
  function fakeRegistry() {
    const calls: Array<{ channel: string; request: unknown; context: unknown }> = [];
    const registry: Invoker = {
      async invoke(channel, request, context) {
        calls.push({ channel, request, context });
        return { ok: true, value: 'handled' } as Result<unknown>;
      },
    };
    return { registry, calls };
  }

  it('passes the main window\'s calls to the registry with the frame URL', async () => {
    const { registry, calls } = fakeRegistry();
    const result = await guardedInvoke(registry, 'app:info', {}, { fromMainWindow: true, frameUrl: indexUrl });
    expect(result).toEqual({ ok: true, value: 'handled' });
    expect(calls).toEqual([{ channel: 'app:info', request: {}, context: { senderUrl: indexUrl } }]);
  });

  it('refuses any other webContents without reaching the registry', async () => {
    const { registry, calls } = fakeRegistry();
    const result = await guardedInvoke(registry, 'profiles:list', {}, { fromMainWindow: false, frameUrl: 'https://evil.test/' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: 'This window is not allowed to call RoleCall.', detail: 'https://evil.test/' },
    });
    expect(calls).toEqual([]);
  });

  it('leaves a frame with no URL for the registry to refuse', async () => {
    const { registry, calls } = fakeRegistry();
    await guardedInvoke(registry, 'app:info', {}, { fromMainWindow: true });
    expect(calls[0]?.context).toEqual({});
  });

  it('with the real registry, the app page may call and a foreign frame of the main window may not', async () => {
    const info = { version: '0', platform: 'test', host: 'electron' };
    const handlers = { 'app:info': async () => info } as unknown as Handlers;
    for (const location of [appLocation, devLocation]) {
      const registry = createRegistry(handlers, { trustedOrigins: trustedOriginsFor(location) });
      const own = await guardedInvoke(registry, 'app:info', {}, { fromMainWindow: true, frameUrl: location.url });
      expect(own).toEqual({ ok: true, value: info });
      const foreign = await guardedInvoke(registry, 'app:info', {}, { fromMainWindow: true, frameUrl: 'https://evil.test/' });
      expect(foreign.ok === false && foreign.error.code).toBe('FORBIDDEN_SENDER');
      const none = await guardedInvoke(registry, 'app:info', {}, { fromMainWindow: true });
      expect(none.ok === false && none.error.code).toBe('FORBIDDEN_SENDER');
    }
  });

  it('for the built app, accepts exactly rolecall://app frames and refuses file:// and look-alikes', async () => {
    const handlers = { 'app:info': async () => ({ version: '0', platform: 'test', host: 'electron' }) } as unknown as Handlers;
    const registry = createRegistry(handlers, { trustedOrigins: trustedOriginsFor(appLocation) });
    const call = async (frameUrl: string) => (await guardedInvoke(registry, 'app:info', {}, { fromMainWindow: true, frameUrl })).ok;
    expect(await call('rolecall://app/index.html')).toBe(true);
    expect(await call('rolecall://app/index.html#/history')).toBe(true);
    for (const url of [
      fileIndexUrl,
      'file:///etc/passwd',
      'other://app/index.html',
      'rolecall://evil/index.html',
      'rolecall://app.evil/index.html',
      'rolecall://app:8080/index.html',
      'about:blank',
      'about:srcdoc',
      'data:text/html,<p>x</p>',
      'blob:rolecall://app/0b1d5e2c',
      'http://localhost:5173/',
    ]) {
      expect(await call(url), url).toBe(false);
    }
  });
});

describe('permissions and key protection', () => {
  it('grants only the clipboard write, only to the app itself', () => {
    const dev = devLocation;
    expect(isPermissionGranted('clipboard-sanitized-write', indexUrl, appLocation)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'rolecall://app', appLocation)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'file://', appLocation)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', fileIndexUrl, appLocation)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5173/', dev)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5174/', dev)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'file://', dev)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, appLocation)).toBe(false);
    for (const other of ['clipboard-read', 'media', 'notifications', 'openExternal']) {
      expect(isPermissionGranted(other, indexUrl, appLocation)).toBe(false);
    }
  });

  it('treats safeStorage as protection only when it really encrypts', () => {
    expect(safeStorageProtection(true, 'darwin')).toEqual({ usable: true, name: 'safeStorage' });
    expect(safeStorageProtection(false, 'win32')).toMatchObject({ usable: false });
    expect(safeStorageProtection(true, 'linux', 'gnome_libsecret')).toEqual({ usable: true, name: 'safeStorage (gnome_libsecret)' });
    expect(safeStorageProtection(true, 'linux', 'basic_text')).toMatchObject({ usable: false });
    expect(safeStorageProtection(true, 'linux')).toMatchObject({ usable: false });
  });
});
