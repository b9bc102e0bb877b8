// IAM Identity Center sign-in, run by RoleCall itself with the OAuth device authorization grant, the way
// `aws sso login --use-device-code` runs it (botocore's SSOTokenFetcher): reuse or make a client registration (cached
// beside the tokens), StartDeviceAuthorization, show the user code and open the verification URL, then poll
// CreateToken at the given interval (5 seconds more after each slow_down, on through authorization_pending) until the
// user approves, denies, cancels or the code expires. The token is written to the AWS CLI's cache (ssoCache.ts), so
// `aws` and RoleCall share one sign-in. Tokens, client secrets and refresh tokens stay in main: a flow's view holds
// only what the user must see (the code and the URL).
import { randomUUID } from 'node:crypto';
import type { CreateTokenCommandOutput, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { appError, RoleCallError, toAppError } from '../../../src/errors';
import type { SsoFlow, SsoStatus } from '../../../src/models/sso';
import { readAwsProfiles, type Env, type ProfileData } from '../profiles';
import { cliTime, createSsoCache, registrationCacheKey, ssoCacheDir, type SsoCache, type SsoRegistration, type SsoToken } from './ssoCache';
import { ssoEndpoint } from './ssoEndpoints';
import { loginCommand, ssoTarget, type SsoTarget } from './ssoTarget';

/** botocore's windows: a registration or token with less than this left is not reused; a token is refreshed inside it. */
export const EXPIRY_WINDOW_MS = 15 * 60 * 1000;
/** RFC 8628: the default polling interval and what slow_down adds to it, in seconds. */
const DEFAULT_INTERVAL = 5;
const SLOW_DOWN_DELAY = 5;
const FINISHED_KEPT = 50;

export interface SsoSignInOptions {
  env?: Env;
  /** Every change of a flow's state (the sso:status event). */
  onStatus?: (status: SsoStatus) => void;
  /** Opens the verification URL in the system browser (the Electron shell); without it the URL is only shown. */
  openUrl?: (url: string) => Promise<void>;
  /** Waits between polls; tests record the asked delays instead of waiting them. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

interface Running {
  flow: SsoFlow;
  status: SsoStatus;
  abort: AbortController;
  done: Promise<SsoStatus>;
}

function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

const errName = (err: unknown) => (err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '');
const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The OIDC client's module, loaded at the first sign-in or refresh rather than at start. */
export const oidcSdk = () => import('@aws-sdk/client-sso-oidc');

/** An OIDC client for one sign-in: the SSO region, the configured endpoint, RoleCall's proxy settings. */
export async function oidcClient(target: SsoTarget, env: Env, services: Record<string, ProfileData>): Promise<SSOOIDCClient> {
  const endpoint = ssoEndpoint('sso_oidc', env, target.settings, services);
  // proxy.ts with the SDK: it loads Node's http, https and tls, which signing with a cached token never needs.
  const [{ SSOOIDCClient }, { sdkProxyAgents }] = await Promise.all([oidcSdk(), import('../proxy')]);
  return new SSOOIDCClient({
    region: target.region,
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000, ...sdkProxyAgents(env) },
    ...(endpoint ? { endpoint } : {}),
  });
}

function oidcFailure(err: unknown, what: string): RoleCallError {
  if (err instanceof RoleCallError) return err;
  const name = errName(err);
  if (name === 'InvalidRequestRegionException' || name === 'InvalidClientMetadataException' || name === 'InvalidScopeException') {
    return appError('CREDENTIALS_ERROR', `IAM Identity Center refused to ${what}: check sso_region and sso_registration_scopes.`, errText(err), name);
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET/.test(`${(err as { code?: string })?.code ?? ''} ${errText(err)}`)) {
    return appError('NETWORK_ERROR', `Could not reach IAM Identity Center to ${what}.`, errText(err));
  }
  return appError('AWS_ERROR', `IAM Identity Center could not ${what}${name ? ` (${name})` : ''}.`, errText(err), name || undefined);
}

/** The token file's content for a CreateToken answer, with the registration kept beside it as botocore keeps it. */
function tokenFromAnswer(target: SsoTarget, registration: SsoRegistration, answer: CreateTokenCommandOutput, now: number): SsoToken {
  if (!answer.accessToken || answer.expiresIn === undefined) throw appError('AWS_ERROR', 'IAM Identity Center answered without an access token.');
  return {
    startUrl: target.startUrl,
    region: target.region,
    accessToken: answer.accessToken,
    expiresAt: cliTime(now + answer.expiresIn * 1000),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
    ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
  };
}

export function createSsoSignIn(o: SsoSignInOptions = {}) {
  const env = o.env ?? process.env;
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? realSleep;
  const flows = new Map<string, Running>();
  const cache = (): SsoCache => createSsoCache(ssoCacheDir(env));

  const expired = (iso: string) => {
    const at = Date.parse(iso);
    return Number.isNaN(at) || at - now() < EXPIRY_WINDOW_MS;
  };

  async function registration(client: SSOOIDCClient, target: SsoTarget, files: SsoCache): Promise<SsoRegistration> {
    const key = registrationCacheKey(target.startUrl, target.region, target.scopes, target.sessionName);
    const cached = await files.readRegistration(key);
    if (cached && !expired(cached.expiresAt)) return cached;
    const { RegisterClientCommand } = await oidcSdk();
    let answer;
    try {
      answer = await client.send(
        new RegisterClientCommand({
          // botocore's names: the session's, or a timestamp for a legacy profile.
          clientName: `botocore-client-${target.sessionName ?? Math.floor(now() / 1000)}`,
          clientType: 'public',
          ...(target.scopes ? { scopes: target.scopes } : {}),
        }),
      );
    } catch (err) {
      throw oidcFailure(err, 'register RoleCall as a client');
    }
    if (!answer.clientId || !answer.clientSecret || answer.clientSecretExpiresAt === undefined) {
      throw appError('AWS_ERROR', 'IAM Identity Center answered RegisterClient without a client.');
    }
    const fresh: SsoRegistration = {
      clientId: answer.clientId,
      clientSecret: answer.clientSecret,
      expiresAt: cliTime(answer.clientSecretExpiresAt * 1000),
      ...(target.scopes ? { scopes: target.scopes } : {}),
    };
    await files.writeRegistration(key, fresh);
    return fresh;
  }

  function setStatus(run: Running, status: Omit<SsoStatus, 'flowId' | 'profile'>): SsoStatus {
    run.status = { flowId: run.flow.flowId, profile: run.flow.profile, ...status };
    o.onStatus?.(run.status);
    return run.status;
  }

  /** Polls CreateToken until a token, a refusal, the code's expiry or a cancel; bounded by the code's lifetime. */
  async function pollUntilDone(
    run: Running,
    client: SSOOIDCClient,
    target: SsoTarget,
    reg: SsoRegistration,
    deviceCode: string,
    firstInterval: number,
    deadline: number,
    files: SsoCache,
  ): Promise<SsoStatus> {
    const { CreateTokenCommand } = await oidcSdk();
    let interval = firstInterval;
    const maxPolls = Math.ceil((deadline - now()) / 1000 / Math.max(1, interval)) + 2;
    for (let attempt = 0; attempt < maxPolls; attempt++) {
      if (run.abort.signal.aborted) return setStatus(run, { state: 'cancelled', message: 'Sign-in cancelled.' });
      if (now() >= deadline) return setStatus(run, { state: 'expired', message: 'The code expired before it was approved: start the sign-in again.' });
      try {
        const answer = await client.send(
          new CreateTokenCommand({ clientId: reg.clientId, clientSecret: reg.clientSecret, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode }),
          { abortSignal: run.abort.signal },
        );
        if (run.abort.signal.aborted) return setStatus(run, { state: 'cancelled', message: 'Sign-in cancelled.' });
        const token = tokenFromAnswer(target, reg, answer, now());
        await files.writeToken(token, target.sessionName);
        return setStatus(run, { state: 'signedIn', message: `Signed in to ${target.startUrl}.`, tokenExpiresAt: token.expiresAt });
      } catch (err) {
        if (run.abort.signal.aborted) return setStatus(run, { state: 'cancelled', message: 'Sign-in cancelled.' });
        const name = errName(err);
        if (name === 'SlowDownException') interval += SLOW_DOWN_DELAY;
        else if (name === 'ExpiredTokenException') {
          return setStatus(run, { state: 'expired', message: 'The code expired before it was approved: start the sign-in again.' });
        } else if (name === 'AccessDeniedException') {
          return setStatus(run, { state: 'denied', message: 'The sign-in was denied in the browser.' });
        } else if (name !== 'AuthorizationPendingException') {
          const failure = toAppError(oidcFailure(err, 'issue a token'));
          return setStatus(run, { state: 'failed', message: failure.message, error: failure });
        }
      }
      await sleep(interval * 1000, run.abort.signal);
    }
    return setStatus(run, { state: 'expired', message: 'The code expired before it was approved: start the sign-in again.' });
  }

  function forgetOldFlows() {
    const finished = [...flows.values()].filter((f) => f.status.state !== 'pending');
    for (const run of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) flows.delete(run.flow.flowId);
  }

  return {
    /** Starts a device sign-in for the profile (or the SSO profile its chain starts from). */
    async start(profile: string): Promise<SsoFlow> {
      const all = await readAwsProfiles(env);
      const target = ssoTarget(profile, all);
      // One sign-in per cache file at a time: a second start for the same session replaces the first.
      for (const run of flows.values()) {
        if (run.status.state === 'pending' && run.flow.startUrl === target.startUrl && run.flow.sessionName === target.sessionName) {
          run.abort.abort();
        }
      }
      const client = await oidcClient(target, env, all.services);
      const files = cache();
      const reg = await registration(client, target, files);
      const { StartDeviceAuthorizationCommand } = await oidcSdk();
      let auth;
      try {
        auth = await client.send(new StartDeviceAuthorizationCommand({ clientId: reg.clientId, clientSecret: reg.clientSecret, startUrl: target.startUrl }));
      } catch (err) {
        throw oidcFailure(err, 'start the sign-in');
      }
      if (!auth.deviceCode || !auth.userCode || !auth.verificationUri || auth.expiresIn === undefined) {
        throw appError('AWS_ERROR', 'IAM Identity Center answered StartDeviceAuthorization without a code.');
      }
      const deadline = now() + auth.expiresIn * 1000;
      const flow: SsoFlow = {
        flowId: randomUUID(),
        profile: target.profile,
        ...(target.sessionName ? { sessionName: target.sessionName } : {}),
        startUrl: target.startUrl,
        userCode: auth.userCode,
        verificationUri: auth.verificationUri,
        verificationUriComplete: auth.verificationUriComplete ?? auth.verificationUri,
        expiresAt: new Date(deadline).toISOString(),
        loginCommand: loginCommand(target),
        opened: false,
      };
      const run: Running = { flow, status: { flowId: flow.flowId, profile: flow.profile, state: 'pending' }, abort: new AbortController(), done: Promise.resolve(undefined as never) };
      flows.set(flow.flowId, run);
      forgetOldFlows();
      if (o.openUrl) {
        try {
          await o.openUrl(flow.verificationUriComplete);
          flow.opened = true;
        } catch {
          // The URL is shown as well; a browser that does not open is not a failed sign-in.
        }
      }
      const interval = auth.interval && auth.interval > 0 ? auth.interval : DEFAULT_INTERVAL;
      run.done = pollUntilDone(run, client, target, reg, auth.deviceCode, interval, deadline, files).catch((err: unknown) => {
        const failure = toAppError(err);
        return setStatus(run, { state: 'failed', message: failure.message, error: failure });
      });
      return { ...flow };
    },

    /** A flow's state now. */
    status(flowId: string): SsoStatus {
      const run = flows.get(flowId);
      if (!run) throw appError('INVALID_INPUT', 'That sign-in is no longer known: start it again.');
      return run.status;
    },

    /** Resolves when the flow ends (the CLI waits on it). */
    wait(flowId: string): Promise<SsoStatus> {
      const run = flows.get(flowId);
      if (!run) return Promise.reject(appError('INVALID_INPUT', 'That sign-in is no longer known: start it again.'));
      return run.done;
    },

    /** Stops polling; the cache is left as it was. */
    cancel(flowId: string): boolean {
      const run = flows.get(flowId);
      if (!run || run.status.state !== 'pending') return false;
      run.abort.abort();
      return true;
    },

    dispose() {
      for (const run of flows.values()) run.abort.abort();
    },
  };
}

export type SsoSignIn = ReturnType<typeof createSsoSignIn>;
