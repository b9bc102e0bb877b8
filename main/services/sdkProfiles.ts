// Hands the AWS SDK's credential providers exactly the profiles RoleCall lists. The SDK's own file loader reads
// the files differently (case-sensitive keys, no continuations, [profile foo] in the credentials file named
// "profile.foo"), so a profile listed as usable could fail to resolve. Instead, the merged profiles are written as
// text the SDK's loader reads unambiguously and served to it through its externalDataInterceptor under paths that
// exist for one resolution only; nothing is written to disk.
import { randomUUID } from 'node:crypto';
import type { ProfileData } from './profileFile';

export interface SdkProfileSource {
  profiles: Record<string, ProfileData>;
  ssoSessions: Record<string, ProfileData>;
}

/** A name the SDK's loader reads back unchanged from a credentials-file header. */
const SDK_SAFE_NAME = /^[A-Za-z0-9_\-/.%@:+]+$/;

/** One setting as the SDK's loader reads it: sub-properties indented, continuation lines joined by a space. */
export function sdkValue(value: string): string {
  return value.startsWith('\n') ? value : value.split('\n').join(' ');
}

function section(header: string, data: ProfileData, rename: (key: string, value: string) => string): string[] {
  const lines = [`[${header}]`];
  for (const [key, raw] of Object.entries(data)) {
    if (raw === undefined) continue;
    if (raw.startsWith('\n')) {
      lines.push(`${key} =`, ...raw.split('\n').filter((l) => l !== '').map((l) => `  ${l}`));
    } else {
      lines.push(`${key} = ${sdkValue(rename(key, raw))}`);
    }
  }
  return lines;
}

export interface SdkProfiles {
  config: string;
  credentials: string;
  /** The name the SDK knows a profile by (an alias when its own name would not survive the SDK's loader). */
  sdkName(profile: string): string;
}

export function sdkProfiles(source: SdkProfileSource): SdkProfiles {
  const aliases = new Map<string, string>();
  let next = 0;
  const sdkName = (name: string): string => {
    if (SDK_SAFE_NAME.test(name) && name !== '__proto__') return name;
    let alias = aliases.get(name);
    if (alias) return alias;
    do alias = `rolecall-alias-${next++}`;
    while (alias in source.profiles);
    aliases.set(name, alias);
    return alias;
  };
  const rename = (key: string, value: string) => (key === 'source_profile' ? sdkName(value) : value);
  const credentials: string[] = [];
  for (const name of Object.keys(source.profiles)) credentials.push(...section(sdkName(name), source.profiles[name]!, rename));
  const config: string[] = [];
  for (const name of Object.keys(source.ssoSessions)) config.push(...section(`sso-session ${name}`, source.ssoSessions[name]!, (_k, v) => v));
  return { config: `${config.join('\n')}\n`, credentials: `${credentials.join('\n')}\n`, sdkName };
}

/** Runs `use` with file paths the SDK's loader resolves to these profiles, and forgets them afterwards. */
export async function withSdkProfiles<T>(profiles: SdkProfiles, use: (paths: { config: string; credentials: string }) => Promise<T>): Promise<T> {
  const base = `/rolecall-sdk-profiles/${randomUUID()}`;
  const paths = { config: `${base}/config`, credentials: `${base}/credentials` };
  // The SDK's own instance of its loader (the bin keeps both out of its bundle: main/cli/bundleOptions.ts).
  const { externalDataInterceptor } = await import('@smithy/shared-ini-file-loader');
  externalDataInterceptor.interceptFile(paths.config, profiles.config);
  externalDataInterceptor.interceptFile(paths.credentials, profiles.credentials);
  try {
    return await use(paths);
  } finally {
    const record = externalDataInterceptor.getFileRecord();
    delete record[paths.config];
    delete record[paths.credentials];
  }
}
