import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../workbench/shortcuts';
import { ShortcutHelp } from './ShortcutHelp';
import { isShortcut, SHORTCUTS, type KeyLike } from './shortcutList';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('the shortcut list', () => {
  it('has one entry per id, each with keys and what it does', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const shortcut of SHORTCUTS) {
      expect(shortcut.keys.length).toBeGreaterThan(0);
      expect(shortcut.does.length).toBeGreaterThan(0);
    }
  });

  it('the help shows every entry: its keys and what it does', () => {
    const html = renderToString(<ShortcutHelp onClose={() => undefined} />);
    for (const shortcut of SHORTCUTS) {
      expect(html).toContain(shortcut.does.replace(/'/g, '&#x27;'));
      for (const keys of shortcut.keys) expect(html).toContain(`<kbd>${keys}</kbd>`);
    }
  });

  it('the workbench acts on the list: each workbench entry maps to its own action', () => {
    expect(shortcutFor(press('Enter', { metaKey: true }))).toBe('send');
    expect(shortcutFor(press('PageDown', { ctrlKey: true, shiftKey: true }))).toBe('moveTabRight');
    // The help and the body search are not workbench actions.
    expect(shortcutFor(press('/', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(press('f', { ctrlKey: true }))).toBeUndefined();
  });

  it('opens the help with ? or Ctrl/Cmd+/, not with a modified ?', () => {
    expect(isShortcut('help', press('?', { shiftKey: true }))).toBe(true);
    expect(isShortcut('help', press('/', { ctrlKey: true }))).toBe(true);
    expect(isShortcut('help', press('/', { metaKey: true }))).toBe(true);
    expect(isShortcut('help', press('?', { ctrlKey: true }))).toBe(false);
    expect(isShortcut('help', press('/'))).toBe(false);
  });

  it('matches the collection tree keys and the body search as the components use them', () => {
    expect(isShortcut('rowRename', press('F2'))).toBe(true);
    expect(isShortcut('rowShift', press('ArrowUp', { altKey: true }))).toBe(true);
    expect(isShortcut('rowShift', press('ArrowUp'))).toBe(false);
    expect(isShortcut('rowMenu', press('F10', { shiftKey: true }))).toBe(true);
    expect(isShortcut('rowMenu', press('ContextMenu'))).toBe(true);
    expect(isShortcut('bodySearch', press('F', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isShortcut('bodySearch', press('f', { ctrlKey: true, altKey: true }))).toBe(false);
    // An entry without a matcher (navigation the component does itself) never matches.
    expect(isShortcut('tabMove', press('ArrowLeft'))).toBe(false);
  });
});
