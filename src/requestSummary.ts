// The light tree workspace:load sends (RequestSummary in models/workspace.ts) and the way back: a summary's
// document is found again by the id it was saved under. Pure, so main's store, the folders service and the tests
// share it.
import type { Collection, CollectionSummary, FolderNode, ItemNode, RequestNode, TreeItem } from './models/workspace';

function summarizeItems(items: ItemNode[]): TreeItem[] {
  return items.map((item): TreeItem => {
    if (item.kind === 'request') return { kind: 'request', id: item.id, name: item.name, method: item.method, url: item.url, storedId: item.id };
    const { items: inner, ...folder } = item;
    // Folder settings are small and the renderer may keep them: copied, so no one shares the store's objects.
    return { ...structuredClone(folder), items: summarizeItems(inner) };
  });
}

/** The collection with every request reduced to its summary; a new object, sharing nothing with `collection`. */
export function summarizeCollection<C extends Collection>(collection: C): Omit<C, 'items'> & CollectionSummary {
  const { items, ...rest } = collection;
  return { ...structuredClone(rest), items: summarizeItems(items) };
}

/** Every request of a collection by id, with the folders around it (outermost first). */
export function requestIndex(collection: Pick<Collection, 'items'>): Map<string, { request: RequestNode; folders: FolderNode[] }> {
  const index = new Map<string, { request: RequestNode; folders: FolderNode[] }>();
  const walk = (items: ItemNode[], folders: FolderNode[]) => {
    for (const item of items) {
      if (item.kind === 'request') index.set(item.id, { request: item, folders });
      else walk(item.items, [...folders, item]);
    }
  };
  walk(collection.items, []);
  return index;
}

/** The request with this id in a collection, or undefined (depth first, stops at the first found). */
export function findRequestNode(items: ItemNode[], requestId: string): RequestNode | undefined {
  for (const item of items) {
    if (item.kind === 'request') {
      if (item.id === requestId) return item;
    } else {
      const found = findRequestNode(item.items, requestId);
      if (found) return found;
    }
  }
  return undefined;
}
