// Collections kept as folders of files (issue 6): a folder the user opened, e.g. `api/rolecall/` in the team's
// repository, read with the folder layout (src/formats/folderLayout) and written back file by file.
//
// Three snapshots per folder keep writes small and safe:
// - `owned`: the layout's own output for the model as it stands. A save writes only files whose new output differs
//   from it, so a teammate's hand-formatted file of an untouched request is never rewritten, and an edit to one
//   request changes one file.
// - `baseline`: each file's text as the renderer last loaded it (workspace:load) or as RoleCall wrote it. A file
//   about to be written or removed whose text on disk is no longer that was changed by someone else since: the
//   save is refused with CONFLICT (naming the file) unless the user chose to overwrite.
// - `disk`: what the last scan found, to tell a real change from the watcher's noise (our own writes included).
// Files of deleted items are removed only when the renderer confirmed it; secret variable values never reach a
// file (folderSecrets.ts keeps them on this machine). Operations on one folder run one at a time.
import fs from 'node:fs/promises';
import path from 'node:path';
import { appError } from '../../src/errors';
import { blankSecrets } from '../../src/formats/blankSecrets';
import { readFolder, writeFolder, type FolderFiles, type FolderMeta, type FolderProblem, type FolderRead } from '../../src/formats/folderLayout';
import type { FolderSource, OpenFolderSummary, RecentFolderView } from '../../src/models/folders';
import type { Collection, CollectionSummary, Environment, ItemNode, KeyValue, RequestDoc } from '../../src/models/workspace';
import { findRequestNode, summarizeCollection } from '../../src/requestSummary';
import { appIdOf } from './folderIds';
import { scanFolder } from './folderScan';
import { createFolderSecrets, type SecretScope } from './folderSecrets';
import { watchFolder, type FolderWatcher, type WatchOptions } from './folderWatch';
import { moveResources, removeResources, restoreResources, type ResourceStash } from './folderResources';
import { readCurrent, removeFile, writeFileAtomic } from './folderWrite';
import type { Cipher } from './keyVault';
import { createRecentFolders, folderIdOf } from './recentFolders';
import type { StoreBackend } from './workspaceStore';

export interface CollectionFoldersOptions {
  /** The app's store: the recent list and secret values live there, never in a folder. */
  backend: StoreBackend;
  cipher?: Cipher;
  /** A folder's files changed on disk and were re-read: the renderer should reload. */
  onChanged: (folderId: string) => void;
  /** false: no watching (the CLI). */
  watch?: false | WatchOptions;
}

export interface SaveOptions {
  /** Write even over files changed on disk since they were loaded. */
  overwrite?: boolean;
  /** Remove the files of deleted items (the renderer asked the user first). */
  confirmDeleteFiles?: boolean;
}

interface Folder {
  id: string;
  name: string;
  root: string;
  /** File-level ids; secret values filled in from folderSecrets. */
  collections: Collection[];
  environments: Environment[];
  meta: FolderMeta;
  owned: FolderFiles;
  baseline: FolderFiles;
  disk: FolderFiles;
  problems: FolderProblem[];
  /** App id -> file id, and back. */
  appIds: Map<string, string>;
  watcher?: FolderWatcher;
  queue: Promise<unknown>;
  /** Example files removed with confirmed deletions, for the undo that writes their item again (folderResources.ts). */
  removedResources: ResourceStash;
}

type WithSource<T> = T & { source: FolderSource };

const sameFiles = (a: FolderFiles, b: FolderFiles) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
};

const blankRows = (rows: KeyValue[]) => rows.map((r) => (r.secret ? { ...r, value: '' } : r));

/** Calls `visit` with every variables list of a collection (its own, then its folders'). */
function eachVariables(collection: Collection, visit: (vars: KeyValue[]) => KeyValue[]): Collection {
  const walk = (items: ItemNode[]): ItemNode[] =>
    items.map((item) => (item.kind === 'folder' ? { ...item, variables: visit(item.variables), items: walk(item.items) } : item));
  return { ...collection, variables: visit(collection.variables), items: walk(collection.items) };
}

/** Secret values by name (the first non-empty one wins); what folderSecrets keeps for a collection or environment. */
function secretValues(lists: KeyValue[][]): Map<string, string> {
  const values = new Map<string, string>();
  for (const vars of lists) for (const v of vars) if (v.secret && v.value && !values.get(v.key)) values.set(v.key, v.value);
  return values;
}

export function createCollectionFolders(opts: CollectionFoldersOptions) {
  const recent = createRecentFolders(opts.backend);
  const secrets = createFolderSecrets(opts.backend, opts.cipher);
  const folders = new Map<string, Folder>();
  /** App collection/environment id -> folder id. */
  const owners = new Map<string, string>();

  const scopeOf = (folder: Folder, kind: SecretScope['kind'], id: string): SecretScope => ({ folderId: folder.id, kind, id });

  function fillSecrets(folder: Folder, read: FolderRead): { collections: Collection[]; environments: Environment[] } {
    const fill = (scope: SecretScope) => (vars: KeyValue[]) => vars.map((v) => (v.secret ? { ...v, value: secrets.get(scope, v.key) } : v));
    return {
      collections: read.collections.map((c) => eachVariables(c, fill(scopeOf(folder, 'collection', c.id)))),
      environments: read.environments.map((e) => ({ ...e, variables: fill(scopeOf(folder, 'environment', e.id))(e.variables) })),
    };
  }

  /** What the layout is given: never a secret value, never a credential. */
  const forFiles = (collections: Collection[], environments: Environment[]) => ({
    collections: collections.map((c) => blankSecrets(c)),
    environments: environments.map((e) => ({ ...e, variables: blankRows(e.variables) })),
  });

  function register(folder: Folder): void {
    for (const [appId, owner] of owners) if (owner === folder.id) owners.delete(appId);
    const kinds: Array<['collection' | 'environment', { id: string }[]]> = [
      ['collection', folder.collections],
      ['environment', folder.environments],
    ];
    for (const [kind, list] of kinds) {
      for (const entry of list) {
        let appId = [...folder.appIds].find(([, fileId]) => fileId === entry.id)?.[0];
        if (!appId) {
          appId = appIdOf(folder.id, kind, entry.id);
          folder.appIds.set(appId, entry.id);
        }
        owners.set(appId, folder.id);
      }
    }
    // A deleted collection's id stays the folder's, so undo (saving it again) writes its files back there.
    for (const appId of folder.appIds.keys()) owners.set(appId, folder.id);
  }
  const appIdFor = (folder: Folder, fileId: string) => [...folder.appIds].find(([, f]) => f === fileId)?.[0] ?? fileId;

  /** Takes a read into the folder's model, keeping the ids the app knows wherever paths did not change. */
  function adopt(folder: Folder, files: FolderFiles, scanProblems: FolderProblem[]): void {
    // The previous meta keeps the ids the app knows for paths that did not change (a request made this session).
    const read = readFolder(files, folder.meta);
    const filled = fillSecrets(folder, read);
    folder.collections = filled.collections;
    folder.environments = filled.environments;
    folder.meta = read.meta;
    folder.owned = writeFolder(forFiles(folder.collections, folder.environments), folder.meta).files;
    folder.disk = files;
    folder.problems = [...scanProblems, ...read.problems];
    register(folder);
  }

  function serial<T>(folder: Folder, run: () => Promise<T>): Promise<T> {
    const next = folder.queue.then(run, run);
    folder.queue = next.catch(() => undefined);
    return next;
  }

  async function rescan(folder: Folder): Promise<void> {
    if (folders.get(folder.id) !== folder) return;
    let scan;
    try {
      scan = await scanFolder(folder.root);
    } catch {
      return; // The folder went away (unmounted, deleted): it stays as last read until closed.
    }
    if (sameFiles(scan.files, folder.disk)) return;
    adopt(folder, scan.files, scan.problems);
    opts.onChanged(folder.id);
  }

  async function open(root: string): Promise<OpenFolderSummary> {
    let real: string;
    try {
      real = await fs.realpath(root);
      if (!(await fs.stat(real)).isDirectory()) throw new Error('not a folder');
    } catch (err) {
      throw appError('FILE_ERROR', 'RoleCall could not open that folder.', `${root}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const id = folderIdOf(real);
    const existing = folders.get(id);
    if (existing) {
      recent.opened(real);
      return summary(existing);
    }
    const scan = await scanFolder(real);
    const folder: Folder = {
      id,
      name: path.basename(real) || real,
      root: real,
      collections: [],
      environments: [],
      meta: { collections: {}, environments: {} },
      owned: {},
      baseline: { ...scan.files },
      disk: {},
      problems: [],
      appIds: new Map(),
      queue: Promise.resolve(),
      removedResources: new Map(),
    };
    adopt(folder, scan.files, scan.problems);
    folders.set(id, folder);
    recent.opened(real);
    if (opts.watch !== false) folder.watcher = watchFolder(real, () => void serial(folder, () => rescan(folder)), opts.watch ?? {});
    return summary(folder);
  }

  function summary(folder: Folder): OpenFolderSummary {
    return { folderId: folder.id, name: folder.name, problems: folder.problems.map((p) => ({ ...p })) };
  }

  function close(folderId: string): boolean {
    const folder = folders.get(folderId);
    recent.setOpen(folderId, false);
    if (!folder) return false;
    folder.watcher?.close();
    folders.delete(folderId);
    for (const [appId, owner] of owners) if (owner === folderId) owners.delete(appId);
    return true;
  }

  /**
   * Writes the folder's model as `collections`/`environments`: conflicts checked first (nothing is written when one
   * is found), then changed files, then removals. `deleted` are the old paths of deleted items and collections:
   * their files go only with confirmDeleteFiles. Returns the files kept for want of confirmation.
   */
  async function commit(folder: Folder, collections: Collection[], environments: Environment[], deleted: string[], options: SaveOptions): Promise<{ keptFiles: string[] }> {
    const { files: out, meta } = writeFolder(forFiles(collections, environments), folder.meta);
    const writes = Object.keys(out).filter((p) => out[p] !== folder.owned[p]);
    const isDeleted = (p: string) => deleted.some((d) => p === d || p.startsWith(`${d}/`));
    const gone = Object.keys(folder.owned).filter((p) => !(p in out));
    const keptFiles = options.confirmDeleteFiles ? [] : gone.filter(isDeleted);
    const removals = gone.filter((p) => !keptFiles.includes(p));

    const now = new Map<string, string | undefined>();
    for (const p of [...writes, ...removals]) now.set(p, await readCurrent(folder.root, p));
    if (!options.overwrite) {
      for (const p of [...writes, ...removals]) {
        const disk = now.get(p);
        if (disk === out[p] && writes.includes(p)) continue; // Already what we want: nothing to lose.
        const expected = p in folder.owned ? folder.baseline[p] : undefined;
        if (disk !== expected) {
          const what = disk === undefined ? 'was deleted on disk' : expected === undefined ? 'already exists on disk' : 'changed on disk';
          throw appError('CONFLICT', `${p} ${what} since RoleCall read it. Reload it, or save again to overwrite it.`, p);
        }
      }
    }
    for (const p of writes) if (now.get(p) !== out[p]) await writeFileAtomic(folder.root, p, out[p]!);
    for (const p of removals) await removeFile(folder.root, p);
    // A confirmed deletion takes the item's example files too, writing the item again (undo) brings them back, and a
    // renamed or moved item takes them along (folderResources.ts).
    const unreadable = new Set(folder.meta.unreadable ?? []);
    const resourcesGone = options.confirmDeleteFiles
      ? await removeResources(folder.root, folder.meta, meta, folder.disk, (p) => p in out || unreadable.has(p), folder.removedResources)
      : [];
    const resourcesMoved = await moveResources(folder.root, folder.meta, meta, folder.disk, (p) => p in out || p in folder.owned || unreadable.has(p));
    removals.push(...resourcesGone, ...resourcesMoved.removed);
    const resourcesBack = { ...resourcesMoved.written, ...(await restoreResources(folder.root, meta, folder.removedResources)) };
    Object.assign(folder.baseline, resourcesBack);
    Object.assign(folder.disk, resourcesBack);

    for (const p of writes) folder.baseline[p] = folder.disk[p] = out[p]!;
    for (const p of removals) {
      delete folder.baseline[p];
      delete folder.disk[p];
    }
    folder.collections = collections;
    folder.environments = environments;
    folder.meta = meta;
    folder.owned = out;
    register(folder);
    return { keptFiles };
  }

  const folderOf = (appId: string) => {
    const folderId = owners.get(appId);
    return folderId ? folders.get(folderId) : undefined;
  };

  function storeSecrets(folder: Folder, collection: Collection): void {
    const lists: KeyValue[][] = [];
    eachVariables(collection, (vars) => (lists.push(vars), vars));
    secrets.replace(scopeOf(folder, 'collection', collection.id), secretValues(lists));
  }

  /** Old paths of items (and the collection itself, when it goes) missing from `next`. */
  function deletedPaths(folder: Folder, fileId: string, next: Collection | undefined): string[] {
    const placed = folder.meta.collections[fileId];
    if (!placed) return [];
    if (!next) return [placed.dir];
    const ids = new Set<string>();
    const walk = (items: ItemNode[]) => items.forEach((i) => (ids.add(i.id), i.kind === 'folder' && walk(i.items)));
    walk(next.items);
    return Object.entries(placed.items)
      .filter(([id]) => !ids.has(id))
      .map(([, p]) => p.path);
  }

  return {
    open,
    close,
    /** Opens again the folders that were open when the app last ran; one that cannot be opened is marked closed. */
    async restore(): Promise<void> {
      for (const entry of recent.list().filter((r) => r.open)) {
        await open(entry.path).catch(() => recent.setOpen(entry.folderId, false));
      }
    },
    recent(): RecentFolderView[] {
      return recent.list().map((r) => ({ ...r, open: folders.has(r.folderId) }));
    },
    /** The path of a folder the user opened before, or undefined: the only paths folders:open accepts from the renderer. */
    recentPath(p: string): string | undefined {
      return recent.byPath(p)?.path;
    },
    owns: (appId: string) => owners.has(appId),
    /** A folder-backed collection as the app sees it (for export), or undefined. */
    getCollection(appId: string): Collection | undefined {
      const folder = folderOf(appId);
      const found = folder?.collections.find((c) => c.id === folder.appIds.get(appId));
      return found && { ...structuredClone(found), id: appId };
    },
    isOpen: (folderId: string) => folders.has(folderId),
    /** A folder-backed collection itself, not a copy (under its file id): only for reading. */
    peekCollection(appId: string): Readonly<Collection> | undefined {
      const folder = folderOf(appId);
      return folder?.collections.find((c) => c.id === folder.appIds.get(appId));
    },
    /** One request's document in a folder-backed collection (a copy), or undefined. */
    getRequest(appId: string, requestId: string): RequestDoc | undefined {
      const collection = this.peekCollection(appId);
      const found = collection && findRequestNode(collection.items, requestId);
      if (!found) return undefined;
      const { kind: _kind, storedId: _storedId, ...doc } = found;
      return structuredClone(doc);
    },
    /** Every folder-backed collection itself, with its app id: only for reading. */
    *peekCollections(): Iterable<Readonly<Collection>> {
      for (const folder of folders.values()) for (const c of folder.collections) yield { ...c, id: appIdFor(folder, c.id) };
    },

    /** Everything from open folders, with app-level ids and sources; marks what the renderer now knows as the baseline. */
    load(): { collections: WithSource<CollectionSummary>[]; environments: WithSource<Environment>[]; folders: OpenFolderSummary[] } {
      const collections: WithSource<CollectionSummary>[] = [];
      const environments: WithSource<Environment>[] = [];
      for (const folder of folders.values()) {
        folder.baseline = { ...folder.disk };
        const source: FolderSource = { kind: 'folder', folderId: folder.id, folderName: folder.name };
        const byName = [...folder.collections].sort((a, b) => a.name.localeCompare(b.name));
        for (const c of byName) collections.push({ ...summarizeCollection(c), id: appIdFor(folder, c.id), source });
        for (const e of folder.environments) environments.push({ ...structuredClone(e), id: appIdFor(folder, e.id), source });
      }
      return { collections, environments, folders: [...folders.values()].map(summary) };
    },

    async saveCollection(collection: Collection, options: SaveOptions = {}): Promise<{ keptFiles: string[] }> {
      const folder = folderOf(collection.id);
      if (!folder) throw appError('INVALID_INPUT', 'That collection is not in an open folder.', collection.id);
      return serial(folder, async () => {
        const fileId = folder.appIds.get(collection.id)!;
        const next: Collection = { ...collection, id: fileId };
        const collections = folder.collections.some((c) => c.id === fileId)
          ? folder.collections.map((c) => (c.id === fileId ? next : c))
          : [...folder.collections, next];
        const result = await commit(folder, collections, folder.environments, deletedPaths(folder, fileId, next), options);
        storeSecrets(folder, next);
        return result;
      });
    },

    /** Removes a collection's files (only with confirmDeleteFiles; without it nothing happens and false comes back). */
    async deleteCollection(appId: string, options: SaveOptions = {}): Promise<boolean> {
      const folder = folderOf(appId);
      if (!folder || !options.confirmDeleteFiles) return false;
      return serial(folder, async () => {
        const fileId = folder.appIds.get(appId)!;
        await commit(folder, folder.collections.filter((c) => c.id !== fileId), folder.environments, deletedPaths(folder, fileId, undefined), options);
        secrets.replace(scopeOf(folder, 'collection', fileId), new Map());
        return true;
      });
    },

    /** Writes a store collection into an open folder under its own id (so open tabs keep pointing at it). */
    async moveIn(collection: Collection, folderId: string, options: SaveOptions = {}): Promise<void> {
      const folder = folders.get(folderId);
      if (!folder) throw appError('INVALID_INPUT', 'That folder is not open.', folderId);
      if (owners.has(collection.id)) throw appError('INVALID_INPUT', 'That collection is already in a folder.', collection.id);
      await serial(folder, async () => {
        folder.appIds.set(collection.id, collection.id);
        try {
          await commit(folder, [...folder.collections, collection], folder.environments, [], options);
        } catch (err) {
          folder.appIds.delete(collection.id);
          throw err;
        }
        storeSecrets(folder, collection);
      });
    },

    /** Saves the environments of open folders among `environments` (app ids); returns the rest, for the store. */
    async saveEnvironments(environments: Environment[], options: SaveOptions = {}): Promise<Environment[]> {
      const rest: Environment[] = [];
      const byFolder = new Map<Folder, Environment[]>();
      for (const env of environments) {
        const folder = folderOf(env.id);
        if (!folder) rest.push(env);
        else byFolder.set(folder, [...(byFolder.get(folder) ?? []), { ...env, id: folder.appIds.get(env.id)! }]);
      }
      // An environment of a folder missing from the list keeps its file: files are deleted only when asked for.
      for (const [folder, next] of byFolder) {
        const all = folder.environments.map((e) => next.find((n) => n.id === e.id) ?? e);
        if (JSON.stringify(all) === JSON.stringify(folder.environments)) continue;
        await serial(folder, async () => {
          await commit(folder, folder.collections, all, [], options);
          for (const env of all) secrets.replace(scopeOf(folder, 'environment', env.id), secretValues([env.variables]));
        });
      }
      return rest;
    },

    /** Stops watching (the app quits); the folders stay marked open, to be reopened at the next start. */
    dispose(): void {
      for (const folder of folders.values()) folder.watcher?.close();
      folders.clear();
      owners.clear();
    },
  };
}

export type CollectionFolders = ReturnType<typeof createCollectionFolders>;
