// The workbench's persistence: collections, environments, history and open tabs, in key-value backends
// (electron-store in the app, conf in tests and the browser test host, memory for the CLI). Everything is read
// and validated once, at open, and then served from memory. conf and electron-store rewrite their whole file on
// every set, so hosts give each collection a file of its own (collectionFiles): saving a tab or a small
// collection then never re-serialises a 10,000-request one. A store that cannot be read is moved aside to a
// backup file, never overwritten, and the workbench starts without it and says so. Secret variable values are
// sealed with the key vault's cipher on the way to disk (secretVariables.ts), and history is bounded in bytes as
// well as in entries, because one entry may carry a 64 KB body.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appError } from '../../src/errors';
import type { Cipher } from './keyVault';
import { createSecretSealer, type SecretSealer } from './secretVariables';
import {
  collectionSchema,
  environmentSchema,
  historyEntrySchema,
  HISTORY_BYTE_LIMIT,
  HISTORY_LIMIT,
  tabsSchema,
  WORKSPACE_VERSION,
  type Collection,
  type Environment,
  type HistoryEntry,
  type Tabs,
  type Workspace,
} from '../../src/models/workspace';

/** What electron-store and conf both are, reduced to what the store needs. */
export interface StoreBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Removes a key; conf and electron-store have it. Without it, a removed key is set to null. */
  delete?(key: string): void;
  /** The file the backend writes (empty for memory): where a backup of an unreadable store goes beside. */
  readonly path: string;
}

/** Store files (and what is set aside from them) are the user's alone: hosts pass this as conf's configFileMode. */
export const STORE_FILE_MODE = 0o600;

/** The store's file name without extension, in whichever folder the host keeps it. */
export const STORE_NAME = 'workspace';

/** What load() returns: the workspace without what the app adds (stored keys, the secrets status). */
export type StoredWorkspace = Omit<Workspace, 'storedKeys' | 'secretsProtection' | 'secretsUnreadable'>;

export interface Recovered {
  message: string;
  backupFile: string;
}

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
  /** Set by openBackend when the file could not even be opened. */
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
} as const;

/** Collection keys carry the id; dots would be read as nesting by conf's dot notation, so they are escaped. */
const collectionKey = (id: string) => `collection:${encodeURIComponent(id).replace(/\./g, '%2E')}`;

const EMPTY_TABS: Tabs = { open: [] };

export function createMemoryBackend(): StoreBackend {
  const data = new Map<string, unknown>();
  return {
    path: '',
    get: (key) => structuredClone(data.get(key)),
    set: (key, value) => void data.set(key, structuredClone(value)),
    delete: (key) => void data.delete(key),
  };
}

/** Where an unreadable store file is kept: beside it, named with the time, never overwriting an older backup. */
export function backupPath(file: string, now: Date = new Date()): string {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${base}.unreadable-${stamp}${ext || '.json'}`;
  for (let i = 1; fs.existsSync(candidate) && i < 1000; i++) candidate = `${base}.unreadable-${stamp}-${i}${ext || '.json'}`;
  return candidate;
}

/** Moves (or, with keep, copies) the store file to a backup; returns the backup's path. */
function setAside(file: string, keep: boolean, now: Date): string {
  const backup = backupPath(file, now);
  try {
    if (keep) fs.copyFileSync(file, backup);
    else fs.renameSync(file, backup);
    fs.chmodSync(backup, STORE_FILE_MODE);
  } catch (err) {
    throw appError('FILE_ERROR', 'RoleCall could not set its unreadable workspace file aside.', `${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return backup;
}

/**
 * Opens a file backend whose constructor reads the file (conf, electron-store throw on bad JSON). When it throws
 * and the file exists, the file is moved to a backup and the backend is opened again on a fresh file.
 */
export function openBackend(
  file: string,
  create: () => StoreBackend,
  now: () => Date = () => new Date(),
  what = 'workspace',
): { backend: StoreBackend; recovered?: Recovered } {
  try {
    return { backend: create() };
  } catch (err) {
    if (!fs.existsSync(file)) throw err;
    const backupFile = setAside(file, false, now());
    const reason = err instanceof Error ? err.message : String(err);
    const outcome = what === 'workspace' ? 'RoleCall started with an empty one' : 'it was set aside';
    return { backend: create(), recovered: { message: `The saved ${what} could not be read (${reason}); ${outcome}.`, backupFile } };
  }
}

interface State {
  order: string[];
  collections: Map<string, Collection>;
  environments: Environment[];
  activeEnvironmentId?: string;
  history: HistoryEntry[];
  tabs: Tabs;
}

const issues = (error: z.ZodError, where: string) =>
  error.issues.slice(0, 5).map((i) => `${where}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`).join('\n');

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(issues(parsed.error, where));
  return parsed.data;
}

/** Where one collection is kept: a key of the main backend, or a file of its own. */
interface CollectionSlot {
  read(): unknown;
  /** Writes the stored form (secret values sealed). */
  write(stored: unknown): void;
  remove(): void;
  /** The collection's own file, when it has one. */
  file?: string;
}

/** A collection's file name: a hash of its id, so any id makes a safe name, even on case-insensitive disks. */
export const collectionFileName = (id: string) => `collection-${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;

const COLLECTION = 'collection';

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

/** Reads every key and validates it; throws an Error naming the first problems found. */
function readState(
  backend: StoreBackend,
  slot: (id: string) => CollectionSlot,
  setAsideOne: (id: string, reason: string) => void,
  sealer: SecretSealer,
): State {
  let version = backend.get(KEY.version);
  if (version === undefined || version === null) version = 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) throw new Error(`version: ${JSON.stringify(version)} is not a version`);
  if (version > WORKSPACE_VERSION) throw new Error(`it was written by a newer RoleCall (workspace version ${version}, this one reads ${WORKSPACE_VERSION})`);

  const order = parse(z.array(z.string().min(1).max(64)).max(10000), backend.get(KEY.order) ?? [], KEY.order);
  const raw = order.map((id) => {
    try {
      return slot(id).read();
    } catch (err) {
      if (!slot(id).file) throw err;
      setAsideOne(id, err instanceof Error ? err.message : String(err));
      return undefined;
    }
  });
  let data: Record<string, unknown> = {
    collections: raw,
    environments: backend.get(KEY.environments) ?? [],
    activeEnvironmentId: backend.get(KEY.active) ?? undefined,
    history: backend.get(KEY.history) ?? [],
    tabs: backend.get(KEY.tabs) ?? EMPTY_TABS,
  };
  for (let v = version; v < WORKSPACE_VERSION; v++) data = MIGRATIONS[v]!(data);
  data.collections = (data.collections as unknown[]).map((value) => sealer.openCollection(value));
  data.environments = sealer.openEnvironments(data.environments);

  const collections = new Map<string, Collection>();
  (data.collections as unknown[]).forEach((value, i) => {
    const id = order[i]!;
    if (value === undefined || value === null) return; // listed but never written, or set aside above
    const parsed = collectionSchema.safeParse(value);
    if (parsed.success) collections.set(id, parsed.data);
    else if (slot(id).file) setAsideOne(id, issues(parsed.error, `collection ${id}`));
    else throw new Error(issues(parsed.error, `collection ${id}`));
  });
  return {
    order: order.filter((id) => collections.has(id)),
    collections,
    environments: parse(z.array(environmentSchema).max(1000), data.environments, KEY.environments),
    ...(typeof data.activeEnvironmentId === 'string' ? { activeEnvironmentId: data.activeEnvironmentId } : {}),
    history: parse(z.array(historyEntrySchema), data.history, KEY.history),
    tabs: parse(tabsSchema, data.tabs, KEY.tabs),
  };
}

function emptyState(): State {
  return { order: [], collections: new Map(), environments: [], history: [], tabs: EMPTY_TABS };
}

export function createWorkspaceStore(backend: StoreBackend, opts: WorkspaceStoreOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const historyLimit = opts.historyLimit ?? HISTORY_LIMIT;
  const historyBytes = opts.historyBytes ?? HISTORY_BYTE_LIMIT;
  const sealer = createSecretSealer(opts.cipher);
  const problems: Recovered[] = opts.recovered ? [opts.recovered] : [];
  const slots = new Map<string, CollectionSlot>();
  let state: State;

  function remove(key: string) {
    if (backend.delete) backend.delete(key);
    else backend.set(key, null);
  }

  function slot(id: string): CollectionSlot {
    let found = slots.get(id);
    if (found) return found;
    const files = opts.collectionFiles;
    if (!files) {
      found = { read: () => backend.get(collectionKey(id)), write: (c) => backend.set(collectionKey(id), c), remove: () => remove(collectionKey(id)) };
    } else {
      const name = collectionFileName(id);
      const file = path.join(files.dir, `${name}.json`);
      let opened: StoreBackend | undefined;
      const open = () => {
        if (opened) return opened;
        const result = openBackend(file, () => files.create(files.dir, name), now, `collection ${id}`);
        if (result.recovered) problems.push(result.recovered);
        return (opened = result.backend);
      };
      found = {
        file,
        read: () => open().get(COLLECTION),
        write: (c) => open().set(COLLECTION, c),
        remove: () => {
          opened = undefined;
          fs.rmSync(file, { force: true });
        },
      };
    }
    slots.set(id, found);
    return found;
  }

  /** A collection file that cannot be used is moved aside; the rest of the workspace loads. */
  function setAsideOne(id: string, reason: string) {
    const file = slot(id).file!;
    slots.delete(id);
    if (!fs.existsSync(file)) return;
    const backupFile = setAside(file, false, now());
    problems.push({ message: `The saved collection ${id} could not be read (${reason.split('\n')[0]}); it was set aside.`, backupFile });
  }

  try {
    state = readState(backend, slot, setAsideOne, sealer);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (!backend.path || !fs.existsSync(backend.path)) throw appError('FILE_ERROR', 'RoleCall could not read its workspace.', reason);
    // Bad JSON makes every read throw, so the file itself must go; a wrong shape is copied and then overwritten.
    const unparsable = err instanceof SyntaxError;
    const backupFile = setAside(backend.path, !unparsable, now());
    problems.push({ message: `The saved workspace could not be read (${reason.split('\n')[0]}); RoleCall started with an empty one.`, backupFile });
    state = emptyState();
    if (!unparsable) for (const key of knownKeys(backend)) remove(key);
  }
  // Secret values written as typed (before a cipher was usable) are sealed now rather than at their next edit.
  const plainSecrets = sealer.takePlainFound();
  const bounded = boundHistory(state.history);
  const historyOverBudget = bounded !== state.history;
  state.history = bounded;
  if (backend.get(KEY.version) !== WORKSPACE_VERSION || plainSecrets || historyOverBudget) writeAll();
  // One report for the renderer: the first backup, and every message.
  const recovered: Recovered | undefined = problems.length
    ? { message: problems.map((p) => p.message).join('\n'), backupFile: problems[0]!.backupFile }
    : undefined;

  /** Every key this store may have written, for resetting a store whose shape was wrong. */
  function knownKeys(b: StoreBackend): string[] {
    let order: unknown;
    try {
      order = b.get(KEY.order);
    } catch {
      order = [];
    }
    const ids = Array.isArray(order) ? order.filter((x): x is string => typeof x === 'string') : [];
    return [...Object.values(KEY), ...ids.map(collectionKey)];
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

  function writeAll() {
    backend.set(KEY.version, WORKSPACE_VERSION);
    backend.set(KEY.order, state.order);
    for (const [id, collection] of state.collections) slot(id).write(sealer.sealCollection(collection));
    backend.set(KEY.environments, sealer.sealEnvironments(state.environments));
    if (state.activeEnvironmentId) backend.set(KEY.active, state.activeEnvironmentId);
    else remove(KEY.active);
    backend.set(KEY.history, state.history);
    backend.set(KEY.tabs, state.tabs);
  }

  return {
    /** The whole workspace as the renderer restores it (the app adds stored key summaries and secretsStatus()). */
    load(): StoredWorkspace {
      const workspace: StoredWorkspace = {
        version: WORKSPACE_VERSION,
        collections: state.order.map((id) => state.collections.get(id)!),
        environments: state.environments,
        history: state.history,
        tabs: state.tabs,
      };
      if (state.activeEnvironmentId) workspace.activeEnvironmentId = state.activeEnvironmentId;
      if (recovered) workspace.recovered = recovered;
      return structuredClone(workspace);
    },

    saveCollection(collection: Collection): void {
      slot(collection.id).write(sealer.sealCollection(collection));
      state.collections.set(collection.id, structuredClone(collection));
      if (!state.order.includes(collection.id)) {
        state.order = [...state.order, collection.id];
        backend.set(KEY.order, state.order);
      }
    },

    deleteCollection(id: string): boolean {
      if (!state.collections.has(id)) return false;
      // The order first: a crash between the two writes leaves an unlisted value, never a listed hole.
      state.order = state.order.filter((x) => x !== id);
      backend.set(KEY.order, state.order);
      state.collections.delete(id);
      sealer.forgetCollection(id);
      slot(id).remove();
      slots.delete(id);
      return true;
    },

    /** Reorders collections; ids not given keep their relative order after those given, unknown ids are ignored. */
    orderCollections(ids: string[]): void {
      const known = [...new Set(ids)].filter((id) => state.collections.has(id));
      state.order = [...known, ...state.order.filter((id) => !known.includes(id))];
      backend.set(KEY.order, state.order);
    },

    saveEnvironments(environments: Environment[], activeEnvironmentId?: string): void {
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

    /** The collection with this id, or undefined. */
    getCollection(id: string): Collection | undefined {
      const found = state.collections.get(id);
      return found && structuredClone(found);
    },

    /** Puts an entry first, dropping the oldest beyond the count and byte limits; returns the new size. */
    addHistory(entry: HistoryEntry): number {
      const history = boundHistory([structuredClone(entry), ...state.history.filter((e) => e.id !== entry.id)]);
      backend.set(KEY.history, history);
      state.history = history;
      return history.length;
    },

    clearHistory(): number {
      const count = state.history.length;
      backend.set(KEY.history, []);
      state.history = [];
      return count;
    },

    saveTabs(tabs: Tabs): void {
      if (tabs.activeId && !tabs.open.some((t) => t.id === tabs.activeId)) {
        throw appError('INVALID_INPUT', 'The active tab is not one of the open tabs.', tabs.activeId);
      }
      backend.set(KEY.tabs, tabs);
      state.tabs = structuredClone(tabs);
    },
  };
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
