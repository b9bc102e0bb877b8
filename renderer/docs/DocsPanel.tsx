// The request's Docs tab: its Markdown description, edited and shown as plain text (never rendered as HTML, so a
// shared file's description cannot run or load anything), and what its file held that RoleCall does not use
// (scripts, path variables, examples), listed read-only as the file has it: kept on save, never run.
import type { RequestDoc } from '../../src/models/workspace';
import { preservedEntries } from './preservedEntries';
import './docs.css';

interface Props {
  tabId: string;
  draft: RequestDoc;
  onChange: (draft: RequestDoc) => void;
}

/** The draft with this description, or without the key when it is empty (an untouched request saves as before). */
export function withDescription(draft: RequestDoc, text: string): RequestDoc {
  const { description: _old, ...rest } = draft;
  return text.trim() === '' ? rest : { ...rest, description: text };
}

export function DocsPanel({ tabId, draft, onChange }: Props) {
  const kept = preservedEntries(draft.preserved);
  const id = `docs-${tabId}`;
  return (
    <div className="docs-panel">
      <label htmlFor={id}>Description</label>
      <textarea
        id={id}
        className="docs-description"
        value={draft.description ?? ''}
        placeholder="What this request is for, in Markdown (shown as text)"
        aria-describedby={`${id}-note`}
        rows={8}
        spellCheck
        onChange={(e) => onChange(withDescription(draft, e.target.value))}
      />
      <p id={`${id}-note`} className="muted">
        Markdown, kept as text: saved in the request&apos;s file as <code>description</code>, where Postman shows it too.
      </p>
      {kept.length > 0 && (
        <section className="docs-kept" aria-label="Kept from the file">
          <h3>Kept from the file, not used by RoleCall</h3>
          <p className="muted">Saved back unchanged. RoleCall never runs scripts.</p>
          {kept.map((entry) => (
            <details key={entry.key}>
              <summary>
                {entry.key}
                {entry.note && <span className="muted"> — {entry.note}</span>}
              </summary>
              <pre className="docs-kept-text">{entry.text}</pre>
            </details>
          ))}
        </section>
      )}
    </div>
  );
}
