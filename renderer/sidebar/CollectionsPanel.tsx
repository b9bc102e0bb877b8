// The Collections section: filter box, the tree, the row actions and their dialogs, and the undo toast. Tree edits
// are pure functions of src/collectionTree.ts saved through the workspace; a failed save is rolled back and shown
// by the workspace's error (rendered by the Sidebar), which is why the promises here are awaited without a catch-all.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  duplicateCollection,
  duplicateItem,
  filterCollections,
  flattenTree,
  countItems,
  insertItem,
  moveItem,
  prepareFilter,
  removeItem,
  renameItem,
  reorder,
  restoreItem,
  rowKey,
  shiftItem,
  updateItem,
  type MoveTarget,
  type TreeRow,
} from '../../src/collectionTree';
import type { ImportCommitResult } from '../../src/models/importing';
import type { CollectionSummary, FolderNode, RequestNode, TreeItem } from '../../src/models/workspace';
import { sourceOf, useWorkspace, useWorkspaceApi, type RequestRef, type SaveOptions } from '../state/workspace';
import { ConflictDialog, DeleteFilesDialog } from './FolderDialogs';
import { FoldersBar } from './FoldersBar';
import { blankCollection, blankFolder, blankRequest } from './blanks';
import { CollectionTree, rowName, type DragItem, type DropPosition } from './CollectionTree';
import { runScopeOf } from '../runner/runScope';
import { folderEntry, readDroppedFolder, type DroppedFolder, type Entry } from './droppedFolder';
import { droppedFile, hasFiles } from './importDrop';
import { PlusIcon } from './icons';
import { newId } from './ids';
import { RowMenu, type MenuAction } from './RowMenu';
import type { ScopeSettings } from './ScopeSettingsDialog';
import { ExportDialog, ImportDialog, MoveDialog, RunnerDialog, ScopeSettingsDialog } from '../startup/lazyParts';
import { useProfileList } from '../state/profiles';
import { signedNewRequest } from '../workbench/defaultAuth';
import { UndoToast, type Toast } from './UndoToast';

interface Props {
  onOpenRequest(ref: RequestRef): void;
  activeRef?: RequestRef;
}

type Dialog =
  | { kind: 'settings'; row: TreeRow }
  | { kind: 'move'; row: Exclude<TreeRow, { kind: 'collection' }> }
  | { kind: 'export'; row: Extract<TreeRow, { kind: 'collection' }> }
  | { kind: 'run'; row: Exclude<TreeRow, { kind: 'request' }> }
  | { kind: 'deleteFiles'; row: TreeRow }
  | { kind: 'import'; dropped?: { text: string; fileName: string } | { folder: DroppedFolder } };

/** Errors are already in the workspace's `error` (shown above the tree); this only stops an unhandled rejection. */
const settle = (promise: Promise<unknown>) => promise.then(
  () => true,
  () => false,
);

let toastIds = 0;

export function CollectionsPanel({ onOpenRequest, activeRef }: Props) {
  const ws = useWorkspace();
  const api = useWorkspaceApi();
  const profiles = useProfileList(api);
  const { collections } = ws;
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [renamingKey, setRenamingKey] = useState<string | undefined>();
  const [menu, setMenu] = useState<{ row: TreeRow; anchor: HTMLElement } | undefined>();
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [toast, setToast] = useState<Toast | undefined>();
  const [focusRequest, setFocusRequest] = useState<{ key: string } | undefined>();
  const [dropping, setDropping] = useState(false);
  const [dropProblem, setDropProblem] = useState<string | undefined>();

  // The toast's undo runs renders later: it must read the collections as they are then, not at the delete.
  const latest = useRef<CollectionSummary[]>(collections);
  latest.current = collections;

  // The filter's search text is made while the window is idle, so the first keystroke does not pay for it.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => prepareFilter(collections));
    return () => cancel(handle);
  }, [collections]);

  const filtering = query.trim() !== '';
  const visible = useMemo(() => filterCollections(collections, query), [collections, query]);
  const rows = useMemo(() => flattenTree(visible, (key) => !collapsed.has(key), filtering), [visible, collapsed, filtering]);
  const matches = useMemo(() => (filtering ? visible.reduce((n, c) => n + countItems(c.items).requests, 0) : 0), [visible, filtering]);

  const collectionOf = (id: string) => collections.find((c) => c.id === id);
  const focus = (key: string) => setFocusRequest({ key });
  const expand = (...keys: string[]) =>
    setCollapsed((set) => {
      if (!keys.some((k) => set.has(k))) return set;
      const next = new Set(set);
      keys.forEach((k) => next.delete(k));
      return next;
    });

  const onToggle = useCallback((row: TreeRow, open: boolean) => {
    setCollapsed((set) => {
      const next = new Set(set);
      if (open) next.delete(row.key);
      else next.add(row.key);
      return next;
    });
  }, []);

  function onOpen(row: TreeRow) {
    if (row.kind === 'request') onOpenRequest({ collectionId: row.collectionId, requestId: row.request.id });
  }

  async function createCollection() {
    const collection = blankCollection();
    if (await settle(ws.saveCollection(collection))) {
      setQuery('');
      setRenamingKey(rowKey(collection.id));
      focus(rowKey(collection.id));
    }
  }

  /** A new folder or request inside a collection or folder row. */
  async function createIn(row: TreeRow, item: RequestNode | FolderNode) {
    if (row.kind === 'request') return;
    const collectionId = row.kind === 'collection' ? row.collection.id : row.collectionId;
    const collection = collectionOf(collectionId);
    if (!collection) return;
    const parentId = row.kind === 'folder' ? row.folder.id : undefined;
    expand(row.key);
    // A new request signs (with the remembered or default profile) unless its folders or collection already do.
    const placed = item.kind === 'request' ? signedNewRequest(collection, parentId, item, profiles) : item;
    if (!(await settle(ws.saveCollection(insertItem(collection, parentId, placed))))) return;
    const key = rowKey(collectionId, item.id);
    setQuery('');
    focus(key);
    if (item.kind === 'request') onOpenRequest({ collectionId, requestId: item.id });
    else setRenamingKey(key);
  }

  async function rename(row: TreeRow, name: string | undefined) {
    setRenamingKey(undefined);
    focus(row.key);
    if (name === undefined) return;
    if (row.kind === 'collection') await settle(ws.saveCollection({ ...row.collection, name }));
    else {
      const collection = collectionOf(row.collectionId);
      if (collection) await settle(ws.saveCollection(renameItem(collection, itemId(row), name)));
    }
  }

  async function duplicate(row: TreeRow) {
    if (row.kind === 'collection') {
      const copy = duplicateCollection(row.collection, newId);
      if (!(await settle(ws.saveCollection(copy)))) return;
      const ids = collections.map((c) => c.id);
      ids.splice(ids.indexOf(row.collection.id) + 1, 0, copy.id);
      await settle(ws.orderCollections(ids));
      focus(rowKey(copy.id));
      return;
    }
    const collection = collectionOf(row.collectionId);
    if (!collection) return;
    const { collection: next, copy } = duplicateItem(collection, itemId(row), newId);
    if (await settle(ws.saveCollection(next))) focus(rowKey(row.collectionId, copy.id));
  }

  /** Deletes a row; in a folder-backed collection, only once the user agreed to delete its files. */
  async function remove(row: TreeRow, confirmed = false) {
    const inFolder = sourceOf(row.kind === 'collection' ? row.collection : (collectionOf(row.collectionId) ?? {}));
    if (inFolder && !confirmed) {
      setDialog({ kind: 'deleteFiles', row });
      return;
    }
    const options: SaveOptions = inFolder ? { confirmDeleteFiles: true } : {};
    const id = ++toastIds;
    if (row.kind === 'collection') {
      const removed = row.collection;
      const order = collections.map((c) => c.id);
      if (!(await settle(ws.deleteCollection(removed.id, options)))) return;
      setToast({
        id,
        message: `Deleted collection “${removed.name}”`,
        undo: () => void settle(ws.saveCollection(removed).then(() => ws.orderCollections(order))),
      });
      return;
    }
    const collection = collectionOf(row.collectionId);
    if (!collection) return;
    const { collection: next, removed } = removeItem(collection, itemId(row));
    if (!(await settle(ws.saveCollection(next, options)))) return;
    setToast({
      id,
      message: `Deleted ${removed.item.kind} “${removed.item.name}”`,
      // Restores into the collection as it is now, so edits made since the delete are kept.
      undo: () => {
        const now = latest.current.find((c) => c.id === removed.collectionId);
        if (now) void settle(ws.saveCollection(restoreItem(now, removed)));
      },
    });
  }

  async function shift(row: TreeRow, step: -1 | 1) {
    // The workspace updates at once and saves in the background, so focus follows the row now: asking after
    // the save would pull focus back from whatever the user did meanwhile (a menu opened with Shift+F10).
    let saving: Promise<unknown> | undefined;
    if (row.kind === 'collection') {
      const ids = collections.map((c) => c.id);
      const at = ids.indexOf(row.collection.id);
      if (at + step < 0 || at + step >= ids.length) return;
      saving = ws.orderCollections(reorder(ids, at, at + step));
    } else {
      const collection = collectionOf(row.collectionId);
      const next = collection && shiftItem(collection, itemId(row), step);
      if (next) saving = ws.saveCollection(next);
    }
    focus(row.key);
    if (saving) await settle(saving);
  }

  async function move(from: { collectionId: string; itemId: string }, target: MoveTarget) {
    const result = moveItem(collections, from, target);
    if (!result) return;
    for (const changed of result.changed) if (!(await settle(ws.saveCollection(changed)))) return;
    if ('parentId' in target && target.parentId) expand(rowKey(target.collectionId, target.parentId));
    expand(rowKey(target.collectionId));
    focus(rowKey(target.collectionId, from.itemId));
  }

  async function onDrop(drag: DragItem, target: TreeRow, position: DropPosition) {
    if (drag.kind === 'collection') {
      if (target.kind !== 'collection' || target.collection.id === drag.collectionId) return;
      const ids = collections.map((c) => c.id).filter((id) => id !== drag.collectionId);
      const at = ids.indexOf(target.collection.id) + (position === 'after' ? 1 : 0);
      ids.splice(at, 0, drag.collectionId);
      await settle(ws.orderCollections(ids));
      return;
    }
    const from = { collectionId: drag.collectionId, itemId: drag.itemId };
    if (target.kind === 'collection') await move(from, { collectionId: target.collection.id, parentId: undefined });
    else if (target.kind === 'folder' && position === 'inside') await move(from, { collectionId: target.collectionId, parentId: target.folder.id });
    else await move(from, { collectionId: target.collectionId, siblingId: itemId(target), position: position === 'before' ? 'before' : 'after' });
  }

  async function saveSettings(row: TreeRow, settings: ScopeSettings) {
    setDialog(undefined);
    focus(row.key);
    if (row.kind === 'collection') await settle(ws.saveCollection({ ...row.collection, ...settings }));
    else if (row.kind === 'folder') {
      const collection = collectionOf(row.collectionId);
      if (collection) await settle(ws.saveCollection(updateItem(collection, row.folder.id, (f) => ({ ...f, ...settings }) as TreeItem)));
    }
  }

  /** A file or folder dropped on the panel: its text goes to the import dialog (main never reads a path the page names). */
  async function onFileDrop(files: FileList, folder: Entry | undefined) {
    setDropping(false);
    const read = folder ? await readDroppedFolder(folder) : undefined;
    const dropped = read ?? (await droppedFile(files));
    if ('problem' in dropped) setDropProblem(dropped.problem);
    else {
      setDropProblem(undefined);
      setDialog({ kind: 'import', dropped });
    }
  }

  function onImported(result: ImportCommitResult) {
    setDialog(undefined);
    ws.adoptImported(result);
    if (result.storedKeys.length) void ws.refreshKeys().catch(() => undefined);
    const { collection, environment } = result;
    const stored = result.storedKeys.length ? `; keys stored as ${result.storedKeys.map((k) => `“${k.name}”`).join(', ')}` : '';
    const problems = result.keyProblems.length ? ` ${result.keyProblems.join(' ')}` : '';
    if (collection) focus(rowKey(collection.id));
    setToast({
      id: ++toastIds,
      message: `Imported ${collection ? `collection “${collection.name}”` : `environment “${environment?.name ?? ''}”`}${stored}.${problems}`,
      undo: () => {
        if (collection) void settle(ws.deleteCollection(collection.id));
        else if (environment) {
          void settle(ws.setEnvironments(ws.environments.filter((e) => e.id !== environment.id), ws.activeEnvironmentId));
        }
      },
    });
  }

  /** Writes a collection of the app's store into an open folder; main removes it from the store once written. */
  async function moveToFolder(collectionId: string, folderId: string) {
    const result = await api.collectionsMoveToFolder({ collectionId, folderId }).catch(() => undefined);
    if (result && !result.ok) setDropProblem(result.error.message);
    await settle(ws.reloadFolders());
  }

  function menuActions(row: TreeRow): MenuAction[] {
    const container = row.kind !== 'request';
    const actions: MenuAction[] = [];
    if (row.kind === 'request') actions.push({ label: 'Open', run: () => onOpen(row) });
    if (container) {
      actions.push({ label: 'New request', run: () => void createIn(row, blankRequest()) });
      actions.push({ label: 'New folder', run: () => void createIn(row, blankFolder()) });
    }
    actions.push({ label: 'Rename', run: () => setRenamingKey(row.key) });
    actions.push({ label: 'Duplicate', run: () => void duplicate(row) });
    if (container) actions.push({ label: 'Settings…', run: () => setDialog({ kind: 'settings', row }) });
    if (row.kind !== 'request') actions.push({ label: 'Run…', run: () => setDialog({ kind: 'run', row }) });
    if (row.kind === 'collection') actions.push({ label: 'Export…', run: () => setDialog({ kind: 'export', row }) });
    actions.push({ label: 'Move up', run: () => void shift(row, -1) });
    actions.push({ label: 'Move down', run: () => void shift(row, 1) });
    if (row.kind !== 'collection') actions.push({ label: 'Move to…', run: () => setDialog({ kind: 'move', row }) });
    if (row.kind === 'collection' && !sourceOf(row.collection)) {
      for (const folder of ws.folders) {
        actions.push({ label: `Move to folder “${folder.name}”`, run: () => void moveToFolder(row.collection.id, folder.folderId) });
      }
    }
    actions.push({ label: 'Delete', danger: true, run: () => void remove(row) });
    return actions;
  }

  const selectedKey = activeRef ? rowKey(activeRef.collectionId, activeRef.requestId) : undefined;
  const closeMenu = useCallback(() => setMenu(undefined), []);

  return (
    <div
      className={dropping ? 'sb-collections sb-dropping' : 'sb-collections'}
      onDragOver={(e) => {
        if (!hasFiles(e.dataTransfer)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDropping(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e.dataTransfer)) return;
        e.preventDefault();
        // The folder's entry is taken now: the browser empties the drop's item list once this handler returns.
        void onFileDrop(e.dataTransfer.files, folderEntry(e.dataTransfer.items));
      }}
    >
      <div className="sb-toolbar">
        <input
          type="search"
          className="sb-filter"
          aria-label="Filter collections"
          placeholder="Filter by name or URL"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <button type="button" className="sb-button sb-icon-button" aria-label="New collection" title="New collection" onClick={() => void createCollection()}>
          <PlusIcon />
        </button>
        <button type="button" className="sb-button" title="Import a Postman collection or environment, a RoleCall file or a curl command" onClick={() => setDialog({ kind: 'import' })}>
          Import…
        </button>
      </div>
      {dropProblem && (
        <p className="sb-filter-status" role="alert">
          {dropProblem}{' '}
          <button type="button" className="sb-link" onClick={() => setDropProblem(undefined)}>
            Dismiss
          </button>
        </p>
      )}
      <FoldersBar />
      {filtering && (
        <p className="sb-filter-status" role="status">
          {matches === 1 ? '1 request matches' : `${matches} requests match`}
          {ws.loading.length > 0 && ' so far (the tree is still loading)'}
        </p>
      )}
      <CollectionTree
        rows={rows}
        selectedKey={selectedKey}
        renamingKey={renamingKey}
        focusRequest={focusRequest}
        emptyText={filtering ? 'Nothing matches the filter.' : 'No collections yet. Create one, or save a request with Ctrl+S.'}
        onOpen={onOpen}
        onToggle={onToggle}
        onRename={(row, name) => void rename(row, name)}
        onStartRename={(row) => setRenamingKey(row.key)}
        onDelete={(row) => void remove(row)}
        onShift={(row, step) => void shift(row, step)}
        onMenu={(row, anchor) => setMenu({ row, anchor })}
        onDrop={(drag, target, position) => void onDrop(drag, target, position)}
      />
      {menu && <RowMenu label={`Actions for ${rowName(menu.row)}`} anchor={menu.anchor} actions={menuActions(menu.row)} onClose={closeMenu} />}
      {dialog?.kind === 'settings' && dialog.row.kind !== 'request' && (
        <ScopeSettingsDialog
          kind={dialog.row.kind}
          initial={scopeOf(dialog.row)}
          onSave={(settings) => void saveSettings(dialog.row, settings)}
          onCancel={() => {
            setDialog(undefined);
            focus(dialog.row.key);
          }}
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveDialog
          collections={collections}
          from={{ collectionId: dialog.row.collectionId, itemId: itemId(dialog.row), name: rowName(dialog.row) }}
          onMove={(target) => {
            setDialog(undefined);
            void move({ collectionId: dialog.row.collectionId, itemId: itemId(dialog.row) }, target);
          }}
          onCancel={() => {
            setDialog(undefined);
            focus(dialog.row.key);
          }}
        />
      )}
      {dialog?.kind === 'run' && runScopeOf(dialog.row, collections) && (
        <RunnerDialog
          api={api}
          scope={runScopeOf(dialog.row, collections)!}
          onClose={() => {
            setDialog(undefined);
            focus(dialog.row.key);
          }}
        />
      )}
      {dialog?.kind === 'export' && (
        <ExportDialog
          collection={dialog.row.collection}
          onClose={() => {
            setDialog(undefined);
            focus(dialog.row.key);
          }}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog
          dropped={dialog.dropped}
          storedKeyNames={ws.storedKeys.map((k) => k.name)}
          onImported={onImported}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'deleteFiles' && (
        <DeleteFilesDialog
          what={`“${rowName(dialog.row)}”`}
          onDelete={() => {
            setDialog(undefined);
            void remove(dialog.row, true);
          }}
          onCancel={() => {
            setDialog(undefined);
            focus(dialog.row.key);
          }}
        />
      )}
      {ws.conflict && (
        <ConflictDialog
          message={ws.conflict.message}
          onOverwrite={() => void settle(ws.resolveConflict('overwrite'))}
          onReload={() => void settle(ws.resolveConflict('reload'))}
          onCancel={() => void settle(ws.resolveConflict('cancel'))}
        />
      )}
      {toast && <UndoToast key={toast.id} toast={toast} onDismiss={() => setToast(undefined)} />}
    </div>
  );
}

function itemId(row: Exclude<TreeRow, { kind: 'collection' }>): string {
  return row.kind === 'folder' ? row.folder.id : row.request.id;
}

function scopeOf(row: Exclude<TreeRow, { kind: 'request' }>): ScopeSettings {
  const s = row.kind === 'collection' ? row.collection : row.folder;
  return { name: s.name, auth: s.auth, variables: s.variables, signing: s.signing ?? { region: '', service: '' } };
}
