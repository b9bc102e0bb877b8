// The collection folders a user opened, newest first, kept in the app's own store: the only place an absolute path
// of a folder is written (never into the folder itself). folders:open accepts a path only from this list, so the
// renderer can reopen a folder it was shown but never name one of its own choosing. `open` marks the folders that
// were open when the app last ran; they are opened again at start.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { StoreBackend } from './workspaceStore';

const KEY = 'recentFolders';
export const RECENT_LIMIT = 20;

export interface RecentFolder {
  folderId: string;
  /** The folder's own name, for the sidebar. */
  name: string;
  /** Absolute path (its real path), shown as a tooltip and used to reopen. */
  path: string;
  open: boolean;
}

/** A folder's id: a hash of its real path, stable across runs, telling nothing of the path itself. */
export const folderIdOf = (realPath: string) => `folder-${createHash('sha256').update(realPath).digest('hex').slice(0, 16)}`;

export function createRecentFolders(backend: StoreBackend) {
  const list = (): RecentFolder[] => {
    const raw = backend.get(KEY);
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (r): r is RecentFolder => !!r && typeof r === 'object' && typeof r.folderId === 'string' && typeof r.path === 'string' && typeof r.name === 'string',
    ).map((r) => ({ ...r, open: r.open === true }));
  };
  const save = (entries: RecentFolder[]) => backend.set(KEY, entries.slice(0, RECENT_LIMIT));
  return {
    list,
    /** Puts a folder first (opened now). */
    opened(realPath: string): RecentFolder {
      const entry: RecentFolder = { folderId: folderIdOf(realPath), name: path.basename(realPath) || realPath, path: realPath, open: true };
      save([entry, ...list().filter((r) => r.folderId !== entry.folderId)]);
      return entry;
    },
    setOpen(folderId: string, open: boolean): void {
      const entries = list();
      if (entries.some((r) => r.folderId === folderId && r.open !== open)) save(entries.map((r) => (r.folderId === folderId ? { ...r, open } : r)));
    },
    /** The entry whose path is exactly this, if the user opened it before. */
    byPath(p: string): RecentFolder | undefined {
      return list().find((r) => r.path === p);
    },
  };
}
