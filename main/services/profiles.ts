// Reads ~/.aws/config and ~/.aws/credentials as the AWS SDKs and the AWS CLI read them (profileFile.ts), merged the
// same way, and describes each profile without a secret. Parsed files are kept per path and reused while the file's
// stat (inode, size, mtime, ctime) is unchanged, so repeated calls cost a stat each and an edit shows up on the next
// call without a restart. The classification mirrors @aws-sdk/credential-provider-ini's order, and credentials.ts
// hands the SDK exactly these profiles, so what is listed is what fromIni will do.
// fs.promises is read where a file is: node:fs/promises loaded at start costs `rolecall sign` time it never uses.
import { promises as fsp } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ConfigFileProblem, ProfileKind, ProfileList, ProfileSummary } from '../../src/models/profile';
import { configFileProblems } from './configLint';
import { mergeProfileFiles, readProfileFile, type AwsFileKind, type ProfileData, type ProfileFileContents } from './profileFile';

export type Env = Record<string, string | undefined>;
export type { ProfileData };

export interface AwsFilePaths {
  config: string;
  credentials: string;
}

export interface AwsProfiles {
  files: AwsFilePaths;
  /** Each profile's settings, config and credentials merged (credentials win, as in the SDK). Holds secrets. Shared: read only. */
  profiles: Record<string, ProfileData>;
  ssoSessions: Record<string, ProfileData>;
  /** [services NAME] sections by NAME. */
  services: Record<string, ProfileData>;
  definedIn: Record<string, Array<'config' | 'credentials'>>;
  /** What each file's reader ignored or could not read, by line. */
  problems: ConfigFileProblem[];
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

interface ParsedFile {
  stamp: string;
  contents: ProfileFileContents;
  problems: ConfigFileProblem[];
}

const CACHE_LIMIT = 32;
const parsedFiles = new Map<string, ParsedFile>();
const mergedFiles = new Map<string, AwsProfiles>();
let parses = 0;

/** How many times a file has been parsed since start: tests check that unchanged files are not parsed again. */
export const profileFileParses = (): number => parses;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return value;
}

async function fileStamp(path: string): Promise<string> {
  try {
    const s = await fsp.stat(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (err) {
    return `missing:${(err as NodeJS.ErrnoException).code ?? 'unknown'}`;
  }
}

async function parsedFile(path: string, kind: AwsFileKind, stamp: string): Promise<ParsedFile> {
  const key = `${kind}\n${path}`;
  const hit = parsedFiles.get(key);
  if (hit?.stamp === stamp) return hit;
  let text = '';
  let unreadable: ConfigFileProblem | undefined;
  try {
    text = await fsp.readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') unreadable = { file: path, line: 1, message: `the file cannot be read (${code ?? 'unknown error'})` };
  }
  parses++;
  const contents = readProfileFile(text, kind);
  const problems = unreadable ? [unreadable] : configFileProblems(path, contents.problems);
  return remember(parsedFiles, key, { stamp, contents, problems });
}

/** Both files, parsed again only when their stat changed. */
export async function readAwsProfiles(env: Env): Promise<AwsProfiles> {
  const files = awsFilePaths(env);
  const [configStamp, credentialsStamp] = await Promise.all([fileStamp(files.config), fileStamp(files.credentials)]);
  const key = [files.config, configStamp, files.credentials, credentialsStamp].join('\n');
  const hit = mergedFiles.get(key);
  if (hit) return hit;
  const [config, credentials] = await Promise.all([
    parsedFile(files.config, 'config', configStamp),
    parsedFile(files.credentials, 'credentials', credentialsStamp),
  ]);
  const merged = mergeProfileFiles(config.contents, credentials.contents);
  return remember(mergedFiles, key, { files, ...merged, problems: [...config.problems, ...credentials.problems] });
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
export function sourceChain(name: string, profiles: Record<string, ProfileData>, profileCount?: number): SourceChain {
  const chain = [name];
  const visited = new Set(chain);
  const problems: string[] = [];
  let current = name;
  // Counting the profiles is linear: a listing passes the count once instead of paying it for every profile.
  const limit = (profileCount ?? Object.keys(profiles).length) + 2;
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
    const seen = visited.has(source);
    chain.push(source);
    visited.add(source);
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
export function summarizeProfile(name: string, all: AwsProfiles, defaultProfile: string, profileCount?: number): ProfileSummary {
  const data = all.profiles[name] ?? {};
  const kind = profileKind(data);
  const { chain, problems: chainProblems } =
    kind === 'assumeRole' ? sourceChain(name, all.profiles, profileCount) : { chain: [name], problems: [] };
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

/** Made on first use: building a collator loads ICU's locale data, which costs every command's start-up ~20 ms. */
let collator: Intl.Collator | undefined;

export function createProfilesService(opts: { env?: Env } = {}) {
  const env = opts.env ?? process.env;
  return {
    async list(): Promise<ProfileList> {
      const all = await readAwsProfiles(env);
      const defaultProfile = defaultProfileName(env);
      const names = Object.keys(all.profiles);
      const compare = (collator ??= new Intl.Collator()).compare;
      names.sort((a, b) => (a === defaultProfile ? -1 : b === defaultProfile ? 1 : compare(a, b)));
      return {
        profiles: names.map((name) => summarizeProfile(name, all, defaultProfile, names.length)),
        defaultProfile,
        files: all.files,
        problems: all.problems,
        environmentCredentials: Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY),
      };
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
