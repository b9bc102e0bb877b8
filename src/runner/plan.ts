// Which requests a run sends, in which order: the collection's own order (depth first, as the tree shows it),
// narrowed to the folders or items asked for. A name that selects nothing is an error, not an empty run.
import type { Collection, FolderNode, ItemNode, RequestDoc } from '../models/workspace';
import type { PlanStep } from './types';

export interface PlannedRequest extends PlanStep {
  doc: RequestDoc;
  /** The folders holding the request, outermost first. */
  folders: FolderNode[];
  source: Collection;
}

export interface Selection {
  /** Folder names or slash paths ("orders/admin"); a collection's name selects the whole collection. */
  folders?: string[];
  /** Folder or request ids (the app's tree selection). */
  itemIds?: string[];
}

export class PlanError extends Error {}

function walk(items: ItemNode[], folders: FolderNode[], visit: (item: ItemNode, folders: FolderNode[]) => boolean): void {
  for (const item of items) {
    if (!visit(item, folders) && item.kind === 'folder') walk(item.items, [...folders, item], visit);
  }
}

function requestsUnder(collection: Collection, items: ItemNode[], folders: FolderNode[], out: PlannedRequest[]): void {
  walk(items, folders, (item, around) => {
    if (item.kind !== 'request') return false;
    const { kind: _kind, ...doc } = item;
    out.push({
      collectionId: collection.id,
      collection: collection.name,
      requestId: item.id,
      name: item.name,
      path: around.map((f) => f.name),
      doc,
      folders: around,
      source: collection,
    });
    return true;
  });
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function planRun(collections: Collection[], selection: Selection = {}): PlannedRequest[] {
  const names = (selection.folders ?? []).map((n) => n.trim()).filter(Boolean);
  const ids = selection.itemIds ?? [];
  const out: PlannedRequest[] = [];
  if (names.length === 0 && ids.length === 0) {
    for (const collection of collections) requestsUnder(collection, collection.items, [], out);
    return out;
  }
  const matched = new Set<string>();
  for (const collection of collections) {
    if (names.some((n) => same(n, collection.name))) {
      names.filter((n) => same(n, collection.name)).forEach((n) => matched.add(n));
      requestsUnder(collection, collection.items, [], out);
      continue;
    }
    // A selected folder takes everything below it; its subfolders are not visited again.
    walk(collection.items, [], (item, around) => {
      const path = [...around, ...(item.kind === 'folder' ? [item] : [])].map((f) => f.name).join('/');
      const byName = item.kind === 'folder' ? names.filter((n) => same(n, item.name) || same(n, path)) : [];
      const byId = ids.includes(item.id);
      if (byName.length === 0 && !byId) return false;
      byName.forEach((n) => matched.add(n));
      if (byId) matched.add(`#${item.id}`);
      if (item.kind === 'folder') requestsUnder(collection, item.items, [...around, item], out);
      else requestsUnder(collection, [item], around, out);
      return true;
    });
  }
  const missing = [...names.filter((n) => !matched.has(n)), ...ids.filter((id) => !matched.has(`#${id}`))];
  if (missing.length > 0) {
    const known = collections.flatMap((c) => folderPaths(c.items, []));
    throw new PlanError(
      `No folder named ${missing.map((m) => `"${m}"`).join(', ')} in ${collections.map((c) => `"${c.name}"`).join(', ')}.` +
        (known.length ? ` Folders: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', …' : ''}.` : ' It has no folders.'),
    );
  }
  return out;
}

function folderPaths(items: ItemNode[], around: string[]): string[] {
  return items.flatMap((item) => (item.kind === 'folder' ? [[...around, item.name].join('/'), ...folderPaths(item.items, [...around, item.name])] : []));
}
