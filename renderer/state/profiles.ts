// The local AWS profiles main reads, fetched once per API; undefined until they arrive (or when reading them failed:
// a select still offers the value already set).
import { useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { ProfileList } from '../../src/models/profile';
import { settle } from '../api';

export function useProfileList(api: RoleCallApi): ProfileList | undefined {
  const [profiles, setProfiles] = useState<ProfileList | undefined>();
  useEffect(() => {
    let live = true;
    void settle(() => api.profilesList({})).then((result) => live && result.ok && setProfiles(result.value));
    return () => {
      live = false;
    };
  }, [api]);
  return profiles;
}
