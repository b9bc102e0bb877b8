// Ids of a folder-backed collection as the app sees them. The folder layout derives ids from paths (its files carry
// none), so two open folders holding `collections/api/` would give the same collection id: the app's ids are
// namespaced by folder with a stable hash, the same at every start (open tabs keep pointing at their collection).
import { createHash } from 'node:crypto';

/** The app's id for a collection or environment of a folder: stable across runs, unique across folders. */
export function appIdOf(folderId: string, kind: 'collection' | 'environment', fileId: string): string {
  return `f${kind === 'collection' ? 'c' : 'e'}-${createHash('sha256').update(`${folderId}\u0000${kind}\u0000${fileId}`).digest('hex').slice(0, 32)}`;
}
