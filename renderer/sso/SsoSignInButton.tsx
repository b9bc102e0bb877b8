// "Sign in" wherever an SSO profile's sign-in is missing or expired (the credential error, the profiles panel): opens
// the sign-in dialog for that profile. Outside RoleCall (no window.rolecall) it renders nothing.
import { useContext, useState } from 'react';
import type { AuthChoice } from '../../src/models/auth';
import { getApi } from '../api';
import { SsoSignInDialog } from '../startup/lazyParts';
import { SignInFollowUp } from './signInFollowUp';

interface Props {
  profile: string;
  /** Called after a completed sign-in, e.g. to send again or check the identity. */
  onSignedIn?: () => void;
  label?: string;
}

export function SsoSignInButton({ profile, onSignedIn, label = 'Sign in' }: Props) {
  const api = getApi();
  const [open, setOpen] = useState(false);
  const followUp = useContext(SignInFollowUp);
  if (!api) return null;
  return (
    <>
      <button type="button" className="sso-sign-in" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <SsoSignInDialog
          api={api}
          profile={profile}
          onClose={(signedIn) => {
            setOpen(false);
            if (!signedIn) return;
            onSignedIn?.();
            followUp?.(profile);
          }}
        />
      )}
    </>
  );
}

/** The profile to sign in for an auth choice: the profile itself, or the base profile of an assumed role. */
export function signInProfileOf(auth: AuthChoice | undefined): string | undefined {
  if (!auth) return undefined;
  if (auth.kind === 'profile') return auth.profile;
  if (auth.kind === 'assumeRole' && auth.base?.kind === 'profile') return auth.base.profile;
  return undefined;
}
