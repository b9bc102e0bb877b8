// The cached sign-in an SSO profile's credentials need, read by RoleCall before the SDK's SSO provider runs: missing
// or expired gives SSO_SIGN_IN_REQUIRED (the window offers "Sign in", the hint a command that works for the profile);
// inside botocore's 15-minute window an sso-session token with a refresh token and a live registration is refreshed
// with CreateToken's refresh_token grant and written back to the CLI's cache. The token read is handed to the SDK
// through its token interceptor for the one resolution, from the cache folder RoleCall's environment names.
import { appError } from '../../../src/errors';
import type { AwsProfiles, Env } from '../profiles';
import { cliTime, createSsoCache, ssoCacheDir, type SsoToken } from './ssoCache';
import { EXPIRY_WINDOW_MS, oidcClient, oidcSdk } from './ssoSignIn';
import { loginCommand, ssoTarget, type SsoTarget } from './ssoTarget';

/** @aws-sdk/token-providers' own refresh window. */
const SDK_REFRESH_WINDOW_MS = 5 * 60 * 1000;

export interface PreparedToken {
  token: SsoToken;
  refreshed: boolean;
  target: SsoTarget;
}

/** May this token be refreshed? As botocore's SSOTokenProvider: sso-session only, with every field and a live registration. */
export function canRefresh(token: SsoToken, target: SsoTarget, now: number): boolean {
  if (!target.sessionName || !token.refreshToken || !token.clientId || !token.clientSecret || !token.registrationExpiresAt) return false;
  const registrationEnd = Date.parse(token.registrationExpiresAt);
  return !Number.isNaN(registrationEnd) && registrationEnd > now;
}

export function signInRequired(target: SsoTarget, profile: string, why: string): Error {
  const who = profile === target.profile ? `Profile "${profile}"` : `Profile "${profile}" (through SSO profile "${target.profile}")`;
  return appError(
    'SSO_SIGN_IN_REQUIRED',
    `${who} needs an IAM Identity Center sign-in: ${why}. Choose "Sign in", or run "${loginCommand(target)}".`,
    `Token cache: ${target.sessionName ? `sso-session ${target.sessionName}` : target.startUrl}`,
  );
}

export async function prepareSsoToken(profile: string, all: AwsProfiles, env: Env, now: () => number = Date.now): Promise<PreparedToken> {
  const target = ssoTarget(profile, all);
  const cache = createSsoCache(ssoCacheDir(env));
  const token = await cache.readToken(target.startUrl, target.sessionName);
  if (!token) throw signInRequired(target, profile, 'there is no sign-in cached for it');
  const expiresAt = Date.parse(token.expiresAt);
  if (!Number.isNaN(expiresAt) && expiresAt - now() >= EXPIRY_WINDOW_MS) return { token, refreshed: false, target };
  if (canRefresh(token, target, now())) {
    try {
      const { CreateTokenCommand } = await oidcSdk();
      const answer = await (await oidcClient(target, env, all.services)).send(
        new CreateTokenCommand({ clientId: token.clientId, clientSecret: token.clientSecret, grantType: 'refresh_token', refreshToken: token.refreshToken }),
      );
      if (answer.accessToken && answer.expiresIn !== undefined) {
        const fresh: SsoToken = {
          startUrl: target.startUrl,
          region: target.region,
          accessToken: answer.accessToken,
          expiresAt: cliTime(now() + answer.expiresIn * 1000),
          clientId: token.clientId,
          clientSecret: token.clientSecret,
          registrationExpiresAt: token.registrationExpiresAt,
          // As botocore: the refresh token the answer carries, none when it carries none.
          ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
        };
        await cache.writeToken(fresh, target.sessionName);
        return { token: fresh, refreshed: true, target };
      }
    } catch {
      // A refused or failed refresh leaves the cached token to be used while it lasts, as the CLI does.
    }
  }
  if (Number.isNaN(expiresAt) || expiresAt <= now()) throw signInRequired(target, profile, 'the cached sign-in has expired');
  // The SDK's sso-session provider tries a refresh of its own in a token's last 5 minutes and fails without one.
  if (target.sessionName && expiresAt - now() <= SDK_REFRESH_WINDOW_MS) throw signInRequired(target, profile, 'the cached sign-in expires in a few minutes');
  return { token, refreshed: false, target };
}

const held = new Map<string, number>();

/** Serves the token to the SDK's SSO provider while `use` runs (the SDK keys it by session name or start URL). */
export async function withSsoToken<T>(prepared: PreparedToken, use: () => Promise<T>): Promise<T> {
  const id = prepared.target.sessionName ?? prepared.target.startUrl;
  const { externalDataInterceptor } = await import('@smithy/shared-ini-file-loader');
  externalDataInterceptor.interceptToken(id, { ...prepared.token });
  held.set(id, (held.get(id) ?? 0) + 1);
  try {
    return await use();
  } finally {
    const left = (held.get(id) ?? 1) - 1;
    if (left > 0) held.set(id, left);
    else {
      held.delete(id);
      delete externalDataInterceptor.getTokenRecord()[id];
    }
  }
}
