import { Buffer } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionSchema, historyEntrySchema, WORKSPACE_VERSION, type Collection, type HistoryEntry } from '../../src/models/workspace';
import { mkdirSync } from 'node:fs';
import { confCollectionsDir, confStoreFile, openConfStore } from './confStore';
import { collectionFileName, createMemoryBackend, createWorkspaceStore } from './workspaceStore';

const collectionFile = (id: string) => path.join(confCollectionsDir(dir), `${collectionFileName(id)}.json`);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () => {
  const { backend, recovered, collectionFiles } = openConfStore(dir);
  return createWorkspaceStore(backend, { collectionFiles, ...(recovered ? { recovered } : {}) });
};

function bigCollection(id: string, count: number): Collection {
  const folders = Array.from({ length: 10 }, (_, f) => ({
    kind: 'folder' as const,
    id: `${id}-f${f}`,
    name: `Folder ${f}`,
    auth: { type: 'inherit' as const },
    variables: [],
    items: Array.from({ length: count / 10 }, (_, r) => ({
      kind: 'request' as const,
      id: `${id}-r${f}-${r}`,
      name: `Request ${f}.${r}`,
      method: 'GET',
      url: `https://{{host}}/orders/${f}/${r}?page=1`,
      headers: [{ id: 'h1', key: 'accept', value: 'application/json', enabled: true, secret: false }],
    })),
  }));
  return collectionSchema.parse({ id, name: `Collection ${id}`, auth: { type: 'profile', profile: 'api' }, items: folders });
}

const entry = (n: number): HistoryEntry =>
  historyEntrySchema.parse({
    id: `h${n}`,
    at: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
    request: { id: `r${n}`, name: 'req', method: 'GET', url: `https://example.com/${n}` },
    resolvedUrl: `https://example.com/${n}`,
    status: 200,
  });

describe('the workspace store', () => {
  it('starts empty and writes its schema version', () => {
    const store = open();
    expect(store.load()).toEqual({ version: WORKSPACE_VERSION, collections: [], environments: [], history: [], tabs: { open: [] }, notices: [] });
    expect(JSON.parse(readFileSync(confStoreFile(dir), 'utf8')).version).toBe(WORKSPACE_VERSION);
  });

  it('round-trips a 10,000-request collection through a reopen, with the others untouched', () => {
    const big = bigCollection('big', 10000);
    const small = bigCollection('small', 10);
    const store = open();
    store.saveCollection(small);
    store.saveCollection(big);
    store.orderCollections(['big']);
    const again = open();
    const reopened = again.load();
    expect(reopened.collections.map((c) => c.id)).toEqual(['big', 'small']);
    expect(again.getCollection('big')).toEqual(big);
    expect(again.getCollection('small')).toEqual(small);
  });

  it('keeps collections, environments, tabs and the active environment across a reopen', () => {
    const store = open();
    store.saveCollection(bigCollection('c.with.dots', 10));
    store.saveEnvironments(
      [
        { id: 'stag', name: 'stag', variables: [{ id: 'v', key: 'host', value: 'stag.example.com', enabled: true, secret: false }] },
        { id: 'prod', name: 'prod', variables: [] },
      ],
      'stag',
    );
    const draft = { id: 'd1', name: 'Draft', method: 'POST', url: 'https://{{host}}/x', headers: [], body: { mode: 'none' as const }, auth: { type: 'inherit' as const }, signing: { region: '', service: '', payload: 'signed' as const, mode: 'header' as const, expiresIn: 900 }, disabledParams: [], checks: [], captures: [] };
    store.saveTabs({ open: [{ id: 't1', draft, dirty: true }], activeId: 't1' });
    const loaded = open().load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['c.with.dots']);
    expect(loaded.environments.map((e) => e.name)).toEqual(['stag', 'prod']);
    expect(loaded.activeEnvironmentId).toBe('stag');
    expect(loaded.tabs).toEqual({ open: [{ id: 't1', draft, dirty: true }], activeId: 't1' });
  });

  it('deletes a collection and its order entry, and says when there was nothing to delete', () => {
    const store = open();
    store.saveCollection(bigCollection('a', 10));
    store.saveCollection(bigCollection('b', 10));
    expect(store.deleteCollection('a')).toBe(true);
    expect(store.deleteCollection('a')).toBe(false);
    expect(open().load().collections.map((c) => c.id)).toEqual(['b']);
    expect(existsSync(collectionFile('a'))).toBe(false);
    expect(existsSync(collectionFile('b'))).toBe(true);
  });

  it('keeps history newest first and bounded', () => {
    const store = createWorkspaceStore(createMemoryBackend(), { historyLimit: 5 });
    let size = 0;
    for (let n = 1; n <= 8; n++) size = store.addHistory(entry(n));
    expect(size).toBe(5);
    expect(store.load().history.map((e) => e.id)).toEqual(['h8', 'h7', 'h6', 'h5', 'h4']);
    expect(store.clearHistory()).toBe(5);
    expect(store.load().history).toEqual([]);
  });

  it('keeps history under its byte budget by dropping the oldest entries, keeping the newest even when alone it is over', () => {
    const bodyEntry = (n: number, kb: number) =>
      historyEntrySchema.parse({ ...entry(n), request: { ...entry(n).request, method: 'POST', body: { mode: 'raw', language: 'text', text: 'x'.repeat(kb * 1024) } } });
    const store = open();
    const budget = 200 * 1024;
    const bounded = () => createWorkspaceStore(openConfStore(dir).backend, { collectionFiles: openConfStore(dir).collectionFiles, historyBytes: budget });
    const first = bounded();
    for (let n = 1; n <= 10; n++) first.addHistory(bodyEntry(n, 60));
    const kept = first.load().history;
    expect(kept.map((e) => e.id)).toEqual(['h10', 'h9', 'h8']);
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(budget);
    expect(Buffer.byteLength(JSON.stringify(JSON.parse(readFileSync(confStoreFile(dir), 'utf8')).history))).toBeLessThanOrEqual(budget);
    expect(first.addHistory(bodyEntry(11, 300))).toBe(1);
    expect(first.load().history.map((e) => e.id)).toEqual(['h11']);
    expect(store.load().history).toEqual([]); // the store opened before the writes keeps its own memory
  });

  it('bounds a stored history that is over the budget when it is opened', () => {
    const store = open();
    for (let n = 1; n <= 20; n++) store.addHistory(entry(n));
    const one = Buffer.byteLength(JSON.stringify(entry(20)));
    const { backend, collectionFiles } = openConfStore(dir);
    const reopened = createWorkspaceStore(backend, { collectionFiles, historyBytes: one * 5 + 10 });
    expect(reopened.load().history.map((e) => e.id)).toEqual(['h20', 'h19', 'h18', 'h17', 'h16']);
    expect(JSON.parse(readFileSync(confStoreFile(dir), 'utf8')).history).toHaveLength(5);
  });

  it('refuses an active environment or active tab that is not in the list', () => {
    const store = createWorkspaceStore(createMemoryBackend());
    expect(() => store.saveEnvironments([{ id: 'a', name: 'a', variables: [] }], 'b')).toThrow(/not one of the environments/);
    expect(() => store.saveTabs({ open: [], activeId: 'x' })).toThrow(/not one of the open tabs/);
  });

  it('sets a file of garbage aside, byte for byte, says so, and finds its collections again in their files', () => {
    open().saveCollection(bigCollection('kept', 10));
    const garbage = '{"version":1, "collectionOrder": [\u0000 this is not json';
    writeFileSync(confStoreFile(dir), garbage);
    const store = open();
    const loaded = store.load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['kept']);
    const notice = loaded.notices.find((n) => n.file && readFileSync(n.file, 'utf8') === garbage);
    expect(notice?.message).toMatch(/could not be read/);
    // The fresh store works and keeps what is saved next.
    store.saveCollection(bigCollection('new', 10));
    expect(open().load().collections.map((c) => c.id)).toEqual(['kept', 'new']);
  });

  it('sets aside a store that turns to garbage while the backend is already open', () => {
    const { backend } = openConfStore(dir);
    writeFileSync(confStoreFile(dir), 'not json at all');
    const loaded = createWorkspaceStore(backend).load();
    expect(loaded.notices).toHaveLength(1);
    expect(readFileSync(loaded.notices[0]!.file!, 'utf8')).toBe('not json at all');
  });

  it('sets aside only the sections of the wrong shape, keeping the rest of the file', () => {
    const history = [entry(1)];
    const wrong = JSON.stringify({ version: 1, environments: 'no', tabs: { open: 'nope' }, history });
    writeFileSync(confStoreFile(dir), wrong);
    const loaded = open().load();
    expect(loaded.environments).toEqual([]);
    expect(loaded.history).toEqual(history);
    expect(loaded.notices).toHaveLength(1);
    expect(loaded.notices[0]!.message).toMatch(/environments/);
    const aside = JSON.parse(readFileSync(loaded.notices[0]!.file!, 'utf8'));
    expect(aside.entries.map((e: { where: string; value: unknown }) => [e.where, e.value])).toEqual([['environments', 'no'], ['tabs.open', 'nope']]);
    expect(open().load().history).toEqual(history);
  });

  it('sets aside only the collection file that cannot be read; the rest loads', () => {
    const store = open();
    store.saveCollection(bigCollection('good', 10));
    store.saveCollection(bigCollection('shape', 10));
    store.saveCollection(bigCollection('junk', 10));
    const wrong = JSON.stringify({ collection: { id: 'shape', items: 'nope' } });
    writeFileSync(collectionFile('shape'), wrong);
    writeFileSync(collectionFile('junk'), '{{{ not json');
    const loaded = open().load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['good']);
    const messages = loaded.notices.map((n) => n.message).join('\n');
    expect(messages).toMatch(/collection shape/);
    expect(messages).toMatch(/junk/);
    const backups = readdirSync(confCollectionsDir(dir)).filter((f) => f.includes('unreadable'));
    expect(backups.map((f) => readFileSync(path.join(confCollectionsDir(dir), f), 'utf8')).sort()).toEqual([wrong, '{{{ not json'].sort());
    expect(loaded.notices.map((n) => n.file).sort()).toEqual(backups.map((f) => path.join(confCollectionsDir(dir), f)).sort());
  });

  it('keeps collections as keys of the one backend when there are no collection files, and sets aside only a bad one', () => {
    const { backend } = openConfStore(dir);
    createWorkspaceStore(backend).saveCollection(bigCollection('inline', 10));
    expect(createWorkspaceStore(openConfStore(dir).backend).load().collections.map((c) => c.id)).toEqual(['inline']);
    const stored = JSON.parse(readFileSync(confStoreFile(dir), 'utf8'));
    const bad = { id: 'x', items: 'nope' };
    writeFileSync(confStoreFile(dir), JSON.stringify({ ...stored, collectionOrder: ['x', 'inline'], 'collection:x': bad }));
    const loaded = createWorkspaceStore(openConfStore(dir).backend).load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['inline']);
    expect(loaded.notices[0]!.message).toMatch(/collection x/);
    const aside = JSON.parse(readFileSync(loaded.notices[0]!.file!, 'utf8'));
    expect(aside.entries).toEqual([expect.objectContaining({ where: 'collection x', value: bad })]);
  });

  it('writes a small collection or the tabs without touching a big collection\'s file', () => {
    const store = open();
    store.saveCollection(bigCollection('big', 1000));
    const before = readFileSync(collectionFile('big'), 'utf8');
    writeFileSync(collectionFile('big'), before); // same bytes, new mtime baseline
    const { mtimeMs } = statSync(collectionFile('big'));
    store.saveCollection(bigCollection('small', 10));
    store.saveTabs({ open: [] });
    expect(statSync(collectionFile('big')).mtimeMs).toBe(mtimeMs);
    expect(readFileSync(confStoreFile(dir), 'utf8')).not.toContain('Request 0.0');
  });

  it('migrates a store from before versions were kept, and refuses one from a newer RoleCall without losing it', () => {
    writeFileSync(confStoreFile(dir), JSON.stringify({ collectionOrder: ['a'] }));
    mkdirSync(confCollectionsDir(dir), { recursive: true });
    writeFileSync(collectionFile('a'), JSON.stringify({ collection: { id: 'a', name: 'Old' } }));
    const migrated = open().load();
    expect(migrated.collections.map((c) => c.name)).toEqual(['Old']);
    expect(JSON.parse(readFileSync(confStoreFile(dir), 'utf8')).version).toBe(WORKSPACE_VERSION);

  });

  it.skipIf(process.platform === 'win32')('writes the store, collection and set-aside files readable by their owner only (0600)', () => {
    const store = open();
    store.saveCollection(bigCollection('a', 10));
    writeFileSync(collectionFile('b'), '{{{ not json');
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(confStoreFile(dir)).toString(8)).toBe('600');
    expect(mode(collectionFile('a')).toString(8)).toBe('600');
    const loaded = open().load();
    for (const file of [confStoreFile(dir), collectionFile('a')]) expect(mode(file).toString(8)).toBe('600');
    for (const file of readdirSync(confCollectionsDir(dir)).filter((f) => f.includes('unreadable'))) {
      expect(mode(path.join(confCollectionsDir(dir), file)).toString(8)).toBe('600');
    }
    expect(loaded.collections.map((c) => c.id)).toEqual(['a']);
  });
});

describe('recovery keeps everything it can', () => {
  const env = (id: string) => ({ id, name: id, variables: [] });
  const asideOf = (loaded: { notices: Array<{ file?: string }> }) => {
    const file = loaded.notices.find((n) => n.file?.includes('set-aside'))?.file;
    expect(file).toBeDefined();
    expect(path.dirname(file!)).toBe(dir);
    return { file: file!, data: JSON.parse(readFileSync(file!, 'utf8')) as { entries: Array<{ where: string; value: unknown }> } };
  };

  it('lists the other collections when one entry of a section is bad, and sets only that entry aside in a file it names', () => {
    const store = open();
    store.saveCollection(bigCollection('a', 10));
    store.saveCollection(bigCollection('b', 10));
    store.saveEnvironments([env('stag'), env('prod')], 'prod');
    store.addHistory(entry(1));
    const stored = JSON.parse(readFileSync(confStoreFile(dir), 'utf8'));
    const badEnv = { id: 'broken', name: 7 };
    const badHistory = { id: 'h9', at: 'yesterday' };
    stored.collectionOrder = ['a', 42, 'b'];
    stored.environments = [stored.environments[0], badEnv, stored.environments[1]];
    stored.history = [badHistory, ...stored.history];
    writeFileSync(confStoreFile(dir), JSON.stringify(stored));

    const loaded = open().load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['a', 'b']);
    expect(loaded.environments.map((e) => e.id)).toEqual(['stag', 'prod']);
    expect(loaded.activeEnvironmentId).toBe('prod');
    expect(loaded.history.map((h) => h.id)).toEqual(['h1']);
    const { file, data } = asideOf(loaded);
    expect(data.entries.map((e) => [e.where, e.value])).toEqual([['collectionOrder[1]', 42], ['environments[1]', badEnv], ['history[0]', badHistory]]);
    expect(loaded.notices.find((n) => n.file === file)!.message).toContain(file);
    // The store no longer holds what was set aside, and still holds the order.
    const after = JSON.parse(readFileSync(confStoreFile(dir), 'utf8'));
    expect(after.collectionOrder).toEqual(['a', 'b']);
    expect(after.environments).toHaveLength(2);
  });

  it('never deletes the collection order, even when another section is wrong', () => {
    const store = open();
    store.saveCollection(bigCollection('a', 10));
    store.saveCollection(bigCollection('b', 10));
    store.orderCollections(['b', 'a']);
    const stored = JSON.parse(readFileSync(confStoreFile(dir), 'utf8'));
    writeFileSync(confStoreFile(dir), JSON.stringify({ ...stored, environments: 'no', tabs: 5 }));
    expect(open().load().collections.map((c) => c.id)).toEqual(['b', 'a']);
    expect(JSON.parse(readFileSync(confStoreFile(dir), 'utf8')).collectionOrder).toEqual(['b', 'a']);
  });

  it('keeps a listed collection in the order while its file is set aside, so restoring the file brings it back', () => {
    const store = open();
    store.saveCollection(bigCollection('a', 10));
    store.saveCollection(bigCollection('b', 10));
    const good = readFileSync(collectionFile('a'), 'utf8');
    writeFileSync(collectionFile('a'), '{{{ not json');
    expect(open().load().collections.map((c) => c.id)).toEqual(['b']);
    expect(JSON.parse(readFileSync(confStoreFile(dir), 'utf8')).collectionOrder).toEqual(['a', 'b']);
    writeFileSync(collectionFile('a'), good);
    expect(open().load().collections.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('adopts a collection file in the collections folder that the order does not list', () => {
    const store = open();
    store.saveCollection(bigCollection('listed', 10));
    const other = path.join(dir, 'other');
    const elsewhere = (() => {
      const { backend, collectionFiles } = openConfStore(other);
      createWorkspaceStore(backend, { collectionFiles }).saveCollection(bigCollection('orphan', 10));
      return readFileSync(path.join(confCollectionsDir(other), `${collectionFileName('orphan')}.json`), 'utf8');
    })();
    writeFileSync(collectionFile('orphan'), elsewhere);
    const reopened = open();
    const loaded = reopened.load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['listed', 'orphan']);
    expect(reopened.getCollection('orphan')).toEqual(bigCollection('orphan', 10));
    expect(loaded.notices.some((n) => /Collection orphan/.test(n.message))).toBe(true);
    expect(JSON.parse(readFileSync(confStoreFile(dir), 'utf8')).collectionOrder).toEqual(['listed', 'orphan']);
  });

  it('says where the set-aside data is on every start until the notice is dismissed', () => {
    const store = open();
    store.saveCollection(bigCollection('a', 10));
    const stored = JSON.parse(readFileSync(confStoreFile(dir), 'utf8'));
    writeFileSync(confStoreFile(dir), JSON.stringify({ ...stored, history: [{ id: 'bad' }] }));
    const first = open();
    const notice = first.load().notices[0]!;
    expect(notice.file).toBeDefined();
    expect(notice.dismissable).toBe(true);
    const second = open();
    expect(second.load().notices).toEqual([notice]);
    expect(second.dismissNotice(notice.id)).toBe(true);
    expect(second.dismissNotice(notice.id)).toBe(false);
    expect(open().load().notices).toEqual([]);
    expect(existsSync(notice.file!)).toBe(true);
  });

  it('opens a workspace from a newer RoleCall read-only: it loads, saves are refused, no file changes', () => {
    const store = open();
    store.saveCollection(bigCollection('a', 10));
    store.saveEnvironments([env('stag')], 'stag');
    const stored = JSON.parse(readFileSync(confStoreFile(dir), 'utf8'));
    const newer = JSON.stringify({ ...stored, version: 99, futureSection: { x: 1 }, history: [{ id: 'future-shape' }] });
    writeFileSync(confStoreFile(dir), newer);
    const collectionBytes = readFileSync(collectionFile('a'), 'utf8');
    const before = readdirSync(dir).sort();

    const readOnly = open();
    const loaded = readOnly.load();
    expect(loaded.readOnly).toBe(true);
    expect(loaded.collections.map((c) => c.id)).toEqual(['a']);
    expect(loaded.environments.map((e) => e.id)).toEqual(['stag']);
    expect(loaded.notices).toEqual([expect.objectContaining({ dismissable: false, message: expect.stringMatching(/newer RoleCall.*read-only/) })]);
    const refused = expect.objectContaining({ code: 'READ_ONLY_WORKSPACE' });
    expect(() => readOnly.saveCollection(bigCollection('b', 10))).toThrow(refused);
    expect(() => readOnly.deleteCollection('a')).toThrow(refused);
    expect(() => readOnly.orderCollections(['a'])).toThrow(refused);
    expect(() => readOnly.saveEnvironments([], undefined)).toThrow(refused);
    expect(() => readOnly.addHistory(entry(1))).toThrow(refused);
    expect(() => readOnly.clearHistory()).toThrow(refused);
    expect(() => readOnly.saveTabs({ open: [] })).toThrow(refused);
    expect(readFileSync(confStoreFile(dir), 'utf8')).toBe(newer);
    expect(readFileSync(collectionFile('a'), 'utf8')).toBe(collectionBytes);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(confCollectionsDir(dir))).toEqual([`${collectionFileName('a')}.json`]);
  });

  it('keeps a byte-for-byte copy of a file whose text is not valid UTF-8 before rewriting it', () => {
    const store = open();
    store.saveCollection(bigCollection('a', 10));
    store.saveEnvironments([env('stag')]);
    const text = readFileSync(confStoreFile(dir), 'utf8').replace('"name":"stag"', '"name":"st\u0001ag"');
    const bytes = Buffer.from(text.replace('\u0001', '\u0000'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xff; // a lone byte that is not UTF-8, inside a string
    writeFileSync(confStoreFile(dir), bytes);
    const loaded = open().load();
    const copy = loaded.notices.find((n) => n.file && readFileSync(n.file).equals(bytes));
    expect(copy?.message).toMatch(/UTF-8/);
    open().saveCollection(bigCollection('b', 10));
    expect(readFileSync(copy!.file!).equals(bytes)).toBe(true);
    expect(open().load().notices.map((n) => n.id)).toContain(copy!.id);
  });

  it('sets aside a listed collection file that holds no collection, or another id, saying so', () => {
    const store = open();
    for (const id of ['a', 'b', 'c']) store.saveCollection(bigCollection(id, 10));
    writeFileSync(collectionFile('a'), '{}');
    const other = JSON.stringify({ collection: bigCollection('someone-else', 10) });
    writeFileSync(collectionFile('b'), other);
    const loaded = open().load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['c']);
    const kept = loaded.notices.filter((n) => n.file).map((n) => readFileSync(n.file!, 'utf8'));
    expect(kept.sort()).toEqual(['{}', other].sort());
    expect(loaded.notices.map((n) => n.message).join('\n')).toMatch(/collection a[\s\S]*collection b/);
  });
});
