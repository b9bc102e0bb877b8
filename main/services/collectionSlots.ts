// Where each collection is kept: a key of the main backend, or (in the app, tests and the browser test host) a
// file of its own in the collections folder, named by a hash of its id. Reading is forgiving as the workspace
// store promises: a file that cannot be used is moved aside as it is (left alone when the store is read-only) and
// said; a file that is not UTF-8 is copied before it is rewritten; files the order does not list are found, for
// the store to adopt.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openBackend, setAside } from './workspaceRecovery';
import type { BackendFactory, StoreBackend } from './workspaceStore';

/** Where one collection is kept: a key of the main backend, or a file of its own. */
export interface CollectionSlot {
  read(): unknown;
  /** Writes the stored form (secret values sealed). */
  write(stored: unknown): void;
  remove(): void;
  /** The collection's own file, when it has one. */
  file?: string;
}

/** A collection's file name: a hash of its id, so any id makes a safe name, even on case-insensitive disks. */
export const collectionFileName = (id: string) => `collection-${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;

/** Collection keys carry the id; dots would be read as nesting by conf's dot notation, so they are escaped. */
export const collectionKey = (id: string) => `collection:${encodeURIComponent(id).replace(/\./g, '%2E')}`;

const COLLECTION = 'collection';
/** A collection file's name (not a backup's), for adopting files the order does not list. */
const COLLECTION_FILE = /^collection-[0-9a-f]{32}\.json$/;

/** Removes a key; a backend without delete gets null. */
export function removeKey(backend: StoreBackend, key: string): void {
  if (backend.delete) backend.delete(key);
  else backend.set(key, null);
}

export interface SlotContext {
  backend: StoreBackend;
  /** One file per collection in `dir`; without it, collections are keys of the main backend. */
  files?: { dir: string; create: BackendFactory };
  now: () => Date;
  /** Read each time: the store learns whether it is read-only while it reads. */
  readOnly: () => boolean;
  /** Tells the user (a notice), with the file where something was kept. */
  raise: (message: string, file?: string) => void;
}

export function createCollectionSlots(ctx: SlotContext) {
  const slots = new Map<string, CollectionSlot>();
  /** Whether a file read by readOnce was UTF-8, for keepIfNotUtf8 (taken once: a later write changes the file). */
  const utf8Seen = new Map<string, boolean>();

  /**
   * A collection file's `collection` value, read and parsed once, as conf and electron-store read it (UTF-8 JSON,
   * a missing file is empty). Opening the backend to read costs a 20 MB file two reads, two JSON.parse and a deep
   * comparison (conf's constructor, then get). Undefined when the file cannot be read or parsed: the caller then
   * opens the backend, which sets the file aside and says so exactly as before.
   */
  function readOnce(file: string): { value: unknown; rest: Record<string, unknown> } | undefined {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { value: undefined, rest: {} } : undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      return undefined;
    }
    utf8Seen.set(file, isUtf8(bytes));
    // What conf would keep: an object's keys (a string's or an array's indexes are not worth keeping).
    const record = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    if (!record) return { value: undefined, rest: {} };
    const { [COLLECTION]: value, ...rest } = record;
    return { value, rest };
  }

  /** Opens a collection's own file; read-only, a file that cannot be read is left where it is. */
  function openFile(file: string, name: string, what: string): StoreBackend {
    const files = ctx.files!;
    if (ctx.readOnly()) {
      try {
        return files.create(files.dir, name);
      } catch (err) {
        ctx.raise(`The saved ${what} could not be read (${err instanceof Error ? err.message : String(err)}); it was left as it is.`);
        throw err;
      }
    }
    const result = openBackend(file, () => files.create(files.dir, name), ctx.now, what);
    if (result.recovered) ctx.raise(result.recovered.message, result.recovered.backupFile);
    return result.backend;
  }

  function slot(id: string): CollectionSlot {
    let found = slots.get(id);
    if (found) return found;
    const files = ctx.files;
    if (!files) {
      const key = collectionKey(id);
      found = { read: () => ctx.backend.get(key), write: (c) => ctx.backend.set(key, c), remove: () => removeKey(ctx.backend, key) };
    } else {
      const name = collectionFileName(id);
      const file = path.join(files.dir, `${name}.json`);
      let opened: StoreBackend | undefined;
      const open = () => (opened ??= openFile(file, name, `collection ${id}`));
      /** The file's other keys, when this slot knows them (it read the file itself): kept by every write. */
      let rest: Record<string, unknown> | undefined;
      found = {
        file,
        // Read once here; the backend is opened only to write, or to recover a file that cannot be read this way.
        read: () => {
          if (opened) return opened.get(COLLECTION);
          const once = readOnce(file);
          if (!once) return open().get(COLLECTION);
          rest = once.rest;
          return once.value;
        },
        // Written whole when the file's content is known: conf's set reads and parses the file again first.
        write: (c) => {
          const backend = open();
          if (rest && backend.setAll) backend.setAll({ ...rest, [COLLECTION]: c });
          else backend.set(COLLECTION, c);
        },
        remove: () => {
          opened = undefined;
          rest = {};
          fs.rmSync(file, { force: true });
        },
      };
    }
    slots.set(id, found);
    return found;
  }

  /** A file that cannot be used is moved aside as it is (left alone when read-only), and the user is told where. */
  function setAsideFile(file: string, what: string, reason: string): void {
    if (!fs.existsSync(file)) return;
    if (ctx.readOnly()) {
      ctx.raise(`The saved ${what} could not be read by this version (${reason}); it was left as it is.`);
      return;
    }
    const backupFile = setAside(file, false, ctx.now());
    ctx.raise(`The saved ${what} could not be read (${reason}); it was set aside as it was, in ${backupFile}.`, backupFile);
  }

  return {
    slot,
    /** Forgets the open file of a collection (deleted, or its file set aside). */
    drop(id: string): void {
      slots.delete(id);
    },
    setAsideFile,

    /** Moves a collection's file aside; the next slot(id) starts on a fresh file. */
    setAsideCollection(id: string, reason: string): void {
      const file = slot(id).file;
      slots.delete(id);
      if (file) setAsideFile(file, `collection ${id}`, reason);
    },

    /**
     * Keeps a byte-for-byte copy of a file that is not valid UTF-8: its strings were read with replacement
     * characters, so the next write would lose the original bytes. True when a copy was made (rewrite it then).
     */
    keepIfNotUtf8(file: string, what: string): boolean {
      if (ctx.readOnly()) return false;
      const seen = utf8Seen.get(file);
      utf8Seen.delete(file);
      if (seen === true) return false;
      if (seen === undefined) {
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(file);
        } catch {
          return false;
        }
        if (isUtf8(bytes)) return false;
      }
      const backupFile = setAside(file, true, ctx.now());
      ctx.raise(`The saved ${what} held bytes that are not UTF-8 text; it was read as well as it could be, and a copy of it as it was is in ${backupFile}.`, backupFile);
      return true;
    },

    /** Collection files in the folder that `listed` does not name, with what they hold (files that cannot be opened are skipped). */
    unlisted(listed: string[]): Array<{ name: string; stem: string; file: string; raw: unknown }> {
      const files = ctx.files;
      if (!files) return [];
      let names: string[];
      try {
        names = fs.readdirSync(files.dir);
      } catch {
        return [];
      }
      const known = new Set(listed.map((id) => `${collectionFileName(id)}.json`));
      const found: Array<{ name: string; stem: string; file: string; raw: unknown }> = [];
      for (const name of names.filter((n) => COLLECTION_FILE.test(n) && !known.has(n)).sort()) {
        const stem = name.slice(0, -'.json'.length);
        const file = path.join(files.dir, name);
        try {
          const raw = openFile(file, stem, `collection file ${name}`).get(COLLECTION);
          if (raw !== undefined && raw !== null) found.push({ name, stem, file, raw });
        } catch {
          // Said by openFile; the file stays where it is.
        }
      }
      return found;
    },
  };
}

export type CollectionSlots = ReturnType<typeof createCollectionSlots>;
