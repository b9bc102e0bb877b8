// The Electron entry (dist/electron/shell.cjs): one locked-down window, one ipcMain handler per contract channel,
// everything else delegated to createApp. Kept thin on purpose: it cannot run on machines without the Electron
// binary, so the decisions it makes live in policy.ts where they are tested.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { createApp, type App } from '../app';
import { guardedInvoke, resolveAppLocation, trustedOriginsFor, type AppLocation } from './policy';
import { guardAllWebContents, hardenSession } from './security';

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
  const core: App = createApp({
    host: 'electron',
    emit: (event, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
    },
    trustedOrigins: trustedOriginsFor(location),
  });

  for (const channel of core.registry.channels) {
    ipcMain.handle(channel, (event, request: unknown) =>
      guardedInvoke(core.registry, channel, request, {
        fromMainWindow: mainWindow !== null && !mainWindow.isDestroyed() && event.sender === mainWindow.webContents,
        frameUrl: event.senderFrame?.url,
      }),
    );
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
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(location);
  });

  // dispose() is async: hold the quit once, finish, then quit for real.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    void core
      .dispose()
      .catch(() => undefined)
      .finally(() => {
        disposed = true;
        app.quit();
      });
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, location);
    mainWindow = createWindow(location);
  });
}

start();
