// The profile a user last picked per collection ("" for unsaved tabs), so new requests there start from it. Kept in
// this window's localStorage and in main (renderer/preferences/preferenceSync.ts): a profile name is about this
// machine's ~/.aws, so it belongs neither in the collection (shared through git and exports) nor in anything that
// leaves the machine.
import { sharePreference } from '../preferences/preferenceSync';

const PREFIX = 'rolecall.profileFor.';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function rememberedProfile(collectionId: string | undefined): string | undefined {
  return storage()?.getItem(PREFIX + (collectionId ?? '')) ?? undefined;
}

export function rememberProfile(collectionId: string | undefined, profile: string): void {
  try {
    storage()?.setItem(PREFIX + (collectionId ?? ''), profile.slice(0, 256));
  } catch {
    // A full or refused storage only loses the convenience.
  }
  sharePreference(PREFIX + (collectionId ?? ''), profile.slice(0, 256));
}
