import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, appFilePath, appResponse } from './rendererFiles';

const CSP = "default-src 'self'; frame-src 'none'";
const OUTSIDE = 'outside-the-renderer-folder-must-never-be-served';

let base = '';
let root = '';

beforeAll(async () => {
  // base/secret.txt sits next to the renderer folder: one ../ too many would reach it.
  base = await mkdtemp(path.join(os.tmpdir(), 'rolecall-app-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(base, 'secret.txt'), OUTSIDE);
  await mkdir(path.join(base, 'outside-dir'));
  await writeFile(path.join(base, 'outside-dir', 'x.js'), OUTSIDE);
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>RoleCall</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(root, 'favicon.svg'), '<svg/>');
  await writeFile(path.join(root, 'notes.unknownext'), 'x');
  if (process.platform !== 'win32') {
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'link.js'));
    await symlink(path.join(base, 'outside-dir'), path.join(root, 'linked-dir'));
  }
});

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => appResponse(root, { url, method }, CSP);

describe('the app scheme', () => {
  it('is rolecall://app, registered standard, secure and fetchable, and bypasses nothing', () => {
    expect(APP_SCHEME).toBe('rolecall');
    expect(APP_ORIGIN).toBe('rolecall://app');
    expect(APP_INDEX_URL).toBe('rolecall://app/index.html');
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('appFilePath', () => {
  it('maps app URLs to files under the renderer folder, query and hash aside', () => {
    expect(appFilePath(root, 'rolecall://app/index.html')).toBe(path.join(root, 'index.html'));
    expect(appFilePath(root, 'rolecall://app/')).toBe(path.join(root, 'index.html'));
    expect(appFilePath(root, 'rolecall://app/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(appFilePath(root, 'rolecall://app/assets/a%20b.js')).toBe(path.join(root, 'assets', 'a b.js'));
  });

  it('refuses encoded dot segments, encoded slashes, backslashes, NUL and drive letters', () => {
    for (const url of [
      'rolecall://app/%2e%2e%2fsecret.txt',
      'rolecall://app/%2E%2E%2Fsecret.txt',
      'rolecall://app/assets%2f..%2f..%2fsecret.txt',
      'rolecall://app/..%5csecret.txt',
      'rolecall://app/..\\secret.txt',
      'rolecall://app/assets/%5c..%5c..%5csecret.txt',
      'rolecall://app/index.html%00.js',
      'rolecall://app/C:%5cWindows%5cwin.ini',
      'rolecall://app/%E0%A4%A',
      'rolecall://app//etc/passwd',
    ]) {
      expect(appFilePath(root, url), url).toBeUndefined();
    }
  });

  it('keeps a dot-segment path that the URL parser already folded inside the folder', () => {
    // The URL standard resolves ../ (and %2e%2e/) before anyone sees the path: it can only land inside.
    expect(appFilePath(root, 'rolecall://app/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(appFilePath(root, 'rolecall://app/%2e%2e/%2e%2e/secret.txt')).toBe(path.join(root, 'secret.txt'));
  });

  it('refuses any other host, scheme or credentials', () => {
    for (const url of [
      'rolecall://evil/index.html',
      'rolecall://app.evil/index.html',
      'rolecall://app:8080/index.html',
      'rolecall://user@app/index.html',
      'rolecall:app/index.html',
      'rolecall:///index.html',
      'file:///etc/passwd',
      'https://app/index.html',
      'not a url',
    ]) {
      expect(appFilePath(root, url), url).toBeUndefined();
    }
  });
});

describe('appResponse', () => {
  it('serves the page with its content type, the CSP and nosniff', async () => {
    const res = await get(APP_INDEX_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>RoleCall</title>');
  });

  it('types scripts, styles and images so module scripts load and nothing is sniffed', async () => {
    expect((await get('rolecall://app/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('rolecall://app/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('rolecall://app/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('rolecall://app/notes.unknownext')).headers.get('content-type')).toBe('application/octet-stream');
  });

  it('refuses traversal, encoded or not, and never reads outside the folder', async () => {
    for (const url of [
      'rolecall://app/../../etc/passwd',
      'rolecall://app/../secret.txt',
      'rolecall://app/%2e%2e/secret.txt',
      'rolecall://app/%2e%2e%2fsecret.txt',
      'rolecall://app/assets/..%2f..%2fsecret.txt',
      'rolecall://app/..%5csecret.txt',
      'rolecall://app/..\\secret.txt',
      `rolecall://app/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain(OUTSIDE);
      expect(res.headers.get('content-security-policy'), url).toBe(CSP);
    }
  });

  it.skipIf(process.platform === 'win32')('refuses symlinks that lead out of the folder', async () => {
    for (const url of ['rolecall://app/link.js', 'rolecall://app/linked-dir/x.js']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain(OUTSIDE);
    }
  });

  it('answers 404 for folders and missing files, 405 for anything but GET and HEAD', async () => {
    expect((await get('rolecall://app/assets')).status).toBe(404);
    expect((await get('rolecall://app/assets/')).status).toBe(404);
    expect((await get('rolecall://app/missing.js')).status).toBe(404);
    expect((await get('rolecall://evil/index.html')).status).toBe(404);
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
