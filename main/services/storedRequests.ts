// collections:save takes the sidebar's light tree (RequestSummary): a request node with `storedId` stands for the
// saved document of that id, which is put back in its place here (with the summary's id, name, method and URL)
// before the collection is written. Looked up in
// the saved version of the same collection first (a rename, a reorder, a duplicate within it), then in documents
// this run removed from a collection (an undo of a delete, the first half of a move between collections), then in
// every other saved collection (a move whose target is written before its source). A summary whose document is
// nowhere is refused, so nothing is ever saved as an empty request in its place.
import { appError } from '../../src/errors';
import type { Collection, ItemNode, RequestNode } from '../../src/models/workspace';
import { requestIndex } from '../../src/requestSummary';

/** Documents removed by saves and deletes kept for this run (oldest go first): enough for undo and moves. */
export const DROPPED_LIMIT = 100_000;

type Index = Map<string, { request: RequestNode }>;

function hasSummaries(items: ItemNode[]): boolean {
  return items.some((item) => (item.kind === 'request' ? item.storedId !== undefined : hasSummaries(item.items)));
}

export function createStoredRequests(limit = DROPPED_LIMIT) {
  const dropped = new Map<string, RequestNode>();

  return {
    /**
     * The collection with each summary replaced by its document, with what the summary shows (id, name, method, URL)
     * taken from the summary, as the user sees it; the same object
     * when it has none. `saved` is the collection as stored now; `others` the rest of the saved collections.
     */
    resolve(collection: Collection, saved: Collection | undefined, others: () => Iterable<Collection>): Collection {
      if (!hasSummaries(collection.items)) return collection;
      const own: Index = saved ? requestIndex(saved) : new Map();
      let elsewhere: Index | undefined;
      const lookup = (id: string): RequestNode | undefined => {
        const found = own.get(id)?.request ?? dropped.get(id);
        if (found) return found;
        if (!elsewhere) {
          elsewhere = new Map();
          for (const c of others()) if (c.id !== collection.id) for (const [k, v] of requestIndex(c)) if (!elsewhere.has(k)) elsewhere.set(k, v);
        }
        return elsewhere.get(id)?.request;
      };
      const resolveItems = (items: ItemNode[]): ItemNode[] =>
        items.map((item): ItemNode => {
          if (item.kind === 'folder') return { ...item, items: resolveItems(item.items) };
          if (item.storedId === undefined) return item;
          const doc = lookup(item.storedId);
          if (!doc) {
            throw appError(
              'INVALID_INPUT',
              `The request “${item.name}” is no longer saved anywhere, so the collection was not saved (nothing was changed). Reload the window to see the collections as they are saved.`,
              item.storedId,
            );
          }
          // Unchanged in place (same id, name, method and URL): the saved document itself, not a copy, so the store
          // sees at once that it did not change and writes nothing for it (collectionJournal.ts). Only read.
          if (item.storedId === item.id && own.get(item.id)?.request === doc && doc.name === item.name && doc.method === item.method && doc.url === item.url && doc.storedId === undefined) {
            return doc;
          }
          const { storedId: _storedId, ...copy } = structuredClone(doc);
          return { ...copy, kind: 'request', id: item.id, name: item.name, method: item.method, url: item.url };
        });
      return { ...collection, items: resolveItems(collection.items) };
    },

    /** Keeps the documents `before` held that `after` does not (all of them when the collection was deleted). */
    remember(before: Collection | undefined, after: Collection | undefined): void {
      if (!before) return;
      const kept = after ? requestIndex(after) : new Map();
      for (const [id, { request }] of requestIndex(before)) {
        if (kept.has(id)) continue;
        dropped.delete(id);
        dropped.set(id, request);
      }
      for (const id of dropped.keys()) {
        if (dropped.size <= limit) break;
        dropped.delete(id);
      }
    },
  };
}

export type StoredRequests = ReturnType<typeof createStoredRequests>;
