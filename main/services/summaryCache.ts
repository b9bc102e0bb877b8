// The light tree (src/requestSummary.ts) of each saved collection, made once per saved version and handed to every
// load: summarising a 50,000-request collection costs milliseconds of main's thread on each workspace:load (and on
// each history or import read of the workspace) although it changes only when the collection is saved. The store
// replaces a collection's object on every save, so a summary is keyed by that object and a saved change makes a new
// one. Every caller shares it, so it is only for reading (as peekCollection's collection is): it is not frozen,
// because freezing 50,000 summaries costs more of main's thread (~150 ms) than summarising them.
import type { Collection, CollectionSummary, TreeItem } from '../../src/models/workspace';
import { summarizeCollection } from '../../src/requestSummary';

/** Trees made here: they do not change while a load holds them, so their pages may be kept too (treePaging.ts). */
const savedTrees = new WeakSet<TreeItem[]>();

export function isSavedTree(items: TreeItem[]): boolean {
  return savedTrees.has(items);
}

export function createSummaryCache() {
  const made = new WeakMap<Collection, CollectionSummary>();
  return (collection: Collection): CollectionSummary => {
    let summary = made.get(collection);
    if (!summary) {
      summary = summarizeCollection(collection);
      made.set(collection, summary);
      savedTrees.add(summary.items);
    }
    return summary;
  };
}
