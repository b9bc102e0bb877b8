// Closing a tab with unsaved changes asks: save them, throw them away, or keep the tab open.
import { useEffect, useRef } from 'react';

interface Props {
  title: string;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

export function UnsavedDialog({ title, onSave, onDiscard, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby="unsaved-title"
      aria-describedby="unsaved-text"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="unsaved-title">Save changes?</h2>
      <p id="unsaved-text">
        <strong>{title}</strong> has changes that are not saved. They are lost if you close it without saving.
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onDiscard}>
          Discard
        </button>
        <button type="button" className="primary" onClick={onSave} autoFocus>
          Save
        </button>
      </div>
    </dialog>
  );
}
