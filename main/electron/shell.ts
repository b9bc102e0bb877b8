// The Electron entry (dist/electron/shell.cjs): one locked-down window, one ipcMain handler per contract channel,
// everything else delegated to createApp, which gets the workspace in electron-store, stored keys sealed with
// safeStorage and the native save dialog. Kept thin on purpose: it cannot run on machines without the Electron
// binary, so the decisions it makes live in policy.ts where they are tested.
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { createApp, type App } from '../app';
import type { Cipher } from '../services/keyVault';
import { cleanSpool } from '../services/spoolFiles';
import { openBackend, STORE_FILE_MODE, STORE_NAME, type BackendFactory, type Recovered, type StoreBackend } from '../services/workspaceStore';
import {
  appMenuTemplate,
  guardedInvoke,
  ignoredDevSwitches,
  resolveAppLocation,
  safeStorageProtection,
  trustedOriginsFor,
  type AppLocation,
} from './policy';
import { guardAllWebContents, hardenSession, registerAppScheme, serveAppScheme } from './security';

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
    return {
      path: store.path,
      get: (key) => store.get(key),
      set: (key, value) => store.set(key, value),
      delete: (key) => store.delete(key),
      getAll: () => store.store,
      setAll: (value) => {
        store.store = value;
      },
    };
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

function createWindow(location: AppLocation, packaged: boolean): BrowserWindow {
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
      devTools: !packaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(location.url);
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

  // Dev mode, DevTools and the default menu are for development only: a packaged app ignores them.
  const packaged = app.isPackaged;
  const ignored = ignoredDevSwitches(process.argv, process.env, packaged);
  if (ignored) console.error(ignored);
  let location: AppLocation;
  try {
    location = resolveAppLocation(process.argv, process.env, path.join(__dirname, '..', 'renderer'), { packaged });
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  registerAppScheme();
  app.enableSandbox();
  guardAllWebContents(location, packaged);

  let mainWindow: BrowserWindow | null = null;
  let core: App | undefined;

  async function startCore(): Promise<App> {
    const workspace = await openWorkspace();
    // Large response bodies stay in the user's own data folder, not the shared temporary one.
    const spoolDir = path.join(app.getPath('userData'), 'spool');
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
      // The IAM Identity Center sign-in page, in the user's own browser; only https, never a file or custom scheme.
      openExternal: async (url) => {
        if (new URL(url).protocol === 'https:') await shell.openExternal(url);
        else throw new Error('Only https sign-in pages are opened.');
      },
      chooseSavePath: async (suggestedName) => {
        const options = { defaultPath: path.join(app.getPath('downloads'), suggestedName) };
        const answer = mainWindow && !mainWindow.isDestroyed() ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return answer.canceled || !answer.filePath ? undefined : answer.filePath;
      },
      chooseOpenPath: async ({ defaultPath, title }) => {
        const options: Electron.OpenDialogOptions = { title, properties: ['openFile'], ...(defaultPath ? { defaultPath } : {}) };
        const answer = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return answer.canceled ? undefined : answer.filePaths[0];
      },
      chooseFolder: async ({ title, create }) => {
        const options: Electron.OpenDialogOptions = { title, properties: create ? ['openDirectory', 'createDirectory', 'promptToCreate'] : ['openDirectory'] };
        const answer = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return answer.canceled ? undefined : answer.filePaths[0];
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
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(location, packaged);
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
      serveAppScheme(location);
      const menu = appMenuTemplate(process.platform, packaged);
      if (menu) Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
      core = await startCore();
      mainWindow = createWindow(location, packaged);
    })
    .catch((err: unknown) => {
      // Without its store or handlers the window would be a blank page: say why and stop.
      dialog.showErrorBox('RoleCall could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}

start();
