// Main's half of the paged tree (src/treePages.ts): workspace:load hands out each big collection's first page and
// holds the rest, under the load's id, until collections:page has served them. The pages are cut from the tree as
// it was at that load, so a collection saved meanwhile cannot mix two versions into one tree; the window saves a
// collection only once all its pages are in. A saved tree's pages are cut once and kept with it (the store hands out
// the same tree until the collection is saved again, summaryCache.ts), so a reload does not cut them again.
import { randomUUID } from 'node:crypto';
import { appError } from '../../src/errors';
import type { CollectionSummary, TreeItem, TreePages } from '../../src/models/workspace';
import { countRows, splitTree, TREE_PAGE_ROWS } from '../../src/treePages';
import { isSavedTree } from './summaryCache';

/** Loads whose pages are still held (a second window or a reload may start another before the first is done). */
const LOADS_KEPT = 4;

export function createTreePaging(rows = TREE_PAGE_ROWS) {
  const loads = new Map<string, Map<string, TreeItem[][]>>();
  /** A saved tree's pages (undefined: small enough for one), by the tree's items array; any other tree is cut each time. */
  const cut = new WeakMap<TreeItem[], TreeItem[][] | undefined>();
  const pagesOf = (items: TreeItem[]): TreeItem[][] | undefined => {
    if (cut.has(items)) return cut.get(items);
    const pages = countRows(items) <= rows ? undefined : splitTree(items, rows);
    if (isSavedTree(items)) cut.set(items, pages);
    return pages;
  };

  return {
    /** The collections with each big one cut to its first page and told how many pages it has. */
    firstPages<C extends CollectionSummary>(collections: C[]): Array<C & { pages?: TreePages }> {
      const load = randomUUID();
      const held = new Map<string, TreeItem[][]>();
      const out = collections.map((c) => {
        const pages = pagesOf(c.items);
        if (!pages) return c;
        held.set(c.id, pages);
        return { ...c, items: pages[0]!, pages: { count: pages.length, load } };
      });
      if (held.size) {
        loads.set(load, held);
        for (const key of loads.keys()) if (loads.size > LOADS_KEPT) loads.delete(key);
      }
      return out;
    },

    /** One held page; the load's pages are let go once its collections' last pages have been asked for. */
    page(id: string, load: string, page: number): TreeItem[] {
      const held = loads.get(load);
      const pages = held?.get(id);
      const items = pages?.[page];
      if (!held || !pages || !items) throw appError('INVALID_INPUT', 'That part of the collection tree is no longer held; reload the window.', `${id} page ${page}`);
      if (page === pages.length - 1) held.delete(id);
      if (held.size === 0) loads.delete(load);
      return items;
    },
  };
}
