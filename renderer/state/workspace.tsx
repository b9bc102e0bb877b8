// The workspace as the renderer holds it: collections, environments, history, stored key names and the tabs to
// reopen, loaded once from main and kept in step with it. Every change shows at once (optimistic) and is then
// written through the API; when main refuses, the change is rolled back, the error is kept in `error` for the
// sidebar to show, and the returned promise rejects with the same error so the caller can react too.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RoleCallApi } from '../../src/contract';
import { appError, type AppError, type Result } from '../../src/errors';
import { findItem, insertItem, updateItem } from '../../src/collectionTree';
import { mergeTreePage } from '../../src/treePages';
// Types only: a value import would pull zod into the page, and zod probes eval, which the page's CSP refuses.
import type { CollectionSummary, Environment, FolderSummary, HistoryEntry, RequestDoc, RequestNode, RequestSummary, StoredKeyProblem, StoredKeySummary, Tabs, TreePages, WorkspaceNotice } from '../../src/models/workspace';
import type { FolderSource, OpenFolderSummary } from '../../src/models/folders';
import { transportError } from '../format';
import { takeEarly } from '../startup/earlyCalls';

export interface RequestRef {
  collectionId: string;
  requestId: string;
}

interface WorkspaceData {
  ready: boolean;
  error?: AppError;
  /** What could not be read and where it was kept, until dismissed (the banner above the sidebar). */
  notices: WorkspaceNotice[];
  /** The workspace came from a newer RoleCall: shown, never saved. */
  readOnly: boolean;
  storedKeyProblems: StoredKeyProblem[];
  collections: CollectionSummary[];
  /** Big collections whose tree is still arriving in pages (collections:page): shown as far as they came, not saved. */
  loading: string[];
  environments: Environment[];
  activeEnvironmentId?: string;
  history: HistoryEntry[];
  storedKeys: StoredKeySummary[];
  /** What protects secret variable values at rest ("none": stored as typed; empty until loaded), and how many could not be opened. */
  secretsProtection: string;
  secretsUnreadable?: number;
  initialTabs: Tabs;
  /** Open collection folders and what in them could not be read. */
  folders: OpenFolderSummary[];
  /** A save refused because a file of its folder changed on disk: the sidebar asks to overwrite or reload. */
  conflict?: { collection: CollectionSummary; message: string };
}

/** Where a collection or environment is kept, when it comes from an open folder. */
export const sourceOf = (entry: { source?: FolderSource } | object): FolderSource | undefined => ('source' in entry ? entry.source : undefined);

export interface SaveOptions {
  overwrite?: boolean;
  /** The user agreed to delete the files of items removed from a folder-backed collection. */
  confirmDeleteFiles?: boolean;
}

export interface WorkspaceActions {
  saveCollection(c: CollectionSummary, options?: SaveOptions): Promise<void>;
  deleteCollection(id: string, options?: SaveOptions): Promise<void>;
  /** Reads collections, environments and open folders again from main (a folder changed on disk, one was opened). */
  reloadFolders(): Promise<void>;
  /** Answers the conflict prompt: save over the file on disk, or take what is on disk. */
  resolveConflict(choice: 'overwrite' | 'reload' | 'cancel'): Promise<void>;
  /** The sidebar order of collections (every id, in order). */
  orderCollections(ids: string[]): Promise<void>;
  setEnvironments(envs: Environment[], activeId?: string): Promise<void>;
  addHistory(e: HistoryEntry): Promise<void>;
  clearHistory(): Promise<void>;
  /**
   * Saves a request doc into a collection under a folder (parentFolderId undefined = top level); returns its ref.
   * A request with the same id already in that collection is replaced where it stands (a plain save).
   */
  saveRequest(collectionId: string, parentFolderId: string | undefined, doc: RequestDoc): Promise<RequestRef>;
  /** The request's summary with its ancestor folders (outermost first) and collection, for inheritance. */
  findRequest(ref: RequestRef): { request: RequestSummary; folders: FolderSummary[]; collection: CollectionSummary } | undefined;
  /** A saved request's whole document, asked of main (the tree holds summaries): for a tab that opens it. */
  loadRequest(ref: RequestRef): Promise<RequestDoc>;
  refreshKeys(): Promise<void>;
  /** Shows what main saved on import:commit (a collection, an environment) without writing it again. */
  adoptImported(saved: { collection?: CollectionSummary; environment?: Environment }): void;
  /** Clears `error` once the user has read it. */
  dismissError(): void;
  /** Forgets a notice for good (main stops reporting it at start). */
  dismissNotice(id: string): Promise<void>;
}

export type WorkspaceValue = WorkspaceData & WorkspaceActions;

const EMPTY: WorkspaceData = { ready: false, notices: [], readOnly: false, storedKeyProblems: [], collections: [], loading: [], environments: [], history: [], storedKeys: [], secretsProtection: '', initialTabs: { open: [] }, folders: [] };

const WorkspaceContext = createContext<(WorkspaceValue & { api: RoleCallApi }) | undefined>(undefined);

interface Pending {
  id: string;
  pages: TreePages;
}

/** The collections as they came (their first pages) without the paging note, and which have pages to come. */
function takePages(loaded: Array<CollectionSummary & { pages?: TreePages }>): { collections: CollectionSummary[]; pending: Pending[] } {
  const pending: Pending[] = [];
  const collections = loaded.map((c) => {
    if (!c.pages) return c;
    const { pages, ...rest } = c;
    pending.push({ id: c.id, pages });
    return rest;
  });
  return { collections, pending };
}

async function call<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (err) {
    return { ok: false, error: transportError(err) };
  }
}

export function WorkspaceProvider(props: { api: RoleCallApi; children: ReactNode }) {
  const { api } = props;
  const [data, setData] = useState<WorkspaceData>(EMPTY);
  // The latest state, for actions that read before they write; updated together with React's copy.
  const current = useRef<WorkspaceData>(EMPTY);
  // What main last confirmed, per collection, to roll back to; and a counter per collection so only the newest
  // failed write rolls back (an older failure must not undo a newer change that succeeded).
  const confirmed = useRef(new Map<string, CollectionSummary>());
  const writes = useRef(new Map<string, number>());
  const queues = useRef(new Map<string, Promise<unknown>>());
  const actionsFill = useRef<((load: number, pending: Pending[]) => Promise<void>) | undefined>(undefined);
  const historyInFlight = useRef(0);
  /** Counts workspace loads: pages of an older load stop arriving once a newer load began. */
  const loads = useRef(0);

  const actions = useMemo<WorkspaceActions>(() => {
    const commit = (change: (d: WorkspaceData) => WorkspaceData) => {
      current.current = change(current.current);
      setData(current.current);
    };
    const fail = (error: AppError): never => {
      commit((d) => ({ ...d, error }));
      throw appError(error.code, error.message, error.detail, error.awsCode);
    };
    /** Runs writes to one key one after another, so main sees them in the order the user made them. */
    const serial = <T,>(key: string, run: () => Promise<T>): Promise<T> => {
      const before = queues.current.get(key) ?? Promise.resolve();
      const next = before.then(run, run);
      queues.current.set(key, next.catch(() => undefined));
      return next;
    };

    const saveCollection = async (collection: CollectionSummary, options: SaveOptions = {}): Promise<void> => {
      // Saving a tree that has not all arrived would drop what has not: refused, and nothing is lost.
      if (current.current.loading.includes(collection.id)) fail({ code: 'INVALID_INPUT', message: `“${collection.name}” is still loading; try again in a moment.` });
      commit((d) => {
        const at = d.collections.findIndex((c) => c.id === collection.id);
        const collections = at < 0 ? [...d.collections, collection] : d.collections.map((c, i) => (i === at ? collection : c));
        return { ...d, collections };
      });
      const seq = (writes.current.get(collection.id) ?? 0) + 1;
      writes.current.set(collection.id, seq);
      const result = await serial(`c:${collection.id}`, () => call(() => api.collectionsSave({ collection, ...options })));
      if (result.ok) {
        confirmed.current.set(collection.id, collection);
        return;
      }
      if (writes.current.get(collection.id) === seq) {
        const previous = confirmed.current.get(collection.id);
        commit((d) => ({
          ...d,
          collections: previous ? d.collections.map((c) => (c.id === collection.id ? previous : c)) : d.collections.filter((c) => c.id !== collection.id),
        }));
      }
      if (result.error.code === 'CONFLICT') commit((d) => ({ ...d, conflict: { collection, message: result.error.message } }));
      fail(result.error);
    };

    const deleteCollection = async (id: string, options: SaveOptions = {}): Promise<void> => {
      const before = current.current.collections;
      const at = before.findIndex((c) => c.id === id);
      const removed = before[at];
      commit((d) => ({ ...d, collections: d.collections.filter((c) => c.id !== id) }));
      const result = await serial(`c:${id}`, () => call(() => api.collectionsDelete({ id, ...options })));
      if (result.ok) {
        confirmed.current.delete(id);
        return;
      }
      if (removed) {
        commit((d) => {
          const collections = [...d.collections];
          collections.splice(Math.min(at, collections.length), 0, removed);
          return { ...d, collections };
        });
      }
      fail(result.error);
    };

    const orderCollections = async (ids: string[]): Promise<void> => {
      const before = current.current.collections;
      const byId = new Map(before.map((c) => [c.id, c]));
      const ordered = ids.map((id) => byId.get(id)).filter((c): c is CollectionSummary => c !== undefined);
      const rest = before.filter((c) => !ids.includes(c.id));
      commit((d) => ({ ...d, collections: [...ordered, ...rest] }));
      const result = await serial('order', () => call(() => api.collectionsOrder({ ids })));
      if (result.ok) return;
      commit((d) => ({ ...d, collections: before.map((c) => d.collections.find((x) => x.id === c.id) ?? c) }));
      fail(result.error);
    };

    const setEnvironments = async (environments: Environment[], activeId?: string): Promise<void> => {
      const { environments: prevEnvs, activeEnvironmentId: prevActive } = current.current;
      const active = activeId !== undefined && environments.some((e) => e.id === activeId) ? activeId : undefined;
      commit((d) => ({ ...d, environments, activeEnvironmentId: active }));
      const result = await serial('environments', () =>
        call(() => api.environmentsSave(active === undefined ? { environments } : { environments, activeEnvironmentId: active })),
      );
      if (result.ok) return;
      if (current.current.environments === environments) commit((d) => ({ ...d, environments: prevEnvs, activeEnvironmentId: prevActive }));
      fail(result.error);
    };

    const addHistory = async (entry: HistoryEntry): Promise<void> => {
      commit((d) => ({ ...d, history: [entry, ...d.history.filter((h) => h.id !== entry.id)] }));
      historyInFlight.current++;
      const result = await serial('history', () => call(() => api.historyAdd({ entry })));
      historyInFlight.current--;
      // Main bounds history and says how many it keeps; the oldest beyond that (and newer adds still on their way) go.
      if (result.ok) {
        const keep = result.value.size + historyInFlight.current;
        commit((d) => (d.history.length > keep ? { ...d, history: d.history.slice(0, keep) } : d));
        return;
      }
      // Read-only, history is kept for this session only; the banner already says nothing is saved.
      if (result.error.code === 'READ_ONLY_WORKSPACE') return;
      commit((d) => ({ ...d, history: d.history.filter((h) => h.id !== entry.id) }));
      fail(result.error);
    };

    const clearHistory = async (): Promise<void> => {
      const before = current.current.history;
      commit((d) => ({ ...d, history: [] }));
      const result = await serial('history', () => call(() => api.historyClear({})));
      if (result.ok) return;
      commit((d) => ({ ...d, history: [...d.history, ...before] }));
      fail(result.error);
    };

    const saveRequest = async (collectionId: string, parentFolderId: string | undefined, doc: RequestDoc): Promise<RequestRef> => {
      const collection = current.current.collections.find((c) => c.id === collectionId);
      if (!collection) fail({ code: 'INVALID_INPUT', message: 'That collection no longer exists. Pick another one.' });
      const node: RequestNode = { ...doc, kind: 'request' };
      const existing = findItem(collection as CollectionSummary, doc.id);
      if (existing && existing.item.kind !== 'request') fail({ code: 'INVALID_INPUT', message: 'A folder already has this id; save as a new request.' });
      const next = existing ? updateItem(collection as CollectionSummary, doc.id, () => node) : insertItem(collection as CollectionSummary, parentFolderId, node);
      await saveCollection(next);
      return { collectionId, requestId: doc.id };
    };

    const findRequest = (ref: RequestRef) => {
      const collection = current.current.collections.find((c) => c.id === ref.collectionId);
      const found = collection && findItem(collection, ref.requestId);
      if (!collection || !found || found.item.kind !== 'request') return undefined;
      return { request: found.item, folders: found.folders, collection };
    };

    const loadRequest = async (ref: RequestRef): Promise<RequestDoc> => {
      // A request saved from a tab in this session is whole in the tree already.
      const node = findRequest(ref)?.request;
      if (node && 'body' in node) {
        const { kind: _kind, storedId: _storedId, ...doc } = node as RequestNode;
        return doc;
      }
      const result = await call(() => api.requestsGet(ref));
      return result.ok ? result.value : fail(result.error);
    };

    const refreshKeys = async (): Promise<void> => {
      const result = await call(() => api.workspaceLoad({}));
      if (!result.ok) fail(result.error);
      else commit((d) => ({ ...d, storedKeys: result.value.storedKeys }));
    };

    const adoptImported = ({ collection, environment }: { collection?: CollectionSummary; environment?: Environment }) => {
      if (collection) confirmed.current.set(collection.id, collection);
      commit((d) => ({
        ...d,
        collections: collection ? [...d.collections.filter((c) => c.id !== collection.id), collection] : d.collections,
        environments: environment ? [...d.environments.filter((e) => e.id !== environment.id), environment] : d.environments,
      }));
    };

    const dismissError = () => commit((d) => ({ ...d, error: undefined }));

    const dismissNotice = async (id: string): Promise<void> => {
      const result = await call(() => api.workspaceDismissNotice({ id }));
      if (!result.ok) fail(result.error);
      else commit((d) => ({ ...d, notices: d.notices.filter((n) => n.id !== id) }));
    };

    const reloadFolders = async (): Promise<void> => {
      const load = ++loads.current;
      const result = await call(() => api.workspaceLoad({}));
      if (!result.ok) fail(result.error);
      else {
        const w = result.value;
        const { collections, pending } = takePages(w.collections);
        confirmed.current = new Map(collections.map((c) => [c.id, c]));
        commit((d) => ({ ...d, collections, loading: pending.map((p) => p.id), environments: w.environments, folders: w.folders ?? [], conflict: undefined }));
        await fillPages(load, pending);
      }
    };

    /** Fetches the rest of each big collection's tree, one page (one message, one short task) at a time. */
    const fillPages = async (load: number, pending: Pending[]): Promise<void> => {
      for (const { id, pages } of pending) {
        for (let page = 1; page < pages.count; page++) {
          const result = await call(() => api.collectionsPage({ id, load: pages.load, page }));
          if (loads.current !== load) return;
          if (!result.ok) {
            commit((d) => ({ ...d, error: result.error }));
            return;
          }
          commit((d) => ({ ...d, collections: d.collections.map((c) => (c.id === id ? { ...c, items: mergeTreePage(c.items, result.value.items) } : c)) }));
        }
        const whole = current.current.collections.find((c) => c.id === id);
        if (whole) confirmed.current.set(id, whole);
        commit((d) => ({ ...d, loading: d.loading.filter((x) => x !== id) }));
      }
    };

    const resolveConflict = async (choice: 'overwrite' | 'reload' | 'cancel'): Promise<void> => {
      const conflict = current.current.conflict;
      commit((d) => ({ ...d, conflict: undefined, error: undefined }));
      if (!conflict || choice === 'cancel') return;
      if (choice === 'reload') return reloadFolders();
      return saveCollection(conflict.collection, { overwrite: true });
    };

    actionsFill.current = fillPages;
    return { saveCollection, deleteCollection, reloadFolders, resolveConflict, orderCollections, setEnvironments, addHistory, clearHistory, saveRequest, findRequest, loadRequest, refreshKeys, adoptImported, dismissError, dismissNotice };
  }, [api]);

  useEffect(() => {
    let live = true;
    const load = ++loads.current;
    // The answer to the workspace:load sent at start (startup/earlyCalls.ts), or a new one (a test, a second mount).
    void call(() => takeEarly(api, 'workspaceLoad') ?? api.workspaceLoad({})).then((result) => {
      if (!live) return;
      let pending: Pending[] = [];
      if (!result.ok) {
        current.current = { ...EMPTY, ready: true, error: result.error };
      } else {
        const w = result.value;
        const taken = takePages(w.collections);
        pending = taken.pending;
        confirmed.current = new Map(taken.collections.map((c) => [c.id, c]));
        current.current = {
          ready: true,
          collections: taken.collections,
          loading: pending.map((p) => p.id),
          environments: w.environments,
          activeEnvironmentId: w.activeEnvironmentId,
          history: w.history,
          storedKeys: w.storedKeys,
          secretsProtection: w.secretsProtection,
          ...(w.secretsUnreadable ? { secretsUnreadable: w.secretsUnreadable } : {}),
          initialTabs: w.tabs,
          notices: w.notices,
          readOnly: w.readOnly === true,
          storedKeyProblems: w.storedKeyProblems ?? [],
          folders: w.folders ?? [],
        };
      }
      setData(current.current);
      // The rest of a big tree is asked for once the first page is on screen, so it never delays that paint.
      if (pending.length) requestAnimationFrame(() => setTimeout(() => void actionsFill.current?.(load, pending), 0));
    });
    // A folder changed on disk (a git pull, another editor): its collections are read again.
    const stop = api.on('folders:changed', () => void actions.reloadFolders().catch(() => undefined));
    return () => {
      live = false;
      stop();
    };
  }, [api, actions]);

  const value = useMemo(() => ({ ...data, ...actions, api }), [data, actions, api]);
  return <WorkspaceContext.Provider value={value}>{props.children}</WorkspaceContext.Provider>;
}

function useContextValue() {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace() is used outside <WorkspaceProvider>.');
  return value;
}

export function useWorkspace(): WorkspaceValue {
  return useContextValue();
}

/** The API the provider was given, for sidebar parts that ask main directly (the profile list). */
export function useWorkspaceApi(): RoleCallApi {
  return useContextValue().api;
}
