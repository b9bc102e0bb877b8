// The two questions a folder-backed collection asks: delete files from the folder (with undo afterwards), and
// what to do when a file changed on disk since it was loaded (overwrite it, or take what is on disk).
import type { ReactNode } from 'react';
import { Modal } from '../components/Modal';

export function DeleteFilesDialog({ what, onDelete, onCancel }: { what: string; onDelete(): void; onCancel(): void }) {
  return (
    <Modal title="Delete files?" onCancel={onCancel} className="sb-modal" describedBy="sb-delete-files-text">
      <p id="sb-delete-files-text">
        {what} is kept in a folder: deleting it deletes its files there. You can undo it right after.
      </p>
      <div className="sb-actions">
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="sb-primary" onClick={onDelete}>
          Delete files
        </button>
      </div>
    </Modal>
  );
}

export function ConflictDialog({ message, onOverwrite, onReload, onCancel }: { message: ReactNode; onOverwrite(): void; onReload(): void; onCancel(): void }) {
  return (
    <Modal title="Changed on disk" onCancel={onCancel} className="sb-modal" describedBy="sb-conflict-text">
      <p id="sb-conflict-text">{message}</p>
      <div className="sb-actions">
        <button type="button" onClick={onReload} autoFocus>
          Reload from disk
        </button>
        <button type="button" className="sb-primary" onClick={onOverwrite}>
          Overwrite
        </button>
      </div>
    </Modal>
  );
}
