// Whether the selected profile needs an IAM Identity Center sign-in, for the identity badge: asked of main (the token
// cache, no network) when the profile changes, when the AWS files change, after each send and after a sign-in, and
// when the live preview signs with other keys: a sign-in made outside RoleCall (`aws sso login`) shows there first.
import { useCallback, useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { SsoTokenState } from '../../src/models/sso';
import { settle } from '../api';

export function useSsoTokenState(
  api: RoleCallApi,
  profile: string | undefined,
  filesVersion: number,
  lastAnswer: object | undefined,
  previewKeyId?: string,
): { state?: SsoTokenState; refresh: () => void } {
  const [state, setState] = useState<{ profile: string; value: SsoTokenState }>();
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (!profile) return;
    let live = true;
    void settle(() => api.ssoTokenState({ profile })).then((result) => {
      if (live && result.ok) setState({ profile, value: result.value });
    });
    return () => {
      live = false;
    };
  }, [api, profile, filesVersion, lastAnswer, previewKeyId, asked]);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { state: profile && state?.profile === profile ? state.value : undefined, refresh };
}
