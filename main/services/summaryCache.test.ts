// workspace:load's light tree is made once per saved version of a collection and shared by every load;
// its pages likewise (treePaging.ts).
import { describe, expect, it } from 'vitest';
import { collectionSchema, type Collection, type RequestSummary, type TreeItem } from '../../src/models/workspace';
import { createTreePaging } from './treePaging';
import { createMemoryBackend, createWorkspaceStore } from './workspaceStore';

function collection(requests: number, name = (i: number) => `Request ${i}`): Collection {
  const items = Array.from({ length: requests }, (_, i) => ({ kind: 'request' as const, id: `r${i}`, name: name(i), method: 'GET', url: `https://api.example.com/${i}` }));
  return collectionSchema.parse({ id: 'c1', name: 'Orders', auth: { type: 'inherit' }, items: [{ kind: 'folder', id: 'f1', name: 'All', auth: { type: 'inherit' }, items }] });
}

const firstRequest = (items: TreeItem[]): RequestSummary => {
  const folder = items[0]!;
  if (folder.kind !== 'folder') throw new Error('expected the folder first');
  return folder.items[0] as RequestSummary;
};

describe('the light tree of a saved collection', () => {
  it('is the same for every load until the collection is saved again', () => {
    const store = createWorkspaceStore(createMemoryBackend());
    store.saveCollection(collection(3));
    const first = store.load().collections[0]!;
    expect(store.load().collections[0]).toBe(first);
    expect(firstRequest(first.items).name).toBe('Request 0');
  });

  it('follows a save: the next load shows what was saved', () => {
    const store = createWorkspaceStore(createMemoryBackend());
    store.saveCollection(collection(3));
    const before = store.load().collections[0]!;
    store.saveCollection(collection(3, (i) => `Renamed ${i}`));
    const after = store.load().collections[0]!;
    expect(after).not.toBe(before);
    expect(firstRequest(after.items).name).toBe('Renamed 0');
    expect(firstRequest(before.items).name).toBe('Request 0');
  });
});

describe('the pages of a big tree', () => {
  it('are cut once for a saved tree and served to each load', () => {
    const store = createWorkspaceStore(createMemoryBackend());
    store.saveCollection(collection(25));
    const paging = createTreePaging(10);
    const a = paging.firstPages(store.load().collections)[0]!;
    const b = paging.firstPages(store.load().collections)[0]!;
    expect(a.pages?.count).toBe(3);
    expect(b.items).toBe(a.items);
    expect(b.pages?.load).not.toBe(a.pages?.load);
    for (const load of [a, b]) for (let page = 1; page < 3; page++) expect(paging.page('c1', load.pages!.load, page).length).toBe(1);
  });

  it('are cut again for a tree that may have changed since (a folder read from disk)', () => {
    const paging = createTreePaging(10);
    const tree = { id: 'c1', name: 'Orders', auth: { type: 'inherit' as const }, variables: [], items: [] as TreeItem[] };
    tree.items = Array.from({ length: 25 }, (_, i): TreeItem => ({ kind: 'request', id: `r${i}`, name: `Request ${i}`, method: 'GET', url: 'https://x', storedId: `r${i}` }));
    paging.firstPages([tree]);
    (tree.items[0] as RequestSummary).name = 'Changed on disk';
    const again = paging.firstPages([tree])[0]!;
    expect((again.items[0] as RequestSummary).name).toBe('Changed on disk');
  });
});
