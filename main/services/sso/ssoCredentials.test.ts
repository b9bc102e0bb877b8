// SSO profiles resolved end to end: RoleCall's device sign-in against the loopback IAM Identity Center writes the
// AWS CLI's cache, then the credentials service resolves the profile through the SDK's SSO provider (GetRoleCredentials
// at the same loopback portal), directly and as the source of a role chain; missing and expired sign-ins say so
// with a command that works for the profile.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoServer } from '../../testing/echoServer';
import { startSsoPortal, type SsoPortal } from '../../testing/ssoPortal';
import { failure } from '../../testing/settle';
import { createCredentialsService } from '../credentials';
import { cliTime, createSsoCache, ssoCacheDir } from './ssoCache';
import { createSsoSignIn } from './ssoSignIn';

const ROLE_KEYS = { accessKeyId: 'ASIAPORTALEXAMPLE001', secretAccessKey: 'portal/secret/EXAMPLEKEY0000000000000', sessionToken: 'portal-session-token-EXAMPLE-0001' };
const noMfa = () => Promise.reject(new Error('no MFA expected'));

const CONFIG = `[profile corp-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = Developer

[profile deploy]
role_arn = arn:aws:iam::444455556666:role/Deploy
source_profile = legacy
`;

describe('SSO profiles resolve through the SDK after a RoleCall sign-in', () => {
  let portal: SsoPortal;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    portal = await startSsoPortal({ accountId: '111122223333', roleName: 'Developer', roleCredentials: ROLE_KEYS });
    dir = await mkdtemp(join(tmpdir(), 'rolecall-sso-creds-'));
    await writeFile(join(dir, 'config'), CONFIG);
    env = {
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_ENDPOINT_URL_SSO: portal.endpoint,
      AWS_ENDPOINT_URL_SSO_OIDC: portal.endpoint,
    };
  });
  afterAll(async () => {
    await portal.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function signIn(profile: string) {
    const signer = createSsoSignIn({ env, sleep: () => new Promise((r) => setTimeout(r, 5)) });
    const flow = await signer.start(profile);
    portal.approve(flow.userCode);
    return signer.wait(flow.flowId);
  }

  it('without a cached sign-in, a role chain on a legacy SSO profile names the SSO profile in the hint, not the role profile', async () => {
    const credentials = createCredentialsService({ env, mfa: noMfa });
    const error = await failure(credentials.resolve({ kind: 'profile', profile: 'deploy' }));
    expect(error.code).toBe('SSO_SIGN_IN_REQUIRED');
    expect(error.message).toContain('aws sso login --profile legacy');
    expect(error.message).not.toContain('--profile deploy');
  });

  it('an sso-session profile without a sign-in points at the session, which `aws sso login --sso-session` takes', async () => {
    const credentials = createCredentialsService({ env, mfa: noMfa });
    const error = await failure(credentials.resolve({ kind: 'profile', profile: 'corp-dev' }));
    expect(error.code).toBe('SSO_SIGN_IN_REQUIRED');
    expect(error.message).toContain('aws sso login --sso-session corp');
  });

  it('after signing in, an sso-session profile resolves to the portal role credentials through the SDK', async () => {
    expect((await signIn('corp-dev')).state).toBe('signedIn');
    const credentials = createCredentialsService({ env, mfa: noMfa });
    const resolved = await credentials.resolve({ kind: 'profile', profile: 'corp-dev' });
    expect(resolved.credentials).toMatchObject(ROLE_KEYS);
    expect(resolved.hops[0]).toMatchObject({ kind: 'sso', profile: 'corp-dev' });
    expect(portal.calls.filter((c) => c.operation === 'GetRoleCredentials').at(-1)?.outcome).toBe('200');
  });

  it('after signing in the legacy profile, it resolves too', async () => {
    expect((await signIn('legacy')).state).toBe('signedIn');
    const credentials = createCredentialsService({ env, mfa: noMfa });
    expect((await credentials.resolve({ kind: 'profile', profile: 'legacy' })).credentials).toMatchObject(ROLE_KEYS);
  });

  it('a role profile on top of the signed-in legacy SSO profile assumes its role with the portal keys', async () => {
    const sts = await startEchoServer(() => ({
      headers: [['content-type', 'text/xml']],
      body:
        '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>' +
        '<AccessKeyId>ASIACHAINEXAMPLE0001</AccessKeyId><SecretAccessKey>chain-secret</SecretAccessKey><SessionToken>chain-token</SessionToken>' +
        '<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId>' +
        '<Arn>arn:aws:sts::444455556666:assumed-role/Deploy/s</Arn></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>',
    }));
    try {
      const credentials = createCredentialsService({ env, mfa: noMfa, stsEndpoint: sts.url });
      const resolved = await credentials.resolve({ kind: 'profile', profile: 'deploy' });
      expect(resolved.credentials).toMatchObject({ accessKeyId: 'ASIACHAINEXAMPLE0001', sessionToken: 'chain-token' });
      const call = sts.requests.at(-1)!;
      const headerOf = (name: string) => call.rawHeaders[call.rawHeaders.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === name) + 1];
      expect(call.body.toString()).toContain('Action=AssumeRole');
      expect(headerOf('authorization')).toContain(`Credential=${ROLE_KEYS.accessKeyId}/`);
      expect(headerOf('x-amz-security-token')).toBe(ROLE_KEYS.sessionToken);
      expect(resolved.hops.map((h) => h.kind)).toEqual(['sso', 'assumeRole']);
    } finally {
      await sts.stop();
    }
  });

  it('an expired cached sign-in without a refresh token asks for a sign-in again', async () => {
    const cache = createSsoCache(ssoCacheDir(env));
    const token = (await cache.readToken('https://legacy.awsapps.com/start'))!;
    await cache.writeToken({ ...token, expiresAt: cliTime(Date.now() - 60_000) });
    const credentials = createCredentialsService({ env, mfa: noMfa });
    const error = await failure(credentials.resolve({ kind: 'profile', profile: 'legacy' }));
    expect(error.code).toBe('SSO_SIGN_IN_REQUIRED');
    expect(error.message).toContain('expired');
  });

  it('an sso-session token in its last minutes that cannot be refreshed asks for a sign-in (the SDK would fail refreshing it)', async () => {
    const cache = createSsoCache(ssoCacheDir(env));
    const token = (await cache.readToken('https://corp.awsapps.com/start', 'corp'))!;
    await cache.writeToken({ ...token, refreshToken: undefined, expiresAt: cliTime(Date.now() + 120_000) }, 'corp');
    const credentials = createCredentialsService({ env, mfa: noMfa });
    const error = await failure(credentials.resolve({ kind: 'profile', profile: 'corp-dev' }));
    expect(error.code).toBe('SSO_SIGN_IN_REQUIRED');
    await cache.writeToken(token, 'corp');
  });

  it('an sso-session token about to expire is refreshed with its refresh token and written back to the cache', async () => {
    const cache = createSsoCache(ssoCacheDir(env));
    const before = (await cache.readToken('https://corp.awsapps.com/start', 'corp'))!;
    expect(before.refreshToken).toBeDefined();
    await cache.writeToken({ ...before, expiresAt: cliTime(Date.now() + 60_000) }, 'corp');
    const credentials = createCredentialsService({ env, mfa: noMfa });
    expect((await credentials.resolve({ kind: 'profile', profile: 'corp-dev' })).credentials).toMatchObject(ROLE_KEYS);
    const after = (await cache.readToken('https://corp.awsapps.com/start', 'corp'))!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(portal.isLiveAccessToken(after.accessToken)).toBe(true);
    expect(portal.calls.some((c) => c.operation === 'CreateToken' && c.grantType === 'refresh_token' && c.outcome === '200')).toBe(true);
  });

  it('a cached sign-in the portal no longer accepts (signed out or revoked there) asks for a sign-in, with the command', async () => {
    portal.revokeAccessTokens();
    const credentials = createCredentialsService({ env, mfa: noMfa });
    const error = await failure(credentials.resolve({ kind: 'profile', profile: 'corp-dev' }));
    expect(error.code).toBe('SSO_SIGN_IN_REQUIRED');
    expect(error.message).toContain('aws sso login --sso-session corp');
    expect(portal.calls.at(-1)).toMatchObject({ operation: 'GetRoleCredentials', outcome: 'UnauthorizedException' });
  });
});
