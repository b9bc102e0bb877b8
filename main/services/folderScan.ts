// Reads an opened collection folder, bounded: only `*.yaml` files under collections/ and environments/, at most
// FOLDER_LIMITS.files files and FOLDER_LIMITS.bytes bytes, and never through a link that leads out of the folder
// (a repository may hold a link to /etc/passwd or to a home directory; a link that stays inside is read as the
// file it names). What is skipped is reported as a problem, so the user sees why a file did not load.
import { Buffer } from 'node:buffer';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FolderFiles, FolderProblem } from '../../src/formats/folderLayout';

export const FOLDER_LIMITS = { files: 5000, fileBytes: 2 * 1024 * 1024, bytes: 64 * 1024 * 1024, depth: 32 };

/** The two folders of the layout that RoleCall reads and writes; nothing else in a repository is touched. */
export const FOLDER_TOPS = ['collections', 'environments'] as const;

export interface FolderScan {
  files: FolderFiles;
  problems: FolderProblem[];
}

const inside = (root: string, target: string) => target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/**
 * A relative POSIX path that a write may touch: under collections/ or environments/, a `.yaml` file, no `..`, no
 * absolute path, no backslash. Anything else (a bug in a format, a hostile meta) is refused before any I/O.
 */
export function isFolderFilePath(rel: string): boolean {
  if (!rel.endsWith('.yaml') || rel.includes('\\') || rel.includes('\0') || rel.startsWith('/')) return false;
  const parts = rel.split('/');
  if (!(FOLDER_TOPS as readonly string[]).includes(parts[0]!) || parts.length < 2) return false;
  return parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

export async function scanFolder(root: string, limits = FOLDER_LIMITS): Promise<FolderScan> {
  const realRoot = await fs.realpath(root);
  const files: FolderFiles = {};
  const problems: FolderProblem[] = [];
  let count = 0;
  let bytes = 0;
  let stopped = false;

  async function visit(dirAbs: string, rel: string, depth: number): Promise<void> {
    if (stopped) return;
    if (depth > limits.depth) {
      problems.push({ path: rel, message: `Folders nested deeper than ${limits.depth} levels are not read.` });
      return;
    }
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dirAbs, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ path: rel, message: `Could not list this folder: ${(err as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (stopped) return;
      const childRel = `${rel}/${entry.name}`;
      const childAbs = path.join(dirAbs, entry.name);
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // A link is read only when what it names is a file inside the folder; links to folders are never followed
        // (no loops, no second copy of a tree).
        let target: string;
        try {
          target = await fs.realpath(childAbs);
        } catch {
          problems.push({ path: childRel, message: 'A link to something that does not exist; skipped.' });
          continue;
        }
        if (!inside(realRoot, target)) {
          problems.push({ path: childRel, message: 'A link that leads out of the folder; not followed.' });
          continue;
        }
        const stat = await fs.stat(target).catch(() => undefined);
        if (!stat?.isFile()) {
          if (stat?.isDirectory()) problems.push({ path: childRel, message: 'A link to a folder; not followed.' });
          continue;
        }
        isFile = true;
      }
      if (entry.isDirectory()) {
        await visit(childAbs, childRel, depth + 1);
        continue;
      }
      if (!isFile || !entry.name.endsWith('.yaml')) continue;
      if (count >= limits.files) {
        problems.push({ path: childRel, message: `More than ${limits.files} files: the rest of the folder is not read.` });
        stopped = true;
        return;
      }
      let text: string;
      try {
        const handle = await fs.open(childAbs, 'r');
        try {
          const size = (await handle.stat()).size;
          if (size > limits.fileBytes) {
            problems.push({ path: childRel, message: `Larger than ${limits.fileBytes} bytes; not read.` });
            continue;
          }
          if (bytes + size > limits.bytes) {
            problems.push({ path: childRel, message: `The folder holds more than ${limits.bytes} bytes: the rest is not read.` });
            stopped = true;
            return;
          }
          text = await handle.readFile('utf8');
        } finally {
          await handle.close();
        }
      } catch (err) {
        problems.push({ path: childRel, message: `Could not read this file: ${(err as Error).message}` });
        continue;
      }
      count++;
      bytes += Buffer.byteLength(text, 'utf8');
      files[childRel] = text;
    }
  }

  for (const top of FOLDER_TOPS) {
    const topAbs = path.join(realRoot, top);
    const stat = await fs.lstat(topAbs).catch(() => undefined);
    if (!stat) continue;
    if (stat.isSymbolicLink()) {
      problems.push({ path: top, message: 'A link in place of the folder; not followed.' });
      continue;
    }
    if (stat.isDirectory()) await visit(topAbs, top, 1);
  }
  return { files, problems };
}
