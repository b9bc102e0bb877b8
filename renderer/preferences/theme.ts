// The colour theme: follow the OS (the default), or light or dark as chosen in Settings. The choice is kept in this
// window's localStorage and in main (preferenceSync.ts, so browser mode keeps it on another port): it is about this
// machine's screen, so it belongs in neither the workspace nor a collection.
// The resolved theme is set as <html data-theme>, which every stylesheet's dark colours key on, and the OS
// preference is watched so "follow the OS" switches live.
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { getApi } from '../api';
import { onPreferencesSynced, sharePreference, syncPreferences } from './preferenceSync';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const KEY = 'rolecall.theme';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function readThemeChoice(from: Pick<Storage, 'getItem'> | undefined = storage()): ThemeChoice {
  const value = from?.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function saveThemeChoice(choice: ThemeChoice, to: Pick<Storage, 'setItem' | 'removeItem'> | undefined = storage()): void {
  try {
    if (choice === 'system') to?.removeItem(KEY);
    else to?.setItem(KEY, choice);
  } catch {
    // A full or refused storage only loses the choice at the next start.
  }
  sharePreference(KEY, choice === 'system' ? undefined : choice);
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

const darkQuery = () => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined);

/** The user's choice and a setter that keeps it; applies the resolved theme to the document while mounted. */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice());
  // The app's root holds the theme, so this is where the window's preferences are read from main, once.
  useEffect(() => {
    const off = onPreferencesSynced(() => setChoice(readThemeChoice()));
    const api = getApi();
    if (api) void syncPreferences(api);
    return off;
  }, []);
  useLayoutEffect(() => {
    const query = darkQuery();
    const apply = () => {
      document.documentElement.dataset.theme = resolveTheme(choice, query?.matches ?? false);
    };
    apply();
    query?.addEventListener('change', apply);
    return () => query?.removeEventListener('change', apply);
  }, [choice]);
  const choose = useCallback((next: ThemeChoice) => {
    saveThemeChoice(next);
    setChoice(next);
  }, []);
  return [choice, choose];
}
