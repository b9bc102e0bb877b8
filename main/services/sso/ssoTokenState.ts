// Whether a profile needs an IAM Identity Center sign-in now, read from the AWS CLI's token cache without a network
// call: for the identity badge's "Sign in". A token that can still be refreshed (prepareSsoToken does that on the
// next use) does not need one. Never answers the token itself.
import type { SsoTokenState } from '../../../src/models/sso';
import { readAwsProfiles, type Env } from '../profiles';
import { createSsoCache, ssoCacheDir } from './ssoCache';
import { EXPIRY_WINDOW_MS } from './ssoSignIn';
import { canRefresh } from './ssoTokens';
import { ssoOrigin, ssoTarget } from './ssoTarget';

export async function ssoTokenState(profile: string, env: Env, now: () => number = Date.now): Promise<SsoTokenState> {
  const all = await readAwsProfiles(env);
  if (!ssoOrigin(profile, all)) return { sso: false };
  let target;
  try {
    target = ssoTarget(profile, all);
  } catch {
    // An sso-session that is not defined, a start URL missing: the send explains that; signing in cannot fix it.
    return { sso: false };
  }
  const token = await createSsoCache(ssoCacheDir(env)).readToken(target.startUrl, target.sessionName);
  const base = { sso: true as const, ssoProfile: target.profile };
  if (!token) return { ...base, signInNeeded: true };
  const expiresAt = Date.parse(token.expiresAt);
  const live = !Number.isNaN(expiresAt) && expiresAt - now() >= EXPIRY_WINDOW_MS;
  return { ...base, signInNeeded: !live && !canRefresh(token, target, now()), expiresAt: token.expiresAt };
}
