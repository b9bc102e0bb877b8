// Whether the badge offers "Sign in": no token cached or an expired one that cannot be refreshed means yes; a live
// token, or one an sso-session can refresh, means no; a profile that is not SSO is not asked about. Never the token.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { tokenCacheKey } from './ssoCache';
import { ssoTokenState } from './ssoTokenState';

const CONFIG = `[profile corp-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer

[profile on-corp]
role_arn = arn:aws:iam::111122223333:role/Deploy
source_profile = corp-dev

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = Developer

[profile static]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = secret
`;

const NOW = Date.parse('2026-06-01T12:00:00Z');
const dirs: string[] = [];
let env: Record<string, string>;
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  const home = await mkdtemp(join(tmpdir(), 'rolecall-sso-state-'));
  dirs.push(home);
  await writeFile(join(home, 'config'), CONFIG);
  await writeFile(join(home, 'credentials'), '');
  env = { HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials') };
});

async function cache(key: string, token: Record<string, string>) {
  const dir = join(env.HOME!, '.aws', 'sso', 'cache');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${key}.json`), JSON.stringify(token));
}

describe('the SSO sign-in state of a profile', () => {
  it('needs a sign-in when nothing is cached, for the profile and for a role on top of it', async () => {
    expect(await ssoTokenState('corp-dev', env, () => NOW)).toEqual({ sso: true, ssoProfile: 'corp-dev', signInNeeded: true });
    expect(await ssoTokenState('on-corp', env, () => NOW)).toEqual({ sso: true, ssoProfile: 'corp-dev', signInNeeded: true });
  });

  it('needs none with a live token, and needs one once it has expired', async () => {
    await cache(tokenCacheKey('https://legacy.awsapps.com/start'), { startUrl: 'https://legacy.awsapps.com/start', region: 'us-east-1', accessToken: 'legacyTokenNeverAnswered', expiresAt: '2026-06-01T13:00:00Z' });
    const live = await ssoTokenState('legacy', env, () => NOW);
    expect(live).toEqual({ sso: true, ssoProfile: 'legacy', signInNeeded: false, expiresAt: '2026-06-01T13:00:00Z' });
    expect(JSON.stringify(live)).not.toContain('legacyTokenNeverAnswered');
    expect(await ssoTokenState('legacy', env, () => Date.parse('2026-06-01T14:00:00Z'))).toMatchObject({ signInNeeded: true });
  });

  it('needs none when an expired sso-session token can be refreshed', async () => {
    await cache(tokenCacheKey('https://corp.awsapps.com/start', 'corp'), {
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-west-1',
      accessToken: 'a',
      expiresAt: '2026-06-01T11:00:00Z',
      clientId: 'c',
      clientSecret: 's',
      registrationExpiresAt: '2026-09-01T00:00:00Z',
      refreshToken: 'r',
    });
    expect(await ssoTokenState('corp-dev', env, () => NOW)).toMatchObject({ sso: true, signInNeeded: false });
  });

  it('says a profile that does not sign in with SSO is not SSO', async () => {
    expect(await ssoTokenState('static', env, () => NOW)).toEqual({ sso: false });
    expect(await ssoTokenState('missing', env, () => NOW)).toEqual({ sso: false });
  });
});
