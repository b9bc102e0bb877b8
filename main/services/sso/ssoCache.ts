// The IAM Identity Center token cache shared with the AWS CLI v2 (botocore's SSOTokenFetcher and JSONFileCache):
// ~/.aws/sso/cache/<sha1 hex of the sso-session name, or of the start URL for a legacy profile>.json holds the
// token, and <sha1 hex of the sorted JSON of {tool, startUrl, region, scopes, session_name}>.json the client
// registration. Files are written as Python's json.dumps writes them (", " and ": ", key order kept, non-ASCII
// escaped) with times as '%Y-%m-%dT%H:%M:%SZ', atomically and 0600, so `aws` and RoleCall read each other's files.
import { createHash, randomBytes } from 'node:crypto';
// fs.promises is read where a file is: node:fs/promises loaded at start costs `rolecall sign` time it never uses.
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Env } from '../profiles';

/** The token file's fields, in the order the CLI writes them. */
export interface SsoToken {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: string;
  refreshToken?: string;
}

/** The registration file's fields, in the order the CLI writes them (no grantTypes: a device-code registration). */
export interface SsoRegistration {
  clientId: string;
  clientSecret: string;
  expiresAt: string;
  scopes?: string[];
}

/** Where the SDK looks for the cache (HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the OS's idea). */
export function ssoCacheDir(env: Env): string {
  const home = env.HOME || env.USERPROFILE || (env.HOMEPATH ? `${env.HOMEDRIVE ?? `C:${path.sep}`}${env.HOMEPATH}` : os.homedir());
  return path.join(home, '.aws', 'sso', 'cache');
}

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

/** The token file's stem: the session name for an sso-session profile, else the start URL. */
export function tokenCacheKey(startUrl: string, sessionName?: string): string {
  return sha1(sessionName ?? startUrl);
}

/** A value as Python's json.dumps writes it with its defaults. */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
}

/** The registration file's stem, as botocore computes it (sort_keys=True, None as null). */
export function registrationCacheKey(startUrl: string, region: string, scopes: string[] | undefined, sessionName: string | undefined): string {
  const sorted = { region, scopes: scopes ?? null, session_name: sessionName ?? null, startUrl, tool: 'botocore' };
  return sha1(pythonJson(sorted));
}

/** A time as the CLI writes it: UTC, whole seconds, 'Z'. */
export function cliTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Reads one cache file; undefined when it is missing or not a JSON object. */
async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes like JSONFileCache: a 0600 temporary file in the cache folder, then renamed over the target. */
async function writeAtomic(dir: string, stem: string, text: string): Promise<string> {
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, `${stem}.json`);
  const temp = path.join(dir, `${stem}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fsp.writeFile(temp, text, { mode: 0o600, flag: 'wx' });
    await fsp.chmod(temp, 0o600);
    await fsp.rename(temp, target);
  } catch (err) {
    await fsp.rm(temp, { force: true });
    throw err;
  }
  return target;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function createSsoCache(dir: string) {
  return {
    dir,
    tokenFile: (startUrl: string, sessionName?: string) => path.join(dir, `${tokenCacheKey(startUrl, sessionName)}.json`),

    async readToken(startUrl: string, sessionName?: string): Promise<SsoToken | undefined> {
      const data = await readJson(path.join(dir, `${tokenCacheKey(startUrl, sessionName)}.json`));
      const accessToken = str(data?.accessToken);
      const expiresAt = str(data?.expiresAt);
      if (!data || !accessToken || !expiresAt) return undefined;
      const token: SsoToken = { startUrl: str(data.startUrl) ?? startUrl, region: str(data.region) ?? '', accessToken, expiresAt };
      for (const key of ['clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken'] as const) {
        const value = str(data[key]);
        if (value) token[key] = value;
      }
      return token;
    },

    async writeToken(token: SsoToken, sessionName?: string): Promise<string> {
      const ordered: SsoToken = {
        startUrl: token.startUrl,
        region: token.region,
        accessToken: token.accessToken,
        expiresAt: token.expiresAt,
        clientId: token.clientId,
        clientSecret: token.clientSecret,
        registrationExpiresAt: token.registrationExpiresAt,
        refreshToken: token.refreshToken,
      };
      return writeAtomic(dir, tokenCacheKey(token.startUrl, sessionName), pythonJson(ordered));
    },

    async readRegistration(key: string): Promise<SsoRegistration | undefined> {
      const data = await readJson(path.join(dir, `${key}.json`));
      const clientId = str(data?.clientId);
      const clientSecret = str(data?.clientSecret);
      const expiresAt = str(data?.expiresAt);
      if (!data || !clientId || !clientSecret || !expiresAt) return undefined;
      // A registration for the authorization-code flow (`aws sso login` without --use-device-code) cannot start a device flow.
      if (Array.isArray(data.grantTypes) && data.grantTypes.includes('authorization_code')) return undefined;
      const scopes = Array.isArray(data.scopes) ? data.scopes.filter((s): s is string => typeof s === 'string') : undefined;
      return { clientId, clientSecret, expiresAt, ...(scopes ? { scopes } : {}) };
    },

    async writeRegistration(key: string, registration: SsoRegistration): Promise<string> {
      const ordered = { clientId: registration.clientId, clientSecret: registration.clientSecret, expiresAt: registration.expiresAt, scopes: registration.scopes };
      return writeAtomic(dir, key, pythonJson(ordered));
    },
  };
}

export type SsoCache = ReturnType<typeof createSsoCache>;
