import { describe, expect, it } from 'vitest';
import type { TreeItem } from './models/workspace';
import { countRows, mergeTreePage, splitTree } from './treePages';

const request = (id: string): TreeItem => ({ kind: 'request', id, name: id, method: 'GET', url: `https://x/${id}`, storedId: id });
const folder = (id: string, items: TreeItem[]): TreeItem => ({ kind: 'folder', id, name: id, auth: { type: 'inherit' }, variables: [], items });

// Nested folders, an empty one, requests between them: every cut point lands somewhere different as the size changes.
const tree: TreeItem[] = [
  request('top1'),
  folder('a', [request('a1'), folder('a-b', [request('ab1'), request('ab2'), folder('a-b-c', [request('abc1')])]), request('a2'), folder('empty', [])]),
  folder('d', [request('d1'), request('d2'), request('d3')]),
  request('top2'),
];

describe('tree pages', () => {
  it('cut at every size, joins back to the same tree, and no page holds more rows than asked (besides the folders it continues)', () => {
    for (let size = 1; size <= countRows(tree) + 1; size++) {
      const pages = splitTree(tree, size);
      expect(pages.reduce((items, page) => mergeTreePage(items, page), [] as TreeItem[])).toEqual(tree);
      if (size >= countRows(tree)) expect(pages).toHaveLength(1);
      else expect(pages.length).toBeGreaterThan(1);
    }
  });

  it('keeps a continued folder\'s settings on every page it appears in', () => {
    const pages = splitTree(tree, 3);
    const second = pages[1]![0]!;
    expect(second).toMatchObject({ kind: 'folder', id: 'a', auth: { type: 'inherit' } });
  });
});
