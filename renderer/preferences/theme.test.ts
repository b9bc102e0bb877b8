import { describe, expect, it } from 'vitest';
import { readThemeChoice, resolveTheme, saveThemeChoice } from './theme';

function memory() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

describe('theme choice', () => {
  it('follows the system until light or dark is chosen, and keeps the choice', () => {
    const store = memory();
    expect(readThemeChoice(store)).toBe('system');
    saveThemeChoice('dark', store);
    expect(readThemeChoice(store)).toBe('dark');
    saveThemeChoice('system', store);
    expect(readThemeChoice(store)).toBe('system');
    expect(store.map.size).toBe(0);
  });

  it('reads anything unknown as following the system', () => {
    const store = memory();
    store.setItem('rolecall.theme', 'sepia');
    expect(readThemeChoice(store)).toBe('system');
  });

  it('resolves the system choice from the OS preference, and a chosen theme regardless of it', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
