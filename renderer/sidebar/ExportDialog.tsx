// "Export…" on a collection: pick RoleCall JSON or Postman v2.1, then main asks where to save and writes the file.
// Secret variable values and credentials never go into the file; the dialog says so, where the file went and, for
// Postman, what the file could not express.
import { useState, type FormEvent } from 'react';
import type { ExportFormat } from '../../src/contract';
import type { AppError } from '../../src/errors';
import { ErrorBox } from '../components/ErrorBox';
import { ExportSaved } from './ExportSaved';
import { Modal } from '../components/Modal';
import { useWorkspaceApi } from '../state/workspace';
import { transportError } from '../format';

interface Props {
  collection: { id: string; name: string };
  onClose(): void;
}

const FORMATS: Array<{ value: ExportFormat; label: string; hint: string }> = [
  { value: 'rolecall', label: 'RoleCall collection (JSON)', hint: 'Everything RoleCall keeps, to import into RoleCall again.' },
  { value: 'postman', label: 'Postman Collection v2.1', hint: 'AWS auth becomes Postman’s AWS Signature, set once where RoleCall sets it and signing with {{AWS_ACCESS_KEY_ID}}, {{AWS_SECRET_ACCESS_KEY}} and {{AWS_SESSION_TOKEN}}.' },
];

export function ExportDialog({ collection, onClose }: Props) {
  const api = useWorkspaceApi();
  const [format, setFormat] = useState<ExportFormat>('rolecall');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  const [saved, setSaved] = useState<{ path: string; report?: string[] | undefined } | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.collectionsExport({ id: collection.id, format });
      if (!result.ok) setError(result.error);
      else if (result.value.cancelled) onClose();
      else setSaved({ path: result.value.path ?? '', report: result.value.report });
    } catch (err) {
      setError(transportError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={`Export “${collection.name}”`} onCancel={onClose} className="sb-modal">
      {saved !== undefined ? (
        <>
          <ExportSaved path={saved.path} report={saved.report} />
          <div className="sb-actions">
            <button type="button" className="sb-primary" onClick={onClose} autoFocus>
              Close
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <fieldset>
            <legend>Format</legend>
            {FORMATS.map((f) => (
              <label key={f.value} className="sb-choice">
                <input type="radio" name="export-format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} autoFocus={f.value === format} />
                <span>
                  {f.label}
                  <span className="sb-hint"> — {f.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <p className="sb-hint">Secret variables are exported with empty values; credentials are never exported.</p>
          {error && <ErrorBox error={error} title="The collection was not exported" />}
          <div className="sb-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="sb-primary" disabled={busy}>
              Export
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
