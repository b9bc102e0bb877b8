// Opens the shortcut help on `?` (outside text fields, where it is a character to type) and on Ctrl/Cmd+/ (from
// anywhere). Another open dialog keeps the keyboard.
import { useEffect } from 'react';
import { isShortcut } from './shortcutList';

/** Whether typing a character into this element is what the key press is for. */
export function takesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

export function useShortcutHelp(open: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcut('help', event)) return;
      if (event.key === '?' && takesText(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      open();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);
}
