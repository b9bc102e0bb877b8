// Saving a tab back over the request it was opened from: the collection is rewritten with that one request
// replaced where it stands, wherever it is nested, and saved whole (collections:save writes one tree atomically;
// the other requests travel as summaries, whose documents main keeps).
import type { CollectionSummary, RequestDoc, TreeItem } from '../../src/models/workspace';

function replaceIn(items: TreeItem[], requestId: string, doc: RequestDoc): { items: TreeItem[]; found: boolean } {
  let found = false;
  const next = items.map((item): TreeItem => {
    if (found) return item;
    if (item.kind === 'request' && item.id === requestId) {
      found = true;
      return { ...doc, id: requestId, kind: 'request' };
    }
    if (item.kind === 'folder') {
      const inner = replaceIn(item.items, requestId, doc);
      if (inner.found) {
        found = true;
        return { ...item, items: inner.items };
      }
    }
    return item;
  });
  return { items: found ? next : items, found };
}

/** The collection with the request replaced, or undefined when the request is no longer in it. */
export function replaceRequest(collection: CollectionSummary, requestId: string, doc: RequestDoc): CollectionSummary | undefined {
  const { items, found } = replaceIn(collection.items, requestId, doc);
  return found ? { ...collection, items } : undefined;
}

/** A saved request as a plain document for a tab (the tree's "kind" tag removed). */
export function toDoc(node: RequestDoc & { kind?: string }): RequestDoc {
  const { kind: _kind, ...doc } = node;
  return doc;
}
