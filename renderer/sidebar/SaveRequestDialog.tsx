// Save (or Save as) a tab's request: a name, a collection (or a new one) and a folder (or a new one). The saved
// request always gets a fresh id, so "Save as" never overwrites the request the tab came from.
import { useMemo, useState, type FormEvent } from 'react';
import { folderPaths, insertItem } from '../../src/collectionTree';
import type { AppError } from '../../src/errors';
import type { RequestDoc } from '../../src/models/workspace';
import { ErrorBox } from '../components/ErrorBox';
import { useWorkspace, type RequestRef } from '../state/workspace';
import { blankCollection, blankFolder } from './blanks';
import { newId } from './ids';
import { Modal } from '../components/Modal';
import { savedIntoScope } from '../workbench/defaultAuth';
import './sidebar.css';

interface Props {
  draft: RequestDoc;
  onSaved(ref: RequestRef, doc: RequestDoc): void;
  onCancel(): void;
}

const NEW = '__new__';

export function SaveRequestDialog({ draft, onSaved, onCancel }: Props) {
  const ws = useWorkspace();
  const [name, setName] = useState(draft.name.trim() || 'New request');
  const [collectionId, setCollectionId] = useState(ws.collections[0]?.id ?? NEW);
  const [newCollection, setNewCollection] = useState('My collection');
  const [folderId, setFolderId] = useState('');
  const [newFolder, setNewFolder] = useState('New folder');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();

  const collection = ws.collections.find((c) => c.id === collectionId);
  const folders = useMemo(() => (collection ? folderPaths(collection) : []), [collection]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    setError(undefined);
    const named: RequestDoc = { ...draft, id: newId(), name: name.trim() };
    try {
      let target = collection ?? { ...blankCollection(), name: newCollection.trim() || 'My collection' };
      let parentId: string | undefined = folderId || undefined;
      if (folderId === NEW) {
        const folder = { ...blankFolder(), name: newFolder.trim() || 'New folder' };
        target = insertItem(target, undefined, folder);
        parentId = folder.id;
      }
      const node = savedIntoScope(target, parentId, { ...named, kind: 'request' });
      const { kind: _kind, ...doc } = node;
      await ws.saveCollection(insertItem(target, parentId, node));
      onSaved({ collectionId: target.id, requestId: doc.id }, doc);
    } catch (err) {
      setError(toError(err));
      setBusy(false);
    }
  }

  return (
    <Modal title="Save request" onCancel={onCancel} className="sb-modal sb-save">
      <form onSubmit={(e) => void submit(e)}>
        <label className="sb-field">
          <span>Request name</span>
          <input aria-label="Request name" value={name} onChange={(e) => setName(e.target.value)} autoFocus required />
        </label>
        <label className="sb-field">
          <span>Collection</span>
          <select
            aria-label="Collection"
            value={collectionId}
            onChange={(e) => {
              setCollectionId(e.target.value);
              setFolderId('');
            }}
          >
            {ws.collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value={NEW}>New collection…</option>
          </select>
        </label>
        {collectionId === NEW && (
          <label className="sb-field">
            <span>New collection name</span>
            <input aria-label="New collection name" value={newCollection} onChange={(e) => setNewCollection(e.target.value)} required />
          </label>
        )}
        <label className="sb-field">
          <span>Folder</span>
          <select aria-label="Folder" value={folderId} onChange={(e) => setFolderId(e.target.value)}>
            <option value="">Top level</option>
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {f.path}
              </option>
            ))}
            <option value={NEW}>New folder…</option>
          </select>
        </label>
        {folderId === NEW && (
          <label className="sb-field">
            <span>New folder name</span>
            <input aria-label="New folder name" value={newFolder} onChange={(e) => setNewFolder(e.target.value)} required />
          </label>
        )}
        {error && <ErrorBox error={error} title="Could not save the request" />}
        <div className="sb-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="sb-primary" disabled={busy || !name.trim()}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}

function toError(err: unknown): AppError {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const e = err as AppError;
    return { code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}), ...(e.awsCode ? { awsCode: e.awsCode } : {}) };
  }
  return { code: 'INTERNAL', message: 'Could not save the request.', detail: String(err) };
}
