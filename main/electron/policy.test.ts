import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import { createRegistry, type Handlers } from '../ipc/registry';
import {
  contentSecurityPolicy,
  externalLinkTarget,
  guardedInvoke,
  isAppUrl,
  isNavigationAllowed,
  isPermissionGranted,
  resolveAppLocation,
  safeStorageProtection,
  trustedOriginsFor,
  withCsp,
  type Invoker,
} from './policy';

const rendererDir = path.resolve('/opt/RoleCall/resources/app.asar/dist/renderer');
const indexUrl = pathToFileURL(path.join(rendererDir, 'index.html')).href;
const fileLocation = resolveAppLocation([], {}, rendererDir);
const devLocation = resolveAppLocation(['--dev'], {}, rendererDir);

describe('resolveAppLocation', () => {
  it('loads the built index.html unless asked for dev', () => {
    expect(fileLocation).toEqual({ kind: 'file', indexPath: path.join(rendererDir, 'index.html'), url: indexUrl });
  });

  it('uses the Vite default with --dev and the env URL when given', () => {
    expect(devLocation).toEqual({ kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    expect(resolveAppLocation([], { ROLECALL_DEV_SERVER_URL: 'http://127.0.0.1:4000/app/' }, rendererDir)).toEqual({
      kind: 'dev',
      url: 'http://127.0.0.1:4000/app/',
      origin: 'http://127.0.0.1:4000',
    });
  });

  it('refuses a dev URL that is not http(s), since it becomes trusted', () => {
    expect(() => resolveAppLocation([], { ROLECALL_DEV_SERVER_URL: 'file:///etc/' }, rendererDir)).toThrow(/http\(s\)/);
    expect(() => resolveAppLocation([], { ROLECALL_DEV_SERVER_URL: 'not a url' }, rendererDir)).toThrow(/not a URL/);
  });
});

describe('trustedOriginsFor', () => {
  it('trusts file:// for the built app and only the dev server origin in dev', () => {
    expect(trustedOriginsFor(fileLocation)).toEqual(['file://']);
    expect(trustedOriginsFor(devLocation)).toEqual(['http://localhost:5173']);
  });
});

describe('navigation policy', () => {
  it('allows the app page itself, with a hash or query', () => {
    expect(isNavigationAllowed(indexUrl, fileLocation)).toBe(true);
    expect(isNavigationAllowed(`${indexUrl}#/history`, fileLocation)).toBe(true);
    expect(isNavigationAllowed(`${indexUrl}?x=1`, fileLocation)).toBe(true);
  });

  it('blocks other files, other origins and odd schemes for the built app', () => {
    expect(isNavigationAllowed(pathToFileURL('/etc/passwd').href, fileLocation)).toBe(false);
    expect(isNavigationAllowed(pathToFileURL(path.join(rendererDir, 'other.html')).href, fileLocation)).toBe(false);
    expect(isNavigationAllowed('https://example.com/', fileLocation)).toBe(false);
    expect(isNavigationAllowed('http://localhost:5173/', fileLocation)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', fileLocation)).toBe(false);
    expect(isNavigationAllowed('not a url', fileLocation)).toBe(false);
  });

  it('allows only the dev server origin in dev', () => {
    expect(isNavigationAllowed('http://localhost:5173/src/main.tsx', devLocation)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', devLocation)).toBe(false);
    expect(isNavigationAllowed('https://localhost:5173/', devLocation)).toBe(false);
    expect(isNavigationAllowed(indexUrl, devLocation)).toBe(false);
    expect(isAppUrl('http://evil.localhost:5173/', devLocation)).toBe(false);
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
  it('is the strict policy, with no remote or inline scripts', () => {
    expect(contentSecurityPolicy({ dev: false })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
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
    for (const location of [fileLocation, devLocation]) {
      const registry = createRegistry(handlers, { trustedOrigins: trustedOriginsFor(location) });
      const own = await guardedInvoke(registry, 'app:info', {}, { fromMainWindow: true, frameUrl: location.url });
      expect(own).toEqual({ ok: true, value: info });
      const foreign = await guardedInvoke(registry, 'app:info', {}, { fromMainWindow: true, frameUrl: 'https://evil.test/' });
      expect(foreign.ok === false && foreign.error.code).toBe('FORBIDDEN_SENDER');
      const none = await guardedInvoke(registry, 'app:info', {}, { fromMainWindow: true });
      expect(none.ok === false && none.error.code).toBe('FORBIDDEN_SENDER');
    }
  });
});

describe('permissions and key protection', () => {
  it('grants only the clipboard write, only to the app itself', () => {
    const dev = resolveAppLocation(['--dev'], {}, rendererDir);
    expect(isPermissionGranted('clipboard-sanitized-write', indexUrl, fileLocation)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'file://', fileLocation)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5173/', dev)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5174/', dev)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'file://', dev)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, fileLocation)).toBe(false);
    for (const other of ['clipboard-read', 'media', 'notifications', 'openExternal']) {
      expect(isPermissionGranted(other, indexUrl, fileLocation)).toBe(false);
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
