// The local AWS profiles main reads, undefined until they arrive (or when reading them failed: a select still offers
// the value already set). One list per API, shared by every part that shows it (the workbench, the collections
// panel, a scope's settings): read once at start (the answer sent with startup/earlyCalls.ts), again when main sees
// the AWS files change and on "Reload profiles"; let go when the last part showing it is gone.
import { useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { ProfileList } from '../../src/models/profile';
import { settle } from '../api';
import { takeEarly } from '../startup/earlyCalls';

type Listener = (profiles: ProfileList) => void;

interface Shared {
  profiles?: ProfileList;
  listeners: Set<Listener>;
  load(): void;
  stop(): void;
}

const shared = new Map<RoleCallApi, Shared>();

/** Hears the profile list of `api` (at once when it has arrived already); returns the unsubscribe function. */
export function subscribeProfiles(api: RoleCallApi, listener: Listener): () => void {
  let entry = shared.get(api);
  if (!entry) {
    const created: Shared = {
      listeners: new Set(),
      load: () => {
        const early = takeEarly(api, 'profilesList');
        void (early ?? settle(() => api.profilesList({}))).then((result) => {
          if (!result.ok || shared.get(api) !== created) return;
          created.profiles = result.value;
          for (const hear of [...created.listeners]) hear(result.value);
        });
      },
      stop: () => undefined,
    };
    // Read again when main sees the AWS files change.
    created.stop = api.on('profiles:changed', created.load);
    shared.set(api, created);
    entry = created;
    entry.listeners.add(listener);
    entry.load();
  } else {
    entry.listeners.add(listener);
    if (entry.profiles) listener(entry.profiles);
  }
  const own = entry;
  return () => {
    own.listeners.delete(listener);
    if (own.listeners.size > 0 || shared.get(api) !== own) return;
    own.stop();
    shared.delete(api);
  };
}

export function useProfileList(api: RoleCallApi): ProfileList | undefined {
  const [profiles, setProfiles] = useState<ProfileList | undefined>();
  useEffect(() => subscribeProfiles(api, setProfiles), [api]);
  return profiles;
}

/** "Reload profiles": every profile list in the window reads the AWS files again. */
export function reloadProfiles(): void {
  for (const entry of [...shared.values()]) entry.load();
}
