// Settings that belong to this window rather than the workspace: the colour theme, and the way to the shortcut help.
import { Modal } from '../components/Modal';
import { THEME_CHOICES, type ThemeChoice } from './theme';

interface Props {
  theme: ThemeChoice;
  onTheme: (choice: ThemeChoice) => void;
  onShowShortcuts: () => void;
  onClose: () => void;
}

export function SettingsDialog({ theme, onTheme, onShowShortcuts, onClose }: Props) {
  return (
    <Modal title="Settings" onCancel={onClose} className="modal settings-dialog">
      <fieldset className="settings-theme">
        <legend>Theme</legend>
        {THEME_CHOICES.map((option) => (
          <label key={option.value}>
            <input type="radio" name="theme" value={option.value} checked={theme === option.value} onChange={() => onTheme(option.value)} />
            {option.label}
          </label>
        ))}
      </fieldset>
      <p>
        <button type="button" className="link-button" onClick={onShowShortcuts}>
          Keyboard shortcuts
        </button>{' '}
        <span className="muted">(also ? or Ctrl+/)</span>
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Done
        </button>
      </div>
    </Modal>
  );
}
