// Which Chromium-family browser the e2e tests and the UI benches start, so `npm test` runs on any developer's
// machine: CHROMIUM_PATH first (the user said so), then Playwright's own Chromium if it was installed, then a
// system Chromium, Chrome or Edge at its usual place. Pure: the platform, env and file check are passed in, so the
// lookup is tested for Linux, macOS and Windows on any machine. Nothing here ever downloads a browser.
import path from 'node:path';

export interface BrowserLookupHost {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homeDir: string;
  /** Where Playwright's own Chromium would be (`chromium.executablePath()`), installed or not; undefined if unknown. */
  playwrightChromium: string | undefined;
  exists: (file: string) => boolean;
}

export type BrowserSource = 'CHROMIUM_PATH' | 'playwright' | 'system';

export type BrowserLookup = { ok: true; path: string; source: BrowserSource } | { ok: false; message: string };

export const noBrowserMessage =
  'No Chromium-family browser found for the browser tests: run `npx playwright install chromium` (needs internet), ' +
  'or `apt-get install chromium` on Debian/Ubuntu, or set CHROMIUM_PATH to a Chromium, Chrome or Edge executable.';

export function findBrowser(host: BrowserLookupHost): BrowserLookup {
  const chosen = envValue(host.env, 'CHROMIUM_PATH', host.platform)?.trim();
  if (chosen) {
    if (host.exists(chosen)) return { ok: true, path: chosen, source: 'CHROMIUM_PATH' };
    // An explicit choice that is wrong is an error, not a reason to quietly start some other browser.
    return { ok: false, message: `CHROMIUM_PATH is ${chosen}, but no file is there: point it at a Chromium, Chrome or Edge executable, or unset it to use one found on this machine.` };
  }
  if (host.playwrightChromium && host.exists(host.playwrightChromium)) {
    return { ok: true, path: host.playwrightChromium, source: 'playwright' };
  }
  const found = systemBrowserPaths(host).find((file) => host.exists(file));
  return found ? { ok: true, path: found, source: 'system' } : { ok: false, message: noBrowserMessage };
}

/** The usual install places of Chromium, Chrome and Edge on the host's platform, in the order they are tried. */
export function systemBrowserPaths(host: Pick<BrowserLookupHost, 'platform' | 'env' | 'homeDir'>): string[] {
  if (host.platform === 'win32') return windowsPaths(host.env, host.homeDir);
  if (host.platform === 'darwin') return macPaths(host.homeDir);
  // Linux and the other Unixes share the Linux names.
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ];
}

function macPaths(homeDir: string): string[] {
  const apps = [
    'Google Chrome.app/Contents/MacOS/Google Chrome',
    'Chromium.app/Contents/MacOS/Chromium',
    'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ];
  const roots = ['/Applications', path.posix.join(homeDir, 'Applications')];
  return roots.flatMap((root) => apps.map((app) => path.posix.join(root, app)));
}

function windowsPaths(env: BrowserLookupHost['env'], homeDir: string): string[] {
  const roots = [
    envValue(env, 'ProgramFiles', 'win32') ?? 'C:\\Program Files',
    envValue(env, 'ProgramFiles(x86)', 'win32') ?? 'C:\\Program Files (x86)',
    envValue(env, 'LOCALAPPDATA', 'win32') ?? path.win32.join(homeDir, 'AppData', 'Local'),
  ];
  const apps = [
    'Google\\Chrome\\Application\\chrome.exe',
    'Microsoft\\Edge\\Application\\msedge.exe',
    'Chromium\\Application\\chrome.exe',
  ];
  return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
}

// Windows env names are case-insensitive (LocalAppData, LOCALAPPDATA), but a copied env object is not.
function envValue(env: BrowserLookupHost['env'], name: string, platform: NodeJS.Platform): string | undefined {
  const exact = env[name];
  if (exact !== undefined && exact !== '') return exact;
  if (platform !== 'win32') return undefined;
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key];
  return value === '' ? undefined : value;
}
