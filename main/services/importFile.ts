// The file behind "Import…": a path the user picked in main's own open dialog (or named on the CLI), read the way
// body files are (bodyFiles.ts): opened without following a link or blocking on a FIFO, refused unless the open
// file is a regular file under the import cap, decoded as UTF-8 (or UTF-16 with its byte-order mark, as Windows
// PowerShell writes), then recognised and imported by src/formats/importAny.ts. A dropped file never reaches here:
// the renderer sends its text, so main never reads a path a page named.
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { appError, RoleCallError } from '../../src/errors';
import { IMPORT_MAX_BYTES, importAny, type ImportAnyOptions, type ImportOutcome } from '../../src/formats/importAny';

// Windows has neither flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** The text of a file to import; FILE_ERROR when it is not a readable regular file of at most `maxBytes`. */
export async function readImportFile(filePath: string, maxBytes = IMPORT_MAX_BYTES): Promise<string> {
  const name = path.basename(filePath) || filePath;
  let file: FileHandle;
  try {
    // The link the user picked is followed once, here; the open itself then refuses a link swapped in since.
    file = await open(await realpath(filePath), OPEN_FLAGS);
  } catch (err) {
    throw readError(filePath, err);
  }
  try {
    const stat = await file.stat();
    if (!stat.isFile()) throw appError('FILE_ERROR', `${name} is not a regular file, so RoleCall will not import it.`, filePath);
    if (stat.size > maxBytes) {
      throw appError('FILE_ERROR', `${name} is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB, the most RoleCall imports.`, `${filePath}: ${stat.size} bytes`);
    }
    // One read of at most maxBytes + 1: a file that grew since fstat is caught, not read without end.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw appError('FILE_ERROR', `${name} grew past the import limit while it was read.`, filePath);
    return decode(buffer.subarray(0, length), name);
  } catch (err) {
    throw err instanceof RoleCallError ? err : readError(filePath, err);
  } finally {
    await file.close().catch(() => undefined);
  }
}

function decode(bytes: Buffer, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw appError('INVALID_INPUT', `${name} is not text (UTF-8), so it is not a collection, environment or curl command.`);
  }
}

function readError(filePath: string, err: unknown): RoleCallError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === 'ELOOP' ? 'it was replaced by a link while it was opened' : err instanceof Error ? err.message : String(err);
  return appError('FILE_ERROR', `Could not read ${path.basename(filePath) || 'the file'} to import it.`, `${filePath}: ${reason}`);
}

/** Reads and imports a file: what `rolecall import` and the import dialog's "Choose file…" run. */
export async function importFromPath(filePath: string, options: ImportAnyOptions = {}): Promise<ImportOutcome> {
  return importAny(await readImportFile(filePath), options);
}
