// The shell cannot run here (no Electron binary), so it runs against a recording fake of the Electron API:
// this checks the wiring (window options, one guarded handler per channel, the guards on every webContents,
// single instance, dispose on quit), not Electron itself. The Electron e2e test covers the real thing.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { CHANNELS } from '../../src/contract';
import type { Result } from '../../src/errors';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  listeners = new Map<string, Listener[]>();
  on(name: string, fn: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Listener) {
    return this.on(name, fn);
  }
  emit(name: string, ...args: unknown[]) {
    return (this.listeners.get(name) ?? []).map((fn) => fn(...args));
  }
}

class FakeContents extends Emitter {
  sent: Array<[string, unknown]> = [];
  devToolsClosed = 0;
  openHandler?: (details: { url: string }) => { action: string };
  closeDevTools() {
    this.devToolsClosed += 1;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}

type State = ReturnType<typeof freshState>;
const h = vi.hoisted(() => ({ state: undefined as unknown as State }));

// Getters, because the mock is built once while each test starts a fresh shell against a fresh fake.
vi.mock('electron', () => ({
  get app() {
    return h.state.app;
  },
  get BrowserWindow() {
    return h.state.BrowserWindow;
  },
  get ipcMain() {
    return h.state.ipcMain;
  },
  get session() {
    return h.state.session;
  },
  get shell() {
    return h.state.shell;
  },
  get safeStorage() {
    return h.state.safeStorage;
  },
  get dialog() {
    return h.state.dialog;
  },
  get protocol() {
    return h.state.protocol;
  },
  get Menu() {
    return h.state.Menu;
  },
}));

// electron-store reads and writes under userData; a map stands in for it here.
vi.mock('electron-store', () => ({
  default: class FakeStore {
    data = new Map<string, unknown>();
    path: string;
    constructor(public options: { name?: string; cwd?: string }) {
      h.state.storeOptions = options;
      this.path = `${options.cwd ?? '/fake-user-data'}/${options.name ?? 'config'}.json`;
    }
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
    delete(key: string) {
      this.data.delete(key);
    }
  },
}));

interface FakeAppOptions {
  host: string;
  trustedOrigins?: string[];
  emit: (event: string, payload: unknown) => void;
  store?: { path: string; get(key: string): unknown; set(key: string, value: unknown): void };
  collectionFiles?: { dir: string; create(dir: string, name: string): { path: string } };
  cipher?: { name: string; available: boolean; encrypt(text: string): Uint8Array; decrypt(data: Uint8Array): string };
  chooseSavePath?: (suggestedName: string) => Promise<string | undefined>;
  openExternal?: (url: string) => Promise<void>;
}

vi.mock('../app', () => ({
  createApp: (options: FakeAppOptions) => {
    h.state.appOptions = options;
    return h.state.core;
  },
}));

type MenuTemplate = Array<{ role?: string; label?: string; submenu?: MenuTemplate }>;

function freshState(lock = true, packaged = false) {
  let fireReady = () => {};
  const app = Object.assign(new Emitter(), {
    paths: {} as Record<string, string>,
    quitCalls: 0,
    exitCode: undefined as number | undefined,
    sandboxed: false,
    isPackaged: packaged,
    readyFired: false,
    // Ready only when the test says so, so what the shell does before ready is visible.
    ready: new Promise<void>((resolve) => {
      fireReady = resolve;
    }),
    fireReady() {
      this.readyFired = true;
      fireReady();
    },
    setPath(name: string, value: string) {
      this.paths[name] = value;
    },
    getPath(name: string) {
      return this.paths[name] ?? `/fake-${name}`;
    },
    requestSingleInstanceLock: () => lock,
    quit() {
      this.quitCalls += 1;
    },
    exit(code: number) {
      this.exitCode = code;
    },
    enableSandbox() {
      this.sandboxed = true;
    },
    isReady: () => true,
    whenReady() {
      return this.ready;
    },
  });
  class BrowserWindow extends Emitter {
    static getAllWindows = () => windows;
    webContents = new FakeContents();
    loaded?: { file?: string; url?: string };
    focused = false;
    constructor(public options: { webPreferences?: Record<string, unknown> }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string) {
      this.loaded = { file };
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded = { url };
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore() {}
    focus() {
      this.focused = true;
    }
    show() {}
  }
  const windows: BrowserWindow[] = [];
  const handlers = new Map<string, Listener>();
  const session = {
    defaultSession: {
      headersListener: undefined as Listener | undefined,
      permissionRequest: undefined as Listener | undefined,
      permissionCheck: undefined as Listener | undefined,
      webRequest: {
        onHeadersReceived(fn: Listener) {
          session.defaultSession.headersListener = fn;
        },
      },
      setPermissionRequestHandler(fn: Listener) {
        session.defaultSession.permissionRequest = fn;
      },
      setPermissionCheckHandler(fn: Listener) {
        session.defaultSession.permissionCheck = fn;
      },
    },
  };
  const invoked: Array<[string, unknown, unknown]> = [];
  const state = {
    app,
    windows,
    BrowserWindow,
    handlers,
    ipcMain: {
      handle(channel: string, fn: Listener) {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      },
    },
    session,
    privileged: [] as Array<{ schemes: unknown; beforeReady: boolean }>,
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    protocol: {
      registerSchemesAsPrivileged(schemes: unknown) {
        state.privileged.push({ schemes, beforeReady: !app.readyFired });
      },
      handle(scheme: string, fn: (request: Request) => Promise<Response>) {
        state.protocolHandlers.set(scheme, fn);
      },
    },
    menus: [] as Array<{ template: MenuTemplate } | null>,
    Menu: {
      buildFromTemplate: (template: MenuTemplate) => ({ template }),
      setApplicationMenu(menu: { template: MenuTemplate } | null) {
        state.menus.push(menu);
      },
    },
    opened: [] as string[],
    shell: {
      openExternal: async (url: string) => {
        state.opened.push(url);
      },
    },
    invoked,
    disposed: 0,
    storeOptions: undefined as unknown,
    encryption: { available: true, backend: 'gnome_libsecret' },
    safeStorage: {
      isEncryptionAvailable: () => state.encryption.available,
      getSelectedStorageBackend: () => state.encryption.backend,
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
    },
    saveAnswer: { canceled: false, filePath: '/home/user/Downloads/body.json' } as { canceled: boolean; filePath?: string },
    saveDialogs: [] as unknown[][],
    dialog: {
      showSaveDialog: async (...args: unknown[]) => {
        state.saveDialogs.push(args);
        return state.saveAnswer;
      },
      showErrorBox: () => {},
    },
    appOptions: undefined as FakeAppOptions | undefined,
    core: {
      registry: {
        channels: CHANNELS,
        async invoke(channel: string, request: unknown, context: unknown): Promise<Result<unknown>> {
          invoked.push([channel, request, context]);
          return { ok: true, value: channel };
        },
      },
      dispose: async () => {
        state.disposed += 1;
      },
    },
  };
  return state;
}

const savedArgv = process.argv;
const savedDev = process.env.ROLECALL_DEV_SERVER_URL;
const savedUserData = process.env.ROLECALL_USER_DATA_DIR;

let stderr: MockInstance<typeof console.error> | undefined;

async function startShell(options: { argv?: string[]; lock?: boolean; userData?: string; packaged?: boolean; devServerUrl?: string } = {}) {
  h.state = freshState(options.lock ?? true, options.packaged ?? false);
  process.argv = ['electron', '.', ...(options.argv ?? [])];
  if (options.devServerUrl) process.env.ROLECALL_DEV_SERVER_URL = options.devServerUrl;
  else delete process.env.ROLECALL_DEV_SERVER_URL;
  if (options.userData) process.env.ROLECALL_USER_DATA_DIR = options.userData;
  else delete process.env.ROLECALL_USER_DATA_DIR;
  stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.resetModules();
  await import('./shell');
  h.state.app.fireReady();
  await h.state.app.ready;
  // The window opens once the store (a dynamic import) is open and the handlers are registered.
  if (options.lock ?? true) await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
  return h.state;
}

afterEach(() => {
  stderr?.mockRestore();
  process.argv = savedArgv;
  if (savedDev === undefined) delete process.env.ROLECALL_DEV_SERVER_URL;
  else process.env.ROLECALL_DEV_SERVER_URL = savedDev;
  if (savedUserData === undefined) delete process.env.ROLECALL_USER_DATA_DIR;
  else process.env.ROLECALL_USER_DATA_DIR = savedUserData;
});

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const appUrl = 'rolecall://app/index.html';

const roles = (template: MenuTemplate): string[] =>
  template.flatMap((item) => [...(item.role ? [item.role] : []), ...(item.submenu ? roles(item.submenu) : [])]);

describe('shell', () => {
  it('opens one locked-down window on the built renderer, served as rolecall://app, with the bundled preload', async () => {
    const s = await startShell();
    expect(s.windows).toHaveLength(1);
    const win = s.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.loaded).toEqual({ url: appUrl });
    expect(s.app.sandboxed).toBe(true);
    expect(s.appOptions).toMatchObject({ host: 'electron', trustedOrigins: ['rolecall://app'] });
  });

  it('registers rolecall: as a privileged scheme before ready and serves only the renderer folder from it', async () => {
    const s = await startShell();
    expect(s.privileged).toEqual([
      { schemes: [{ scheme: 'rolecall', privileges: { standard: true, secure: true, supportFetchAPI: true } }], beforeReady: true },
    ]);
    const serve = s.protocolHandlers.get('rolecall');
    expect(serve).toBeDefined();
    // main/renderer does not exist here, so a naive join of this path would read main/electron/shell.ts.
    for (const url of ['rolecall://app/..%2Felectron%2Fshell.ts', 'rolecall://app/..%5Celectron%5Cshell.ts', 'rolecall://app/../../package.json']) {
      const res = await serve!(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('createWindow');
      expect(res.headers.get('content-security-policy'), url).toContain("frame-src 'none'");
    }
  });

  it('packaged: ignores --dev and ROLECALL_DEV_SERVER_URL (saying so), allows no DevTools and sets a minimal menu', async () => {
    const s = await startShell({ packaged: true, argv: ['--dev'], devServerUrl: 'http://127.0.0.1:4000/' });
    const win = s.windows[0]!;
    expect(win.loaded).toEqual({ url: appUrl });
    expect(s.appOptions?.trustedOrigins).toEqual(['rolecall://app']);
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/ignoring --dev and ROLECALL_DEV_SERVER_URL/));
    expect(win.options.webPreferences).toMatchObject({ devTools: false });
    win.webContents.emit('devtools-opened');
    expect(win.webContents.devToolsClosed).toBe(1);
    expect(s.menus).toHaveLength(1);
    const menuRoles = roles(s.menus[0]!.template);
    expect(menuRoles).toContain('editMenu');
    expect(menuRoles.map((role) => role.toLowerCase())).not.toEqual(expect.arrayContaining(['toggledevtools']));
    expect(menuRoles.map((role) => role.toLowerCase()).some((role) => ['reload', 'forcereload', 'viewmenu', 'toggledevtools'].includes(role))).toBe(false);
  });

  it('unpackaged: keeps dev mode, DevTools and Electron\'s default menu', async () => {
    const s = await startShell({ devServerUrl: 'http://127.0.0.1:4000/' });
    const win = s.windows[0]!;
    expect(win.loaded).toEqual({ url: 'http://127.0.0.1:4000/' });
    expect(win.options.webPreferences).toMatchObject({ devTools: true });
    win.webContents.emit('devtools-opened');
    expect(win.webContents.devToolsClosed).toBe(0);
    expect(s.menus).toEqual([]);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('loads the Vite dev server with --dev and trusts only its origin', async () => {
    const s = await startShell({ argv: ['--dev'] });
    expect(s.windows[0]!.loaded).toEqual({ url: 'http://localhost:5173/' });
    expect(s.appOptions?.trustedOrigins).toEqual(['http://localhost:5173']);
  });

  it('registers exactly one handler per channel, passing the frame URL to the registry', async () => {
    const s = await startShell();
    expect([...s.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const win = s.windows[0]!;
    const frameUrl = appUrl;
    const result = await s.handlers.get('app:info')!({ sender: win.webContents, senderFrame: { url: frameUrl } }, {});
    expect(result).toEqual({ ok: true, value: 'app:info' });
    expect(s.invoked).toEqual([['app:info', {}, { senderUrl: frameUrl }]]);
  });

  it('refuses IPC from any webContents other than the main window', async () => {
    const s = await startShell();
    const other = new FakeContents();
    const result = await s.handlers.get('profiles:list')!({ sender: other, senderFrame: { url: 'https://evil.test/' } }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(s.invoked).toEqual([]);
  });

  it('guards every webContents: navigation, redirects, webviews and new windows', async () => {
    const s = await startShell();
    const contents = new FakeContents();
    s.app.emit('web-contents-created', {}, contents);
    const attempt = (name: string, url: string) => {
      const event = { url, prevented: false, preventDefault() {
        this.prevented = true;
      } };
      contents.emit(name, event);
      return event.prevented;
    };
    expect(attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(attempt('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(attempt('will-navigate', pathToFileURL('/etc/passwd').href)).toBe(true);
    expect(attempt('will-navigate', pathToFileURL(rendererIndex).href)).toBe(true);
    expect(attempt('will-navigate', `${appUrl}#/x`)).toBe(false);
    expect(attempt('will-attach-webview', 'https://example.com/')).toBe(true);
    expect(contents.openHandler!({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://docs.aws.amazon.com/' })).toEqual({ action: 'deny' });
    expect(s.opened).toEqual(['https://docs.aws.amazon.com/']);
  });

  it('denies permissions and sets the CSP on the app\'s own responses only', async () => {
    const s = await startShell();
    const ses = s.session.defaultSession;
    const granted: boolean[] = [];
    ses.permissionRequest!({}, 'media', (ok: boolean) => granted.push(ok), {});
    expect(granted).toEqual([false]);
    expect(ses.permissionCheck!({}, 'clipboard-read', 'rolecall://app', {})).toBe(false);

    const answers: Array<{ responseHeaders?: Record<string, string[]> }> = [];
    ses.headersListener!({ url: appUrl, responseHeaders: { 'Content-Type': ['text/html'] } }, (r: unknown) => answers.push(r as (typeof answers)[number]));
    ses.headersListener!({ url: 'https://example.com/', responseHeaders: {} }, (r: unknown) =>
      answers.push(r as (typeof answers)[number]),
    );
    expect(answers[0]?.responseHeaders?.['Content-Security-Policy']?.[0]).toContain("script-src 'self';");
    expect(answers[0]?.responseHeaders?.['Content-Type']).toEqual(['text/html']);
    expect(answers[1]).toEqual({});
  });

  it('pushes events to the main window', async () => {
    const s = await startShell();
    s.appOptions!.emit('mfa:prompt', { promptId: 'p', mfaSerial: 'm', reason: 'r' });
    expect(s.windows[0]!.webContents.sent).toEqual([['mfa:prompt', { promptId: 'p', mfaSerial: 'm', reason: 'r' }]]);
  });

  it('quits at once as a second instance, and the first focuses its window', async () => {
    const second = await startShell({ lock: false });
    expect(second.app.quitCalls).toBe(1);
    expect(second.windows).toHaveLength(0);
    expect(second.handlers.size).toBe(0);

    const first = await startShell();
    first.app.emit('second-instance', {}, [], '');
    expect(first.windows[0]!.focused).toBe(true);
  });

  it('keeps the workspace in electron-store and opens the window only once the handlers exist', async () => {
    const s = await startShell();
    expect(s.storeOptions).toMatchObject({ cwd: '/fake-userData', name: 'workspace', accessPropertiesByDotNotation: false });
    expect(s.appOptions?.store?.path).toBe('/fake-userData/workspace.json');
    expect(s.appOptions?.collectionFiles?.dir).toBe(path.join('/fake-userData', 'collections'));
    expect(s.appOptions!.collectionFiles!.create('/fake-userData/collections', 'collection-abc').path).toBe('/fake-userData/collections/collection-abc.json');
    s.appOptions!.store!.set('k', 1);
    expect(s.appOptions!.store!.get('k')).toBe(1);
    expect(s.handlers.size).toBe(CHANNELS.length);
  });

  it('seals stored keys with safeStorage, and calls it unusable when it is off or falls back to basic_text', async () => {
    const s = await startShell();
    const cipher = s.appOptions!.cipher!;
    expect(cipher.decrypt(cipher.encrypt('secret'))).toBe('secret');
    expect(cipher.available).toBe(process.platform !== 'linux' || s.encryption.backend !== 'basic_text');
    s.encryption.available = false;
    expect(cipher.available).toBe(false);
    if (process.platform === 'linux') {
      s.encryption = { available: true, backend: 'basic_text' };
      expect(cipher.available).toBe(false);
      expect(cipher.name).toBe('safeStorage (basic_text)');
    }
  });

  it('asks where to save with the native dialog, in Downloads, and passes a cancel on', async () => {
    const s = await startShell();
    expect(await s.appOptions!.chooseSavePath!('body.json')).toBe('/home/user/Downloads/body.json');
    expect(s.saveDialogs[0]?.[1]).toEqual({ defaultPath: path.join('/fake-downloads', 'body.json') });
    s.saveAnswer = { canceled: true };
    expect(await s.appOptions!.chooseSavePath!('body.json')).toBeUndefined();
  });

  it('opens an https SSO sign-in page in the system browser and refuses any other scheme', async () => {
    const s = await startShell();
    await s.appOptions!.openExternal!('https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH');
    await expect(s.appOptions!.openExternal!('file:///etc/passwd')).rejects.toThrow('https');
    await expect(s.appOptions!.openExternal!('http://127.0.0.1:1/device')).rejects.toThrow('https');
    expect(s.opened).toEqual(['https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH']);
  });

  it('grants the clipboard write to the app\'s own page and nothing else', async () => {
    const s = await startShell();
    const ses = s.session.defaultSession;
    const granted: boolean[] = [];
    ses.permissionRequest!({}, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok), { requestingUrl: appUrl });
    ses.permissionRequest!({}, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok), { requestingUrl: 'https://evil.test/' });
    ses.permissionRequest!({}, 'clipboard-read', (ok: boolean) => granted.push(ok), { requestingUrl: appUrl });
    expect(granted).toEqual([true, false, false]);
    expect(ses.permissionCheck!({}, 'clipboard-sanitized-write', 'rolecall://app', { requestingUrl: appUrl })).toBe(true);
    expect(ses.permissionCheck!({}, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
    expect(ses.permissionCheck!({}, 'clipboard-sanitized-write', 'https://evil.test', {})).toBe(false);
  });

  it('uses ROLECALL_USER_DATA_DIR for userData', async () => {
    const s = await startShell({ userData: '/tmp/rolecall-test-user-data' });
    expect(s.app.paths.userData).toBe('/tmp/rolecall-test-user-data');
  });

  it('disposes the app once before quitting', async () => {
    const s = await startShell();
    let prevented = false;
    s.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(s.app.quitCalls).toBe(1));
    expect(s.disposed).toBe(1);
    let preventedAgain = false;
    s.app.emit('will-quit', { preventDefault: () => (preventedAgain = true) });
    expect(preventedAgain).toBe(false);
    expect(s.disposed).toBe(1);
  });
});
