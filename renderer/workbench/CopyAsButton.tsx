// "Copy as ▾" in the request toolbar: curl, awscurl, Python or TypeScript on the clipboard, then a short notice of
// what the snippet cannot do. When the clipboard refuses, or on "Show", the text opens in a read-only box to copy.
import { useRef, useState } from 'react';
import { COPY_AS_KINDS, type CopyAsKind } from '../../src/formats/copyAs/kinds';
import type { EffectiveRequest } from '../../src/effectiveRequest';
import { Modal } from '../components/Modal';
import { RowMenu } from '../sidebar/RowMenu';
import { clipboardWrite, COPY_AS_LABELS, copySnippet, type CopiedSnippet } from './copySnippet';
import './copyAs.css';

interface Props {
  effective: EffectiveRequest;
  /** Defaults to the browser clipboard; tests pass their own. */
  write?: (text: string) => Promise<void>;
}

export function CopyAsButton({ effective, write = clipboardWrite }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [snippet, setSnippet] = useState<CopiedSnippet | undefined>();
  const [showing, setShowing] = useState(false);

  const choose = async (kind: CopyAsKind) => {
    const made = await copySnippet(kind, effective, write);
    setSnippet(made);
    setShowing(!made.copied);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="secondary small"
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((open) => !open)}
      >
        Copy as ▾
      </button>
      {menuOpen && button.current && (
        <RowMenu
          label="Copy as"
          anchor={button.current}
          actions={COPY_AS_KINDS.map((kind) => ({ label: COPY_AS_LABELS[kind], run: () => void choose(kind) }))}
          onClose={() => setMenuOpen(false)}
        />
      )}
      {snippet && !showing && <CopiedNotice snippet={snippet} onShow={() => setShowing(true)} onDismiss={() => setSnippet(undefined)} />}
      {snippet && showing && <SnippetDialog snippet={snippet} write={write} onClose={() => setSnippet(undefined)} />}
    </>
  );
}

function Notes({ snippet }: { snippet: CopiedSnippet }) {
  if (snippet.notes.length === 0 && snippet.secretEnv.length === 0) return null;
  return (
    <ul className="copy-as-notes" aria-label="What the snippet cannot do">
      {snippet.secretEnv.length > 0 && <li>{`Set ${snippet.secretEnv.join(', ')} in the environment: secret variables are read from there.`}</li>}
      {snippet.notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}

export function CopiedNotice({ snippet, onShow, onDismiss }: { snippet: CopiedSnippet; onShow: () => void; onDismiss: () => void }) {
  return (
    <div className="copy-as-notice" role="status">
      <div>
        <span>{`Copied as ${COPY_AS_LABELS[snippet.kind]}.`}</span>
        <Notes snippet={snippet} />
      </div>
      <span className="row">
        <button type="button" className="secondary small" onClick={onShow}>
          Show
        </button>
        <button type="button" className="secondary small" onClick={onDismiss}>
          Dismiss
        </button>
      </span>
    </div>
  );
}

export function SnippetDialog({ snippet, write, onClose }: { snippet: CopiedSnippet; write: (text: string) => Promise<void>; onClose: () => void }) {
  const [status, setStatus] = useState(snippet.copied ? 'On the clipboard.' : 'The clipboard is not available: select the text and copy it.');
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await write(snippet.text);
      setStatus('Copied.');
    } catch {
      area.current?.select();
      setStatus('The clipboard is not available: the text is selected, press Ctrl+C.');
    }
  };
  return (
    <Modal title={`Copy as ${COPY_AS_LABELS[snippet.kind]}`} onCancel={onClose} className="modal copy-as-dialog">
      <textarea ref={area} readOnly aria-label="Snippet" value={snippet.text} rows={14} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <Notes snippet={snippet} />
      <p className="muted" role="status">
        {status}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" onClick={() => void copy()} autoFocus>
          Copy
        </button>
      </div>
    </Modal>
  );
}
