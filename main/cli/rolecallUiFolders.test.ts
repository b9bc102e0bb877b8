// `rolecall ui --folder PATH`: the user names collection folders at launch (browser mode has no folder dialog and a
// page may never name a path). The folder opens with its collections, stays reopenable from the recent list, a bad
// path stops the launch with one line and exit 2, and a page still cannot open a path nobody chose.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import { writeFolder } from '../../src/formats/folderLayout';
import type { RecentFolderView } from '../../src/models/folders';
import type { Collection, Workspace } from '../../src/models/workspace';
import type { BrowserServer } from '../browserMode/server';
import { parseCli } from './args';
import { runUi } from './uiCommand';

const collection: Collection = {
  id: 'team-api',
  name: 'Team API',
  auth: { type: 'inherit' },
  variables: [],
  items: [
    {
      kind: 'request',
      id: 'r1',
      name: 'List users',
      method: 'GET',
      url: 'https://api.example.com/users',
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'inherit' },
      signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
      disabledParams: [],
      checks: [],
      captures: [],
    },
  ],
};

describe('rolecall ui --folder', () => {
  let root: string;
  let repo: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'rolecall-ui-folder-'));
    await mkdir(path.join(root, 'dist', 'renderer'), { recursive: true });
    await mkdir(path.join(root, 'dist', 'browserMode'), { recursive: true });
    await writeFile(path.join(root, 'dist', 'renderer', 'index.html'), '<html><head></head><body>RoleCall</body></html>');
    await writeFile(path.join(root, 'dist', 'browserMode', 'bootstrap.js'), '/* bootstrap */');
    repo = path.join(root, 'repo');
    const { files } = writeFolder({ collections: [collection], environments: [] });
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(repo, 'api', rel)), { recursive: true });
      await writeFile(path.join(repo, 'api', rel), text);
    }
    await mkdir(path.join(root, 'elsewhere'), { recursive: true });
    await writeFile(path.join(root, 'notes.txt'), 'not a folder');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  function launch(argv: string[], dataDir: string) {
    const lines: string[] = [];
    const errors: string[] = [];
    let stop!: () => void;
    let server: BrowserServer | undefined;
    const exited = runUi(parseCli(argv), {
      env: { ROLECALL_BROWSER_DATA_DIR: path.join(root, dataDir), AWS_CONFIG_FILE: path.join(root, 'none'), AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'none') },
      root,
      cwd: repo,
      stopped: new Promise<void>((r) => (stop = r)),
      print: (line) => lines.push(line),
      printError: (line) => errors.push(line),
      open: () => {},
      started: (s) => (server = s),
    });
    return { lines, errors, exited, stop: () => stop(), server: () => server };
  }

  async function started(run: ReturnType<typeof launch>): Promise<BrowserServer> {
    for (let i = 0; i < 200 && !run.server(); i += 1) await new Promise((r) => setTimeout(r, 20));
    const server = run.server();
    if (!server) throw new Error(`the server did not start: ${run.errors.join(' ')}`);
    return server;
  }

  const call = <T>(server: BrowserServer, channel: string, input: unknown) =>
    (server.app.registry.invoke as (c: string, i: unknown, ctx: { senderUrl: string }) => Promise<Result<T>>)(channel, input, { senderUrl: `${server.origin}/` });

  it('opens a folder given relative to the current directory, with its collections, and keeps it reopenable', async () => {
    const run = launch(['ui', '--no-open', '--folder', 'api'], 'data-open');
    const server = await started(run);
    try {
      const loaded = await call<Workspace>(server, 'workspace:load', {});
      expect(loaded.ok ? loaded.value.collections.map((c) => c.name) : loaded.error.message).toContain('Team API');
      expect(run.lines.join('\n')).toContain(path.join(repo, 'api'));

      const recent = await call<RecentFolderView[]>(server, 'folders:recent', {});
      const entry = recent.ok ? recent.value.find((r) => r.name === 'api') : undefined;
      expect(entry?.open).toBe(true);
      // Closed, then reopened by the path main listed, as the sidebar's recent list does.
      expect((await call(server, 'folders:close', { folderId: entry?.folderId })).ok).toBe(true);
      const reopened = await call<{ cancelled: boolean; name?: string }>(server, 'folders:open', { path: entry?.path });
      expect(reopened.ok && reopened.value).toMatchObject({ cancelled: false, name: 'api' });

      // "Open folder…" in the page says how, and names what is open.
      const asked = await call(server, 'folders:open', {});
      expect(asked.ok).toBe(false);
      if (!asked.ok) {
        expect(asked.error.message).toContain('rolecall ui --folder PATH');
        expect(asked.error.message).toContain('Open now: api.');
      }
    } finally {
      run.stop();
      expect(await run.exited).toBe(0);
    }
  });

  it('still refuses a page call naming a path the user never chose', async () => {
    const run = launch(['ui', '--no-open', '--folder', 'api'], 'data-guard');
    const server = await started(run);
    try {
      const other = await call(server, 'folders:open', { path: path.join(root, 'elsewhere') });
      expect(other.ok).toBe(false);
      if (!other.ok) expect(other.error.code).toBe('INVALID_INPUT');
      const recent = await call<RecentFolderView[]>(server, 'folders:recent', {});
      expect(recent.ok && recent.value.map((r) => r.name)).toEqual(['api']);
    } finally {
      run.stop();
      await run.exited;
    }
  });

  it.each([
    ['missing', path.join('no', 'such'), /--folder no.such: there is no folder at /],
    ['a file', path.join('..', 'notes.txt'), /notes\.txt is a file, not a folder/],
  ])('stops before the server starts, with one line and exit 2, when the path is %s', async (_what, value, line) => {
    const run = launch(['ui', '--no-open', '--folder', 'api', '--folder', value], 'data-bad');
    expect(await run.exited).toBe(2);
    expect(run.server()).toBeUndefined();
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^rolecall: /);
    expect(run.errors[0]).toMatch(line);
  });
});
