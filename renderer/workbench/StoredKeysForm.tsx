// Static keys typed once: the secret goes to main with keys:save and never comes back; afterwards only the name
// and the access key id are shown, and requests refer to the keys by name.
import { useState, type FormEvent } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { StoredKeySummary } from '../../src/models/workspace';
import { ErrorBox } from '../components/ErrorBox';
import { transportError } from '../format';

interface Props {
  api: RoleCallApi;
  onSaved: (summary: StoredKeySummary) => void;
  onCancel: () => void;
}

export function StoredKeysForm({ api, onSaved, onCancel }: Props) {
  const [name, setName] = useState('');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecret] = useState('');
  const [sessionToken, setToken] = useState('');
  const [error, setError] = useState<AppError | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.keysSave({
        name: name.trim(),
        accessKeyId: accessKeyId.trim(),
        secretAccessKey,
        ...(sessionToken ? { sessionToken } : {}),
      });
      if (result.ok) {
        // The secret leaves the page's memory as soon as main has it.
        setSecret('');
        setToken('');
        onSaved(result.value);
      } else setError(result.error);
    } catch (err) {
      setError(transportError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" aria-label="Add stored keys" onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <label htmlFor="keys-name">Key name</label>
        <input id="keys-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. ci-user" required />
        <label htmlFor="keys-id">Access key ID</label>
        <input id="keys-id" value={accessKeyId} onChange={(e) => setAccessKeyId(e.target.value)} placeholder="AKIA…" spellCheck={false} autoComplete="off" required />
        <label htmlFor="keys-secret">Secret access key</label>
        <input id="keys-secret" type="password" value={secretAccessKey} onChange={(e) => setSecret(e.target.value)} autoComplete="off" required />
        <label htmlFor="keys-token">Session token</label>
        <input id="keys-token" type="password" value={sessionToken} onChange={(e) => setToken(e.target.value)} placeholder="optional" autoComplete="off" />
      </div>
      <p className="muted form-note">Kept by RoleCall’s main process, encrypted with the system keychain where available. It is never shown again.</p>
      {error && <ErrorBox error={error} title="The keys were not saved" />}
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={busy || !name.trim() || !accessKeyId.trim() || !secretAccessKey}>
          Save keys
        </button>
      </div>
    </form>
  );
}
