// Where each collection is kept: a key of the main backend, or (in the app, tests and the browser test host) a
// file of its own in the collections folder, named by a hash of its id. Reading is forgiving as the workspace
// store promises: a file that cannot be used is moved aside as it is (left alone when the store is read-only) and
// said; a file that is not UTF-8 is copied before it is rewritten; files the order does not list are found, for
// the store to adopt. A collection's own file is the base of a journal of later saves (collectionJournal.ts).
import { Buffer, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compactionBound, journalFile, replayJournal, type JournalLine } from './collectionJournal';
import { openBackend, setAside, STORE_FILE_MODE } from './workspaceRecovery';
import type { BackendFactory, StoreBackend } from './workspaceStore';

/** Where one collection is kept: a key of the main backend, or a file of its own. */
export interface CollectionSlot {
  read(): unknown;
  /** Writes the stored form (secret values sealed) whole. */
  write(stored: unknown): void;
  /**
   * Appends one save's changes to the file's journal (a collection's own file only); once the journal is past its
   * bound the collection is written whole instead (`whole()`, its stored form) and the journal goes.
   */
  append?(line: JournalLine, whole: () => unknown): void;
  /** True once after reading when the journal had to be copied aside: the store then writes the collection whole. */
  takeCompaction?(): boolean;
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
  function readOnce(file: string): { value: unknown; rest: Record<string, unknown>; bytes: number } | undefined {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { value: undefined, rest: {}, bytes: 0 } : undefined;
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
    if (!record) return { value: undefined, rest: {}, bytes: bytes.length };
    const { [COLLECTION]: value, ...rest } = record;
    return { value, rest, bytes: bytes.length };
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
      const journal = journalFile(file);
      /** The journal's and the base's sizes in bytes, for the compaction bound (the journal's read when first needed). */
      let journalBytes: number | undefined;
      let baseBytes = 0;
      let compact = false;
      /** The base with the journal's changes; what cannot be used is said, and the journal copied aside as it was. */
      const withJournal = (value: unknown): unknown => {
        let text: string;
        try {
          text = fs.readFileSync(journal, 'utf8');
        } catch {
          journalBytes = 0;
          return value;
        }
        journalBytes = Buffer.byteLength(text);
        if (text === '') return value;
        const replayed = replayJournal(value, text);
        if (replayed.skipped.length === 0) return replayed.value;
        const what = replayed.skipped.join('; ');
        if (ctx.readOnly()) {
          ctx.raise(`Some saved changes to collection ${id} could not be read by this version (${what}); they were left as they are.`);
          return replayed.value;
        }
        // With no base the changes apply to nothing: the journal is moved aside, not copied.
        const hasBase = value !== undefined && value !== null;
        const backupFile = setAside(journal, hasBase, ctx.now());
        if (!hasBase) journalBytes = 0;
        compact = hasBase;
        ctx.raise(`Some saved changes to collection ${id} could not be read and were skipped (${what}); everything else was kept, and the changes as they were saved are in ${backupFile}.`, backupFile);
        return replayed.value;
      };
      const dropJournal = () => {
        journalBytes = 0;
        try {
          fs.rmSync(journal, { force: true });
        } catch {
          // Left, it is replayed over a base that already holds it, which changes nothing; the next write tries again.
          journalBytes = undefined;
        }
      };
      found = {
        file,
        // Read once here; the backend is opened only to write, or to recover a file that cannot be read this way.
        read: () => {
          if (opened) return withJournal(opened.get(COLLECTION));
          const once = readOnce(file);
          if (!once) return withJournal(open().get(COLLECTION));
          rest = once.rest;
          baseBytes = once.bytes;
          return withJournal(once.value);
        },
        // Written whole when the file's content is known: conf's set reads and parses the file again first. The
        // base is replaced atomically before the journal goes; a crash between the two replays the journal over a
        // base that holds it already.
        write: (c) => {
          const backend = open();
          if (rest && backend.setAll) backend.setAll({ ...rest, [COLLECTION]: c });
          else backend.set(COLLECTION, c);
          dropJournal();
          try {
            baseBytes = fs.statSync(file).size;
          } catch {
            baseBytes = 0;
          }
        },
        append: (line, whole) => {
          const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
          if (journalBytes === undefined) {
            try {
              journalBytes = fs.statSync(journal).size;
            } catch {
              journalBytes = 0;
            }
          }
          if (journalBytes + bytes.length > compactionBound(baseBytes)) {
            found!.write(whole());
            return;
          }
          const fd = fs.openSync(journal, 'a', STORE_FILE_MODE);
          try {
            for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
            fs.fsyncSync(fd);
          } catch (err) {
            // A line cut short would spoil the next one: the journal goes back to where it was.
            try {
              fs.ftruncateSync(fd, journalBytes);
            } catch {
              journalBytes = undefined;
            }
            throw err;
          } finally {
            fs.closeSync(fd);
          }
          journalBytes += bytes.length;
        },
        takeCompaction: () => {
          const was = compact;
          compact = false;
          return was;
        },
        // The base first: a journal without its base is never read.
        remove: () => {
          opened = undefined;
          rest = {};
          fs.rmSync(file, { force: true });
          dropJournal();
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
      if (!file) return;
      setAsideFile(file, `collection ${id}`, reason);
      // Its journal's changes belong to that file: kept beside it.
      setAsideFile(journalFile(file), `saved changes to collection ${id}`, reason);
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
          let raw = openFile(file, stem, `collection file ${name}`).get(COLLECTION);
          if (fs.existsSync(journalFile(file))) raw = replayJournal(raw, fs.readFileSync(journalFile(file), 'utf8')).value;
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
