// The workbench's persistence: collections, environments, history and open tabs, in key-value backends
// (electron-store in the app, conf in tests and the browser test host, memory for the CLI). Everything is read
// and validated once, at open, and then served from memory. conf and electron-store rewrite their whole file on
// every set, so hosts give each collection a file of its own (collectionFiles): saving a tab or a small
// collection then never re-serialises a 10,000-request one, and a save to a collection's own file appends only
// what it changed to that file's journal (collectionJournal.ts), folded into the file now and then. Secret variable values are sealed with the key
// vault's cipher on the way to disk (secretVariables.ts), and history is bounded in bytes as well as in entries,
// because one entry may carry a 64 KB body.
//
// Nothing saved is lost on recovery. Each section and each entry is validated on its own (workspaceRecovery.ts):
// the good ones are kept, the bad ones are written to a set-aside file beside the store before the store is
// rewritten without them; a collection file that cannot be read is moved aside as it is (collectionSlots.ts); the
// collection order is never cut (an id whose collection could not be read stays listed, so restoring its file
// brings it back); a collection file in the folder that the order does not list is adopted. What was set aside is
// said on every start until the user dismisses it (notices). A workspace written by a newer RoleCall is shown read-only and
// never rewritten; every save is then refused with READ_ONLY_WORKSPACE.
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { appError } from '../../src/errors';
import type { Cipher } from './keyVault';
import { createSecretSealer } from './secretVariables';
import { collectionFileName, collectionKey, createCollectionSlots, removeKey } from './collectionSlots';
import { readEntries, readTabs, setAside, SetAsideList, STORE_FILE_MODE, writeSetAside, type Recovered } from './workspaceRecovery';

export { collectionFileName } from './collectionSlots';
export { backupPath, openBackend, STORE_FILE_MODE, type Recovered } from './workspaceRecovery';
import {
  collectionSchema,
  environmentSchema,
  historyEntrySchema,
  HISTORY_BYTE_LIMIT,
  HISTORY_LIMIT,
  tabStateSchema,
  workspaceNoticeSchema,
  WORKSPACE_VERSION,
  type Collection,
  type Environment,
  type HistoryEntry,
  type RequestDoc,
  type Tabs,
  type Workspace,
  type WorkspaceNotice,
} from '../../src/models/workspace';
import { findRequestNode } from '../../src/requestSummary';
import { createSummaryCache } from './summaryCache';
import { collectionProblem } from './collectionIssue';
import { emptyLine, journalChange } from './collectionJournal';

/** What electron-store and conf both are, reduced to what the store needs. */
export interface StoreBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Removes a key; conf and electron-store have it. Without it, a removed key is set to null. */
  delete?(key: string): void;
  /**
   * Every key at once (conf's and electron-store's `store`), for opening: their get reads and parses the whole file
   * each time, so reading the store's seven keys one by one parsed a file with 5 MB of history seven times.
   */
  getAll?(): Record<string, unknown>;
  /** Replaces every key at once (conf's and electron-store's `store`): a collection file's write, without re-reading it. */
  setAll?(value: Record<string, unknown>): void;
  /** The file the backend writes (empty for memory): where a backup of an unreadable store goes beside. */
  readonly path: string;
}

/** The store's file name without extension, in whichever folder the host keeps it. */
export const STORE_NAME = 'workspace';

/** What load() returns: the workspace without what the app adds (stored keys, the secrets status). */
export type StoredWorkspace = Omit<Workspace, 'storedKeys' | 'secretsProtection' | 'secretsUnreadable' | 'storedKeyProblems'>;

/** Opens a backend writing `<dir>/<name>.json` (a conf or electron-store with cwd and name/configName). */
export type BackendFactory = (dir: string, name: string) => StoreBackend;

export interface WorkspaceStoreOptions {
  /** One file per collection in `dir`; without it, collections are keys of the main backend. */
  collectionFiles?: { dir: string; create: BackendFactory };
  historyLimit?: number;
  /** The whole history's bound in bytes (as stored); the oldest entries beyond it are dropped. */
  historyBytes?: number;
  /** Seals secret variable values at rest (the key vault's cipher); without a usable one they are stored as typed. */
  cipher?: Cipher;
  /** Set by openBackend when the file could not even be opened: becomes a notice. */
  recovered?: Recovered;
  now?: () => Date;
}

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** Step n turns a version-n store into version n+1. Version 0 is a store written before versions were kept. */
const MIGRATIONS: Record<number, Migration> = {
  0: (data) => data,
  // Secrets written in plain text by version 1 are sealed when the store is next written (see plainSecrets).
  1: (data) => data,
};

const KEY = {
  version: 'version',
  order: 'collectionOrder',
  environments: 'environments',
  active: 'activeEnvironmentId',
  history: 'history',
  tabs: 'tabs',
  notices: 'notices',
} as const;

export function createMemoryBackend(): StoreBackend {
  const data = new Map<string, unknown>();
  return {
    path: '',
    get: (key) => structuredClone(data.get(key)),
    set: (key, value) => void data.set(key, structuredClone(value)),
    delete: (key) => void data.delete(key),
  };
}

interface State {
  /** Every listed id, those whose collection could not be read included: the order is never cut on reading. */
  order: string[];
  collections: Map<string, Collection>;
  environments: Environment[];
  activeEnvironmentId?: string;
  history: HistoryEntry[];
  tabs: Tabs;
  notices: WorkspaceNotice[];
}

/** Notices kept until dismissed; the oldest beyond this go. */
const NOTICE_LIMIT = 100;
const idSchema = z.string().min(1).max(64);

/** An entry's size as stored (UTF-8 JSON); remembered per entry object, which history never changes in place. */
const sizes = new WeakMap<HistoryEntry, number>();
function entryBytes(entry: HistoryEntry): number {
  let size = sizes.get(entry);
  if (size === undefined) {
    size = Buffer.byteLength(JSON.stringify(entry), 'utf8');
    sizes.set(entry, size);
  }
  return size;
}


/** A notice raised while opening, before it gets its id and time. */
interface Raised {
  message: string;
  file?: string;
}

export function createWorkspaceStore(backend: StoreBackend, opts: WorkspaceStoreOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const historyLimit = opts.historyLimit ?? HISTORY_LIMIT;
  const historyBytes = opts.historyBytes ?? HISTORY_BYTE_LIMIT;
  const sealer = createSecretSealer(opts.cipher);
  const raised: Raised[] = opts.recovered ? [{ message: opts.recovered.message, file: opts.recovered.backupFile }] : [];
  /** Why the store must not be written (a newer RoleCall's workspace), when it must not. */
  let readOnly: string | undefined;
  /** Inline collections (keys of the main backend) set aside: their keys go when the store is rewritten. */
  const inlineSetAside: string[] = [];
  /** Collections whose files were copied aside for bytes that are not UTF-8: rewritten once read. */
  const rewriteCollections = new Set<string>();

  const remove = (key: string) => removeKey(backend, key);
  const places = createCollectionSlots({
    backend,
    ...(opts.collectionFiles ? { files: opts.collectionFiles } : {}),
    now,
    readOnly: () => readOnly !== undefined,
    raise: (message, file) => void raised.push(file ? { message, file } : { message }),
  });
  const slot = places.slot;
  const summaryOf = createSummaryCache();

  /** Unlisted collection files that hold a readable collection under their own id's name: added back. */
  function adopt(listed: string[], collections: Map<string, Collection>): Collection[] {
    const found: Collection[] = [];
    for (const file of places.unlisted(listed)) {
      const parsed = collectionSchema.safeParse(sealer.openCollection(file.raw));
      if (!parsed.success) {
        places.setAsideFile(file.file, `collection file ${file.name}`, collectionProblem(file.raw, parsed.error));
        continue;
      }
      // A file under another id's name (copied by hand) would be written elsewhere: it is left as it is.
      if (collectionFileName(parsed.data.id) !== file.stem || collections.has(parsed.data.id)) continue;
      found.push(parsed.data);
    }
    return found.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  /** Reads every section entry by entry; what cannot be read goes to `aside`. Throws only when the backend does. */
  function readState(aside: SetAsideList): { state: State; storedVersion: unknown; adopted: Collection[] } {
    const all = backend.getAll?.();
    const get = (key: string): unknown => (all ? (Object.hasOwn(all, key) ? all[key] : undefined) : backend.get(key));
    const storedVersion = get(KEY.version);
    let version = 0;
    if (storedVersion !== undefined && storedVersion !== null) {
      if (typeof storedVersion === 'number' && Number.isInteger(storedVersion) && storedVersion >= 0) version = storedVersion;
      else aside.add(KEY.version, 'not a version number', storedVersion);
    }
    if (version > WORKSPACE_VERSION) {
      readOnly = `This workspace was saved by a newer RoleCall (workspace version ${version}; this one reads up to ${WORKSPACE_VERSION}). It is open read-only: nothing is saved and its files are left as they are.`;
    }

    const order = readEntries(get(KEY.order), KEY.order, idSchema, aside, { max: 10000, idOf: (id) => id });
    const raw = order.map((id) => {
      try {
        return slot(id).read();
      } catch (err) {
        if (!slot(id).file) throw err;
        places.setAsideCollection(id, err instanceof Error ? err.message : String(err));
        return undefined;
      }
    });
    let data: Record<string, unknown> = {
      collections: raw,
      environments: get(KEY.environments),
      activeEnvironmentId: get(KEY.active),
      history: get(KEY.history),
      tabs: get(KEY.tabs),
    };
    if (readOnly === undefined) for (let v = version; v < WORKSPACE_VERSION; v++) data = MIGRATIONS[v]!(data);

    const collections = new Map<string, Collection>();
    (data.collections as unknown[]).forEach((value, i) => {
      const id = order[i]!;
      const file = slot(id).file;
      if (value === undefined || value === null) {
        // Listed but never written (or set aside above) is nothing; a file that holds no collection is not ours.
        if (file && fs.existsSync(file)) places.setAsideCollection(id, 'it holds no collection');
        return;
      }
      const parsed = collectionSchema.safeParse(sealer.openCollection(value));
      if (parsed.success && parsed.data.id === id) {
        collections.set(id, parsed.data);
        if (file && places.keepIfNotUtf8(file, `collection ${id}`)) rewriteCollections.add(id);
        if (slot(id).takeCompaction?.()) rewriteCollections.add(id);
        return;
      }
      const problem = parsed.success ? `it holds collection ${JSON.stringify(parsed.data.id)}` : collectionProblem(value, parsed.error);
      sealer.forgetCollection(id);
      if (file) places.setAsideCollection(id, problem);
      else {
        aside.add(`collection ${id}`, problem, value);
        inlineSetAside.push(id);
      }
    });
    const adopted = adopt(order, collections);
    for (const c of adopted) {
      order.push(c.id);
      collections.set(c.id, c);
    }

    const environments = readEntries(data.environments, KEY.environments, environmentSchema, aside, {
      max: 1000,
      open: (env) => (sealer.openEnvironments([env]) as unknown[])[0],
      idOf: (env) => env.id,
    });
    const active = data.activeEnvironmentId;
    if (active !== undefined && active !== null && typeof active !== 'string') aside.add(KEY.active, 'not an environment id', active);
    const notices = readEntries(get(KEY.notices), KEY.notices, workspaceNoticeSchema, new SetAsideList(), { max: NOTICE_LIMIT, idOf: (n) => n.id });
    return {
      storedVersion,
      adopted,
      state: {
        order,
        collections,
        environments,
        ...(typeof active === 'string' && environments.some((e) => e.id === active) ? { activeEnvironmentId: active } : {}),
        history: readEntries(data.history, KEY.history, historyEntrySchema, aside),
        tabs: readTabs(data.tabs, tabStateSchema, 200, aside),
        notices: notices.map((n) => ({ ...n, dismissable: true })),
      },
    };
  }

  let aside = new SetAsideList();
  let loaded: ReturnType<typeof readState>;
  try {
    loaded = readState(aside);
  } catch (err) {
    // Only a file that turned to bad JSON after the backend opened makes reads throw: it is moved aside as it is.
    const reason = err instanceof Error ? err.message : String(err);
    if (!(err instanceof SyntaxError) || !backend.path || !fs.existsSync(backend.path)) throw appError('FILE_ERROR', 'RoleCall could not read its workspace.', reason);
    const backupFile = setAside(backend.path, false, now());
    raised.push({ message: `The saved workspace file could not be read (${reason.split('\n')[0]}); it was set aside as it was, in ${backupFile}.`, file: backupFile });
    readOnly = undefined;
    aside = new SetAsideList();
    loaded = readState(aside);
  }
  const state: State = loaded.state;
  const mainNotUtf8 = backend.path !== '' && places.keepIfNotUtf8(backend.path, 'workspace file');

  if (aside.entries.length > 0 && readOnly === undefined) {
    try {
      if (!backend.path) throw new Error('this store has no folder to keep it in');
      const file = writeSetAside(backend.path, aside.entries, now(), STORE_FILE_MODE, loaded.storedVersion);
      raised.push({ message: `Part of the saved workspace could not be read: ${aside.summary()}. RoleCall kept everything else; what it could not read is in ${file}.`, file });
    } catch (err) {
      // Rewriting without what could not be kept would lose it: the store stays as it is, read-only.
      readOnly = `Part of the saved workspace could not be read (${aside.summary()}) and RoleCall could not keep a copy of it (${err instanceof Error ? err.message : String(err)}), so the workspace is open read-only and left as it is.`;
    }
  }
  if (loaded.adopted.length > 0) {
    const names = loaded.adopted.map((c) => `"${c.name}"`).join(', ');
    raised.push({ message: `Found collection files the sidebar did not list, and added them back: ${names}.` });
  }

  const at = now().toISOString();
  const fresh: WorkspaceNotice[] = raised.map((r) => ({ id: randomUUID(), message: r.message, ...(r.file ? { file: r.file } : {}), at, dismissable: true }));
  state.notices = [...state.notices, ...fresh].slice(-NOTICE_LIMIT);
  const readOnlyNotice = (): WorkspaceNotice[] => {
    if (readOnly === undefined) return [];
    const skipped = aside.entries.length ? ` ${aside.entries.length} entries this version could not read are not shown.` : '';
    return [{ id: 'read-only', message: `${readOnly}${skipped}`, at, dismissable: false }];
  };

  if (readOnly === undefined) {
    // Secret values written as typed (before a cipher was usable) are sealed now rather than at their next edit.
    const plainSecrets = sealer.takePlainFound();
    const bounded = boundHistory(state.history);
    const historyOverBudget = bounded !== state.history;
    state.history = bounded;
    if (loaded.storedVersion !== WORKSPACE_VERSION || plainSecrets) writeAll();
    else {
      if (aside.entries.length || historyOverBudget || fresh.length || mainNotUtf8) writeMain();
      for (const id of rewriteCollections) slot(id).write(sealer.sealCollection(state.collections.get(id)!));
    }
  }

  /** The newest entries within the count and byte limits (the newest is kept even if it alone is over). */
  function boundHistory(history: HistoryEntry[]): HistoryEntry[] {
    let total = 2; // "[]"
    let keep = 0;
    for (const entry of history) {
      if (keep >= historyLimit) break;
      const bytes = entryBytes(entry) + (keep > 0 ? 1 : 0);
      if (keep > 0 && total + bytes > historyBytes) break;
      total += bytes;
      keep++;
    }
    return keep === history.length ? history : history.slice(0, keep);
  }

  /** Every key of the main backend (the order whole, ids of unreadable collections included). */
  function writeMain() {
    backend.set(KEY.version, WORKSPACE_VERSION);
    backend.set(KEY.order, state.order);
    for (const id of inlineSetAside.splice(0)) remove(collectionKey(id));
    backend.set(KEY.environments, sealer.sealEnvironments(state.environments));
    if (state.activeEnvironmentId) backend.set(KEY.active, state.activeEnvironmentId);
    else remove(KEY.active);
    backend.set(KEY.history, state.history);
    backend.set(KEY.tabs, state.tabs);
    backend.set(KEY.notices, state.notices);
  }

  function writeAll() {
    writeMain();
    for (const [id, collection] of state.collections) slot(id).write(sealer.sealCollection(collection));
  }

  /** Refuses every change to a workspace this version may not write. */
  function writable() {
    if (readOnly !== undefined) throw appError('READ_ONLY_WORKSPACE', 'This workspace is open read-only; the change was not saved.', readOnly);
  }

  return {
    /**
     * The workspace as the renderer restores it (the app adds stored key summaries and secretsStatus()): collections
     * as their light tree (requests:get answers a document), made once per saved version and shared by every load,
     * so only for reading (summaryCache.ts); the rest copied, so no caller shares the store's objects.
     */
    load(): StoredWorkspace {
      const workspace: StoredWorkspace = {
        version: WORKSPACE_VERSION,
        collections: state.order.filter((id) => state.collections.has(id)).map((id) => summaryOf(state.collections.get(id)!)),
        ...structuredClone({ environments: state.environments, history: state.history, tabs: state.tabs }),
        notices: structuredClone([...state.notices, ...readOnlyNotice()]),
      };
      if (state.activeEnvironmentId) workspace.activeEnvironmentId = state.activeEnvironmentId;
      if (readOnly !== undefined) workspace.readOnly = true;
      return workspace;
    },

    /** One saved request's document (a copy), or undefined. */
    getRequest(collectionId: string, requestId: string): RequestDoc | undefined {
      const collection = state.collections.get(collectionId);
      const found = collection && findRequestNode(collection.items, requestId);
      if (!found) return undefined;
      const { kind: _kind, storedId: _storedId, ...doc } = found;
      return structuredClone(doc);
    },

    /** The saved collection itself, not a copy: only for reading (collections:save looks summaries up in it). */
    peekCollection(id: string): Readonly<Collection> | undefined {
      return state.collections.get(id);
    },

    /** Every saved collection itself, not copies: only for reading. */
    peekCollections(): Iterable<Readonly<Collection>> {
      return state.collections.values();
    },

    /** Forgets a notice the user has read; false when there is none with this id. */
    dismissNotice(id: string): boolean {
      writable();
      if (!state.notices.some((n) => n.id === id)) return false;
      const notices = state.notices.filter((n) => n.id !== id);
      backend.set(KEY.notices, notices);
      state.notices = notices;
      return true;
    },

    /**
     * Saves a collection; in a file of its own only what changed since the saved version is written (a journal
     * line), and the requests it did not change stay the store's own objects, not copies.
     */
    saveCollection(collection: Collection): void {
      writable();
      const place = slot(collection.id);
      const before = state.collections.get(collection.id);
      const sealed = sealer.sealCollection(collection);
      const change = before && place.append ? journalChange(before, collection, sealed) : undefined;
      if (change) {
        if (!emptyLine(change.line)) place.append!(change.line, () => sealed);
        state.collections.set(collection.id, change.kept);
      } else {
        place.write(sealed);
        state.collections.set(collection.id, structuredClone(collection));
      }
      if (!state.order.includes(collection.id)) {
        state.order = [...state.order, collection.id];
        backend.set(KEY.order, state.order);
      }
    },

    deleteCollection(id: string): boolean {
      writable();
      if (!state.collections.has(id)) return false;
      // The file first: a crash between the two writes leaves a listed id without a file (shown as nothing),
      // never an unlisted file, which the next start would adopt back.
      slot(id).remove();
      places.drop(id);
      state.order = state.order.filter((x) => x !== id);
      backend.set(KEY.order, state.order);
      state.collections.delete(id);
      sealer.forgetCollection(id);
      return true;
    },

    /** Reorders collections; ids not given keep their relative order after those given, unknown ids are ignored. */
    orderCollections(ids: string[]): void {
      writable();
      const known = new Set(ids.filter((id) => state.collections.has(id)));
      state.order = [...known, ...state.order.filter((id) => !known.has(id))];
      backend.set(KEY.order, state.order);
    },

    saveEnvironments(environments: Environment[], activeEnvironmentId?: string): void {
      writable();
      const ids = new Set(environments.map((e) => e.id));
      if (ids.size !== environments.length) throw appError('INVALID_INPUT', 'Two environments have the same id.');
      if (activeEnvironmentId && !ids.has(activeEnvironmentId)) {
        throw appError('INVALID_INPUT', 'The active environment is not one of the environments saved.', activeEnvironmentId);
      }
      backend.set(KEY.environments, sealer.sealEnvironments(environments));
      if (activeEnvironmentId) backend.set(KEY.active, activeEnvironmentId);
      else remove(KEY.active);
      state.environments = structuredClone(environments);
      if (activeEnvironmentId) state.activeEnvironmentId = activeEnvironmentId;
      else delete state.activeEnvironmentId;
    },

    /** What protects secret variable values at rest, and how many stored ones could not be opened. */
    secretsStatus() {
      return sealer.status();
    },

    /** The environment with this id, or undefined. */
    getEnvironment(id: string): Environment | undefined {
      const found = state.environments.find((e) => e.id === id);
      return found && structuredClone(found);
    },

    /** The collection with this id, or undefined. */
    getCollection(id: string): Collection | undefined {
      const found = state.collections.get(id);
      return found && structuredClone(found);
    },

    /** Puts an entry first, dropping the oldest beyond the count and byte limits; returns the new size. */
    addHistory(entry: HistoryEntry): number {
      writable();
      const history = boundHistory([structuredClone(entry), ...state.history.filter((e) => e.id !== entry.id)]);
      backend.set(KEY.history, history);
      state.history = history;
      return history.length;
    },

    clearHistory(): number {
      writable();
      const count = state.history.length;
      backend.set(KEY.history, []);
      state.history = [];
      return count;
    },

    saveTabs(tabs: Tabs): void {
      writable();
      if (tabs.activeId && !tabs.open.some((t) => t.id === tabs.activeId)) {
        throw appError('INVALID_INPUT', 'The active tab is not one of the open tabs.', tabs.activeId);
      }
      backend.set(KEY.tabs, tabs);
      state.tabs = structuredClone(tabs);
    },
  };
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
