// A big collection's tree crosses in pages, so no single message (and no single task in the page parsing it) grows
// with the workspace: workspace:load carries the first page and collections:page the rest. A page is a partial
// tree in the tree's own order; a folder split across pages appears again at the head of the next page (same id and
// settings, the items that follow), and mergeTreePage joins it to the folder that ended the tree so far.
import type { FolderSummary, TreeItem } from './models/workspace';

/** Rows (folders and requests) per page: a few hundred kilobytes of JSON. */
export const TREE_PAGE_ROWS = 4000;

export function countRows(items: TreeItem[]): number {
  let rows = 0;
  for (const item of items) rows += item.kind === 'folder' ? 1 + countRows(item.items) : 1;
  return rows;
}

/** The tree cut into pages of at most `size` rows each (plus the folders a page continues); one page when small. */
export function splitTree(items: TreeItem[], size = TREE_PAGE_ROWS): TreeItem[][] {
  const pages: TreeItem[][] = [];
  let page: TreeItem[] = [];
  let used = 0;
  // The open folders of the current page by depth (path[d] holds items at depth d + 1).
  let path: FolderSummary[] = [];
  const walk = (list: TreeItem[], depth: number, ancestors: FolderSummary[]) => {
    for (const item of list) {
      if (used >= size) {
        pages.push(page);
        page = [];
        used = 0;
        path = [];
        let container = page;
        for (const folder of ancestors) {
          const copy: FolderSummary = { ...folder, items: [] };
          container.push(copy);
          path.push(copy);
          container = copy.items;
        }
      }
      const container = depth === 0 ? page : path[depth - 1]!.items;
      used++;
      if (item.kind === 'request') container.push(item);
      else {
        const copy: FolderSummary = { ...item, items: [] };
        container.push(copy);
        path[depth] = copy;
        path.length = depth + 1;
        walk(item.items, depth + 1, [...ancestors, item]);
      }
    }
  };
  walk(items, 0, []);
  pages.push(page);
  return pages;
}

/** The tree so far with the next page joined on (a folder continued from the last page takes its items). */
export function mergeTreePage(items: TreeItem[], page: TreeItem[]): TreeItem[] {
  const [first, ...rest] = page;
  const last = items[items.length - 1];
  if (first?.kind === 'folder' && last?.kind === 'folder' && last.id === first.id) {
    return [...items.slice(0, -1), { ...last, items: mergeTreePage(last.items, first.items) }, ...rest];
  }
  return [...items, ...page];
}
