// Reads ~/.aws/config and ~/.aws/credentials the way the AWS SDK does (its own loader, merged the same way) and
// describes each profile without a secret. Files are re-read on every call so edits show up without a restart.
// The classification mirrors @aws-sdk/credential-provider-ini's order, so what is listed is what fromIni will do.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ConfigFileProblem, ProfileKind, ProfileList, ProfileSummary } from '../../src/models/profile';
import { lintAwsFile, type AwsFileKind } from './configLint';

export type Env = Record<string, string | undefined>;
export type ProfileData = Record<string, string | undefined>;

export interface AwsFilePaths {
  config: string;
  credentials: string;
}

export interface AwsProfiles {
  files: AwsFilePaths;
  /** Each profile's settings, config and credentials merged (credentials win, as in the SDK). Holds secrets. */
  profiles: Record<string, ProfileData>;
  ssoSessions: Record<string, ProfileData>;
  definedIn: Record<string, Array<'config' | 'credentials'>>;
}

function expandHome(path: string, env: Env): string {
  if (!path.startsWith('~/')) return path;
  return join(env.HOME || env.USERPROFILE || homedir(), path.slice(2));
}

export function awsFilePaths(env: Env): AwsFilePaths {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    config: expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), env),
    credentials: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), env),
  };
}

export function defaultProfileName(env: Env): string {
  return env.AWS_PROFILE || 'default';
}

const NON_PROFILE_SECTIONS = /^(sso-session|services)\./;

/** Loads both files through the SDK's loader, bypassing its cache. */
export async function readAwsProfiles(env: Env): Promise<AwsProfiles> {
  const files = awsFilePaths(env);
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    configFilepath: files.config,
    filepath: files.credentials,
    ignoreCache: true,
  });
  const profiles: Record<string, ProfileData> = {};
  const ssoSessions: Record<string, ProfileData> = {};
  const definedIn: Record<string, Array<'config' | 'credentials'>> = {};
  for (const [key, section] of Object.entries(configFile)) {
    if (key.startsWith('sso-session.')) ssoSessions[key.slice('sso-session.'.length)] = { ...section };
    if (NON_PROFILE_SECTIONS.test(key)) continue;
    profiles[key] = { ...section };
    definedIn[key] = ['config'];
  }
  for (const [name, section] of Object.entries(credentialsFile)) {
    profiles[name] = { ...profiles[name], ...section };
    definedIn[name] = [...(definedIn[name] ?? []), 'credentials'];
  }
  return { files, profiles, ssoSessions, definedIn };
}

const has = (data: ProfileData | undefined, key: string): boolean => typeof data?.[key] === 'string';
const isStatic = (d?: ProfileData) => has(d, 'aws_access_key_id') && has(d, 'aws_secret_access_key');
const isAssumeRole = (d?: ProfileData) => has(d, 'role_arn') && has(d, 'source_profile') !== has(d, 'credential_source');
const isWebIdentity = (d?: ProfileData) => has(d, 'web_identity_token_file') && has(d, 'role_arn');
const isSso = (d?: ProfileData) =>
  ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name', 'login_session'].some((k) => has(d, k));

export function profileKind(data: ProfileData | undefined): ProfileKind {
  if (isAssumeRole(data)) return 'assumeRole';
  if (isStatic(data)) return 'static';
  if (isWebIdentity(data)) return 'webIdentity';
  if (has(data, 'credential_process')) return 'process';
  // login_session (`aws login`) is a browser sign-in with a token cache: the SSO family as far as users are concerned.
  if (isSso(data)) return 'sso';
  return 'incomplete';
}

export interface SourceChain {
  /** From the profile to where its credentials start: profile names, then a credential_source if one is used. */
  chain: string[];
  problems: string[];
}

/**
 * Follows source_profile the way the SDK does: after the first hop a profile with keys is used for its keys (so a
 * profile may name itself), and coming back to a profile without keys is a cycle.
 */
export function sourceChain(name: string, profiles: Record<string, ProfileData>): SourceChain {
  const chain = [name];
  const problems: string[] = [];
  let current = name;
  const limit = Object.keys(profiles).length + 2;
  for (let hop = 0; hop < limit; hop++) {
    const data = profiles[current];
    if (hop > 0 && isStatic(data)) break;
    // A source profile with credential_source and no role_arn just passes those credentials on.
    const passThrough = hop > 0 && !has(data, 'role_arn') && has(data, 'credential_source') && !has(data, 'source_profile');
    if (!isAssumeRole(data) && !passThrough) {
      if (hop > 0 && profileKind(data) === 'incomplete') problems.push(`source profile "${current}" has no credentials`);
      break;
    }
    if (has(data, 'credential_source')) {
      chain.push(data!.credential_source!);
      break;
    }
    const source = data!.source_profile!;
    const seen = chain.includes(source);
    chain.push(source);
    if (!(source in profiles)) {
      problems.push(`source_profile "${source}" is not defined`);
      break;
    }
    if (seen && !isStatic(profiles[source])) {
      problems.push(`source_profile cycle: ${chain.join(' -> ')}`);
      break;
    }
    current = source;
  }
  return { chain, problems };
}

function kindProblems(data: ProfileData, kind: ProfileKind, ssoSessions: Record<string, ProfileData>): string[] {
  const problems: string[] = [];
  if (has(data, 'aws_access_key_id') !== has(data, 'aws_secret_access_key')) {
    problems.push('aws_access_key_id and aws_secret_access_key must be set together');
  }
  if (has(data, 'role_arn') && has(data, 'source_profile') && has(data, 'credential_source')) {
    problems.push('set only one of source_profile and credential_source');
  }
  if (kind === 'incomplete') {
    problems.push(
      has(data, 'role_arn')
        ? 'role_arn needs a source_profile, a credential_source or a web_identity_token_file'
        : 'no credentials: no keys, role, SSO, credential_process or web identity',
    );
  }
  if (kind === 'sso' && has(data, 'sso_session') && !ssoSessions[data.sso_session!]) {
    problems.push(`[sso-session ${data.sso_session}] is not defined`);
  }
  if (kind === 'sso' && !has(data, 'login_session') && !(has(data, 'sso_account_id') && has(data, 'sso_role_name'))) {
    problems.push('an SSO profile needs sso_account_id and sso_role_name');
  }
  const duration = data.duration_seconds;
  if (duration !== undefined && !/^\d+$/.test(duration)) problems.push(`duration_seconds "${duration}" is not a number`);
  return problems;
}

/** Describes one profile; never copies a key, token or process command line into the summary. */
export function summarizeProfile(name: string, all: AwsProfiles, defaultProfile: string): ProfileSummary {
  const data = all.profiles[name] ?? {};
  const kind = profileKind(data);
  const { chain, problems: chainProblems } =
    kind === 'assumeRole' ? sourceChain(name, all.profiles) : { chain: [name], problems: [] };
  const session = data.sso_session ? all.ssoSessions[data.sso_session] : undefined;
  const summary: ProfileSummary = {
    name,
    kind,
    sourceChain: chain,
    definedIn: all.definedIn[name] ?? [],
    isDefault: name === defaultProfile,
    problems: [...kindProblems(data, kind, all.ssoSessions), ...chainProblems],
  };
  const optional: Array<[keyof ProfileSummary, string | undefined]> = [
    ['region', data.region],
    ['roleArn', data.role_arn],
    ['sourceProfile', data.source_profile],
    ['credentialSource', data.credential_source],
    ['mfaSerial', data.mfa_serial],
    ['externalId', data.external_id],
    ['roleSessionName', data.role_session_name],
    ['ssoStartUrl', data.sso_start_url ?? session?.sso_start_url],
    ['ssoSession', data.sso_session],
    ['ssoAccountId', data.sso_account_id],
    ['ssoRoleName', data.sso_role_name],
    ['webIdentityTokenFile', data.web_identity_token_file],
    ['endpointUrl', data.endpoint_url],
  ];
  for (const [key, value] of optional) if (value !== undefined) Object.assign(summary, { [key]: value });
  if (data.duration_seconds !== undefined && /^\d+$/.test(data.duration_seconds)) {
    summary.durationSeconds = Number(data.duration_seconds);
  }
  return summary;
}

async function lintFile(path: string, kind: AwsFileKind): Promise<ConfigFileProblem[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    return [{ file: path, line: 1, message: `the file cannot be read (${code ?? String(err)})` }];
  }
  return lintAwsFile(path, text, kind);
}

export function createProfilesService(opts: { env?: Env } = {}) {
  const env = opts.env ?? process.env;
  return {
    async list(): Promise<ProfileList> {
      const all = await readAwsProfiles(env);
      const defaultProfile = defaultProfileName(env);
      const names = Object.keys(all.profiles).sort((a, b) =>
        a === defaultProfile ? -1 : b === defaultProfile ? 1 : a.localeCompare(b),
      );
      const problems = [
        ...(await lintFile(all.files.config, 'config')),
        ...(await lintFile(all.files.credentials, 'credentials')),
      ];
      return {
        profiles: names.map((name) => summarizeProfile(name, all, defaultProfile)),
        defaultProfile,
        files: all.files,
        problems,
        environmentCredentials: Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY),
      };
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
