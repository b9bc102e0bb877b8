// `rolecall ui`: prints the one URL, opens it unless --no-open, keeps the workspace in the folder it names, and
// closes the server when told to stop. The port, store folder and opener are checked on their own too.
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserCommand } from '../browserMode/openBrowser';
import type { BrowserServer } from '../browserMode/server';
import { browserStoreDir } from '../browserMode/storeDir';
import { parseCli } from './args';
import { portFromArgs, runUi } from './uiCommand';

const status = (url: string) =>
  new Promise<number | string>((resolve) => {
    request(url, { timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
      .end();
  });

describe('rolecall ui', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'rolecall-ui-'));
    await mkdir(path.join(root, 'dist', 'renderer'), { recursive: true });
    await mkdir(path.join(root, 'dist', 'browserMode'), { recursive: true });
    await writeFile(path.join(root, 'dist', 'renderer', 'index.html'), '<html><head></head><body>RoleCall</body></html>');
    await writeFile(path.join(root, 'dist', 'browserMode', 'bootstrap.js'), '/* bootstrap */');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  async function run(argv: string[]) {
    const lines: string[] = [];
    const opened: string[] = [];
    let stop!: () => void;
    let server!: BrowserServer;
    const started = new Promise<void>((resolve) => {
      void runUi(parseCli(argv), {
        env: { ROLECALL_BROWSER_DATA_DIR: path.join(root, 'data'), AWS_CONFIG_FILE: path.join(root, 'none') },
        root,
        stopped: new Promise<void>((r) => (stop = r)),
        print: (line) => lines.push(line),
        open: (url) => opened.push(url),
        started: (s) => {
          server = s;
          resolve();
        },
      }).then((code) => lines.push(`exit ${code}`));
    });
    await started;
    return { lines, opened, server, stop };
  }

  it('prints the URL once, opens it, serves until stopped, then closes', async () => {
    const { lines, opened, server, stop } = await run(['ui']);
    expect(lines.join('\n').split(server.launchUrl)).toHaveLength(2);
    expect(lines.join('\n')).toContain(path.join(root, 'data'));
    expect(opened).toEqual([server.launchUrl]);
    expect(await status(`${server.origin}/`)).toBe(200);
    stop();
    for (let i = 0; i < 100 && !lines.includes('exit 0'); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(lines).toContain('exit 0');
    expect(await status(`${server.origin}/`)).toBe('ECONNREFUSED');
  });

  it('does not open a browser with --no-open', async () => {
    const { opened, stop } = await run(['ui', '--no-open']);
    expect(opened).toEqual([]);
    stop();
  });

  it('takes --port as a port number only', () => {
    expect(portFromArgs(parseCli(['ui', '--port', '8123']))).toBe(8123);
    expect(() => portFromArgs(parseCli(['ui', '--port', '99999']))).toThrow(/port number/);
    expect(() => portFromArgs(parseCli(['ui', '--port', 'x']))).toThrow(/port number/);
  });

  it('keeps the workspace in a per-user folder of its own on each platform', () => {
    expect(browserStoreDir({}, 'linux', '/home/u')).toBe('/home/u/.config/rolecall-browser');
    expect(browserStoreDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/rolecall-browser');
    expect(browserStoreDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/rolecall-browser');
    expect(browserStoreDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\rolecall-browser');
  });

  it('opens the browser with the platform opener', () => {
    expect(browserCommand('http://127.0.0.1:1/#token=a', 'linux')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/#token=a'] });
    expect(browserCommand('http://127.0.0.1:1/', 'darwin').command).toBe('open');
    expect(browserCommand('http://127.0.0.1:1/#a&b', 'win32').args.at(-1)).toBe('http://127.0.0.1:1/#a^&b');
  });
});
