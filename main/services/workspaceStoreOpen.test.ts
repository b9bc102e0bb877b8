// What opening a big workspace costs in reads, and that a damaged request in a big collection is still reported
// with where it is kept while everything good stays (the recovery promise of workspaceStore.ts).
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectionSchema, type Collection } from '../../src/models/workspace';
import { confCollectionsDir, confStoreFile, openConfStore } from './confStore';
import { collectionFileName, createWorkspaceStore } from './workspaceStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-store-open-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const open = () => {
  const { backend, recovered, collectionFiles } = openConfStore(dir);
  return createWorkspaceStore(backend, { collectionFiles, ...(recovered ? { recovered } : {}) });
};
const collectionFile = (id: string) => path.join(confCollectionsDir(dir), `${collectionFileName(id)}.json`);

function collection(id: string, requests: number): Collection {
  const folders = Array.from({ length: 10 }, (_, f) => ({
    kind: 'folder' as const,
    id: `${id}-f${f}`,
    name: `Folder ${f}`,
    items: Array.from({ length: requests / 10 }, (_, r) => ({ kind: 'request' as const, id: `${id}-r${f}-${r}`, name: `Request ${f}.${r}`, method: 'GET', url: `https://api.example.com/${f}/${r}` })),
  }));
  return collectionSchema.parse({ id, name: `Collection ${id}`, items: folders });
}

describe('opening the workspace store', () => {
  it('reads each collection file once', () => {
    const store = open();
    store.saveCollection(collection('big', 1000));
    store.saveCollection(collection('small', 10));
    const read = vi.spyOn(fs, 'readFileSync');
    const loaded = open().load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['big', 'small']);
    for (const id of ['big', 'small']) expect(read.mock.calls.filter(([file]) => file === collectionFile(id))).toHaveLength(1);
  });

  it('saves a collection it read without reading its file again first, keeping the file\'s other keys', () => {
    open().saveCollection(collection('big', 1000));
    const file = collectionFile('big');
    fs.writeFileSync(file, JSON.stringify({ keptKey: { by: 'a newer RoleCall' }, ...JSON.parse(fs.readFileSync(file, 'utf8')) }));
    const store = open();
    // A change past the journal's bound (every request's URL) writes the file whole (collectionJournal.ts).
    const everyUrl = (c: Collection, query: string) => c.items.map((f) => (f.kind === 'folder' ? { ...f, items: f.items.map((r) => (r.kind === 'request' ? { ...r, url: `${r.url}?${query}` } : r)) } : f));
    const renamed = { ...store.getCollection('big')!, name: 'Renamed' };
    store.saveCollection({ ...renamed, items: everyUrl(renamed, 'once') });
    const read = vi.spyOn(fs, 'readFileSync');
    store.saveCollection({ ...renamed, name: 'Renamed again', items: everyUrl(renamed, 'again') });
    // conf's set read and parsed the whole file twice before writing it.
    expect(read.mock.calls.filter(([f]) => f === file)).toHaveLength(1);
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { keptKey: unknown; collection: { name: string } };
    expect(written.keptKey).toEqual({ by: 'a newer RoleCall' });
    expect(written.collection.name).toBe('Renamed again');
    expect(open().load().collections.map((c) => [c.id, c.name, c.items.length])).toEqual([['big', 'Renamed again', 10]]);
  });

  it('reads the main file\'s keys at once, not once per key', () => {
    const store = open();
    store.saveCollection(collection('small', 10));
    store.saveEnvironments([{ id: 'e1', name: 'staging', variables: [] }], 'e1');
    const read = vi.spyOn(fs, 'readFileSync');
    const loaded = open().load();
    expect(loaded.activeEnvironmentId).toBe('e1');
    // conf's own open, the store's keys, and the UTF-8 check: not one more for each of the seven keys.
    expect(read.mock.calls.filter(([file]) => file === confStoreFile(dir))).toHaveLength(3);
  });

  it('reports a damaged request in a 5,000-request collection with the file it is kept in, and keeps every good collection', () => {
    const store = open();
    store.saveCollection(collection('big', 5000));
    store.saveCollection(collection('other', 10));
    const stored = JSON.parse(fs.readFileSync(collectionFile('big'), 'utf8')) as { collection: { items: Array<{ items: Array<Record<string, unknown>> }> } };
    stored.collection.items[7]!.items[321]!.method = 42;
    const damaged = JSON.stringify(stored);
    fs.writeFileSync(collectionFile('big'), damaged);

    const loaded = open().load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['other']);
    expect(loaded.collections[0]!.items).toHaveLength(10);
    const notice = loaded.notices.find((n) => n.file !== undefined);
    // Which request, by its folder, name and id: "item 322 of the items" alone names none of 5,000.
    expect(notice?.message).toMatch(/collection big could not be read \(The method .* must be text, in folder “Folder 7” \(id "big-f7"\) › request “Request 7.321” \(id "big-r7-321"\)\); it was set aside as it was, in /);
    expect(notice?.message).toContain(notice!.file!);
    // Byte for byte, so the 4,999 good requests and the damaged one are all there to restore.
    expect(fs.readFileSync(notice!.file!, 'utf8')).toBe(damaged);
    // Said again on the next start, and the listed collection is kept in the order for a restored file.
    const again = open().load();
    expect(again.notices.map((n) => n.id)).toContain(notice!.id);
    fs.copyFileSync(notice!.file!, collectionFile('big'));
    stored.collection.items[7]!.items[321]!.method = 'GET';
    fs.writeFileSync(collectionFile('big'), JSON.stringify(stored));
    expect(open().load().collections.map((c) => c.id)).toEqual(['big', 'other']);
  });

  it('still sets aside a collection file that is not JSON, or that cannot be read as a file', () => {
    const store = open();
    store.saveCollection(collection('junk', 10));
    store.saveCollection(collection('folder', 10));
    store.saveCollection(collection('good', 10));
    fs.writeFileSync(collectionFile('junk'), '{"collection": {');
    fs.rmSync(collectionFile('folder'));
    fs.mkdirSync(collectionFile('folder'));
    const loaded = open().load();
    expect(loaded.collections.map((c) => c.id)).toEqual(['good']);
    const kept = loaded.notices.filter((n) => n.file).map((n) => n.file!);
    expect(kept).toHaveLength(2);
    expect(kept.map((f) => (fs.statSync(f).isDirectory() ? 'a folder' : fs.readFileSync(f, 'utf8'))).sort()).toEqual(['a folder', '{"collection": {'].sort());
  });
});
