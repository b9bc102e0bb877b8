import { describe, expect, it } from 'vitest';
import { folderEntry, readDroppedFolder, type Entry } from './droppedFolder';

type Tree = { [name: string]: string | Tree };

/** A directory entry as the browser gives it, readEntries in batches of two, then an empty batch. */
function dir(name: string, tree: Tree): Entry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      const children: Entry[] = Object.entries(tree).map(([child, value]) =>
        typeof value === 'string' ? { name: child, isFile: true, isDirectory: false, file: (ok) => ok(new File([value], child)) } : dir(child, value),
      );
      return { readEntries: (ok) => ok(children.splice(0, 2)) };
    },
  };
}

describe('a folder dropped on the sidebar', () => {
  it('is read as relative paths and texts, hidden folders and other files left alone, .resources kept', async () => {
    const read = await readDroppedFolder(
      dir('api', {
        collections: { Shop: { 'get.request.yaml': 'url: x', '.resources': { 'definition.yaml': '$kind: collection' } } },
        '.git': { config: 'secret-ish' },
        node_modules: { 'x.json': '{}' },
        'logo.png': 'png',
        'c.postman_collection.json': '{}',
      }),
    );
    expect(read).toEqual({
      folder: {
        name: 'api',
        files: [
          { path: 'c.postman_collection.json', text: '{}' },
          { path: 'collections/Shop/.resources/definition.yaml', text: '$kind: collection' },
          { path: 'collections/Shop/get.request.yaml', text: 'url: x' },
        ],
      },
    });
  });

  it('stops at its limits with a problem that points to "Open folder…"', async () => {
    const many = dir('big', Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.json`, '{}'])));
    expect(await readDroppedFolder(many, { files: 3, chars: 1000, depth: 4, entries: 100 })).toEqual({ problem: expect.stringMatching(/more than 3 files.*Open folder/) });
    const large = dir('large', { 'a.json': 'x'.repeat(600), 'b.json': 'y'.repeat(600) });
    expect(await readDroppedFolder(large, { files: 10, chars: 1000, depth: 4, entries: 100 })).toEqual({ problem: expect.stringMatching(/MiB/) });
    expect(await readDroppedFolder(dir('empty', { 'a.png': 'x' }))).toEqual({ problem: expect.stringMatching(/no .json/) });
  });

  it('is told from a dropped file by its entry', () => {
    const folder = dir('api', {});
    expect(folderEntry([{ webkitGetAsEntry: () => folder }])).toBe(folder);
    expect(folderEntry([{ webkitGetAsEntry: () => ({ name: 'a.json', isFile: true, isDirectory: false }) }])).toBeUndefined();
    expect(folderEntry([{ webkitGetAsEntry: () => folder }, { webkitGetAsEntry: () => folder }])).toBeUndefined();
  });
});
