// The real Electron app (dist/electron/shell.cjs with the built renderer), driven by Playwright: the window opens
// on rolecall://app, the page gets exactly the contract's API and nothing of Node, it cannot open windows or
// navigate away, and its scheme serves nothing outside dist/renderer.
// It needs Electron's binary, found as `npm start` finds it; where there is none (no internet to fetch it) or no
// display, it is skipped and says why in the log.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright';
import { API_GLOBAL, CHANNELS, methodName } from '../src/contract';
import { findElectronBinary } from '../main/electron/electronBinary';
import { profileRow } from './harness/profileRows';

const repoRoot = path.resolve(__dirname, '..');
const lookup = findElectronBinary(process.env, repoRoot);

function whySkip(): string | undefined {
  if (!lookup.found) return `Electron binary not present, so the Electron e2e test is skipped (${lookup.reason})`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display (DISPLAY and WAYLAND_DISPLAY are unset), so the Electron e2e test is skipped; run it under xvfb-run';
  }
  return undefined;
}

const skipReason = whySkip();
if (skipReason) console.log(`[electron.spec] SKIPPED: ${skipReason}`);

const SECRET = 'electronE2eSecretThatMustNeverReachThePage0';
const CONFIG = '[default]\nregion = eu-west-1\n\n[profile electron-e2e]\nregion = ap-northeast-1\n';
const CREDENTIALS = `[default]\naws_access_key_id = AKIAELECTRONEXAMPLE1\naws_secret_access_key = ${SECRET}\n`;

/** The environment Electron gets: the caller's (for DISPLAY and the like) minus AWS and RoleCall settings, plus ours. */
function isolatedEnv(dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('AWS_') || key.startsWith('ROLECALL_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    // Its own userData, so a RoleCall the developer has open does not hold the single-instance lock.
    ROLECALL_USER_DATA_DIR: path.join(dir, 'user-data'),
  };
}

test.describe('electron shell', () => {
  test.skip(skipReason !== undefined, skipReason ?? '');

  let dir = '';
  let app: ElectronApplication;
  let page: Page;
  let elsewhere: Server;
  let elsewhereUrl = '';
  let elsewhereHits = 0;

  test.beforeEach(async () => {
    if (!lookup.found) return;
    const shell = path.join(repoRoot, 'dist', 'electron', 'shell.cjs');
    if (!existsSync(shell) || !existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
      throw new Error('dist/ is not built: run "npm run build" before the Electron e2e test.');
    }
    dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-electron-e2e-'));
    await writeFile(path.join(dir, 'config'), CONFIG);
    await writeFile(path.join(dir, 'credentials'), CREDENTIALS);

    // Another origin to try to reach: if the app ever let the page navigate or open a window, this would see it.
    elsewhereHits = 0;
    elsewhere = createServer((_req, res) => {
      elsewhereHits += 1;
      res.end('<title>elsewhere</title>');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`;

    app = await electron.launch({ executablePath: lookup.path, args: [repoRoot], cwd: repoRoot, env: isolatedEnv(dir) });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterEach(async () => {
    await app?.close();
    await new Promise<void>((resolve) => (elsewhere ? elsewhere.close(() => resolve()) : resolve()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('opens one window whose window.rolecall has exactly the contract methods', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toBe('rolecall://app/index.html');
    const keys = await page.evaluate(
      (name) => Object.keys((window as unknown as Record<string, object | undefined>)[name] ?? {}).sort(),
      API_GLOBAL,
    );
    expect(keys).toEqual([...CHANNELS.map((channel) => methodName(channel)), 'on'].sort());
    const info = await page.evaluate(
      (name) => (window as unknown as Record<string, { appInfo(r: object): Promise<unknown> }>)[name]!.appInfo({}),
      API_GLOBAL,
    );
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
  });

  test('gives the page nothing of Node and enforces the CSP', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { require: typeof w.require, process: typeof w.process, module: typeof w.module, Buffer: typeof w.Buffer };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
    const evalVerdict = await page.evaluate(() => {
      try {
        return (0, eval)('"ran"');
      } catch {
        return 'blocked';
      }
    });
    expect(evalVerdict).toBe('blocked');
  });

  test('rolecall://app serves the renderer and nothing outside it', async () => {
    const statuses = await page.evaluate(async () => {
      const status = (url: string) => fetch(url).then((res) => res.status, () => 'refused');
      return {
        page: await status('rolecall://app/index.html'),
        encoded: await status('rolecall://app/%2e%2e%2f%2e%2e%2fpackage.json'),
        backslash: await status('rolecall://app/..%5c..%5cpackage.json'),
        file: await status('file:///etc/passwd'),
      };
    });
    expect(statuses).toEqual({ page: 200, encoded: 404, backslash: 404, file: 'refused' });
  });

  test('window.open returns null and opens nothing', async () => {
    const opened = await page.evaluate((url) => window.open(url) === null, elsewhereUrl);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
    expect(elsewhereHits).toBe(0);
  });

  test('navigation to another origin is blocked', async () => {
    const appUrl = page.url();
    // Listen in main after the shell's own guard, so the event shows whether the guard prevented it.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      (globalThis as Record<string, unknown>).__rolecallNavigation = new Promise((resolve) => {
        contents.once('will-navigate', (event) => resolve({ url: event.url, prevented: event.defaultPrevented }));
      });
    });
    await page.evaluate((url) => {
      window.location.href = url;
    }, elsewhereUrl);
    const verdict = await app.evaluate(() => (globalThis as Record<string, unknown>).__rolecallNavigation);
    expect(verdict).toEqual({ url: elsewhereUrl, prevented: true });
    expect(page.url()).toBe(appUrl);
    expect(elsewhereHits).toBe(0);
    expect(await page.evaluate((name) => name in window, API_GLOBAL)).toBe(true);
  });

  test('lists the profiles of the AWS_CONFIG_FILE it was started with, and no secret', async () => {
    const list = page.getByRole('listbox', { name: 'Profiles' });
    await expect(list.getByRole('option')).toHaveCount(2);
    await expect(profileRow(list, 'electron-e2e')).toContainText('ap-northeast-1');
    await expect(profileRow(list, 'default')).toBeVisible();
    expect(await page.content()).not.toContain(SECRET);
  });
});
