// `rolecall ui` as a user runs it (the built CLI, a real child process): Chromium opens the one URL it prints, the
// page loads under its CSP with window.rolecall over the WebSocket, the token leaves the address bar, profiles are
// listed, and Ctrl+C (SIGINT) stops it cleanly without the token in any file it kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { profileRow } from './harness/profileRows';

const root = path.resolve(__dirname, '..');
const SECRET = 'browserModeE2eSecretNeverOnThePage000001';

test.describe('browser mode', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let output = '';

  test.beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rolecall-ui-e2e-'));
    writeFileSync(path.join(dir, 'config'), '[profile ui-e2e]\nregion = ap-northeast-1\n\n[default]\nregion = eu-west-1\n');
    writeFileSync(path.join(dir, 'credentials'), `[ui-e2e]\naws_access_key_id = AKIAUIE2EEXAMPLE0001\naws_secret_access_key = ${SECRET}\n`);
    child = spawn(process.execPath, [path.join(root, 'dist', 'cli', 'rolecall.cjs'), 'ui', '--no-open'], {
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        ROLECALL_BROWSER_DATA_DIR: path.join(dir, 'data'),
        AWS_CONFIG_FILE: path.join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
        AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    for (let i = 0; i < 100 && !/#token=\S+/.test(output); i += 1) await new Promise((r) => setTimeout(r, 100));
    url = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)?.[1] ?? '';
    expect(url, output).not.toBe('');
  });

  test.afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('opens the printed URL, drops the token from the address bar, lists profiles, and stops on Ctrl+C', async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(url);
    const token = new URL(url).hash.slice('#token='.length);

    await page.getByRole('button', { name: 'Profiles' }).click();
    const list = page.getByRole('listbox', { name: 'Profiles' });
    await expect(profileRow(list, 'ui-e2e')).toContainText('ap-northeast-1');
    await expect(profileRow(list, 'default')).toBeVisible();

    expect(page.url()).toBe(url.split('#')[0]);
    expect(await page.evaluate(() => [location.href, location.hash, document.referrer])).toEqual([url.split('#')[0], '', '']);
    expect(await page.content()).not.toContain(token);
    expect(await page.content()).not.toContain(SECRET);
    expect(await page.evaluate(() => window.rolecall!.appInfo({}))).toMatchObject({ ok: true, value: { host: 'browser' } });

    // A reload keeps working on the session cookie, without the token.
    await page.reload();
    await page.getByRole('button', { name: 'Profiles' }).click();
    await expect(profileRow(page.getByRole('listbox', { name: 'Profiles' }), 'ui-e2e')).toBeVisible();
    expect(problems).toEqual([]);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('RoleCall stopped.');
    expect(output.split(token)).toHaveLength(2);
    for (const file of readdirSync(path.join(dir, 'data'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
      expect(readFileSync(path.join(file.parentPath, file.name), 'utf8'), file.name).not.toContain(token);
    }
  });
});
