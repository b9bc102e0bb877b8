// The workbench's keyboard map, read at the document level (capture phase) so it works from any field, the code
// editor included, and so the browser's own use of Ctrl+T/W/S/L is prevented.
import { useEffect, useRef } from 'react';

export type ShortcutAction = 'send' | 'newTab' | 'closeTab' | 'save' | 'nextTab' | 'previousTab' | 'moveTabRight' | 'moveTabLeft' | 'focusUrl';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The action a key press stands for; Ctrl and Cmd are the same, except Ctrl+Tab, which is Ctrl everywhere. */
export function shortcutFor(event: KeyLike): ShortcutAction | undefined {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return undefined;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key === 'Tab' && event.ctrlKey) return event.shiftKey ? 'previousTab' : 'nextTab';
  if (key === 'PageDown') return event.shiftKey ? 'moveTabRight' : 'nextTab';
  if (key === 'PageUp') return event.shiftKey ? 'moveTabLeft' : 'previousTab';
  if (event.shiftKey) return undefined;
  if (key === 'Enter') return 'send';
  if (key === 't') return 'newTab';
  if (key === 'w') return 'closeTab';
  if (key === 's') return 'save';
  if (key === 'l') return 'focusUrl';
  return undefined;
}

/** Listens while `enabled`: a workbench hidden behind another view must not act on keys the user cannot see act. */
export function useShortcuts(handler: (action: ShortcutAction) => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      const action = shortcutFor(event);
      if (!action) return;
      // A modal dialog (MFA, unsaved changes, save) owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      event.stopPropagation();
      ref.current(action);
    }
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
