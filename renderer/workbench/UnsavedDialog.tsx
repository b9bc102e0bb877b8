// Closing a tab with unsaved changes asks: save them, throw them away, or keep the tab open.
import { Modal } from '../components/Modal';

interface Props {
  title: string;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

export function UnsavedDialog({ title, onSave, onDiscard, onCancel }: Props) {
  return (
    <Modal title="Save changes?" onCancel={onCancel} className="modal" describedBy="unsaved-text">
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
    </Modal>
  );
}
