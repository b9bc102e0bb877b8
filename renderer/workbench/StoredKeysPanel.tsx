// Stored keys as a list the user manages: each by name with its access key id (never the secret), renamed in
// place or deleted after a confirmation, and added with the same form as in the Auth section. Main moves the
// encrypted record on rename; nothing secret ever comes back to this page.
import { useState, type FormEvent } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { StoredKeySummary } from '../../src/models/workspace';
import { settle } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { useWorkspace } from '../state/workspace';
import { StoredKeysForm } from './StoredKeysForm';

export function StoredKeysPanel({ api }: { api: RoleCallApi }) {
  const ws = useWorkspace();
  const { storedKeys } = ws;
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  return (
    <section className="panel stored-keys" aria-labelledby="stored-keys-heading">
      <h2 id="stored-keys-heading">Stored keys</h2>
      <p className="muted">Static keys typed once into RoleCall, encrypted by its main process. Requests refer to them by name; renaming does not change requests that use the old name.</p>
      {storedKeys.length === 0 ? (
        <p className="empty">No stored keys. Profiles in ~/.aws need none; add keys only for a key pair that is in no profile.</p>
      ) : (
        <ul className="stored-key-list" aria-label="Stored keys">
          {storedKeys.map((key) => (
            <StoredKeyRow key={key.name} api={api} keyInfo={key} onError={setError} />
          ))}
        </ul>
      )}
      {error && <ErrorBox error={error} title="The stored keys were not changed" />}
      {adding ? (
        <StoredKeysForm
          api={api}
          onCancel={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void ws.refreshKeys();
          }}
        />
      ) : (
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          Add keys
        </button>
      )}
    </section>
  );
}

function StoredKeyRow({ api, keyInfo, onError }: { api: RoleCallApi; keyInfo: StoredKeySummary; onError: (error: AppError | undefined) => void }) {
  const ws = useWorkspace();
  const [renaming, setRenaming] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (renaming === undefined) return;
    const result = await settle(() => api.keysRename({ from: keyInfo.name, to: renaming }));
    if (!result.ok) return onError(result.error);
    onError(undefined);
    setRenaming(undefined);
    await ws.refreshKeys();
  }

  async function remove() {
    const result = await settle(() => api.keysDelete({ name: keyInfo.name }));
    setConfirming(false);
    if (!result.ok) return onError(result.error);
    onError(undefined);
    await ws.refreshKeys();
  }

  return (
    <li className="stored-key" aria-label={keyInfo.name}>
      {renaming === undefined ? (
        <span className="stored-key-name">{keyInfo.name}</span>
      ) : (
        <form className="row" onSubmit={(e) => void rename(e)} aria-label={`Rename ${keyInfo.name}`}>
          <input aria-label={`New name for ${keyInfo.name}`} value={renaming} onChange={(e) => setRenaming(e.target.value)} autoFocus required />
          <button type="submit" disabled={!renaming.trim()}>
            Save name
          </button>
          <button type="button" className="secondary" onClick={() => setRenaming(undefined)}>
            Cancel
          </button>
        </form>
      )}
      <code className="muted">{keyInfo.accessKeyId}</code>
      <span className="muted">
        {keyInfo.hasSessionToken ? 'with session token · ' : ''}protected by {keyInfo.protection}
      </span>
      {renaming === undefined && !confirming && (
        <span className="row">
          <button type="button" className="secondary small" onClick={() => setRenaming(keyInfo.name)} aria-label={`Rename ${keyInfo.name}`}>
            Rename
          </button>
          <button type="button" className="secondary small" onClick={() => setConfirming(true)} aria-label={`Delete ${keyInfo.name}`}>
            Delete
          </button>
        </span>
      )}
      {confirming && (
        <span className="row" role="group" aria-label={`Confirm deleting ${keyInfo.name}`}>
          <span>Delete “{keyInfo.name}”? Requests using it will have no keys.</span>
          <button type="button" className="danger small" onClick={() => void remove()}>
            Delete keys
          </button>
          <button type="button" className="secondary small" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      )}
    </li>
  );
}
