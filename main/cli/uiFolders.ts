// `rolecall ui --folder PATH`: browser mode has no native folder dialog, and a page must never name a path for main
// to read, so the user chooses collection folders on the command line instead. Each is checked before the server
// starts, then recorded as opened in the recent list, exactly as the desktop dialog records a choice: the app opens
// it at start (folders.restore) and it stays reopenable by name from the sidebar afterwards.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { appError } from '../../src/errors';
import { createRecentFolders } from '../services/recentFolders';
import type { StoreBackend } from '../services/workspaceStore';

/** The real paths of the --folder values (relative to `cwd`), in the order given; INVALID_INPUT names a bad one. */
export function uiFolders(values: readonly string[] | undefined, cwd: string): string[] {
  const real: string[] = [];
  for (const value of values ?? []) {
    if (!value.trim()) throw appError('INVALID_INPUT', '--folder takes the path of a collection folder, not an empty value.');
    const absolute = path.resolve(cwd, value);
    let resolved: string;
    try {
      resolved = realpathSync(absolute);
    } catch {
      throw appError('INVALID_INPUT', `--folder ${value}: there is no folder at ${absolute}.`);
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(resolved).isDirectory();
    } catch {
      throw appError('INVALID_INPUT', `--folder ${value}: ${absolute} cannot be read.`);
    }
    if (!isDirectory) throw appError('INVALID_INPUT', `--folder ${value}: ${absolute} is a file, not a folder.`);
    if (!real.includes(resolved)) real.push(resolved);
  }
  return real;
}

/** Records the folders as the user's choice, open now; the first one given ends up first in the recent list. */
export function markFoldersOpen(backend: StoreBackend, realPaths: readonly string[]): void {
  const recent = createRecentFolders(backend);
  for (const real of [...realPaths].reverse()) recent.opened(real);
}
