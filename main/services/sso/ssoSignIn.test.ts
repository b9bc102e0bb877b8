// The device sign-in against the loopback IAM Identity Center: what it writes is the AWS CLI v2's cache, file names
// and fields as botocore's SSOTokenFetcher writes them (the known keys below were computed with botocore's own
// _registration_cache_key and _token_cache_key); the polling honours interval, authorization_pending and slow_down;
// denied, expired and cancelled sign-ins end as such and write no token.
import { readdir, readFile, rm, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SsoStatus } from '../../../src/models/sso';
import { startSsoPortal, type SsoPortal } from '../../testing/ssoPortal';
import { pythonJson, registrationCacheKey, tokenCacheKey } from './ssoCache';
import { createSsoSignIn } from './ssoSignIn';

const CONFIG = `[profile corp-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = Developer

[profile static]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = secret
`;

const ROLE_KEYS = { accessKeyId: 'ASIAPORTALEXAMPLE001', secretAccessKey: 'portal-secret', sessionToken: 'portal-token' };

describe('botocore cache keys', () => {
  it('match the keys botocore computes for a session and a legacy start URL', () => {
    expect(tokenCacheKey('https://corp.awsapps.com/start', 'corp')).toBe('ee0bfd2552fbd840c02cc48b6e823320543c450f');
    expect(tokenCacheKey('https://legacy.awsapps.com/start')).toBe('79e435d7a515078e81c9dffc35f38d5687ebd3a7');
    expect(registrationCacheKey('https://corp.awsapps.com/start', 'eu-west-1', ['sso:account:access'], 'corp')).toBe('787ef34d0a944c01385765faa28b5e67d1c08f33');
    expect(registrationCacheKey('https://legacy.awsapps.com/start', 'us-east-1', undefined, undefined)).toBe('e20952a21ad8c4e9f17c0a6776c9c4cbbded53d0');
  });

  it('writes JSON as Python json.dumps does', () => {
    expect(pythonJson({ startUrl: 'https://x/é', region: 'r', scopes: ['a', 'b'], n: null })).toBe('{"startUrl": "https://x/\\u00e9", "region": "r", "scopes": ["a", "b"], "n": null}');
  });
});

describe('device sign-in against the loopback IAM Identity Center', () => {
  let portal: SsoPortal;
  let dir: string;
  let env: Record<string, string>;
  let waits: number[];
  let statuses: SsoStatus[];
  const cacheDir = () => join(dir, '.aws', 'sso', 'cache');

  beforeAll(async () => {
    portal = await startSsoPortal({ accountId: '111122223333', roleName: 'Developer', roleCredentials: ROLE_KEYS, interval: 2 });
  });
  afterAll(() => portal.close());
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolecall-sso-'));
    await writeFile(join(dir, 'config'), CONFIG);
    env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'), AWS_ENDPOINT_URL_SSO_OIDC: portal.endpoint };
    waits = [];
    statuses = [];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** Records each asked delay and lets `onWait` play the user; the wait itself is a few milliseconds. */
  function signer(onWait: (n: number) => void = () => {}) {
    return createSsoSignIn({
      env,
      onStatus: (s) => statuses.push(s),
      sleep: async (ms) => {
        waits.push(ms);
        onWait(waits.length);
        await new Promise((r) => setTimeout(r, 2));
      },
    });
  }

  it('signs an sso-session profile in and writes the token and registration files the AWS CLI writes', async () => {
    let code = '';
    const s = signer((n) => n === 2 && portal.approve(code));
    const flow = await s.start('corp-dev');
    code = flow.userCode;
    expect(flow).toMatchObject({ profile: 'corp-dev', sessionName: 'corp', startUrl: 'https://corp.awsapps.com/start', loginCommand: 'aws sso login --sso-session corp' });
    expect(flow.verificationUriComplete).toContain(flow.userCode);
    expect(JSON.stringify(flow)).not.toMatch(/secret|dev-|aoa/);
    const done = await s.wait(flow.flowId);
    expect(done.state).toBe('signedIn');
    expect(statuses.map((x) => x.state)).toEqual(['signedIn']);
    // Pending twice at the announced interval, then the token.
    expect(waits).toEqual([2000, 2000]);

    expect((await readdir(cacheDir())).sort()).toEqual(['787ef34d0a944c01385765faa28b5e67d1c08f33.json', 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json']);
    const tokenText = await readFile(join(cacheDir(), 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json'), 'utf8');
    const token = JSON.parse(tokenText) as Record<string, string>;
    expect(Object.keys(token)).toEqual(['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
    expect(token).toMatchObject({ startUrl: 'https://corp.awsapps.com/start', region: 'eu-west-1' });
    expect(token.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(token.registrationExpiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(tokenText).toBe(pythonJson(token));
    expect(portal.isLiveAccessToken(token.accessToken!)).toBe(true);
    expect((await stat(join(cacheDir(), 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json'))).mode & 0o777).toBe(0o600);

    const registration = JSON.parse(await readFile(join(cacheDir(), '787ef34d0a944c01385765faa28b5e67d1c08f33.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(registration)).toEqual(['clientId', 'clientSecret', 'expiresAt', 'scopes']);
    expect(registration).toMatchObject({ clientId: token.clientId, clientSecret: token.clientSecret, expiresAt: token.registrationExpiresAt, scopes: ['sso:account:access'] });
    expect(portal.clients().at(-1)).toEqual({ clientName: 'botocore-client-corp', scopes: ['sso:account:access'] });
  });

  it('signs a legacy profile in: token keyed by the start URL, no refresh token, registration without scopes', async () => {
    let code = '';
    const s = signer(() => portal.approve(code));
    const flow = await s.start('legacy');
    code = flow.userCode;
    expect(flow.loginCommand).toBe('aws sso login --profile legacy');
    expect(flow.sessionName).toBeUndefined();
    expect((await s.wait(flow.flowId)).state).toBe('signedIn');
    const token = JSON.parse(await readFile(join(cacheDir(), '79e435d7a515078e81c9dffc35f38d5687ebd3a7.json'), 'utf8')) as object;
    expect(Object.keys(token)).toEqual(['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt']);
    const registration = JSON.parse(await readFile(join(cacheDir(), 'e20952a21ad8c4e9f17c0a6776c9c4cbbded53d0.json'), 'utf8')) as object;
    expect(Object.keys(registration)).toEqual(['clientId', 'clientSecret', 'expiresAt']);
    expect(portal.clients().at(-1)?.clientName).toMatch(/^botocore-client-\d+$/);
  });

  it('reuses a cached registration instead of registering again', async () => {
    const first = signer();
    const a = await first.start('corp-dev');
    first.cancel(a.flowId);
    await first.wait(a.flowId);
    const registered = portal.calls.filter((c) => c.operation === 'RegisterClient').length;
    const second = signer();
    const b = await second.start('corp-dev');
    second.cancel(b.flowId);
    await second.wait(b.flowId);
    expect(portal.calls.filter((c) => c.operation === 'RegisterClient').length).toBe(registered);
  });

  it('waits 5 seconds longer after each slow_down', async () => {
    const slow = await startSsoPortal({ accountId: '1', roleName: 'r', roleCredentials: ROLE_KEYS, interval: 1, slowDowns: 2 });
    try {
      env.AWS_ENDPOINT_URL_SSO_OIDC = slow.endpoint;
      let code = '';
      const s = signer(() => slow.approve(code));
      const flow = await s.start('legacy');
      code = flow.userCode;
      expect((await s.wait(flow.flowId)).state).toBe('signedIn');
      expect(waits).toEqual([6000, 11000]);
    } finally {
      await slow.close();
    }
  });

  it('a denied sign-in ends as denied and writes no token', async () => {
    let code = '';
    const s = signer(() => portal.deny(code));
    const flow = await s.start('corp-dev');
    code = flow.userCode;
    const done = await s.wait(flow.flowId);
    expect(done).toMatchObject({ state: 'denied', profile: 'corp-dev' });
    expect((await readdir(cacheDir())).filter((f) => f.startsWith('ee0bfd'))).toEqual([]);
  });

  it('a code that expires before approval ends as expired', async () => {
    const short = await startSsoPortal({ accountId: '1', roleName: 'r', roleCredentials: ROLE_KEYS, interval: 1, deviceCodeSeconds: 0 });
    try {
      env.AWS_ENDPOINT_URL_SSO_OIDC = short.endpoint;
      const s = signer();
      const flow = await s.start('legacy');
      const done = await s.wait(flow.flowId);
      expect(done.state).toBe('expired');
      expect(done.message).toMatch(/expired/);
    } finally {
      await short.close();
    }
  });

  it('cancel stops the polling and writes no token', async () => {
    const s = signer();
    const flow = await s.start('corp-dev');
    expect(s.cancel(flow.flowId)).toBe(true);
    expect((await s.wait(flow.flowId)).state).toBe('cancelled');
    expect(s.cancel(flow.flowId)).toBe(false);
    portal.approve(flow.userCode);
    expect((await readdir(cacheDir())).filter((f) => f.startsWith('ee0bfd'))).toEqual([]);
  });

  it('refuses a profile that does not sign in with SSO, and an unknown profile', async () => {
    await expect(signer().start('static')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(signer().start('nope')).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });

  it('opens the verification URL with the code filled in when a browser opener is given', async () => {
    const opened: string[] = [];
    const s = createSsoSignIn({ env, openUrl: async (url) => void opened.push(url), sleep: async () => {} });
    const flow = await s.start('legacy');
    s.cancel(flow.flowId);
    await s.wait(flow.flowId);
    expect(flow.opened).toBe(true);
    expect(opened).toEqual([flow.verificationUriComplete]);
  });
});
