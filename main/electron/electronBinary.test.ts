import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  browserFallbackLine,
  electronCacheSubdir,
  explainMissingElectron,
  findElectronBinary,
  installFailureReason,
  platformExecutable,
  tryInstallElectron,
} from './electronBinary';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project root with a fake node_modules/electron (package.json, optional path.txt, dist files, install.js). */
function fakeRoot(options: { pathTxt?: string; distFiles?: string[]; installJs?: string } = {}): { root: string; pkg: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-electron-'));
  temps.push(root);
  fs.writeFileSync(path.join(root, 'package.json'), '{"name":"app"}');
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1', main: 'index.js' }));
  // Requiring the package must never be what finds the binary: this index.js would throw.
  fs.writeFileSync(path.join(pkg, 'index.js'), 'throw new Error("required the electron package");');
  if (options.pathTxt !== undefined) fs.writeFileSync(path.join(pkg, 'path.txt'), options.pathTxt);
  for (const file of options.distFiles ?? []) {
    fs.mkdirSync(path.dirname(path.join(pkg, 'dist', file)), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'dist', file), '');
  }
  if (options.installJs !== undefined) fs.writeFileSync(path.join(pkg, 'install.js'), options.installJs);
  return { root, pkg: fs.realpathSync(pkg) };
}

describe('findElectronBinary', () => {
  it('reports a missing dist with the path it looked at and the package dir to install into', () => {
    const { root, pkg } = fakeRoot();
    const lookup = findElectronBinary({}, root, 'linux');
    expect(lookup.found).toBe(false);
    if (lookup.found) return;
    expect(lookup.reason).toContain(path.join(pkg, 'dist', 'electron'));
    expect(lookup.packageDir).toBe(pkg);
    expect(lookup.version).toBe('45.4.1');
  });

  it('finds the platform executable under the package dist', () => {
    const { root, pkg } = fakeRoot({ distFiles: ['electron'] });
    expect(findElectronBinary({}, root, 'linux')).toEqual({
      found: true,
      path: path.join(pkg, 'dist', 'electron'),
      source: 'package',
      version: '45.4.1',
    });
  });

  it('prefers the name written in path.txt over the platform default', () => {
    const { root, pkg } = fakeRoot({ pathTxt: 'Electron.app/Contents/MacOS/Electron', distFiles: ['Electron.app/Contents/MacOS/Electron'] });
    const lookup = findElectronBinary({}, root, 'linux');
    expect(lookup).toMatchObject({ found: true, path: path.join(pkg, 'dist', 'Electron.app/Contents/MacOS/Electron') });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH when set, and says so when it is wrong', () => {
    const { root } = fakeRoot({ distFiles: ['electron'] });
    const override = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-override-'));
    temps.push(override);
    const missing = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: override }, root, 'linux');
    expect(missing.found).toBe(false);
    expect(!missing.found && missing.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');

    fs.writeFileSync(path.join(override, 'electron'), '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: override }, root, 'linux')).toMatchObject({
      found: true,
      path: path.join(override, 'electron'),
      source: 'override',
    });
  });

  it('says to run npm install when the electron package is absent', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-noelectron-'));
    temps.push(root);
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    const lookup = findElectronBinary({}, root, 'linux');
    expect(lookup.found).toBe(false);
    expect(!lookup.found && lookup.reason).toContain('npm install');
  });

  it('names the executable as the electron package does per platform', () => {
    expect(platformExecutable('linux')).toBe('electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformExecutable('aix')).toBeUndefined();
  });
});

describe('tryInstallElectron', () => {
  it('returns the error line of a failed install.js', () => {
    const { pkg } = fakeRoot({
      installJs: 'console.error("TypeError: fetch failed\\n    at node:internal/deps/undici:1:1"); process.exit(1);',
    });
    expect(tryInstallElectron(pkg, {})).toEqual({ ok: false, reason: 'the download failed: TypeError: fetch failed' });
  });

  it('succeeds when install.js exits 0', () => {
    const { pkg } = fakeRoot({ installJs: 'process.exit(0);' });
    expect(tryInstallElectron(pkg, {})).toEqual({ ok: true });
  });

  it('gives up on an install that hangs past the timeout', () => {
    const { pkg } = fakeRoot({ installJs: 'setTimeout(() => {}, 60000);' });
    const result = tryInstallElectron(pkg, {}, 300);
    expect(result).toEqual({ ok: false, reason: 'the download timed out after 0.3 s' });
  });

  it('reports a missing install.js without spawning', () => {
    const { pkg } = fakeRoot();
    const result = tryInstallElectron(pkg, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('install.js is missing');
  });
});

describe('installFailureReason', () => {
  it('picks the error line, else the last line, and keeps it to one bounded line', () => {
    expect(installFailureReason('Downloading...\nRequestError: getaddrinfo ENOTFOUND github.com\n  at x')).toBe(
      'RequestError: getaddrinfo ENOTFOUND github.com',
    );
    expect(installFailureReason('first\nlast one\n\n')).toBe('last one');
    expect(installFailureReason('')).toBe('it exited with no output');
    expect(installFailureReason(`Error: ${'x'.repeat(400)}`)).toHaveLength(301);
  });
});

describe('browserFallbackLine', () => {
  it('is one line naming the reason and what happens instead', () => {
    const line = browserFallbackLine('/x/electron does not exist');
    expect(line).not.toContain('\n');
    expect(line).toContain('/x/electron does not exist');
    expect(line).toContain('rolecall ui');
  });
});

describe('explainMissingElectron', () => {
  it('names the zip, every way to provide it, and what works without it', () => {
    const text = explainMissingElectron({ version: '45.4.1', platform: 'linux', arch: 'x64', reason: 'the download failed: TypeError: fetch failed' });
    expect(text).toContain("Electron's binary is not installed and could not be downloaded");
    expect(text).toContain('Reason: the download failed: TypeError: fetch failed');
    expect(text).toContain('electron-v45.4.1-linux-x64.zip');
    expect(text).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(text).toContain(`~/.cache/electron/${electronCacheSubdir('45.4.1')}/electron-v45.4.1-linux-x64.zip`);
    expect(text).toContain('ELECTRON_MIRROR');
    expect(text).toContain('npx rolecall --help');
    expect(text).toContain('npm test');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('uses each platform\'s cache folder and Electron\'s arch names', () => {
    expect(explainMissingElectron({ version: '45.4.1', platform: 'darwin', arch: 'arm64', reason: 'r' })).toContain(
      '~/Library/Caches/electron/',
    );
    const win = explainMissingElectron({ version: '45.4.1', platform: 'win32', arch: 'x64', reason: 'r' });
    expect(win).toContain('%LOCALAPPDATA%/electron/Cache/');
    expect(win).toContain('electron-v45.4.1-win32-x64.zip');
    expect(explainMissingElectron({ version: '45.4.1', platform: 'linux', arch: 'arm', reason: 'r' })).toContain('linux-armv7l.zip');
  });

  it('puts the zip in the cache folder @electron/get actually reads', async () => {
    const cacheModule = path.join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules', '@electron', 'get', 'dist', 'Cache.js');
    const { Cache } = (await import(pathToFileURL(cacheModule).href)) as {
      Cache: { getCacheDirectory(url: string): string };
    };
    const url = 'https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip';
    expect(electronCacheSubdir('45.4.1')).toBe(Cache.getCacheDirectory(url));
  });
});
