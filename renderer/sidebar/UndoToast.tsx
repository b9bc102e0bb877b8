// "Deleted … Undo": the one toast the sidebar shows. It stays until undone, dismissed or replaced by the next one,
// so there is no race against a timer.
import { CloseIcon } from './icons';

export interface Toast {
  id: number;
  message: string;
  undo(): void;
}

export function UndoToast({ toast, onDismiss }: { toast: Toast; onDismiss(): void }) {
  return (
    <div className="sb-toast" role="status" aria-live="polite">
      <span>{toast.message}</span>
      <button
        type="button"
        className="sb-link"
        onClick={() => {
          onDismiss();
          toast.undo();
        }}
      >
        Undo
      </button>
      <button type="button" className="sb-icon" aria-label="Dismiss" onClick={onDismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
