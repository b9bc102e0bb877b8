// Which IAM Identity Center sign-in a profile needs: the SSO profile its credentials start from (itself, or the end of
// its source_profile chain), and from that profile's settings the start URL, region, sso-session and registration
// scopes, read as `aws sso login` reads them. Also the `aws sso login` command that works for that profile: with an
// sso-session, `--sso-session NAME` (what every profile of the session shares); for a legacy profile, `--profile`
// naming the SSO profile itself, never a role profile on top of it (the CLI refuses that one: no sso_start_url).
import { appError } from '../../../src/errors';
import { defaultProfileName, profileKind, summarizeProfile, type AwsProfiles, type ProfileData } from '../profiles';

export interface SsoTarget {
  /** The SSO profile the sign-in is for (the origin of the asked profile's chain). */
  profile: string;
  /** The sso-session's name; absent for a legacy profile (sso_start_url in the profile itself). */
  sessionName?: string;
  startUrl: string;
  region: string;
  /** sso_registration_scopes of the sso-session, split on commas; a refresh token is issued only with scopes. */
  scopes?: string[];
  /** The origin profile's settings (endpoint_url, services), for the OIDC and portal endpoints. */
  settings: ProfileData;
}

/** As the CLI's parse_sso_registration_scopes: comma-separated, trimmed, empties dropped. */
export function parseScopes(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const scopes = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return scopes.length ? scopes : undefined;
}

/** The SSO profile a profile's credentials come from, or undefined when they do not come from SSO. */
export function ssoOrigin(profile: string, all: AwsProfiles): string | undefined {
  if (!(profile in all.profiles)) return undefined;
  const summary = summarizeProfile(profile, all, defaultProfileName({}));
  const origin = summary.sourceChain[summary.sourceChain.length - 1] ?? profile;
  const data = all.profiles[origin];
  return data && profileKind(data) === 'sso' && (data.sso_session !== undefined || data.sso_start_url !== undefined) ? origin : undefined;
}

export function ssoTarget(profile: string, all: AwsProfiles): SsoTarget {
  if (!(profile in all.profiles)) throw appError('PROFILE_NOT_FOUND', `Profile "${profile}" is not in the AWS config or credentials file.`);
  const origin = ssoOrigin(profile, all);
  if (!origin) throw appError('INVALID_INPUT', `Profile "${profile}" does not sign in with IAM Identity Center (SSO).`);
  const data = all.profiles[origin]!;
  const sessionName = data.sso_session?.trim() || undefined;
  if (sessionName) {
    const session = all.ssoSessions[sessionName];
    if (!session) throw appError('CREDENTIALS_ERROR', `Profile "${origin}" names [sso-session ${sessionName}], which is not defined.`);
    const startUrl = session.sso_start_url?.trim();
    const region = session.sso_region?.trim();
    if (!startUrl || !region) {
      throw appError('CREDENTIALS_ERROR', `[sso-session ${sessionName}] needs sso_start_url and sso_region to sign in.`);
    }
    const scopes = parseScopes(session.sso_registration_scopes);
    return { profile: origin, sessionName, startUrl, region, ...(scopes ? { scopes } : {}), settings: data };
  }
  const startUrl = data.sso_start_url?.trim();
  const region = data.sso_region?.trim();
  if (!startUrl || !region) throw appError('CREDENTIALS_ERROR', `Profile "${origin}" needs sso_start_url and sso_region to sign in.`);
  return { profile: origin, startUrl, region, settings: data };
}

/** A word as a POSIX shell reads it back unchanged. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The terminal command that signs this target in, for hints: one that works for its profile. */
export function loginCommand(target: Pick<SsoTarget, 'profile' | 'sessionName'>): string {
  return target.sessionName ? `aws sso login --sso-session ${shellWord(target.sessionName)}` : `aws sso login --profile ${shellWord(target.profile)}`;
}
