import { describe, expect, it } from 'vitest';
import type { Collection, FolderNode, ItemNode, RequestNode, TreeItem } from './models/workspace';
import {
  countItems,
  duplicateCollection,
  duplicateItem,
  filterCollections,
  findItem,
  flattenTree,
  folderPaths,
  insertItem,
  moveItem,
  removeItem,
  renameItem,
  reorder,
  restoreItem,
  rowKey,
  shiftItem,
} from './collectionTree';

const request = (id: string, name = id, url = `https://api.example.com/${id}`): RequestNode => ({
  kind: 'request',
  id,
  name,
  method: 'GET',
  url,
  headers: [{ id: `${id}-h`, key: 'accept', value: 'application/json', enabled: true, secret: false }],
  body: { mode: 'none' },
  auth: { type: 'inherit' },
  signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
  disabledParams: [],
  checks: [],
  captures: [],
});

const folder = (id: string, items: ItemNode[], name = id): FolderNode => ({
  kind: 'folder',
  id,
  name,
  auth: { type: 'profile', profile: 'deploy' },
  variables: [{ id: `${id}-v`, key: 'stage', value: 'prod', enabled: true, secret: false }],
  items,
});

/** Team API: [orders: [list, admin: [purge]], health] */
function team(): Collection {
  return {
    id: 'team',
    name: 'Team API',
    auth: { type: 'none' },
    variables: [],
    items: [folder('orders', [request('list', 'List orders'), folder('admin', [request('purge', 'Purge', 'https://admin.example.com/purge')])]), request('health')],
  };
}

function other(): Collection {
  return { id: 'other', name: 'Other', auth: { type: 'none' }, variables: [], items: [request('ping')] };
}

const ids = (items: TreeItem[]): unknown[] => items.map((i) => (i.kind === 'folder' ? { [i.id]: ids(i.items) } : i.id));

function counter(prefix = 'n'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

describe('findItem', () => {
  it('finds a nested request with its ancestor folders, outermost first, and its place', () => {
    const found = findItem(team(), 'purge');
    expect(found?.item.name).toBe('Purge');
    expect(found?.folders.map((f) => f.id)).toEqual(['orders', 'admin']);
    expect(found?.parentId).toBe('admin');
    expect(found?.index).toBe(0);
    expect(findItem(team(), 'health')?.parentId).toBeUndefined();
    expect(findItem(team(), 'nope')).toBeUndefined();
  });
});

describe('insert, rename', () => {
  it('inserts at an index inside a folder without touching the input', () => {
    const before = team();
    const after = insertItem(before, 'orders', request('new'), 1);
    expect(ids(after.items)).toEqual([{ orders: ['list', 'new', { admin: ['purge'] }] }, 'health']);
    expect(ids(before.items)).toEqual([{ orders: ['list', { admin: ['purge'] }] }, 'health']);
  });

  it('appends at the top level when no parent and no index is given', () => {
    expect(ids(insertItem(team(), undefined, request('new')).items)).toEqual([{ orders: ['list', { admin: ['purge'] }] }, 'health', 'new']);
  });

  it('refuses a parent that is not a folder of the collection', () => {
    expect(() => insertItem(team(), 'missing', request('new'))).toThrow(/No folder missing/);
  });

  it('renames a nested item and keeps the other branches identical', () => {
    const before = team();
    const after = renameItem(before, 'purge', 'Purge all');
    expect(findItem(after, 'purge')?.item.name).toBe('Purge all');
    expect(after.items[1]).toBe(before.items[1]);
  });
});

describe('duplicate', () => {
  it('copies a folder next to itself with fresh ids for every item and row', () => {
    const { collection, copy } = duplicateItem(team(), 'orders', counter());
    expect(copy.name).toBe('orders copy');
    expect(collection.items.map((i) => i.id)).toEqual(['orders', copy.id, 'health']);
    const copiedIds: string[] = [];
    JSON.stringify(copy, (k, v) => (k === 'id' && copiedIds.push(v), v));
    expect(copiedIds.sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']);
    expect(countItems([copy])).toEqual({ requests: 2, folders: 2 });
    // Same content apart from ids and the name.
    const strip = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'id' ? undefined : v));
    expect(strip({ ...copy, name: 'orders' })).toBe(strip(findItem(team(), 'orders')?.item));
  });

  it('copies a whole collection with a fresh id throughout', () => {
    const copy = duplicateCollection(team(), counter('c'));
    expect(copy.id).not.toBe('team');
    expect(copy.name).toBe('Team API copy');
    expect(findItem(copy, 'purge')).toBeUndefined();
    expect(countItems(copy.items)).toEqual(countItems(team().items));
  });
});

describe('remove and restore', () => {
  it('removes a nested item and restores it exactly where it was', () => {
    const before = team();
    const { collection, removed } = removeItem(before, 'list');
    expect(ids(collection.items)).toEqual([{ orders: [{ admin: ['purge'] }] }, 'health']);
    expect(removed).toMatchObject({ collectionId: 'team', parentId: 'orders', index: 0 });
    expect(restoreItem(collection, removed)).toEqual(before);
  });

  it('restores a whole folder with its subtree', () => {
    const before = team();
    const { collection, removed } = removeItem(before, 'orders');
    expect(ids(collection.items)).toEqual(['health']);
    expect(restoreItem(collection, removed)).toEqual(before);
  });

  it('puts an item back at the top level when its folder has gone since', () => {
    const { collection, removed } = removeItem(team(), 'purge');
    const withoutAdmin = removeItem(collection, 'admin').collection;
    expect(ids(restoreItem(withoutAdmin, removed).items)).toEqual([{ orders: ['list'] }, 'health', 'purge']);
  });
});

describe('moveItem', () => {
  it('moves a request into a folder at the end', () => {
    const result = moveItem([team(), other()], { collectionId: 'team', itemId: 'health' }, { collectionId: 'team', parentId: 'admin' });
    expect(result?.changed.map((c) => c.id)).toEqual(['team']);
    expect(ids(result!.collections[0]!.items)).toEqual([{ orders: ['list', { admin: ['purge', 'health'] }] }]);
  });

  it('moves before and after a sibling', () => {
    const before = moveItem([team()], { collectionId: 'team', itemId: 'health' }, { collectionId: 'team', siblingId: 'orders', position: 'before' });
    expect(ids(before!.collections[0]!.items)).toEqual(['health', { orders: ['list', { admin: ['purge'] }] }]);
    const after = moveItem([team()], { collectionId: 'team', itemId: 'list' }, { collectionId: 'team', siblingId: 'admin', position: 'after' });
    expect(ids(after!.collections[0]!.items)).toEqual([{ orders: [{ admin: ['purge'] }, 'list'] }, 'health']);
  });

  it('moves across collections and reports both as changed', () => {
    const result = moveItem([team(), other()], { collectionId: 'team', itemId: 'orders' }, { collectionId: 'other', siblingId: 'ping', position: 'before' });
    expect(result?.changed.map((c) => c.id)).toEqual(['team', 'other']);
    expect(ids(result!.collections[0]!.items)).toEqual(['health']);
    expect(ids(result!.collections[1]!.items)).toEqual([{ orders: ['list', { admin: ['purge'] }] }, 'ping']);
  });

  it('refuses to put a folder into itself or its descendants', () => {
    expect(moveItem([team()], { collectionId: 'team', itemId: 'orders' }, { collectionId: 'team', parentId: 'orders' })).toBeUndefined();
    expect(moveItem([team()], { collectionId: 'team', itemId: 'orders' }, { collectionId: 'team', parentId: 'admin' })).toBeUndefined();
    expect(moveItem([team()], { collectionId: 'team', itemId: 'orders' }, { collectionId: 'team', siblingId: 'purge', position: 'after' })).toBeUndefined();
  });

  it('reports a drop onto the same place as no move', () => {
    expect(moveItem([team()], { collectionId: 'team', itemId: 'health' }, { collectionId: 'team', siblingId: 'orders', position: 'after' })).toBeUndefined();
    expect(moveItem([team()], { collectionId: 'team', itemId: 'health' }, { collectionId: 'team', siblingId: 'health', position: 'before' })).toBeUndefined();
    expect(moveItem([team()], { collectionId: 'team', itemId: 'nope' }, { collectionId: 'team', parentId: undefined })).toBeUndefined();
  });

  it('shifts an item up and down among its siblings, and not past the edges', () => {
    expect(ids(shiftItem(team(), 'health', -1)!.items)).toEqual(['health', { orders: ['list', { admin: ['purge'] }] }]);
    expect(ids(shiftItem(team(), 'list', 1)!.items)).toEqual([{ orders: [{ admin: ['purge'] }, 'list'] }, 'health']);
    expect(shiftItem(team(), 'health', 1)).toBeUndefined();
    expect(shiftItem(team(), 'purge', -1)).toBeUndefined();
  });

  it('reorders a list', () => {
    expect(reorder(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(reorder(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
  });
});

describe('filterCollections', () => {
  it('keeps matching requests by name or URL with their ancestors only', () => {
    const byUrl = filterCollections([team(), other()], 'ADMIN.example');
    expect(byUrl.map((c) => c.id)).toEqual(['team']);
    expect(ids(byUrl[0]!.items)).toEqual([{ orders: [{ admin: ['purge'] }] }]);
    const byName = filterCollections([team(), other()], 'list ord');
    expect(ids(byName[0]!.items)).toEqual([{ orders: ['list'] }]);
  });

  it('keeps everything inside a matching folder or collection, and all for an empty query', () => {
    expect(ids(filterCollections([team()], 'admin')[0]!.items)).toEqual([{ orders: [{ admin: ['purge'] }] }]);
    expect(filterCollections([team(), other()], 'other')[0]).toEqual(other());
    const all = [team(), other()];
    expect(filterCollections(all, '  ')).toBe(all);
    expect(filterCollections(all, 'zzz')).toEqual([]);
  });
});

describe('flattenTree and pickers', () => {
  it('lists only the rows of expanded containers, with depths', () => {
    const open = new Set([rowKey('team'), rowKey('team', 'orders')]);
    const rows = flattenTree([team(), other()], (key) => open.has(key));
    expect(rows.map((r) => `${r.depth}:${r.kind}:${r.key}`)).toEqual([
      '0:collection:c:team',
      '1:folder:i:team:orders',
      '2:request:i:team:list',
      '2:folder:i:team:admin',
      '1:request:i:team:health',
      '0:collection:c:other',
    ]);
    expect(rows[0]).toMatchObject({ expanded: true, count: 3 });
    expect(flattenTree([team()], () => false, true)).toHaveLength(6);
  });

  it('counts requests and folders', () => {
    expect(countItems(team().items)).toEqual({ requests: 3, folders: 2 });
  });

  it('names folders by their path for pickers', () => {
    expect(folderPaths(team())).toEqual([
      { id: 'orders', path: 'orders', depth: 0 },
      { id: 'admin', path: 'orders / admin', depth: 1 },
    ]);
  });
});
