// The local AWS profiles main reads, fetched per API and again when the AWS files change; undefined until they
// arrive (or when reading them failed: a select still offers the value already set).
import { useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { ProfileList } from '../../src/models/profile';
import { settle } from '../api';

export function useProfileList(api: RoleCallApi): ProfileList | undefined {
  const [profiles, setProfiles] = useState<ProfileList | undefined>();
  useEffect(() => {
    let live = true;
    const load = () => void settle(() => api.profilesList({})).then((result) => live && result.ok && setProfiles(result.value));
    load();
    // Read again when main sees the AWS files change, and on "Reload profiles" anywhere in the window.
    const stopWatching = api.on('profiles:changed', load);
    reloadListeners.add(load);
    return () => {
      live = false;
      stopWatching();
      reloadListeners.delete(load);
    };
  }, [api]);
  return profiles;
}

const reloadListeners = new Set<() => void>();

/** "Reload profiles": every profile list in the window reads the AWS files again. */
export function reloadProfiles(): void {
  for (const load of [...reloadListeners]) load();
}
