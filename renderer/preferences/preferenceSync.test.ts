// The window's preferences meet main's at start: main's win (browser mode on a new port starts with an empty
// localStorage), what only localStorage has goes to main, and each later save goes to main too.
import { afterEach, describe, expect, it } from 'vitest';
import type { RoleCallApi } from '../../src/contract';
import { onPreferencesSynced, resetPreferenceSync, sharePreference, syncPreferences } from './preferenceSync';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

function fakeApi(values: Record<string, string>) {
  const sets: Array<{ key: string; value: string | null }> = [];
  const api = {
    preferencesGet: async () => ({ ok: true, value: { values } }),
    preferencesSet: async (input: { key: string; value: string | null }) => {
      sets.push(input);
      return { ok: true, value: { saved: true } };
    },
  } as unknown as RoleCallApi;
  return { api, sets };
}

afterEach(() => resetPreferenceSync());

describe('preference sync', () => {
  it('copies main’s values into an empty localStorage (another port) and tells the theme', async () => {
    const store = memoryStorage();
    const { api } = fakeApi({ 'rolecall.theme': 'dark', 'rolecall.profileFor.c1': 'corp-dev' });
    let told = 0;
    onPreferencesSynced(() => told++);
    await syncPreferences(api, store);
    expect(Object.fromEntries(store.data)).toEqual({ 'rolecall.theme': 'dark', 'rolecall.profileFor.c1': 'corp-dev' });
    expect(told).toBe(1);
  });

  it('hands main what only localStorage has, and later saves as they happen', async () => {
    const store = memoryStorage({ 'rolecall.theme': 'light', 'unrelated.key': 'x' });
    const { api, sets } = fakeApi({});
    await syncPreferences(api, store);
    expect(sets).toEqual([{ key: 'rolecall.theme', value: 'light' }]);
    sharePreference('rolecall.theme', undefined);
    await Promise.resolve();
    expect(sets.at(-1)).toEqual({ key: 'rolecall.theme', value: null });
  });
});
