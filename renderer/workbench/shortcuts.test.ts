import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyLike } from './shortcuts';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcutFor', () => {
  it('maps Ctrl and Cmd alike', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      expect(shortcutFor(press('Enter', mod))).toBe('send');
      expect(shortcutFor(press('t', mod))).toBe('newTab');
      expect(shortcutFor(press('W', mod))).toBe('closeTab');
      expect(shortcutFor(press('s', mod))).toBe('save');
      expect(shortcutFor(press('l', mod))).toBe('focusUrl');
      expect(shortcutFor(press('PageDown', mod))).toBe('nextTab');
      expect(shortcutFor(press('PageUp', mod))).toBe('previousTab');
      expect(shortcutFor(press('PageDown', { ...mod, shiftKey: true }))).toBe('moveTabRight');
      expect(shortcutFor(press('PageUp', { ...mod, shiftKey: true }))).toBe('moveTabLeft');
    }
  });

  it('switches tabs with Ctrl+Tab and Ctrl+Shift+Tab', () => {
    expect(shortcutFor(press('Tab', { ctrlKey: true }))).toBe('nextTab');
    expect(shortcutFor(press('Tab', { ctrlKey: true, shiftKey: true }))).toBe('previousTab');
  });

  it('leaves plain typing, Alt chords and unknown keys alone', () => {
    expect(shortcutFor(press('s'))).toBeUndefined();
    expect(shortcutFor(press('Enter'))).toBeUndefined();
    expect(shortcutFor(press('Tab'))).toBeUndefined();
    expect(shortcutFor(press('s', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(shortcutFor(press('s', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(shortcutFor(press('f', { ctrlKey: true }))).toBeUndefined();
  });
});
