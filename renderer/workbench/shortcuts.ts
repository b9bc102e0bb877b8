// The workbench's keyboard map (the entries of keyboard/shortcutList.ts that act on the workbench), read at the
// document level (capture phase) so it works from any field, the code editor included, and so the browser's own use
// of Ctrl+T/W/S/L is prevented.
import { useEffect, useRef } from 'react';
import { isShortcut, type KeyLike } from '../keyboard/shortcutList';

export type { KeyLike } from '../keyboard/shortcutList';

const ACTIONS = ['send', 'newTab', 'closeTab', 'save', 'nextTab', 'previousTab', 'moveTabRight', 'moveTabLeft', 'focusUrl'] as const;
export type ShortcutAction = (typeof ACTIONS)[number];

/** The workbench action a key press stands for, by the shared shortcut list; Ctrl and Cmd are the same. */
export function shortcutFor(event: KeyLike): ShortcutAction | undefined {
  return ACTIONS.find((action) => isShortcut(action, event));
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
