// The window's preferences in two places: localStorage, read synchronously for the first paint, and main
// (preferences:get / preferences:set), which outlives the origin; browser mode picks a port, and localStorage is per
// origin. At start main's values win and are copied into localStorage; values only localStorage has (kept before
// main kept any) are handed to main. Every save goes to both. In Electron the origin never changes, so both always agree.
import type { RoleCallApi } from '../../src/contract';
import { settle } from '../api';
import { takeEarly } from '../startup/earlyCalls';

const PREFIX = 'rolecall.';
type Local = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function local(): Local | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

let bound: RoleCallApi | undefined;
const listeners = new Set<() => void>();

/** Called after start-up's sync changed what localStorage holds (the theme hook reads its choice again). */
export function onPreferencesSynced(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Hands a saved preference to main as well (undefined removes it); a failure only loses it on another origin. */
export function sharePreference(key: string, value: string | undefined): void {
  if (bound) void settle(() => bound!.preferencesSet({ key, value: value ?? null }));
}

/** Reads main's preferences into localStorage and hands main what only localStorage has. Once per window. */
export async function syncPreferences(api: RoleCallApi, store: Local | undefined = local()): Promise<void> {
  if (bound === api) return;
  bound = api;
  const answer = await (takeEarly(api, 'preferencesGet') ?? settle(() => api.preferencesGet({})));
  if (!answer.ok || !store) return;
  const fromMain = answer.value.values;
  let changed = false;
  for (const [key, value] of Object.entries(fromMain)) {
    if (store.getItem(key) === value) continue;
    try {
      store.setItem(key, value);
      changed = true;
    } catch {
      // A full or refused storage: the value is still in main for the next start.
    }
  }
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key || !key.startsWith(PREFIX) || key in fromMain) continue;
    const value = store.getItem(key);
    if (value !== null) sharePreference(key, value);
  }
  if (changed) for (const listener of listeners) listener();
}

/** For tests: forget the API bound by syncPreferences. */
export function resetPreferenceSync(): void {
  bound = undefined;
  listeners.clear();
}
