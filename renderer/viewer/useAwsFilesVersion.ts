// Counts the AWS config and credentials file changes main reported since the window opened ('profiles:changed'),
// so an answer signed before one can be marked stale even when the profile list reads the same (a rotated key).
import { useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';

export function useAwsFilesVersion(api: RoleCallApi): number {
  const [version, setVersion] = useState(0);
  useEffect(() => api.on('profiles:changed', () => setVersion((v) => v + 1)), [api]);
  return version;
}
