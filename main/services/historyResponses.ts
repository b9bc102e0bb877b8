// The responses history keeps, one file per entry in a folder beside the workspace store (the store rewrites its
// whole file on every change, so 16 MiB of bodies there would be rewritten on every send). Only the newest
// HISTORY_RESPONSE_COUNT history entries keep a response, and all files together stay within
// HISTORY_RESPONSE_TOTAL_BYTES: walking history newest first, the first response that does not fit and every older
// one are deleted. A file is named by a hash of its entry's id (ids are not file names) and written 0600, atomically.
// A file that cannot be read, or is larger than RoleCall writes, is reported when its entry is opened and counts for
// nothing, so it never pushes a good response out; it goes when its entry leaves the newest N.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appError } from '../../src/errors';
import { storedResponseSchema, type StoredResponse } from '../../src/models/historyResponse';
import { HISTORY_RESPONSE_BODY_BYTES, HISTORY_RESPONSE_COUNT, HISTORY_RESPONSE_TOTAL_BYTES } from '../../src/models/historyResponseLimits';
import { firstIssue, STORE_FILE_MODE } from './workspaceRecovery';
import { HISTORY_HEADER_BYTES } from './historyResponseGuard';

/** The largest file RoleCall writes: the body in base64, the headers and some room for the rest. */
export const MAX_RESPONSE_FILE_BYTES = Math.ceil(HISTORY_RESPONSE_BODY_BYTES / 3) * 4 + 2 * HISTORY_HEADER_BYTES + 16 * 1024;

const FILE_NAME = /^[0-9a-f]{40}\.json$/;
const TEMP_NAME = /^[0-9a-f]{40}\.json\.tmp-[0-9a-f-]+$/;

export interface HistoryResponsesOptions {
  /** The folder the files go in; without one they are kept in memory (the CLI). */
  dir?: string;
  count?: number;
  totalBytes?: number;
}

export function historyResponsesDir(storeFile: string): string | undefined {
  return storeFile ? path.join(path.dirname(storeFile), 'history-responses') : undefined;
}

export function createHistoryResponses(opts: HistoryResponsesOptions = {}) {
  const count = opts.count ?? HISTORY_RESPONSE_COUNT;
  const totalBytes = opts.totalBytes ?? HISTORY_RESPONSE_TOTAL_BYTES;
  const dir = opts.dir;
  /** Size on disk per file name; files over MAX_RESPONSE_FILE_BYTES are listed with Infinity. */
  const sizes = new Map<string, number>();
  const memory = new Map<string, string>();
  const fileOf = (entryId: string) => `${createHash('sha1').update(entryId, 'utf8').digest('hex')}.json`;

  if (dir) {
    ensureDir(dir);
    for (const name of fs.readdirSync(dir)) {
      if (TEMP_NAME.test(name)) removeQuietly(path.join(dir, name)); // a write cut short
      if (!FILE_NAME.test(name)) continue;
      const stat = fs.lstatSync(path.join(dir, name));
      if (stat.isFile()) sizes.set(name, stat.size > MAX_RESPONSE_FILE_BYTES ? Infinity : stat.size);
    }
  }

  function write(name: string, text: string) {
    if (!dir) {
      memory.set(name, text);
      return;
    }
    ensureDir(dir);
    const temp = path.join(dir, `${name}.tmp-${randomUUID()}`);
    fs.writeFileSync(temp, text, { mode: STORE_FILE_MODE, flag: 'wx' });
    try {
      fs.renameSync(temp, path.join(dir, name));
    } catch (err) {
      removeQuietly(temp);
      throw err;
    }
  }

  function remove(name: string) {
    sizes.delete(name);
    if (dir) removeQuietly(path.join(dir, name));
    else memory.delete(name);
  }

  return {
    /**
     * Keeps an entry's response, then bounds what is kept by `order` (history's entry ids, newest first). False
     * when the entry is not among the newest `count` (nothing is written then).
     */
    keep(response: StoredResponse, order: readonly string[]): boolean {
      if (!order.slice(0, count).includes(response.entryId)) return false;
      const text = JSON.stringify(response);
      const name = fileOf(response.entryId);
      write(name, text);
      sizes.set(name, Buffer.byteLength(text, 'utf8'));
      this.prune(order);
      return sizes.has(name);
    },

    /** The response kept for an entry, undefined when none is; FILE_ERROR when its file cannot be read. */
    get(entryId: string): StoredResponse | undefined {
      const name = fileOf(entryId);
      let text: string | undefined;
      if (dir) {
        const file = path.join(dir, name);
        let stat: fs.Stats;
        try {
          stat = fs.lstatSync(file);
        } catch {
          return undefined;
        }
        if (!stat.isFile()) throw appError('FILE_ERROR', 'The response kept for this history entry is not a file RoleCall wrote; it was not read.', file);
        if (stat.size > MAX_RESPONSE_FILE_BYTES) {
          throw appError('FILE_ERROR', `The response kept for this history entry is larger than RoleCall writes (${stat.size} bytes); it was not read.`, file);
        }
        text = fs.readFileSync(file, 'utf8');
      } else text = memory.get(name);
      if (text === undefined) return undefined;
      let parsed: ReturnType<typeof storedResponseSchema.safeParse>;
      try {
        parsed = storedResponseSchema.safeParse(JSON.parse(text));
      } catch (err) {
        throw appError('FILE_ERROR', 'The response kept for this history entry could not be read: it is not JSON.', `${dir ? path.join(dir, name) : name}: ${(err as Error).message}`);
      }
      if (!parsed.success || parsed.data.entryId !== entryId) {
        const why = parsed.success ? 'it belongs to another entry' : firstIssue(parsed.error);
        throw appError('FILE_ERROR', `The response kept for this history entry could not be read (${why}).`, dir ? path.join(dir, name) : name);
      }
      return parsed.data;
    },

    /** Deletes every response but those of the newest `count` entries that fit in `totalBytes`, newest first. */
    prune(order: readonly string[]): void {
      const keep = new Set<string>();
      let total = 0;
      let full = false;
      for (const entryId of order.slice(0, count)) {
        const name = fileOf(entryId);
        const size = sizes.get(name);
        if (size === undefined) continue;
        if (size === Infinity) {
          keep.add(name); // reported when opened, never counted
          continue;
        }
        if (full || total + size > totalBytes) {
          full = true;
          continue;
        }
        total += size;
        keep.add(name);
      }
      for (const name of [...sizes.keys(), ...memory.keys()]) if (!keep.has(name)) remove(name);
    },

    /** Deletes every kept response; returns how many there were. */
    clear(): number {
      const n = sizes.size;
      for (const name of [...sizes.keys()]) remove(name);
      memory.clear();
      return n;
    },

    /** How many responses are kept and their bytes on disk (for tests and the bench). */
    usage(): { count: number; bytes: number } {
      let bytes = 0;
      for (const size of sizes.values()) if (size !== Infinity) bytes += size;
      return { count: sizes.size, bytes };
    },
  };
}

export type HistoryResponses = ReturnType<typeof createHistoryResponses>;

function ensureDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory()) throw appError('FILE_ERROR', 'The folder for history responses is not a folder.', dir);
}

function removeQuietly(file: string) {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Gone already, or not ours to remove: the next prune tries again.
  }
}
