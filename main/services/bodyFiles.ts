// Files a request body may read. A page must never name a file and have main send it: only a file the user picked
// in main's own open dialog during this run is readable, through the random handle main gave back for it. A saved
// request keeps the path alone, so sending it again after a restart asks the user to pick the file once more.
// Reading refuses anything but a regular file (a FIFO would hang, /dev/zero would never end), stops at a size cap,
// and gives up as soon as the request is cancelled or times out.
import { randomBytes } from 'node:crypto';
// fs.promises is read where a file is: node:fs/promises loaded at start costs `rolecall sign` time it never uses.
import { constants, promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { appError, RoleCallError } from '../../src/errors';
import type { ChosenFile } from '../../src/models/http';

/** The largest body file RoleCall reads: the whole body is held in memory to be hashed and sent. */
export const BODY_FILE_MAX_BYTES = 256 * 1024 * 1024;
/** Handles kept per run; the oldest is forgotten first (the user then picks that file again). */
const MAX_HANDLES = 1000;
const CHUNK_BYTES = 1024 * 1024;
// Opening a FIFO without a writer blocks until one appears; non-blocking, open returns at once and fstat refuses it.
// Windows has neither flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);


export interface BodyFiles {
  /** Checks a path the user picked in main's open dialog and hands out a handle for it. */
  confirm(chosenPath: string): Promise<ChosenFile>;
  /** The bytes of a body file: only a path this process gave `handle` for. */
  read(filePath: string, handle: string | undefined, signal?: AbortSignal): Promise<Buffer>;
}

export interface BodyFilesOptions {
  maxBytes?: number;
}

export function createBodyFiles(options: BodyFilesOptions = {}): BodyFiles {
  const maxBytes = options.maxBytes ?? BODY_FILE_MAX_BYTES;
  /** handle → the path as chosen and the real path it resolved to when chosen. */
  const handles = new Map<string, { path: string; realPath: string }>();

  return {
    async confirm(chosenPath) {
      let realPath: string;
      try {
        realPath = await fsp.realpath(chosenPath);
      } catch (err) {
        throw fileError(chosenPath, err);
      }
      const size = await withRegularFile(realPath, chosenPath, maxBytes, undefined, async (_file, bytes) => bytes);
      const handle = randomBytes(18).toString('base64url');
      handles.set(handle, { path: chosenPath, realPath });
      if (handles.size > MAX_HANDLES) handles.delete(handles.keys().next().value as string);
      return { handle, name: path.basename(chosenPath), size, path: chosenPath };
    },

    async read(filePath, handle, signal) {
      const entry = handle === undefined ? undefined : handles.get(handle);
      if (!entry || entry.path !== filePath) {
        throw appError(
          'FILE_NOT_CONFIRMED',
          `Choose ${path.basename(filePath) || 'the body file'} again to send it: RoleCall sends only files picked in this session.`,
          filePath,
        );
      }
      return withRegularFile(entry.realPath, filePath, maxBytes, signal, (file, size) => readAll(file, size, signal));
    },
  };
}

/** Opens without blocking or following a link, checks the open file itself (not the path) is a regular file under the cap. */
async function withRegularFile<T>(
  realPath: string,
  shownPath: string,
  maxBytes: number,
  signal: AbortSignal | undefined,
  use: (file: FileHandle, size: number) => Promise<T>,
): Promise<T> {
  throwIfAborted(signal);
  let file: FileHandle;
  try {
    file = await fsp.open(realPath, OPEN_FLAGS);
  } catch (err) {
    throw fileError(shownPath, err);
  }
  try {
    const stat = await file.stat();
    if (!stat.isFile()) {
      throw appError('FILE_ERROR', `${path.basename(shownPath)} is not a regular file, so RoleCall will not send it.`, shownPath);
    }
    if (stat.size > maxBytes) {
      throw appError(
        'FILE_ERROR',
        `${path.basename(shownPath)} is larger than ${formatBytes(maxBytes)}, the most RoleCall sends as a body.`,
        `${shownPath}: ${stat.size} bytes`,
      );
    }
    return await use(file, stat.size);
  } catch (err) {
    throw err instanceof RoleCallError ? err : fileError(shownPath, err);
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** Reads `size` bytes in chunks, checking for cancel between them; a file that shrank gives what it still has. */
async function readAll(file: FileHandle, size: number, signal: AbortSignal | undefined): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let offset = 0;
  while (offset < size) {
    throwIfAborted(signal);
    const { bytesRead } = await file.read(buffer, offset, Math.min(CHUNK_BYTES, size - offset), offset);
    if (bytesRead === 0) break;
    offset += bytesRead;
  }
  throwIfAborted(signal);
  return buffer.subarray(0, offset);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw signal.reason instanceof RoleCallError ? signal.reason : appError('CANCELLED', 'The request was cancelled.', 'Cancelled while reading the body file.');
}

function fileError(shownPath: string, err: unknown): RoleCallError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  // ELOOP: the path now ends in a link (O_NOFOLLOW), which the user did not pick.
  const reason = code === 'ELOOP' ? 'it has been replaced by a link' : err instanceof Error ? err.message : String(err);
  return appError('FILE_ERROR', `Could not read the body file ${path.basename(shownPath)}.`, `${shownPath}: ${reason}`);
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
