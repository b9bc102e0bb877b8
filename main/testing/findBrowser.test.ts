import { describe, expect, it } from 'vitest';

import { findBrowser, noBrowserMessage, systemBrowserPaths, type BrowserLookupHost } from './findBrowser';

const linuxPlaywright = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

function host(platform: NodeJS.Platform, files: string[], over: Partial<BrowserLookupHost> = {}): BrowserLookupHost {
  const present = new Set(files);
  const homeDir = platform === 'win32' ? 'C:\\Users\\dev' : platform === 'darwin' ? '/Users/dev' : '/home/dev';
  return { platform, env: {}, homeDir, playwrightChromium: undefined, exists: (file) => present.has(file), ...over };
}

const windowsEnv = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local',
};

describe('findBrowser: CHROMIUM_PATH', () => {
  it('wins over Playwright\'s and the system\'s browsers when its file exists', () => {
    const found = findBrowser(host('linux', ['/opt/mine/chrome', linuxPlaywright, '/usr/bin/chromium'], {
      env: { CHROMIUM_PATH: '/opt/mine/chrome' },
      playwrightChromium: linuxPlaywright,
    }));
    expect(found).toEqual({ ok: true, path: '/opt/mine/chrome', source: 'CHROMIUM_PATH' });
  });

  it('that names no file is an error naming it, not a fall-back to another browser', () => {
    const found = findBrowser(host('linux', ['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/opt/gone/chrome' } }));
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.message).toContain('CHROMIUM_PATH is /opt/gone/chrome');
    expect(found.message).not.toContain('\n');
  });

  it('set but empty is treated as unset', () => {
    const found = findBrowser(host('linux', ['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '' } }));
    expect(found).toEqual({ ok: true, path: '/usr/bin/chromium', source: 'system' });
  });
});

describe('findBrowser: Playwright\'s own Chromium', () => {
  it('is preferred over a system browser when it is installed', () => {
    const found = findBrowser(host('linux', [linuxPlaywright, '/usr/bin/chromium'], { playwrightChromium: linuxPlaywright }));
    expect(found).toEqual({ ok: true, path: linuxPlaywright, source: 'playwright' });
  });

  it('is skipped when Playwright knows its path but the browser was never installed', () => {
    const found = findBrowser(host('linux', ['/usr/bin/google-chrome'], { playwrightChromium: linuxPlaywright }));
    expect(found).toEqual({ ok: true, path: '/usr/bin/google-chrome', source: 'system' });
  });
});

describe('findBrowser: system browsers on Linux', () => {
  it.each([
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ])('finds %s when it is the only browser', (file) => {
    expect(findBrowser(host('linux', [file]))).toEqual({ ok: true, path: file, source: 'system' });
  });

  it('prefers Debian\'s Chromium over Google Chrome when both exist', () => {
    const found = findBrowser(host('linux', ['/usr/bin/google-chrome', '/usr/bin/chromium']));
    expect(found.ok && found.path).toBe('/usr/bin/chromium');
  });

  it('never looks at another platform\'s paths', () => {
    const paths = systemBrowserPaths(host('linux', []));
    expect(paths.every((p) => p.startsWith('/usr/bin/') || p.startsWith('/snap/bin/'))).toBe(true);
  });
});

describe('findBrowser: system browsers on macOS', () => {
  it.each([
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Users/dev/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Users/dev/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Users/dev/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ])('finds %s when it is the only browser', (file) => {
    expect(findBrowser(host('darwin', [file]))).toEqual({ ok: true, path: file, source: 'system' });
  });

  it('does not take a Linux path on macOS', () => {
    expect(findBrowser(host('darwin', ['/usr/bin/chromium']))).toEqual({ ok: false, message: noBrowserMessage });
  });
});

describe('findBrowser: system browsers on Windows', () => {
  it.each([
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Users\\dev\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Users\\dev\\AppData\\Local\\Chromium\\Application\\chrome.exe',
  ])('finds %s when it is the only browser', (file) => {
    expect(findBrowser(host('win32', [file], { env: windowsEnv }))).toEqual({ ok: true, path: file, source: 'system' });
  });

  it('follows where ProgramFiles and LocalAppData point, whatever the case of their names', () => {
    const env = { programfiles: 'D:\\Apps', LocalAppData: 'E:\\Profiles\\dev\\Local' };
    const edge = 'D:\\Apps\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'E:\\Profiles\\dev\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser(host('win32', [edge], { env }))).toEqual({ ok: true, path: edge, source: 'system' });
    expect(findBrowser(host('win32', [chrome], { env }))).toEqual({ ok: true, path: chrome, source: 'system' });
  });

  it('falls back to the default install folders when the variables are unset', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser(host('win32', [edge]))).toEqual({ ok: true, path: edge, source: 'system' });
  });

  it('prefers Playwright\'s Chromium over the Edge every Windows has', () => {
    const pw = 'C:\\Users\\dev\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const found = findBrowser(host('win32', [edge, pw], { env: windowsEnv, playwrightChromium: pw }));
    expect(found).toEqual({ ok: true, path: pw, source: 'playwright' });
  });
});

describe('findBrowser: no browser at all', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('on %s says in one line how to get one', (platform) => {
    const found = findBrowser(host(platform, [], { playwrightChromium: '/nowhere/chrome' }));
    expect(found).toEqual({ ok: false, message: noBrowserMessage });
    expect(noBrowserMessage).not.toContain('\n');
    expect(noBrowserMessage).toContain('npx playwright install chromium');
    expect(noBrowserMessage).toContain('apt-get install chromium');
    expect(noBrowserMessage).toContain('CHROMIUM_PATH');
  });
});
