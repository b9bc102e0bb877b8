// The Electron entry (dist/electron/shell.cjs): one locked-down window, one ipcMain handler per contract channel,
// everything else delegated to createApp, which gets the workspace in electron-store, stored keys sealed with
// safeStorage and the native save dialog. Kept thin on purpose: it cannot run on machines without the Electron
// binary, so the decisions it makes live in policy.ts where they are tested.
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import { createApp, type App } from '../app';
import type { Cipher } from '../services/keyVault';
import { cleanSpool } from '../services/spoolFiles';
import { defaultSpoolDir } from '../services/transport';
import { openBackend, STORE_FILE_MODE, STORE_NAME, type BackendFactory, type Recovered, type StoreBackend } from '../services/workspaceStore';
import { guardedInvoke, resolveAppLocation, safeStorageProtection, trustedOriginsFor, type AppLocation } from './policy';
import { guardAllWebContents, hardenSession } from './security';

/** electron-store is ESM and left out of the bundle, so it is imported when the app is ready. */
async function openWorkspace(): Promise<{ backend: StoreBackend; recovered?: Recovered; collectionFiles: { dir: string; create: BackendFactory } }> {
  const { default: Store } = await import('electron-store');
  const create: BackendFactory = (dir, name) => {
    const store = new Store<Record<string, unknown>>({
      cwd: dir,
      name,
      // Keys carry ids, which may hold dots; compact JSON keeps big collections' writes small.
      accessPropertiesByDotNotation: false,
      serialize: (value) => JSON.stringify(value),
      configFileMode: STORE_FILE_MODE,
    });
    return { path: store.path, get: (key) => store.get(key), set: (key, value) => store.set(key, value), delete: (key) => store.delete(key) };
  };
  const userData = app.getPath('userData');
  return {
    ...openBackend(path.join(userData, `${STORE_NAME}.json`), () => create(userData, STORE_NAME)),
    collectionFiles: { dir: path.join(userData, 'collections'), create },
  };
}

/** safeStorage as the key vault's cipher; whether it is usable is asked at each use (it needs the app ready). */
const safeStorageCipher: Cipher = {
  get name() {
    return safeStorageProtection(true, process.platform, linuxBackend()).name;
  },
  get available() {
    return safeStorageProtection(safeStorage.isEncryptionAvailable(), process.platform, linuxBackend()).usable;
  },
  encrypt: (text) => safeStorage.encryptString(text),
  decrypt: (data) => safeStorage.decryptString(Buffer.from(data)),
};

function linuxBackend(): string | undefined {
  return process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
}

function createWindow(location: AppLocation): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'RoleCall',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  if (location.kind === 'dev') void win.loadURL(location.url);
  else void win.loadFile(location.indexPath);
  return win;
}

function start(): void {
  // Tests (and a second, separate profile) point userData elsewhere; the single-instance lock lives there too.
  const userData = process.env.ROLECALL_USER_DATA_DIR;
  if (userData) app.setPath('userData', userData);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let location: AppLocation;
  try {
    location = resolveAppLocation(process.argv, process.env, path.join(__dirname, '..', 'renderer'));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  app.enableSandbox();
  guardAllWebContents(location);

  let mainWindow: BrowserWindow | null = null;
  let core: App | undefined;

  async function startCore(): Promise<App> {
    const workspace = await openWorkspace();
    const spoolDir = defaultSpoolDir();
    void cleanSpool(spoolDir);
    const started = createApp({
      host: 'electron',
      emit: (event, payload) => {
        if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
      },
      trustedOrigins: trustedOriginsFor(location),
      store: workspace.backend,
      ...(workspace.recovered ? { storeRecovered: workspace.recovered } : {}),
      collectionFiles: workspace.collectionFiles,
      cipher: safeStorageCipher,
      spoolDir,
      chooseSavePath: async (suggestedName) => {
        const options = { defaultPath: path.join(app.getPath('downloads'), suggestedName) };
        const answer = mainWindow && !mainWindow.isDestroyed() ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return answer.canceled || !answer.filePath ? undefined : answer.filePath;
      },
    });
    for (const channel of started.registry.channels) {
      ipcMain.handle(channel, (event, request: unknown) =>
        guardedInvoke(started.registry, channel, request, {
          fromMainWindow: mainWindow !== null && !mainWindow.isDestroyed() && event.sender === mainWindow.webContents,
          frameUrl: event.senderFrame?.url,
        }),
      );
    }
    return started;
  }

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(location);
  });

  // dispose() is async: hold the quit once, finish, then quit for real.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !core) return;
    event.preventDefault();
    void core
      .dispose()
      .catch(() => undefined)
      .finally(() => {
        disposed = true;
        app.quit();
      });
  });

  void app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, location);
      core = await startCore();
      mainWindow = createWindow(location);
    })
    .catch((err: unknown) => {
      // Without its store or handlers the window would be a blank page: say why and stop.
      dialog.showErrorBox('RoleCall could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}

start();
