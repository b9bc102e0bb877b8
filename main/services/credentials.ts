// Turns an auth choice into credentials, in main only. Profiles go through the SDK's fromIni (role chains, MFA,
// credential_process, SSO, web identity); explicit AssumeRole calls STS itself. Temporary credentials are cached per
// (what they came from, the role options, the profile's file content) and refreshed shortly before they expire;
// concurrent resolves of one key share a single in-flight call, so a burst of requests costs one STS call.
import { createHash } from 'node:crypto';
import type { Agent } from 'node:http';
// The SDK is loaded when STS or a profile provider is needed, not at start (static keys need none of it).
import type { STSClient, STSClientConfig } from '@aws-sdk/client-sts';
import type { AuthChoice, CredentialHop, Identity } from '../../src/models/auth';
import { appError } from '../../src/errors';
import { toRoleCallError } from './awsErrors';
import { clockKey, type ClockOffsets } from './clockSkew';
import { processFailure } from './processFailure';
import { defaultProfileName, profileKind, readAwsProfiles, summarizeProfile, type AwsProfiles, type Env, type ProfileData } from './profiles';
import { sdkProfiles, sdkValue, withSdkProfiles } from './sdkProfiles';
import { stsSettings, type StsSettings } from './stsEndpoint';
import { ssoEndpoint } from './sso/ssoEndpoints';
import { ssoOrigin } from './sso/ssoTarget';
import { ssoOriginCredentials, withStaticOrigin } from './sso/ssoCredentials';
import { prepareSsoToken } from './sso/ssoTokens';

/** Asks the user for the current code of an MFA device; rejects with MFA_CANCELLED. */
export type MfaCodeProvider = (mfaSerial: string, reason: string) => Promise<string>;

export interface CredentialsServiceOptions {
  env?: Env;
  mfa: MfaCodeProvider;
  /** STS endpoint override (tests point it at moto); else as stsEndpoint.ts decides (environment, profile); else the SDK default. */
  stsEndpoint?: string;
  refreshMarginSeconds?: number;
  now?: () => number;
  /** Static keys stored by name in the key vault; without it, a storedKeys choice is refused. */
  storedKeys?: (name: string) => Promise<StaticKeys>;
  /** The engine's clock offsets: STS calls are dated with them, and what the SDK learns goes back (clockSkew.ts). */
  clocks?: ClockOffsets;
}

export interface StaticKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface ResolvedCredentials {
  credentials: Credentials;
  hops: CredentialHop[];
  cached: boolean;
  region?: string;
  /** Where STS calls for these credentials go (GetCallerIdentity uses it). */
  sts?: StsSettings;
}

export type ResolvableAuth = Exclude<AuthChoice, { kind: 'none' }>;
type AssumeRoleAuth = Extract<AuthChoice, { kind: 'assumeRole' }>;

/** How to get one auth choice's credentials, and the cache key they are kept under. */
interface Plan {
  key: string;
  hops: CredentialHop[];
  region?: string;
  sts: StsSettings;
  fetch(): Promise<Credentials>;
}

interface Entry {
  credentials: Credentials;
  hops: CredentialHop[];
  region?: string;
  sts: StsSettings;
}

const HTTP = { connectionTimeout: 5_000, requestTimeout: 15_000 };
/** The SDK's request handler options: the timeouts, and the proxy agents when the environment names a proxy. */
type StsHttp = typeof HTTP & { httpAgent?: Agent; httpsAgent?: Agent };

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The same choice gives the same key whatever order its fields arrived in. */
function authKey(auth: AuthChoice): string {
  const sort = (v: unknown): unknown =>
    v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)]))
      : v;
  return JSON.stringify(sort(auth));
}

function copyCredentials(c: Credentials): Credentials {
  const out: Credentials = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
  if (c.sessionToken) out.sessionToken = c.sessionToken;
  if (c.expiration) out.expiration = new Date(c.expiration);
  return out;
}

/** The STS client's configuration: exported so tests can see what endpoint, FIPS and dual-stack settings it gets. */
export function stsClientConfig(
  region: string,
  sts: StsSettings,
  credentials: Credentials,
  systemClockOffset: number,
  requestHandler: StsHttp = HTTP,
): STSClientConfig {
  return {
    region,
    credentials,
    maxAttempts: 2,
    requestHandler,
    systemClockOffset,
    useFipsEndpoint: sts.useFipsEndpoint,
    useDualstackEndpoint: sts.useDualstackEndpoint,
    ...(sts.endpoint ? { endpoint: sts.endpoint } : {}),
  };
}

/**
 * Calls STS with a client dated by the known clock offset (the SDK's systemClockOffset). The SDK corrects a skew
 * refusal by itself within the call (its second attempt); the offset it ends with is kept for the next request.
 */
async function withSts<T>(
  handler: StsHttp,
  clocks: ClockOffsets | undefined,
  region: string,
  sts: StsSettings,
  credentials: Credentials,
  call: (client: STSClient, sdk: typeof import('@aws-sdk/client-sts')) => Promise<T>,
): Promise<T> {
  const key = clockKey(sts.endpoint ?? `https://sts.${region}.amazonaws.com`);
  const sdk = await import('@aws-sdk/client-sts');
  const client = new sdk.STSClient(stsClientConfig(region, sts, credentials, clocks?.get(key)?.offsetMs ?? 0, handler));
  try {
    return await call(client, sdk);
  } finally {
    clocks?.fromSdk(key, client.config.systemClockOffset);
  }
}

/** The hops of a profile, from where its credentials start to the profile itself. */
function profileHops(name: string, all: AwsProfiles, chain: string[]): CredentialHop[] {
  const origin = chain[chain.length - 1]!;
  const hops: CredentialHop[] = [];
  const data = all.profiles[origin];
  if (!data) {
    hops.push(origin === 'Environment' ? { kind: 'env', label: 'environment' } : { kind: 'profile', label: origin });
  } else {
    // A chain's origin holds keys, except an SSO origin, whose keys come from its portal sign-in.
    const kind = chain.length > 1 && profileKind(data) !== 'sso' ? 'static' : profileKind(data);
    const hopKind = ({ sso: 'sso', process: 'process', webIdentity: 'webIdentity' } as const)[kind as string] ?? 'profile';
    const hop: CredentialHop = { kind: hopKind, label: origin, profile: origin };
    if (hopKind === 'webIdentity' && data.role_arn) hop.roleArn = data.role_arn;
    hops.push(hop);
  }
  for (let i = chain.length - 2; i >= 0; i--) {
    const profile = chain[i]!;
    const roleArn = all.profiles[profile]?.role_arn;
    if (roleArn) hops.push({ kind: 'assumeRole', label: roleArn, roleArn, profile });
  }
  return hops.length > 0 ? hops : [{ kind: 'profile', label: name, profile: name }];
}

export function createCredentialsService(o: CredentialsServiceOptions) {
  const env = o.env ?? process.env;
  const now = o.now ?? Date.now;
  const marginMs = (o.refreshMarginSeconds ?? 300) * 1000;
  /** STS settings for a profile (or none): the explicit override wins over what the environment and profile say. */
  const stsFor = (profile: ProfileData | undefined, services: Record<string, ProfileData>): StsSettings => {
    const settings = stsSettings(env, profile, services);
    return o.stsEndpoint ? { ...settings, endpoint: o.stsEndpoint } : settings;
  };
  const envSts = stsFor(undefined, {});
  // STS (and the SDK's SSO and web identity clients) go through the same proxy as API requests (proxy.ts). The
  // agents are made when a call first needs them: caBundle.ts loads Node's https and tls, which signing with keys
  // already at hand never uses (rolecall sign starts without them).
  let shared: Promise<StsHttp> | undefined;
  const stsHttp = (): Promise<StsHttp> => (shared ??= import('./caBundle').then(({ sdkAgents }) => ({ ...HTTP, ...sdkAgents(env, undefined) })));
  /** With a CA bundle, agents that trust it too, for that client's life (STS calls are rare). */
  const stsHttpFor = async (sts: StsSettings): Promise<StsHttp> =>
    sts.caBundle ? { ...HTTP, ...(await import('./caBundle')).sdkAgents(env, sts.caBundle) } : stsHttp();
  const envRegion = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry>>();
  const keysByAuth = new Map<string, Set<string>>();
  let stsCalls = 0;

  const fresh = (entry: Entry) => !entry.credentials.expiration || entry.credentials.expiration.getTime() - marginMs > now();

  /** Serves a fresh cached entry, or joins the in-flight call for the key, or starts one. */
  async function obtain(auth: ResolvableAuth | AssumeRoleAuth['base'], plan: Plan, force: boolean): Promise<ResolvedCredentials> {
    const byAuth = keysByAuth.get(authKey(auth)) ?? new Set<string>();
    keysByAuth.set(authKey(auth), byAuth.add(plan.key));
    const hit = entries.get(plan.key);
    if (hit && !force && fresh(hit)) return { ...hit, credentials: copyCredentials(hit.credentials), cached: true };
    let pending = inflight.get(plan.key);
    if (!pending) {
      stsCalls++;
      pending = plan.fetch().then((credentials) => {
        const entry: Entry = { credentials, hops: plan.hops, sts: plan.sts, ...(plan.region ? { region: plan.region } : {}) };
        entries.set(plan.key, entry);
        return entry;
      });
      inflight.set(plan.key, pending);
      const forget = () => inflight.delete(plan.key);
      pending.then(forget, forget);
    }
    const entry = await pending;
    return { ...entry, credentials: copyCredentials(entry.credentials), cached: false };
  }

  async function profilePlan(profile: string): Promise<Plan> {
    const all = await readAwsProfiles(env);
    if (!(profile in all.profiles)) {
      throw appError('PROFILE_NOT_FOUND', `Profile "${profile}" is not in the AWS config or credentials file.`, `${all.files.config}\n${all.files.credentials}`);
    }
    const summary = summarizeProfile(profile, all, defaultProfileName(env));
    if (summary.kind === 'incomplete') {
      throw appError('CREDENTIALS_MISSING', `Profile "${profile}" has no credentials RoleCall can use.`, summary.problems.join('\n'));
    }
    if (summary.kind === 'assumeRole' && summary.problems.length > 0) {
      throw appError('CREDENTIALS_ERROR', `Profile "${profile}" cannot be used: ${summary.problems[0]}.`, summary.problems.join('\n'));
    }
    const chain = summary.sourceChain;
    const ssoSession = summary.ssoSession ? all.ssoSessions[summary.ssoSession] : undefined;
    const usesEnv = chain.includes('Environment');
    const sts = stsFor(all.profiles[profile], all.services);
    const defaultEndpoint = sts.endpoint;
    // The key covers every section the chain reads, so an edited profile is not served stale.
    const key = hash([
      'profile', profile, chain.map((name) => all.profiles[name] ?? name), ssoSession ?? null, sts,
      usesEnv ? [env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN] : null,
    ]);
    const region = summary.region ?? envRegion;
    const stsRegion = region ?? 'us-east-1';
    const reasons = new Map(chain.map((name) => [all.profiles[name]?.mfa_serial, name] as const));
    const webIdentity = chain.length === 1 && summary.kind === 'webIdentity';
    // The SSO profile the chain starts at, if any, and where its portal calls go (ssoEndpoints.ts).
    const ssoProfile = ssoOrigin(profile, all);
    const portalEndpoint = ssoProfile ? ssoEndpoint('sso', env, all.profiles[ssoProfile]!, all.services) : undefined;
    return {
      key,
      hops: profileHops(profile, all, chain),
      sts,
      ...(region ? { region } : {}),
      // Rendered only when the cache misses: a sign served from the cache costs no O(profiles) work.
      fetch: async () => {
        // An SSO start: RoleCall reads (and refreshes) the sign-in, the SDK's SSO provider gets the role's keys, and a
        // role chain on top starts from those keys (fromIni would lose the file paths on its way to the SSO provider).
        let source = all;
        if (ssoProfile) {
          const prepared = await prepareSsoToken(profile, all, env, now);
          const portal = { requestHandler: await stsHttp(), ...(portalEndpoint ? { endpoint: portalEndpoint } : {}) };
          const keys = copyCredentials(await ssoOriginCredentials(prepared, all, portal, stsRegion));
          if (chain.length === 1) return keys;
          source = withStaticOrigin(all, ssoProfile, keys);
        }
        const sdk = sdkProfiles(source);
        const { fromIni } = await import('@aws-sdk/credential-providers');
        const requestHandler = await stsHttp();
        return withSdkProfiles(sdk, async (paths) => {
        const provider = fromIni({
          profile: sdk.sdkName(profile),
          filepath: paths.credentials,
          configFilepath: paths.config,
          ignoreCache: true,
          mfaCodeProvider: (serial) => o.mfa(serial, `profile ${reasons.get(serial) ?? profile}`),
          // RoleCall's own assumer: one place for the endpoint, and errors that name the refusing role.
          roleAssumer: async (source, params) => {
            try {
              const out = await withSts(await stsHttpFor(sts), o.clocks, stsRegion, sts, source, (client, m) => client.send(new m.AssumeRoleCommand(params)));
              return fromStsCredentials(out.Credentials, params.RoleArn);
            } catch (err) {
              throw toRoleCallError(err, { action: 'AssumeRole', roleArn: params.RoleArn, profile, endpoint: defaultEndpoint });
            }
          },
          // Only web identity needs the inner STS client pointed at the override; SSO's client must keep its own.
          clientConfig: {
            requestHandler,
            ...(webIdentity ? { useFipsEndpoint: sts.useFipsEndpoint, useDualstackEndpoint: sts.useDualstackEndpoint } : {}),
            ...(webIdentity && defaultEndpoint ? { endpoint: defaultEndpoint } : {}),
          },
          parentClientConfig: { region: stsRegion },
        });
        try {
          return copyCredentials(await provider());
        } catch (err) {
          // A failed credential_process: the SDK's message holds the command line and all of stderr.
          const origin = chain[chain.length - 1]!;
          const command = all.profiles[origin]?.credential_process;
          if (command !== undefined && err instanceof Error && err.message.startsWith('Command failed: ')) {
            throw processFailure(origin, sdkValue(command), err.message);
          }
          throw toRoleCallError(err, { profile, endpoint: defaultEndpoint });
        }
        });
      },
    };
  }

  function envPlan(): Plan {
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
    if (!accessKeyId || !secretAccessKey) {
      throw appError('CREDENTIALS_MISSING', "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in RoleCall's environment.");
    }
    const expiry = env.AWS_CREDENTIAL_EXPIRATION ? new Date(env.AWS_CREDENTIAL_EXPIRATION) : undefined;
    return {
      key: hash(['env', accessKeyId, secretAccessKey, sessionToken ?? null, expiry?.toISOString() ?? null]),
      hops: [{ kind: 'env', label: 'environment' }],
      sts: envSts,
      ...(envRegion ? { region: envRegion } : {}),
      fetch: async () => ({
        accessKeyId,
        secretAccessKey,
        ...(sessionToken ? { sessionToken } : {}),
        ...(expiry && !Number.isNaN(expiry.getTime()) ? { expiration: expiry } : {}),
      }),
    };
  }

  async function storedKeysPlan(name: string): Promise<Plan> {
    if (!o.storedKeys) throw appError('CREDENTIALS_MISSING', `Stored keys ("${name}") are not available here.`, 'Stored keys live in the RoleCall app.');
    const keys = await o.storedKeys(name);
    return {
      // The key covers the material, so keys saved again under the same name are not served stale.
      key: hash(['storedKeys', name, hash([keys.accessKeyId, keys.secretAccessKey, keys.sessionToken ?? null])]),
      hops: [{ kind: 'storedKeys', label: name }],
      sts: envSts,
      ...(envRegion ? { region: envRegion } : {}),
      fetch: async () => ({
        accessKeyId: keys.accessKeyId,
        secretAccessKey: keys.secretAccessKey,
        ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}),
      }),
    };
  }

  const planFor = (auth: AssumeRoleAuth['base']): Promise<Plan> => {
    if (auth.kind === 'env') return Promise.resolve(envPlan());
    if (auth.kind === 'storedKeys') return storedKeysPlan(auth.name);
    return profilePlan(auth.profile);
  };

  async function assumeRolePlan(auth: AssumeRoleAuth): Promise<Plan> {
    const base = await planFor(auth.base);
    const sts: StsSettings = auth.stsEndpoint ? { ...base.sts, endpoint: auth.stsEndpoint } : base.sts;
    const endpoint = sts.endpoint;
    const region = auth.stsRegion ?? base.region;
    const { roleArn, sessionName, externalId, durationSeconds, mfaSerial } = auth;
    return {
      key: hash(['assumeRole', base.key, roleArn, sessionName ?? null, externalId ?? null, durationSeconds ?? null, mfaSerial ?? null, region ?? null, sts]),
      hops: [...base.hops, { kind: 'assumeRole', label: roleArn, roleArn }],
      sts,
      ...(region ? { region } : {}),
      fetch: async () => {
        // forceRefresh renews the role, not the base it came from (which may have cost an MFA prompt).
        const source = (await obtain(auth.base, base, false)).credentials;
        const tokenCode = mfaSerial ? await o.mfa(mfaSerial, roleArn) : undefined;
        try {
          const out = await withSts(await stsHttpFor(sts), o.clocks, region ?? 'us-east-1', sts, source, (client, m) =>
            client.send(
              new m.AssumeRoleCommand({
                RoleArn: roleArn,
                RoleSessionName: sessionName ?? `rolecall-${now()}`,
                ExternalId: externalId,
                DurationSeconds: durationSeconds,
                SerialNumber: mfaSerial,
                TokenCode: tokenCode,
              }),
            ),
          );
          return fromStsCredentials(out.Credentials, roleArn);
        } catch (err) {
          throw toRoleCallError(err, { action: 'AssumeRole', roleArn, endpoint: endpoint ?? `sts.${region ?? 'us-east-1'}` });
        }
      },
    };
  }

  async function resolve(auth: ResolvableAuth, opts: { forceRefresh?: boolean } = {}): Promise<ResolvedCredentials> {
    const force = opts.forceRefresh ?? false;
    const plan = auth.kind === 'assumeRole' ? await assumeRolePlan(auth) : await planFor(auth);
    return obtain(auth, plan, force);
  }

  return {
    resolve,

    async whoami(auth: ResolvableAuth, opts: { forceRefresh?: boolean } = {}): Promise<Identity> {
      const resolved = await resolve(auth, opts);
      const sts = resolved.sts ?? envSts;
      let out;
      try {
        out = await withSts(await stsHttpFor(sts), o.clocks, resolved.region ?? 'us-east-1', sts, resolved.credentials, (client, m) => client.send(new m.GetCallerIdentityCommand({})));
      } catch (err) {
        throw toRoleCallError(err, { action: 'GetCallerIdentity', endpoint: sts.endpoint });
      }
      const identity: Identity = {
        arn: out.Arn ?? '',
        account: out.Account ?? '',
        userId: out.UserId ?? '',
        accessKeyId: resolved.credentials.accessKeyId,
        hops: resolved.hops,
        cached: resolved.cached,
      };
      if (resolved.credentials.expiration) identity.expiration = resolved.credentials.expiration.toISOString();
      return identity;
    },

    /** Forgets cached credentials: all of them, or those one auth choice resolved to. Returns how many. */
    clear(auth?: AuthChoice): number {
      if (!auth) {
        const count = entries.size;
        entries.clear();
        keysByAuth.clear();
        return count;
      }
      const keys = keysByAuth.get(authKey(auth)) ?? new Set<string>();
      keysByAuth.delete(authKey(auth));
      let count = 0;
      for (const key of keys) if (entries.delete(key)) count++;
      return count;
    },

    /** stsCalls counts resolutions that missed the cache: each fromIni run, environment read and AssumeRole. */
    stats: () => ({ stsCalls }),
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;

function fromStsCredentials(
  c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date } | undefined,
  roleArn: string,
): Credentials {
  if (!c?.AccessKeyId || !c.SecretAccessKey) {
    throw appError('AWS_ERROR', `STS answered the AssumeRole of ${roleArn} without credentials.`);
  }
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
    ...(c.Expiration ? { expiration: c.Expiration } : {}),
  };
}
