// Writes changed files into an opened collection folder: each file atomically (a temporary file beside it, then a
// rename, so an editor or `git status` never sees half a file), only under collections/ and environments/, never
// through a link (a linked folder inside a repository could lead anywhere). Removing a file prunes the folders it
// leaves empty, up to the layout's top folders, so a deleted request folder does not linger as an empty directory.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { appError } from '../../src/errors';
import { FOLDER_TOPS, isFolderFilePath } from './folderScan';

/** Repository files are shared with the team: readable by all, as git would check them out. */
export const FOLDER_FILE_MODE = 0o644;

function absolute(root: string, rel: string): string {
  if (!isFolderFilePath(rel)) throw appError('INTERNAL', 'RoleCall refused to write a file outside its collection folders.', rel);
  return path.join(root, ...rel.split('/'));
}

/** Refuses when a folder on the way to `rel` is a link: writing through it could land outside the opened folder. */
async function checkNoLinks(root: string, rel: string): Promise<void> {
  const parts = rel.split('/');
  let at = root;
  for (const part of parts.slice(0, -1)) {
    at = path.join(at, part);
    const stat = await fs.lstat(at).catch(() => undefined);
    if (!stat) return;
    if (stat.isSymbolicLink() || !stat.isDirectory()) {
      throw appError('FILE_ERROR', `RoleCall does not write through "${parts.slice(0, parts.indexOf(part) + 1).join('/')}": it is not a plain folder.`, rel);
    }
  }
}

/** Stands for a link where a file was expected: never equal to any text RoleCall wrote or read. */
export const LINK_TEXT = '\u0000link';

/** The file's text now, or undefined when there is none; a link is not followed (it reads as LINK_TEXT). */
export async function readCurrent(root: string, rel: string): Promise<string | undefined> {
  const target = absolute(root, rel);
  try {
    if ((await fs.lstat(target)).isSymbolicLink()) return LINK_TEXT;
    return await fs.readFile(target, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw appError('FILE_ERROR', `RoleCall could not read ${rel}.`, (err as Error).message);
  }
}

export async function writeFileAtomic(root: string, rel: string, text: string): Promise<void> {
  const target = absolute(root, rel);
  await checkNoLinks(root, rel);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(temp, text, { encoding: 'utf8', mode: FOLDER_FILE_MODE, flag: 'wx' });
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw appError('FILE_ERROR', `RoleCall could not write ${rel}.`, (err as Error).message);
  }
}

export async function removeFile(root: string, rel: string): Promise<void> {
  const target = absolute(root, rel);
  await checkNoLinks(root, rel);
  try {
    await fs.rm(target, { force: true });
  } catch (err) {
    throw appError('FILE_ERROR', `RoleCall could not delete ${rel}.`, (err as Error).message);
  }
  // Empty folders left behind go too; the top folders (collections/, environments/) stay.
  const parts = rel.split('/').slice(0, -1);
  while (parts.length > 1) {
    try {
      await fs.rmdir(path.join(root, ...parts));
    } catch {
      return;
    }
    parts.pop();
  }
}

/** Creates the layout's top folders in a new collection folder. */
export async function createLayout(root: string): Promise<void> {
  for (const top of FOLDER_TOPS) await fs.mkdir(path.join(root, top), { recursive: true });
}
