// An SSO profile's role credentials from the SDK's own SSO provider (GetRoleCredentials at the portal), given the
// sign-in RoleCall read from the CLI's cache. fromSSO gets every setting explicitly and the profiles through
// RoleCall's intercepted files (sdkProfiles.ts), since fromIni would drop those file paths on its way to it.
import type { AwsProfiles } from '../profiles';
import { toRoleCallError } from '../awsErrors';
import { sdkProfiles, withSdkProfiles } from '../sdkProfiles';
import { loginCommand } from './ssoTarget';
import { signInRequired, withSsoToken, type PreparedToken } from './ssoTokens';

export interface RoleKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** `portal`: the SSO client's request handler and endpoint override; `region`: the parent client's region. */
export async function ssoOriginCredentials(prepared: PreparedToken, all: AwsProfiles, portal: Record<string, unknown>, region: string): Promise<RoleKeys> {
  const { target } = prepared;
  const data = all.profiles[target.profile] ?? {};
  const sdk = sdkProfiles(all);
  const { fromSSO } = await import('@aws-sdk/credential-providers');
  return withSsoToken(prepared, () =>
    withSdkProfiles(sdk, async (paths) => {
      const provider = fromSSO({
        profile: sdk.sdkName(target.profile),
        filepath: paths.credentials,
        configFilepath: paths.config,
        ssoStartUrl: target.startUrl,
        ssoRegion: target.region,
        ssoAccountId: data.sso_account_id,
        ssoRoleName: data.sso_role_name,
        ...(target.sessionName ? { ssoSession: target.sessionName } : {}),
        clientConfig: portal,
        parentClientConfig: { region },
      });
      try {
        return await provider();
      } catch (err) {
        // A token that looks live in the cache but that the portal refuses (signed out, revoked, a new session
        // elsewhere) needs a sign-in like a missing one: the window then offers "Sign in", not a dead end.
        if (portalRefusedToken(err)) throw signInRequired(target, target.profile, 'the portal no longer accepts the cached sign-in');
        throw toRoleCallError(err, { profile: target.profile, ssoLogin: loginCommand(target) });
      }
    }),
  );
}

/** GetRoleCredentials' 401: the SDK's provider error keeps only "UnauthorizedException: …" of it, in its message. */
function portalRefusedToken(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { name, message } = err as { name?: string; message?: string };
  return name === 'UnauthorizedException' || /^UnauthorizedException\b/.test(message ?? '');
}

/** The profiles with the SSO profile standing as static keys, for a role chain to start from. */
export function withStaticOrigin(all: AwsProfiles, origin: string, keys: RoleKeys): AwsProfiles {
  const profiles = Object.assign(Object.create(null) as AwsProfiles['profiles'], all.profiles);
  profiles[origin] = {
    aws_access_key_id: keys.accessKeyId,
    aws_secret_access_key: keys.secretAccessKey,
    ...(keys.sessionToken ? { aws_session_token: keys.sessionToken } : {}),
  };
  return { ...all, profiles };
}
