// "Import…": a file picked in main's open dialog, a dropped file's text or a pasted command goes to main, which says
// what importing it would do; the user reads what was mapped and what was not, chooses which keys the file held to
// store (encrypted, under a name), and imports. The keys themselves never reach this page: only their access key ids.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../src/errors';
import type { ImportCommitResult, ImportPreview } from '../../src/models/importing';
import { ErrorBox } from '../components/ErrorBox';
import { Modal } from '../components/Modal';
import { transportError } from '../format';
import { useWorkspaceApi } from '../state/workspace';
import type { DroppedFolder } from './droppedFolder';

interface Props {
  /** A dropped file's text or folder's files, previewed at once; absent: the user chooses a file or pastes. */
  dropped?: { text: string; fileName: string } | { folder: DroppedFolder };
  storedKeyNames: string[];
  onImported(result: ImportCommitResult): void;
  onClose(): void;
}

type Shown = ImportPreview & { cancelled: false };

export function ImportDialog({ dropped, storedKeyNames, onImported, onClose }: Props) {
  const api = useWorkspaceApi();
  const [preview, setPreview] = useState<Shown | undefined>();
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();
  /** Per offered key: store it, and under what name. */
  const [keys, setKeys] = useState<Array<{ store: boolean; name: string }>>([]);
  const previewId = useRef<string | undefined>(undefined);

  async function ask(source: { kind: 'dialog' } | { kind: 'text'; text: string; fileName?: string } | ({ kind: 'folder' } & DroppedFolder)) {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.importPreview({ source });
      if (!result.ok) setError(result.error);
      else if (!result.value.cancelled) {
        const shown = result.value;
        if (previewId.current) void api.importDiscard({ previewId: previewId.current });
        previewId.current = shown.previewId;
        setPreview(shown);
        setKeys(shown.offeredKeys.map((k) => ({ store: shown.keysStorable, name: freeName(k.name, storedKeyNames) })));
      }
    } catch (err) {
      setError(transportError(err));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (dropped && 'folder' in dropped) void ask({ kind: 'folder', ...dropped.folder });
    else if (dropped) void ask({ kind: 'text', text: dropped.text, fileName: dropped.fileName });
    // Once, for the file dropped when the dialog opened.
  }, []);

  function cancel() {
    if (previewId.current) void api.importDiscard({ previewId: previewId.current });
    onClose();
  }

  async function commit(event: FormEvent) {
    event.preventDefault();
    if (!preview) return;
    setBusy(true);
    setError(undefined);
    try {
      const chosen = keys.flatMap((k, offerIndex) => (k.store ? [{ offerIndex, name: k.name.trim() }] : []));
      const result = await api.importCommit({ previewId: preview.previewId, keys: chosen });
      if (!result.ok) setError(result.error);
      else {
        previewId.current = undefined;
        onImported(result.value);
      }
    } catch (err) {
      setError(transportError(err));
    } finally {
      setBusy(false);
    }
  }

  const title = preview ? `Import ${preview.fileName ? `“${preview.fileName}”` : preview.formatLabel}` : 'Import';
  return (
    <Modal title={title} onCancel={cancel} className="sb-modal sb-import">
      {!preview ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pasted.trim()) void ask({ kind: 'text', text: pasted });
          }}
        >
          <p className="sb-hint">Postman collections (v2.0, v2.1) and environments, RoleCall collection files and curl commands. You can also drop a file on the sidebar.</p>
          <div className="sb-actions sb-import-source">
            <button type="button" className="sb-primary" disabled={busy} onClick={() => void ask({ kind: 'dialog' })} autoFocus>
              Choose file…
            </button>
          </div>
          <label className="sb-import-paste">
            <span>Or paste a curl command or a collection’s JSON</span>
            <textarea className="sb-mono" rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
          </label>
          {busy && dropped && <p role="status">Reading {'folder' in dropped ? dropped.folder.name : dropped.fileName}…</p>}
          {error && <ErrorBox error={error} title="Nothing was imported" />}
          <div className="sb-actions">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" disabled={busy || !pasted.trim()}>
              Preview
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={(e) => void commit(e)}>
          <p role="status" className="sb-import-summary">
            {preview.formatLabel}
            {preview.collection && (
              <>
                : collection <strong>{preview.collection.name}</strong> with {plural(preview.collection.requests, 'request')} in {plural(preview.collection.folders, 'folder')}
              </>
            )}
            {preview.environment && (
              <>
                : environment <strong>{preview.environment.name}</strong> with {plural(preview.environment.variables, 'variable')}
              </>
            )}
          </p>
          <ReportList title="Mapped" items={preview.report.mapped} />
          <ReportList title="Not mapped" items={preview.report.notMapped} />
          <ReportList title="Warnings" items={preview.report.warnings} />
          {preview.notes > 0 && <p className="sb-hint">Descriptions or scripts were found on {plural(preview.notes, 'item')}: descriptions show in each request&apos;s Docs tab; scripts are kept with their items, never run, and go back to Postman when you export.</p>}
          {preview.offeredKeys.length > 0 && (
            <fieldset>
              <legend>Keys found in the file</legend>
              {!preview.keysStorable && <p className="sb-hint">This system cannot encrypt keys, so RoleCall will not store them: choose a profile for the imported requests.</p>}
              {preview.offeredKeys.map((offer, i) => (
                <div key={offer.index} className="sb-import-key">
                  <label className="sb-choice">
                    <input
                      type="checkbox"
                      checked={keys[i]?.store ?? false}
                      disabled={!preview.keysStorable}
                      onChange={(e) => setKeys((all) => all.map((k, j) => (j === i ? { ...k, store: e.target.checked } : k)))}
                    />
                    <span>
                      Store <code>{offer.accessKeyId}</code>
                      {offer.hasSessionToken ? ' (with a session token)' : ''} encrypted as
                    </span>
                  </label>
                  <input
                    aria-label={`Name for the keys ${offer.accessKeyId}`}
                    value={keys[i]?.name ?? ''}
                    disabled={!preview.keysStorable || !keys[i]?.store}
                    onChange={(e) => setKeys((all) => all.map((k, j) => (j === i ? { ...k, name: e.target.value } : k)))}
                  />
                  <span className="sb-hint">used by {plural(offer.usedBy, 'item')}; otherwise they say “choose a profile”.</span>
                </div>
              ))}
            </fieldset>
          )}
          {error && <ErrorBox error={error} title="Nothing was imported" />}
          <div className="sb-actions">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" className="sb-primary" disabled={busy || keys.some((k) => k.store && !k.name.trim())} autoFocus>
              Import
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

function ReportList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="sb-import-report" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The suggested name, or "name 2", "name 3"… when stored keys already have it. */
function freeName(name: string, taken: string[]): string {
  if (!taken.includes(name)) return name;
  for (let n = 2; n < 1000; n++) if (!taken.includes(`${name} ${n}`)) return `${name} ${n}`;
  return name;
}
