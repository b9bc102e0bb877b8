// The response bodies transport.ts spooled to disk, as the viewer uses them: read whole for formatting, copied to
// where the user saves them, and cleared away when old. Only files directly in the spool folder are touched, so
// a path from the renderer can never reach anything else on the disk.
import fs from 'node:fs';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { pipeline } from 'node:stream/promises';
import { appError } from '../../src/errors';
import type { BodySource } from '../../src/contract';
import { READ_SPOOL_FILE } from './spoolDir';
import { readSpoolRange } from './transport';

export const SPOOL_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The spooled file's absolute path, refusing anything outside the spool folder. */
export function spoolPath(file: string, spoolDir: string): string {
  const resolved = path.resolve(file);
  if (path.dirname(resolved) !== path.resolve(spoolDir)) {
    throw appError('FILE_ERROR', 'That file is not a response body RoleCall saved.', resolved);
  }
  return resolved;
}

const fileError = (message: string, err: unknown) => appError('FILE_ERROR', message, err instanceof Error ? err.message : String(err));

/** A body's bytes, inline or spooled. */
export async function bodySourceBytes(source: BodySource, spoolDir: string): Promise<Uint8Array> {
  if (source.kind === 'inline') return new Uint8Array(Buffer.from(source.base64, 'base64'));
  const file = spoolPath(source.file, spoolDir);
  try {
    return new Uint8Array(await fs.promises.readFile(file, { flag: READ_SPOOL_FILE }));
  } catch (err) {
    throw fileError('Could not read the saved response body.', err);
  }
}

/** A slice of a spooled body, base64, and whether it reaches the end of the file. */
export async function readSpoolSlice(file: string, offset: number, length: number, spoolDir: string): Promise<{ base64: string; eof: boolean }> {
  const bytes = await readSpoolRange(file, offset, length, spoolDir);
  let size: number;
  try {
    size = (await fs.promises.lstat(spoolPath(file, spoolDir))).size;
  } catch (err) {
    throw fileError('Could not read the saved response body.', err);
  }
  return { base64: Buffer.from(bytes).toString('base64'), eof: offset + bytes.length >= size };
}

/** Writes a body where the user chose: a spooled file is streamed (never loaded, never through a link), an inline one written. */
export async function saveBodySource(source: BodySource, spoolDir: string, target: string): Promise<void> {
  try {
    if (source.kind === 'file') {
      const handle = await fs.promises.open(spoolPath(source.file, spoolDir), READ_SPOOL_FILE);
      await pipeline(handle.createReadStream(), fs.createWriteStream(target));
    } else {
      await fs.promises.writeFile(target, Buffer.from(source.base64, 'base64'));
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'RoleCallError') throw err;
    throw fileError(`Could not save the response to ${target}.`, err);
  }
}

/** Removes spooled bodies older than maxAgeMs (default a day); returns how many. Called at start and periodically. */
export async function cleanSpool(spoolDir: string, options: { maxAgeMs?: number; now?: number } = {}): Promise<number> {
  const cutoff = (options.now ?? Date.now()) - (options.maxAgeMs ?? SPOOL_MAX_AGE_MS);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(spoolDir, { withFileTypes: true });
  } catch {
    return 0; // no folder yet: nothing was ever spooled
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(spoolDir, entry.name);
    try {
      const stat = await fs.promises.lstat(file);
      if (stat.mtimeMs >= cutoff) continue;
      await fs.promises.unlink(file);
      removed++;
    } catch {
      // Gone already or in use: the next start tries again.
    }
  }
  return removed;
}
