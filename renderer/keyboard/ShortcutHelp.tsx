// The keyboard shortcut help: every entry of the shared list (shortcutList.ts), grouped by where it works.
import { Modal } from '../components/Modal';
import { shortcutGroups } from './shortcutList';
import './keyboard.css';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onCancel={onClose} className="modal shortcut-help">
      {/* Focusable: a list taller than the dialog scrolls, and the keyboard must reach it too. */}
      <div className="shortcut-groups" role="region" aria-label="All shortcuts" tabIndex={0}>
        {shortcutGroups().map((group) => (
          <table key={group.scope} className="shortcut-table">
            <caption>{group.scope}</caption>
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Does</th>
              </tr>
            </thead>
            <tbody>
              {group.shortcuts.map((shortcut) => (
                <tr key={shortcut.id}>
                  <td>
                    {shortcut.keys.map((keys, i) => (
                      <span key={keys}>
                        {i > 0 && <span className="muted"> or </span>}
                        <kbd>{keys}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{shortcut.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
