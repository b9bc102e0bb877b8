// Pure operations on collection trees (collections → folders → requests). Every function returns new objects and
// leaves its input untouched, so the sidebar can update optimistically and undo by putting the old value back.
// Ids are made by a caller-supplied function: this module stays free of any platform API and tests stay exact.
import type { Collection, FolderNode, ItemNode, RequestNode } from './models/workspace';

export type Container = Collection | FolderNode;

export interface Found {
  item: ItemNode;
  /** Ancestor folders, outermost first (the item itself is not included). */
  folders: FolderNode[];
  /** The folder holding the item, or undefined at the collection's top level. */
  parentId: string | undefined;
  index: number;
}

/** Finds an item anywhere in a collection. */
export function findItem(collection: Collection, itemId: string): Found | undefined {
  const walk = (items: ItemNode[], folders: FolderNode[]): Found | undefined => {
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as ItemNode;
      if (item.id === itemId) return { item, folders, parentId: folders[folders.length - 1]?.id, index };
      if (item.kind === 'folder') {
        const found = walk(item.items, [...folders, item]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(collection.items, []);
}

/** The container's children, replaced through `change`; parentId undefined is the collection itself. */
function withChildren(collection: Collection, parentId: string | undefined, change: (items: ItemNode[]) => ItemNode[]): Collection {
  if (parentId === undefined) return { ...collection, items: change(collection.items) };
  let hit = false;
  const walk = (items: ItemNode[]): ItemNode[] =>
    items.map((item) => {
      if (hit || item.kind !== 'folder') return item;
      if (item.id === parentId) {
        hit = true;
        return { ...item, items: change(item.items) };
      }
      const items2 = walk(item.items);
      return items2 === item.items || !hit ? item : { ...item, items: items2 };
    });
  const items = walk(collection.items);
  if (!hit) throw new Error(`No folder ${parentId} in collection ${collection.id}`);
  return { ...collection, items };
}

/** Inserts an item into a folder (or the top level) at index; the end when index is absent or past it. */
export function insertItem(collection: Collection, parentId: string | undefined, item: ItemNode, index?: number): Collection {
  return withChildren(collection, parentId, (items) => {
    const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length));
    return [...items.slice(0, at), item, ...items.slice(at)];
  });
}

/** Replaces one item by id through `change`. */
export function updateItem(collection: Collection, itemId: string, change: (item: ItemNode) => ItemNode): Collection {
  const found = findItem(collection, itemId);
  if (!found) throw new Error(`No item ${itemId} in collection ${collection.id}`);
  return withChildren(collection, found.parentId, (items) => items.map((item) => (item.id === itemId ? change(item) : item)));
}

export function renameItem(collection: Collection, itemId: string, name: string): Collection {
  return updateItem(collection, itemId, (item) => ({ ...item, name }));
}

/** A deep copy with fresh ids for every item (and every key/value row, which also carry ids). */
export function cloneItem(item: ItemNode, newId: () => string): ItemNode {
  if (item.kind === 'request') return cloneRequest(item, newId);
  return {
    ...item,
    id: newId(),
    variables: item.variables.map((v) => ({ ...v, id: newId() })),
    items: item.items.map((child) => cloneItem(child, newId)),
  };
}

function cloneRequest(request: RequestNode, newId: () => string): RequestNode {
  const body = request.body;
  const copyBody =
    body.mode === 'urlencoded'
      ? { ...body, fields: body.fields.map((f) => ({ ...f, id: newId() })) }
      : body.mode === 'multipart'
        ? { ...body, parts: body.parts.map((p) => ({ ...p, id: newId() })) }
        : { ...body };
  return {
    ...request,
    id: newId(),
    headers: request.headers.map((h) => ({ ...h, id: newId() })),
    body: copyBody,
    auth: structuredCloneAuth(request.auth),
    signing: { ...request.signing },
  };
}

function structuredCloneAuth<T extends RequestNode['auth']>(auth: T): T {
  return auth.type === 'assumeRole' ? ({ ...auth, base: { ...auth.base } } as T) : ({ ...auth } as T);
}

export const copyName = (name: string): string => `${name} copy`;

/** Duplicates an item next to itself ("name copy", fresh ids); returns the new collection and the copy. */
export function duplicateItem(collection: Collection, itemId: string, newId: () => string): { collection: Collection; copy: ItemNode } {
  const found = findItem(collection, itemId);
  if (!found) throw new Error(`No item ${itemId} in collection ${collection.id}`);
  const copy = { ...cloneItem(found.item, newId), name: copyName(found.item.name) };
  return { collection: insertItem(collection, found.parentId, copy, found.index + 1), copy };
}

/** A whole collection copied with fresh ids throughout. */
export function duplicateCollection(collection: Collection, newId: () => string): Collection {
  return {
    ...collection,
    id: newId(),
    name: copyName(collection.name),
    auth: structuredCloneAuth(collection.auth),
    variables: collection.variables.map((v) => ({ ...v, id: newId() })),
    items: collection.items.map((item) => cloneItem(item, newId)),
  };
}

/** What removeItem took out and where it stood: exactly what restoreItem needs to put it back. */
export interface Removed {
  collectionId: string;
  item: ItemNode;
  parentId: string | undefined;
  index: number;
}

export function removeItem(collection: Collection, itemId: string): { collection: Collection; removed: Removed } {
  const found = findItem(collection, itemId);
  if (!found) throw new Error(`No item ${itemId} in collection ${collection.id}`);
  const next = withChildren(collection, found.parentId, (items) => items.filter((item) => item.id !== itemId));
  return { collection: next, removed: { collectionId: collection.id, item: found.item, parentId: found.parentId, index: found.index } };
}

/** Undoes removeItem. If the parent folder has since gone too, the item goes back to the top level. */
export function restoreItem(collection: Collection, removed: Removed): Collection {
  const parentExists = removed.parentId === undefined || findItem(collection, removed.parentId)?.item.kind === 'folder';
  return parentExists
    ? insertItem(collection, removed.parentId, removed.item, removed.index)
    : insertItem(collection, undefined, removed.item);
}

/** Where to put a moved item: inside a container (at index, or the end), or before/after a sibling. */
export type MoveTarget =
  | { collectionId: string; parentId: string | undefined; index?: number }
  | { collectionId: string; siblingId: string; position: 'before' | 'after' };

export interface MoveResult {
  /** The collections that changed (one, or two for a move across collections), to be saved. */
  changed: Collection[];
  collections: Collection[];
}

/**
 * Moves an item within or across collections. Returns undefined when the move is impossible or a no-op: a folder
 * into itself or its own descendants, an unknown id.
 */
export function moveItem(collections: Collection[], from: { collectionId: string; itemId: string }, target: MoveTarget): MoveResult | undefined {
  const source = collections.find((c) => c.id === from.collectionId);
  const dest = collections.find((c) => c.id === target.collectionId);
  if (!source || !dest) return undefined;
  const found = findItem(source, from.itemId);
  if (!found) return undefined;
  if ('siblingId' in target && target.siblingId === from.itemId) return undefined;

  const { collection: without, removed } = removeItem(source, from.itemId);
  let destination = source.id === dest.id ? without : dest;

  let parentId: string | undefined;
  let index: number | undefined;
  if ('siblingId' in target) {
    const sibling = findItem(destination, target.siblingId);
    if (!sibling) return undefined;
    parentId = sibling.parentId;
    index = sibling.index + (target.position === 'after' ? 1 : 0);
  } else {
    parentId = target.parentId;
    index = target.index;
    if (parentId !== undefined && findItem(destination, parentId)?.item.kind !== 'folder') return undefined;
  }
  // A folder cannot go into itself or below itself.
  if (parentId !== undefined && found.item.kind === 'folder') {
    if (parentId === found.item.id || findItem({ ...source, items: found.item.items }, parentId)) return undefined;
  }
  if (source.id === dest.id && parentId === removed.parentId && index === removed.index) return undefined;

  destination = insertItem(destination, parentId, removed.item, index);
  const changed = source.id === dest.id ? [destination] : [without, destination];
  return { changed, collections: collections.map((c) => changed.find((x) => x.id === c.id) ?? c) };
}

/** Moves an item one place up or down among its siblings; undefined at the edge. */
export function shiftItem(collection: Collection, itemId: string, step: -1 | 1): Collection | undefined {
  const found = findItem(collection, itemId);
  if (!found) return undefined;
  const siblings = found.folders.length ? (found.folders[found.folders.length - 1] as FolderNode).items : collection.items;
  const to = found.index + step;
  if (to < 0 || to >= siblings.length) return undefined;
  return withChildren(collection, found.parentId, (items) => {
    const next = [...items];
    [next[found.index], next[to]] = [next[to] as ItemNode, next[found.index] as ItemNode];
    return next;
  });
}

/** Moves an element of a list (collections' order) from one index to another. */
export function reorder<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length) return list;
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved as T);
  return next;
}

/**
 * Keeps what matches a query (case-insensitive, on request names and URLs, folder and collection names) and the
 * ancestors needed to reach it. A matching folder or collection keeps everything inside it. Empty query: all.
 */
export function filterCollections(collections: Collection[], query: string): Collection[] {
  const q = query.trim().toLowerCase();
  if (!q) return collections;
  const matches = (text: string) => text.toLowerCase().includes(q);
  const filterItems = (items: ItemNode[]): ItemNode[] => {
    const out: ItemNode[] = [];
    for (const item of items) {
      if (item.kind === 'request') {
        if (matches(item.name) || matches(item.url)) out.push(item);
      } else if (matches(item.name)) {
        out.push(item);
      } else {
        const kept = filterItems(item.items);
        if (kept.length) out.push({ ...item, items: kept });
      }
    }
    return out;
  };
  const out: Collection[] = [];
  for (const collection of collections) {
    if (matches(collection.name)) out.push(collection);
    else {
      const items = filterItems(collection.items);
      if (items.length) out.push({ ...collection, items });
    }
  }
  return out;
}

export function countItems(items: ItemNode[]): { requests: number; folders: number } {
  let requests = 0;
  let folders = 0;
  const walk = (list: ItemNode[]) => {
    for (const item of list) {
      if (item.kind === 'request') requests++;
      else {
        folders++;
        walk(item.items);
      }
    }
  };
  walk(items);
  return { requests, folders };
}

/** One visible line of the sidebar tree. */
export type TreeRow =
  | { kind: 'collection'; key: string; depth: 0; collection: Collection; expanded: boolean; count: number }
  | { kind: 'folder'; key: string; depth: number; collectionId: string; folder: FolderNode; expanded: boolean }
  | { kind: 'request'; key: string; depth: number; collectionId: string; request: RequestNode };

/**
 * The rows a tree shows, in order, for virtualized rendering. `isExpanded` decides per collection/folder key;
 * with `expandAll` (a filter is active) every container is open so every match is visible.
 */
export function flattenTree(collections: Collection[], isExpanded: (key: string) => boolean, expandAll = false): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (collectionId: string, items: ItemNode[], depth: number) => {
    for (const item of items) {
      const key = rowKey(collectionId, item.id);
      if (item.kind === 'request') rows.push({ kind: 'request', key, depth, collectionId, request: item });
      else {
        const expanded = expandAll || isExpanded(key);
        rows.push({ kind: 'folder', key, depth, collectionId, folder: item, expanded });
        if (expanded) walk(collectionId, item.items, depth + 1);
      }
    }
  };
  for (const collection of collections) {
    const key = rowKey(collection.id);
    const expanded = expandAll || isExpanded(key);
    rows.push({ kind: 'collection', key, depth: 0, collection, expanded, count: countItems(collection.items).requests });
    if (expanded) walk(collection.id, collection.items, 1);
  }
  return rows;
}

export function rowKey(collectionId: string, itemId?: string): string {
  return itemId === undefined ? `c:${collectionId}` : `i:${collectionId}:${itemId}`;
}

/** Every folder of a collection with its path ("Orders / Admin"), for pickers such as Save and Move to. */
export function folderPaths(collection: Collection): Array<{ id: string; path: string; depth: number }> {
  const out: Array<{ id: string; path: string; depth: number }> = [];
  const walk = (items: ItemNode[], prefix: string, depth: number) => {
    for (const item of items) {
      if (item.kind !== 'folder') continue;
      const path = prefix ? `${prefix} / ${item.name}` : item.name;
      out.push({ id: item.id, path, depth });
      walk(item.items, path, depth + 1);
    }
  };
  walk(collection.items, '', 0);
  return out;
}
