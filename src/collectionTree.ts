// Pure operations on collection trees (collections → folders → requests). Every function returns new objects and
// leaves its input untouched, so the sidebar can update optimistically and undo by putting the old value back.
// Ids are made by a caller-supplied function: this module stays free of any platform API and tests stay exact.
// The sidebar holds collections as their light tree (CollectionSummary: requests are summaries), so these work on
// the tree types; a full Collection is one too.
import type { CollectionSummary, FolderSummary, ItemNode, RequestNode, RequestSummary, TreeItem } from './models/workspace';

export type Container = CollectionSummary | FolderSummary;

export interface Found {
  item: TreeItem;
  /** Ancestor folders, outermost first (the item itself is not included). */
  folders: FolderSummary[];
  /** The folder holding the item, or undefined at the collection's top level. */
  parentId: string | undefined;
  index: number;
}

/** Finds an item anywhere in a collection. */
export function findItem(collection: CollectionSummary, itemId: string): Found | undefined {
  const walk = (items: TreeItem[], folders: FolderSummary[]): Found | undefined => {
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as TreeItem;
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
function withChildren(collection: CollectionSummary, parentId: string | undefined, change: (items: TreeItem[]) => TreeItem[]): CollectionSummary {
  if (parentId === undefined) return { ...collection, items: change(collection.items) };
  let hit = false;
  const walk = (items: TreeItem[]): TreeItem[] =>
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
export function insertItem(collection: CollectionSummary, parentId: string | undefined, item: TreeItem, index?: number): CollectionSummary {
  return withChildren(collection, parentId, (items) => {
    const at = index === undefined ? items.length : Math.max(0, Math.min(index, items.length));
    return [...items.slice(0, at), item, ...items.slice(at)];
  });
}

/** Replaces one item by id through `change`. */
export function updateItem(collection: CollectionSummary, itemId: string, change: (item: TreeItem) => TreeItem): CollectionSummary {
  const found = findItem(collection, itemId);
  if (!found) throw new Error(`No item ${itemId} in collection ${collection.id}`);
  return withChildren(collection, found.parentId, (items) => items.map((item) => (item.id === itemId ? change(item) : item)));
}

export function renameItem(collection: CollectionSummary, itemId: string, name: string): CollectionSummary {
  return updateItem(collection, itemId, (item) => ({ ...item, name }));
}

/**
 * A deep copy with fresh ids for every item (and every key/value row, which also carry ids). A request summary's
 * copy keeps the `storedId` it stands for, so collections:save gives the copy that saved document.
 */
export function cloneItem(item: ItemNode, newId: () => string): ItemNode;
export function cloneItem(item: TreeItem, newId: () => string): TreeItem;
export function cloneItem(item: TreeItem, newId: () => string): TreeItem {
  if (item.kind === 'request') return 'body' in item ? cloneRequest(item as RequestNode, newId) : { ...item, id: newId() };
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
export function duplicateItem(collection: CollectionSummary, itemId: string, newId: () => string): { collection: CollectionSummary; copy: TreeItem } {
  const found = findItem(collection, itemId);
  if (!found) throw new Error(`No item ${itemId} in collection ${collection.id}`);
  const copy = { ...cloneItem(found.item, newId), name: copyName(found.item.name) };
  return { collection: insertItem(collection, found.parentId, copy, found.index + 1), copy };
}

/** A whole collection copied with fresh ids throughout. */
export function duplicateCollection(collection: CollectionSummary, newId: () => string): CollectionSummary {
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
  item: TreeItem;
  parentId: string | undefined;
  index: number;
}

export function removeItem(collection: CollectionSummary, itemId: string): { collection: CollectionSummary; removed: Removed } {
  const found = findItem(collection, itemId);
  if (!found) throw new Error(`No item ${itemId} in collection ${collection.id}`);
  const next = withChildren(collection, found.parentId, (items) => items.filter((item) => item.id !== itemId));
  return { collection: next, removed: { collectionId: collection.id, item: found.item, parentId: found.parentId, index: found.index } };
}

/** Undoes removeItem. If the parent folder has since gone too, the item goes back to the top level. */
export function restoreItem(collection: CollectionSummary, removed: Removed): CollectionSummary {
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
  changed: CollectionSummary[];
  collections: CollectionSummary[];
}

/**
 * Moves an item within or across collections. Returns undefined when the move is impossible or a no-op: a folder
 * into itself or its own descendants, an unknown id.
 */
export function moveItem(collections: CollectionSummary[], from: { collectionId: string; itemId: string }, target: MoveTarget): MoveResult | undefined {
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
export function shiftItem(collection: CollectionSummary, itemId: string, step: -1 | 1): CollectionSummary | undefined {
  const found = findItem(collection, itemId);
  if (!found) return undefined;
  const siblings = found.folders.length ? (found.folders[found.folders.length - 1] as FolderSummary).items : collection.items;
  const to = found.index + step;
  if (to < 0 || to >= siblings.length) return undefined;
  return withChildren(collection, found.parentId, (items) => {
    const next = [...items];
    [next[found.index], next[to]] = [next[to] as TreeItem, next[found.index] as TreeItem];
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

/** A request's name and URL lowercased once per tree object (trees are never changed in place), not per keystroke. */
const lowered = new WeakMap<RequestSummary, string>();
function searchText(request: RequestSummary): string {
  let text = lowered.get(request);
  if (text === undefined) {
    // A line break cannot be typed into the filter box, so no query matches across the two.
    text = `${request.name}\n${request.url}`.toLowerCase();
    lowered.set(request, text);
  }
  return text;
}

/** Lowercases every request's search text ahead of the first keystroke (the sidebar calls it while idle). */
export function prepareFilter(collections: CollectionSummary[]): void {
  const walk = (items: TreeItem[]) => {
    for (const item of items) {
      if (item.kind === 'request') searchText(item);
      else walk(item.items);
    }
  };
  for (const collection of collections) walk(collection.items);
}

/**
 * Keeps what matches a query (case-insensitive, on request names and URLs, folder and collection names) and the
 * ancestors needed to reach it. A matching folder or collection keeps everything inside it. Empty query: all.
 */
export function filterCollections(collections: CollectionSummary[], query: string): CollectionSummary[] {
  const q = query.trim().toLowerCase();
  if (!q) return collections;
  const matches = (text: string) => text.toLowerCase().includes(q);
  const filterItems = (items: TreeItem[]): TreeItem[] => {
    const out: TreeItem[] = [];
    for (const item of items) {
      if (item.kind === 'request') {
        if (searchText(item).includes(q)) out.push(item);
      } else if (matches(item.name)) {
        out.push(item);
      } else {
        const kept = filterItems(item.items);
        if (kept.length) out.push({ ...item, items: kept });
      }
    }
    return out;
  };
  const out: CollectionSummary[] = [];
  for (const collection of collections) {
    if (matches(collection.name)) out.push(collection);
    else {
      const items = filterItems(collection.items);
      if (items.length) out.push({ ...collection, items });
    }
  }
  return out;
}

export function countItems(items: TreeItem[]): { requests: number; folders: number } {
  let requests = 0;
  let folders = 0;
  const walk = (list: TreeItem[]) => {
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
  | { kind: 'collection'; key: string; depth: 0; collection: CollectionSummary; expanded: boolean; count: number }
  | { kind: 'folder'; key: string; depth: number; collectionId: string; folder: FolderSummary; expanded: boolean }
  | { kind: 'request'; key: string; depth: number; collectionId: string; request: RequestSummary };

/** A request's row, made once per tree object and place: a filter keystroke over 50,000 rows then makes few new ones. */
const requestRows = new WeakMap<RequestSummary, Extract<TreeRow, { kind: 'request' }>>();
function requestRow(request: RequestSummary, collectionId: string, depth: number): TreeRow {
  const known = requestRows.get(request);
  if (known && known.collectionId === collectionId && known.depth === depth) return known;
  const row = { kind: 'request' as const, key: rowKey(collectionId, request.id), depth, collectionId, request };
  requestRows.set(request, row);
  return row;
}

/**
 * The rows a tree shows, in order, for virtualized rendering. `isExpanded` decides per collection/folder key;
 * with `expandAll` (a filter is active) every container is open so every match is visible.
 */
export function flattenTree(collections: CollectionSummary[], isExpanded: (key: string) => boolean, expandAll = false): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (collectionId: string, items: TreeItem[], depth: number) => {
    for (const item of items) {
      if (item.kind === 'request') {
        rows.push(requestRow(item, collectionId, depth));
        continue;
      }
      const key = rowKey(collectionId, item.id);
      const expanded = expandAll || isExpanded(key);
      rows.push({ kind: 'folder', key, depth, collectionId, folder: item, expanded });
      if (expanded) walk(collectionId, item.items, depth + 1);
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
export function folderPaths(collection: CollectionSummary): Array<{ id: string; path: string; depth: number }> {
  const out: Array<{ id: string; path: string; depth: number }> = [];
  const walk = (items: TreeItem[], prefix: string, depth: number) => {
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
