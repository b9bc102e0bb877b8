// Collections as folders of files (issue 6), through the app's channels as the renderer calls them: open, edit,
// conflicts, deletes, secrets, watching, and what is refused (links out of the folder, paths never opened).
import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import type { EventName, Events } from '../../src/contract';
import type { Result } from '../../src/errors';
import { writeFolder } from '../../src/formats/folderLayout';
import type { Collection, Environment, RequestNode, Workspace } from '../../src/models/workspace';
import { createProcessCipher } from '../testing/processCipher';
import { createMemoryBackend, type StoreBackend } from './workspaceStore';

const SECRET = 'sk-live-0123456789abcdef-DO-NOT-WRITE';

function request(id: string, name: string, url: string): RequestNode {
  return {
    kind: 'request',
    id,
    name,
    method: 'GET',
    url,
    headers: [],
    body: { mode: 'none' },
    auth: { type: 'inherit' },
    signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
    disabledParams: [],
    checks: [],
    captures: [],
  };
}

function teamCollection(): Collection {
  return {
    id: 'team-api',
    name: 'Team API',
    auth: { type: 'profile', profile: 'dev' },
    variables: [
      { id: 'v1', key: 'base', value: 'https://api.example.com', enabled: true, secret: false },
      { id: 'v2', key: 'apiKey', value: '', enabled: true, secret: true },
    ],
    items: [
      request('r1', 'List users', '{{base}}/users'),
      request('r2', 'Get user', '{{base}}/users/1'),
      { kind: 'folder', id: 'f1', name: 'Orders', auth: { type: 'inherit' }, variables: [], items: [request('r3', 'List orders', '{{base}}/orders')] },
    ],
  };
}

const devEnv: Environment = { id: 'dev', name: 'Dev', variables: [{ id: 'e1', key: 'stage', value: 'dev', enabled: true, secret: false }] };

/** Every file under the folder, relative POSIX path -> text. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string, rel: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), childRel);
      else if (entry.isFile()) out[childRel] = await readFile(path.join(dir, entry.name), 'utf8');
    }
  }
  await walk(root, '');
  return out;
}

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message} ${result.error.detail ?? ''}`);
  return result.value as T;
}

let dir: string;
let root: string;
let backend: StoreBackend;
const cipher = createProcessCipher();
let apps: App[] = [];
let events: Array<{ event: EventName; payload: unknown }> = [];

function start(chosen: () => string | undefined = () => root): App {
  const app = createApp({
    host: 'browser-test',
    env: {},
    store: backend,
    cipher,
    spoolDir: path.join(dir, 'spool'),
    chooseFolder: async () => chosen(),
    folderWatch: { debounceMs: 30, pollMs: 100 },
    emit: <E extends EventName>(event: E, payload: Events[E]) => void events.push({ event, payload }),
  });
  apps.push(app);
  return app;
}

const load = async (app: App) => ok<Workspace>(await app.registry.invoke('workspace:load', {}));
const folderCollection = (w: Workspace) => w.collections.find((c) => c.source?.kind === 'folder')!;
const strip = <T extends { source?: unknown }>(c: T): Omit<T, 'source'> => {
  const { source: _source, ...rest } = c;
  return rest;
};

async function waitFor(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-folders-'));
  root = path.join(dir, 'repo', 'api');
  await mkdir(root, { recursive: true });
  const { files } = writeFolder({ collections: [teamCollection()], environments: [devEnv] });
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  backend = createMemoryBackend();
  events = [];
});

afterEach(async () => {
  for (const app of apps) await app.dispose();
  apps = [];
  await rm(dir, { recursive: true, force: true });
});

describe('collection folders', () => {
  it('lists the collections and environments of an opened folder, marked with their source, and remembers the folder', async () => {
    const app = start();
    const opened = ok<{ cancelled: boolean; folderId: string; name: string }>(await app.registry.invoke('folders:open', {}));
    expect(opened).toMatchObject({ cancelled: false, name: 'api' });
    const w = await load(app);
    const c = folderCollection(w);
    expect(c.name).toBe('Team API');
    expect(c.source).toEqual({ kind: 'folder', folderId: opened.folderId, folderName: 'api' });
    expect(c.items.map((i) => i.name).sort()).toEqual(['Get user', 'List users', 'Orders']);
    expect(w.environments.find((e) => e.source)?.name).toBe('Dev');
    expect(w.folders).toEqual([{ folderId: opened.folderId, name: 'api', problems: [] }]);
    const recent = ok<Array<{ folderId: string; path: string; open: boolean }>>(await app.registry.invoke('folders:recent', {}));
    expect(recent).toEqual([expect.objectContaining({ folderId: opened.folderId, path: root, open: true })]);
    // The absolute path lives in the app's store only, never in the folder.
    expect(Object.values(await snapshot(root)).some((text) => text.includes(dir))).toBe(false);
  });

  it('writes exactly one file when one request is edited, leaving hand-formatted files of others as they are', async () => {
    const files = await snapshot(root);
    const handMade = Object.keys(files).find((p) => p.endsWith('List users.request.yaml'))!;
    await writeFile(path.join(root, handMade), `# written by hand\n${files[handMade]}`);
    const app = start();
    ok(await app.registry.invoke('folders:open', {}));
    const before = await snapshot(root);
    const c = strip(folderCollection(await load(app)));
    const edited = { ...c, items: c.items.map((i) => (i.name === 'Get user' && i.kind === 'request' ? { ...i, url: '{{base}}/users/2' } : i)) };
    ok(await app.registry.invoke('collections:save', { collection: edited }));
    const after = await snapshot(root);
    const changed = Object.keys({ ...before, ...after }).filter((p) => before[p] !== after[p]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/Get user\.request\.yaml$/);
    expect(after[changed[0]!]).toContain('/users/2');
    // Saving the same collection again changes nothing.
    ok(await app.registry.invoke('collections:save', { collection: edited }));
    expect(await snapshot(root)).toEqual(after);
  });

  it('re-reads the folder when a file changes on disk and tells the renderer', async () => {
    const app = start();
    const { folderId } = ok<{ folderId: string }>(await app.registry.invoke('folders:open', {}));
    const files = await snapshot(root);
    const file = Object.keys(files).find((p) => p.endsWith('List users.request.yaml'))!;
    await writeFile(path.join(root, file), files[file]!.replace('/users', '/people'));
    await waitFor(() => events.some((e) => e.event === 'folders:changed' && (e.payload as { folderId: string }).folderId === folderId), 'folders:changed');
    const c = folderCollection(await load(app));
    const listUsers = c.items.find((i) => i.name === 'List users') as RequestNode;
    expect(listUsers.url).toBe('{{base}}/people');
  });

  it('refuses to overwrite a file changed on disk since it was loaded (CONFLICT), then overwrites when asked', async () => {
    const app = start();
    ok(await app.registry.invoke('folders:open', {}));
    const c = strip(folderCollection(await load(app)));
    const files = await snapshot(root);
    const file = Object.keys(files).find((p) => p.endsWith('Get user.request.yaml'))!;
    const theirs = files[file]!.replace('/users/1', '/users/theirs');
    await writeFile(path.join(root, file), theirs);
    const edited = { ...c, items: c.items.map((i) => (i.name === 'Get user' && i.kind === 'request' ? { ...i, url: '{{base}}/users/mine' } : i)) };
    const refused = await app.registry.invoke('collections:save', { collection: edited });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain(file);
    }
    expect(await readFile(path.join(root, file), 'utf8')).toBe(theirs);
    ok(await app.registry.invoke('collections:save', { collection: edited, overwrite: true }));
    expect(await readFile(path.join(root, file), 'utf8')).toContain('/users/mine');
  });

  it('reports a file with merge-conflict markers with its line and loads the rest', async () => {
    const files = await snapshot(root);
    const file = Object.keys(files).find((p) => p.endsWith('Get user.request.yaml'))!;
    const lines = files[file]!.split('\n');
    lines.splice(2, 0, '<<<<<<< HEAD', 'url: a', '=======', 'url: b', '>>>>>>> theirs');
    await writeFile(path.join(root, file), lines.join('\n'));
    const app = start();
    ok(await app.registry.invoke('folders:open', {}));
    const w = await load(app);
    expect(folderCollection(w).items.map((i) => i.name).sort()).toEqual(['List users', 'Orders']);
    const problem = w.folders![0]!.problems.find((p) => p.path === file);
    expect(problem?.line).toBe(3);
  });

  it('keeps the files of a deleted request unless the deletion is confirmed', async () => {
    const app = start();
    ok(await app.registry.invoke('folders:open', {}));
    const c = strip(folderCollection(await load(app)));
    const file = Object.keys(await snapshot(root)).find((p) => p.endsWith('List users.request.yaml'))!;
    const without = { ...c, items: c.items.filter((i) => i.name !== 'List users') };
    const kept = ok<{ keptFiles?: string[] }>(await app.registry.invoke('collections:save', { collection: without }));
    expect(kept.keptFiles).toEqual([file]);
    expect(Object.keys(await snapshot(root))).toContain(file);

    const app2 = start();
    const c2 = strip(folderCollection(await load(app2)));
    expect(c2.items.some((i) => i.name === 'List users')).toBe(true);
    ok(await app2.registry.invoke('collections:save', { collection: { ...c2, items: c2.items.filter((i) => i.name !== 'List users') }, confirmDeleteFiles: true }));
    expect(Object.keys(await snapshot(root))).not.toContain(file);
    // Undo: saving the collection as it was writes the file again.
    ok(await app2.registry.invoke('collections:save', { collection: c2 }));
    expect(Object.keys(await snapshot(root))).toContain(file);
  });

  it('deletes a whole folder collection only when confirmed', async () => {
    const app = start();
    ok(await app.registry.invoke('folders:open', {}));
    const c = folderCollection(await load(app));
    const before = await snapshot(root);
    expect(ok(await app.registry.invoke('collections:delete', { id: c.id }))).toEqual({ deleted: false });
    expect(await snapshot(root)).toEqual(before);
    expect(ok(await app.registry.invoke('collections:delete', { id: c.id, confirmDeleteFiles: true }))).toEqual({ deleted: true });
    const left = Object.keys(await snapshot(root));
    expect(left.filter((p) => p.startsWith('collections/'))).toEqual([]);
    expect(left.some((p) => p.startsWith('environments/'))).toBe(true);
    // Undo: saving the collection again writes its files back into the folder, not into the app's store.
    ok(await app.registry.invoke('collections:save', { collection: strip(c) }));
    expect(await snapshot(root)).toEqual(before);
  });

  it('keeps a secret variable value out of every file, and has it again after a restart', async () => {
    const app = start();
    ok(await app.registry.invoke('folders:open', {}));
    const c = strip(folderCollection(await load(app)));
    const withSecret = { ...c, variables: c.variables.map((v) => (v.key === 'apiKey' ? { ...v, value: SECRET } : v)) };
    ok(await app.registry.invoke('collections:save', { collection: withSecret }));
    const files = await snapshot(root);
    expect(Object.values(files).some((text) => text.includes(SECRET))).toBe(false);
    expect(JSON.stringify(backend.get('folderSecrets'))).not.toContain(SECRET);
    await app.dispose();

    const again = start();
    const reopened = folderCollection(await load(again));
    expect(reopened.variables.find((v) => v.key === 'apiKey')).toMatchObject({ secret: true, value: SECRET });
  });

  it('does not follow a link that leads out of the folder', async () => {
    const outside = path.join(dir, 'outside.request.yaml');
    const files = await snapshot(root);
    const file = Object.keys(files).find((p) => p.endsWith('Get user.request.yaml'))!;
    await writeFile(outside, files[file]!.replace('Get user', 'Stolen'));
    const link = path.join(path.dirname(path.join(root, file)), 'Stolen.request.yaml');
    await symlink(outside, link);
    const app = start();
    ok(await app.registry.invoke('folders:open', {}));
    const w = await load(app);
    expect(JSON.stringify(folderCollection(w))).not.toContain('Stolen');
    expect(w.folders![0]!.problems.some((p) => p.path.endsWith('Stolen.request.yaml') && /out of the folder/.test(p.message))).toBe(true);
  });

  it('opens by path only a folder opened before', async () => {
    const app = start();
    const refused = await app.registry.invoke('folders:open', { path: root });
    expect(refused.ok).toBe(false);
    ok(await app.registry.invoke('folders:open', {}));
    const { folderId } = ok<Array<{ folderId: string }>>(await app.registry.invoke('folders:recent', {}))[0]!;
    ok(await app.registry.invoke('folders:close', { folderId }));
    expect((await load(app)).collections).toEqual([]);
    ok(await app.registry.invoke('folders:open', { path: root }));
    expect(folderCollection(await load(app)).name).toBe('Team API');
  });

  it('moves a collection of the store into an open folder', async () => {
    const app = start();
    ok(await app.registry.invoke('folders:open', {}));
    const { folderId } = folderCollection(await load(app)).source!;
    const mine: Collection = { id: 'mine', name: 'Mine', auth: { type: 'none' }, variables: [], items: [request('m1', 'Ping', 'https://example.com/ping')] };
    ok(await app.registry.invoke('collections:save', { collection: mine }));
    ok(await app.registry.invoke('collections:moveToFolder', { collectionId: 'mine', folderId }));
    const w = await load(app);
    const moved = w.collections.find((c) => c.name === 'Mine');
    expect(moved).toMatchObject({ id: 'mine', source: { kind: 'folder', folderId } });
    expect(w.collections.filter((c) => c.name === 'Mine')).toHaveLength(1);
    expect(Object.keys(await snapshot(root)).some((p) => p.startsWith('collections/Mine/'))).toBe(true);
  });
});
