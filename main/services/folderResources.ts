// Files that belong to an item but that RoleCall does not read or write: Postman's saved examples of a request
// (`<dir>/.resources/<stem>.resources/examples/*.example.yaml`) and anything else under a folder's `.resources`.
// A confirmed deletion of the item takes them too (else they linger as orphans a teammate must clean up). They are
// kept in memory by the item's id, so the undo that writes the item again puts them back beside it, under the
// stem it is written with then. A renamed or moved item takes them along.
import type { FolderFiles, FolderMeta } from '../../src/formats/folderLayout';
import { LINK_TEXT, readCurrent, removeFile, writeFileAtomic } from './folderWrite';

/** Removed resource files by item key (placements), with the path the item had. */
export type ResourceStash = Map<string, { path: string; files: FolderFiles }>;

/** Every item's path by key: a collection's directory under its id, an item's file or directory under `id/itemId`. */
export function placements(meta: FolderMeta): Map<string, string> {
  const out = new Map<string, string>();
  for (const [collectionId, placed] of Object.entries(meta.collections)) {
    out.set(collectionId, placed.dir);
    for (const [itemId, item] of Object.entries(placed.items)) out.set(`${collectionId}/${itemId}`, item.path);
  }
  return out;
}

const REQUEST_FILE = /^(.*\/)?([^/]+)\.request\.ya?ml$/;

/** Where an item's resource files live: a request's own `.resources/<stem>.resources/`, or a folder's directory. */
function resourcePrefix(itemPath: string): string {
  const request = REQUEST_FILE.exec(itemPath);
  return request ? `${request[1] ?? ''}.resources/${request[2]}.resources/` : `${itemPath}/`;
}

/** The files on disk that go with the item at `itemPath`, leaving out what the layout writes and `keep`. */
export function resourcesOf(itemPath: string, disk: FolderFiles, keep: (path: string) => boolean): string[] {
  const prefix = resourcePrefix(itemPath);
  const isRequest = REQUEST_FILE.test(itemPath);
  return Object.keys(disk)
    .filter((p) => p.startsWith(prefix) && (isRequest || p.slice(prefix.length).split('/').includes('.resources')) && !keep(p))
    .sort();
}

/**
 * Removes the resource files of the items in `before` that `after` no longer has, as they are now on disk, keeping
 * each text in `stash`; returns the paths removed. Deepest items first, so a request keeps its own examples even
 * when its folder went too.
 */
export async function removeResources(root: string, before: FolderMeta, after: FolderMeta, disk: FolderFiles, keep: (path: string) => boolean, stash: ResourceStash): Promise<string[]> {
  const now = placements(after);
  const gone = [...placements(before)].filter(([key]) => !now.has(key)).sort((a, b) => b[1].length - a[1].length);
  const removed: string[] = [];
  for (const [key, itemPath] of gone) {
    const files: FolderFiles = {};
    for (const p of resourcesOf(itemPath, disk, keep)) {
      if (removed.includes(p)) continue;
      const text = await readCurrent(root, p);
      if (text === undefined || text === LINK_TEXT) continue; // A link is not ours to remove.
      files[p] = text;
      await removeFile(root, p);
      removed.push(p);
    }
    if (Object.keys(files).length) stash.set(key, { path: itemPath, files });
  }
  return removed;
}

/**
 * Moves the resource files of items `after` places elsewhere than `before` (a renamed request, a renamed or moved
 * folder), so examples stay beside their request; deepest items first, never over a file on disk. Returns what was
 * removed and what was written.
 */
export async function moveResources(root: string, before: FolderMeta, after: FolderMeta, disk: FolderFiles, keep: (path: string) => boolean): Promise<{ removed: string[]; written: FolderFiles }> {
  const now = placements(after);
  const moved = [...placements(before)].filter(([key, p]) => now.has(key) && now.get(key) !== p).sort((a, b) => b[1].length - a[1].length);
  const removed: string[] = [];
  const written: FolderFiles = {};
  for (const [key, oldPath] of moved) {
    const from = resourcePrefix(oldPath);
    const to = resourcePrefix(now.get(key)!);
    for (const p of resourcesOf(oldPath, disk, keep)) {
      if (removed.includes(p)) continue;
      const text = await readCurrent(root, p);
      const target = to + p.slice(from.length);
      if (text === undefined || text === LINK_TEXT || (await readCurrent(root, target)) !== undefined) continue;
      await writeFileAtomic(root, target, text);
      await removeFile(root, p);
      written[target] = text;
      removed.push(p);
    }
  }
  return { removed, written };
}

/** Writes back the stashed files of items `after` has again, beside where each is now; never over a file on disk. */
export async function restoreResources(root: string, after: FolderMeta, stash: ResourceStash): Promise<FolderFiles> {
  const now = placements(after);
  const restored: FolderFiles = {};
  for (const [key, kept] of [...stash]) {
    const itemPath = now.get(key);
    if (itemPath === undefined) continue;
    stash.delete(key);
    const from = resourcePrefix(kept.path);
    const to = resourcePrefix(itemPath);
    for (const [p, text] of Object.entries(kept.files)) {
      const target = to + p.slice(from.length);
      if ((await readCurrent(root, target)) !== undefined) continue;
      await writeFileAtomic(root, target, text);
      restored[target] = text;
    }
  }
  return restored;
}
