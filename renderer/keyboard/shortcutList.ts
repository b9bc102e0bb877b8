// Every keyboard shortcut in the window, in one list: the handlers match key presses with these entries and the
// shortcut help (ShortcutHelp.tsx) shows the same entries, so the help cannot drift from what the keys do.
// Entries without a matcher are navigation the component handles itself in the WAI-ARIA way (arrow keys in a
// tablist, tree or list); they are listed so the help is complete.

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type ShortcutScope = 'Anywhere' | 'Request tabs' | 'Collection tree' | 'Response body' | 'Lists and tabs';

export interface Shortcut {
  id: string;
  /** How the keys read in the help, one string per alternative. */
  keys: string[];
  does: string;
  scope: ShortcutScope;
  matches?: (event: KeyLike) => boolean;
}

/** Ctrl or Cmd, and no Alt (AltGr on some keyboards is Ctrl+Alt and types characters). */
const mod = (event: KeyLike) => (event.ctrlKey || event.metaKey) && !event.altKey;
const letter = (event: KeyLike) => (event.key.length === 1 ? event.key.toLowerCase() : event.key);
const modKey = (key: string, shift = false) => (event: KeyLike) => mod(event) && event.shiftKey === shift && letter(event) === key;

export const SHORTCUTS = [
  { id: 'send', keys: ['Ctrl/Cmd+Enter'], does: 'Send the request', scope: 'Anywhere', matches: modKey('Enter') },
  { id: 'newTab', keys: ['Ctrl/Cmd+T'], does: 'Open a new request tab', scope: 'Anywhere', matches: modKey('t') },
  { id: 'closeTab', keys: ['Ctrl/Cmd+W'], does: 'Close the request tab', scope: 'Anywhere', matches: modKey('w') },
  { id: 'save', keys: ['Ctrl/Cmd+S'], does: 'Save the request', scope: 'Anywhere', matches: modKey('s') },
  {
    id: 'nextTab',
    keys: ['Ctrl+Tab', 'Ctrl/Cmd+PageDown'],
    does: 'Next request tab',
    scope: 'Anywhere',
    matches: (e) => (e.ctrlKey && !e.altKey && !e.shiftKey && e.key === 'Tab') || modKey('PageDown')(e),
  },
  {
    id: 'previousTab',
    keys: ['Ctrl+Shift+Tab', 'Ctrl/Cmd+PageUp'],
    does: 'Previous request tab',
    scope: 'Anywhere',
    matches: (e) => (e.ctrlKey && !e.altKey && e.shiftKey && e.key === 'Tab') || modKey('PageUp')(e),
  },
  { id: 'moveTabRight', keys: ['Ctrl/Cmd+Shift+PageDown'], does: 'Move the request tab right', scope: 'Anywhere', matches: modKey('PageDown', true) },
  { id: 'moveTabLeft', keys: ['Ctrl/Cmd+Shift+PageUp'], does: 'Move the request tab left', scope: 'Anywhere', matches: modKey('PageUp', true) },
  { id: 'focusUrl', keys: ['Ctrl/Cmd+L'], does: 'Go to the URL', scope: 'Anywhere', matches: modKey('l') },
  {
    id: 'help',
    keys: ['?', 'Ctrl/Cmd+/'],
    does: 'Show these shortcuts (? outside text fields)',
    scope: 'Anywhere',
    matches: (e) => modKey('/')(e) || (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey),
  },
  { id: 'tabClose', keys: ['Delete'], does: 'Close the focused request tab', scope: 'Request tabs', matches: (e) => e.key === 'Delete' },
  { id: 'tabMove', keys: ['←', '→', 'Home', 'End'], does: 'Go to another request tab', scope: 'Request tabs' },
  { id: 'tabMiddle', keys: ['Middle click'], does: 'Close a request tab', scope: 'Request tabs' },
  { id: 'rowMove', keys: ['↑', '↓', 'Home', 'End'], does: 'Go to another row', scope: 'Collection tree' },
  { id: 'rowOpen', keys: ['→', '←'], does: 'Open or close a folder', scope: 'Collection tree' },
  { id: 'rowActivate', keys: ['Enter', 'Space'], does: 'Open the request (or the folder)', scope: 'Collection tree' },
  { id: 'rowRename', keys: ['F2'], does: 'Rename the row', scope: 'Collection tree', matches: (e) => e.key === 'F2' },
  { id: 'rowDelete', keys: ['Delete'], does: 'Delete the row (Undo follows)', scope: 'Collection tree', matches: (e) => e.key === 'Delete' },
  {
    id: 'rowShift',
    keys: ['Alt+↑', 'Alt+↓'],
    does: 'Move the row up or down',
    scope: 'Collection tree',
    matches: (e) => e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown'),
  },
  {
    id: 'rowMenu',
    keys: ['Shift+F10', 'Menu key'],
    does: "Open the row's actions",
    scope: 'Collection tree',
    matches: (e) => (e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu',
  },
  { id: 'bodySearch', keys: ['Ctrl/Cmd+F'], does: 'Search the response body', scope: 'Response body', matches: (e) => mod(e) && letter(e) === 'f' },
  { id: 'listMove', keys: ['←', '→'], does: 'Switch sidebar and inspector sections', scope: 'Lists and tabs' },
  { id: 'dialogClose', keys: ['Escape'], does: 'Close a dialog or menu', scope: 'Lists and tabs' },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

const byId = new Map<string, Shortcut>(SHORTCUTS.map((s) => [s.id, s]));

/** Whether a key press is the given shortcut (a shortcut without a matcher never matches). */
export function isShortcut(id: ShortcutId, event: KeyLike): boolean {
  return byId.get(id)?.matches?.(event) ?? false;
}

/** The shortcuts grouped by where they work, in list order, for the help. */
export function shortcutGroups(): Array<{ scope: ShortcutScope; shortcuts: Shortcut[] }> {
  const groups: Array<{ scope: ShortcutScope; shortcuts: Shortcut[] }> = [];
  for (const shortcut of SHORTCUTS as readonly Shortcut[]) {
    const group = groups.find((g) => g.scope === shortcut.scope);
    if (group) group.shortcuts.push(shortcut);
    else groups.push({ scope: shortcut.scope, shortcuts: [shortcut] });
  }
  return groups;
}
