import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../src/models/profile';
import { createProfilesService, profileFileParses, readAwsProfiles } from './profiles';

const fixtures = join(__dirname, 'fixtures', 'aws');
const fixtureEnv = (extra: Record<string, string> = {}) => ({
  AWS_CONFIG_FILE: join(fixtures, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(fixtures, 'credentials'),
  HOME: '/nonexistent-home',
  ...extra,
});

async function listFixtures(extra: Record<string, string> = {}) {
  const list = await createProfilesService({ env: fixtureEnv(extra) }).list();
  const byName = (name: string): ProfileSummary => {
    const found = list.profiles.find((p) => p.name === name);
    if (!found) throw new Error(`profile ${name} not listed`);
    return found;
  };
  return { list, byName };
}

describe('profiles service on the fixture files', () => {
  it('classifies every kind of profile', async () => {
    const { byName } = await listFixtures();
    const kinds = Object.fromEntries(
      ['default', 'base', 'static-only', 'ops', 'deploy', 'task', 'sso-new', 'sso-legacy', 'proc', 'webid', 'empty'].map(
        (n) => [n, byName(n).kind],
      ),
    );
    expect(kinds).toEqual({
      default: 'static', base: 'static', 'static-only': 'static', ops: 'assumeRole', deploy: 'assumeRole',
      task: 'assumeRole', 'sso-new': 'sso', 'sso-legacy': 'sso', proc: 'process', webid: 'webIdentity', empty: 'incomplete',
    });
  });

  it('merges [default] from both files and [profile X] with [X]', async () => {
    const { byName } = await listFixtures();
    expect(byName('default')).toMatchObject({ region: 'eu-west-1', definedIn: ['config', 'credentials'], isDefault: true });
    expect(byName('static-only')).toMatchObject({ region: 'us-east-2', definedIn: ['config', 'credentials'] });
  });

  it('fills the role fields and follows a multi-hop source_profile chain', async () => {
    const { byName } = await listFixtures();
    expect(byName('deploy')).toEqual({
      name: 'deploy', kind: 'assumeRole', roleArn: 'arn:aws:iam::222222222222:role/Deploy', sourceProfile: 'ops',
      sourceChain: ['deploy', 'ops', 'base'], mfaSerial: 'arn:aws:iam::123456789012:mfa/alice', externalId: 'ext-123',
      durationSeconds: 1800, roleSessionName: 'alice-deploy', definedIn: ['config'], isDefault: false, problems: [],
    });
    expect(byName('task')).toMatchObject({ credentialSource: 'Environment', sourceChain: ['task', 'Environment'], problems: [] });
    expect(byName('self-role')).toMatchObject({ sourceChain: ['self-role', 'self-role'], problems: [] });
  });

  it('reports cycles and missing source profiles on the profile', async () => {
    const { byName } = await listFixtures();
    expect(byName('loop-a').problems).toEqual(['source_profile cycle: loop-a -> loop-b -> loop-a']);
    expect(byName('orphan').problems).toEqual(['source_profile "nowhere" is not defined']);
    expect(byName('empty').problems[0]).toMatch(/no credentials/);
  });

  it('resolves the SSO start URL from the [sso-session] section', async () => {
    const { byName } = await listFixtures();
    expect(byName('sso-new')).toMatchObject({
      ssoSession: 'corp', ssoStartUrl: 'https://corp.awsapps.com/start', ssoAccountId: '333333333333', ssoRoleName: 'ReadOnly',
      region: 'us-west-2', problems: [],
    });
    expect(byName('sso-legacy').ssoStartUrl).toBe('https://legacy.awsapps.com/start');
    expect(byName('webid')).toMatchObject({ webIdentityTokenFile: '/var/run/secrets/token', roleArn: 'arn:aws:iam::555555555555:role/WebId' });
  });

  it('reads odd spacing, trailing comments and nested settings', async () => {
    const { byName, list } = await listFixtures();
    expect(byName('endpoint')).toMatchObject({ kind: 'static', region: 'sa-east-1', endpointUrl: 'http://localhost:4566' });
    expect(list.profiles.map((p) => p.name)).not.toContain('local');
  });

  it('lists the profiles it could read and reports the broken lines', async () => {
    const { list, byName } = await listFixtures();
    expect(byName('after-broken').region).toBe('us-east-1');
    expect(list.problems.map((p) => [p.file.endsWith('config') ? 'config' : 'credentials', p.line])).toEqual([
      ['config', 74], ['config', 85], ['config', 86], ['config', 87], ['credentials', 1],
    ]);
  });

  it('never puts a secret or a process command line in the list', async () => {
    const { list } = await listFixtures();
    const text = JSON.stringify(list);
    const files = (await readFile(join(fixtures, 'credentials'), 'utf8')) + (await readFile(join(fixtures, 'config'), 'utf8'));
    const secrets = [...files.matchAll(/(?:aws_secret_access_key|aws_session_token)\s*=\s*(\S+)/g)].map((m) => m[1]!);
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('procSecretArgument');
  });

  it('uses AWS_PROFILE as the default profile and notices environment credentials', async () => {
    const { list, byName } = await listFixtures({ AWS_PROFILE: 'ops', AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'x' });
    expect(list.defaultProfile).toBe('ops');
    expect(list.profiles[0]!.name).toBe('ops');
    expect(byName('ops').isDefault).toBe(true);
    expect(byName('default').isDefault).toBe(false);
    expect(list.environmentCredentials).toBe(true);
    expect((await listFixtures()).list.environmentCredentials).toBe(false);
  });
});

describe('profiles service on files that change', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('sees an edit on the next list() without a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolecall-profiles-'));
    const config = join(dir, 'config');
    await writeFile(config, '[profile one]\nregion = eu-west-1\n');
    const service = createProfilesService({ env: { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') } });
    expect((await service.list()).profiles.map((p) => [p.name, p.region])).toEqual([['one', 'eu-west-1']]);
    await writeFile(config, '[profile one]\nregion = us-west-1\n[profile two]\nsource_profile = one\nrole_arn = arn:aws:iam::111111111111:role/T\n');
    const after = await service.list();
    expect(after.profiles.map((p) => [p.name, p.region ?? null])).toEqual([['one', 'us-west-1'], ['two', null]]);
    expect(after.files.credentials).toBe(join(dir, 'none'));
    expect(after.problems).toEqual([]);
  });

  it('finds the files under HOME when no override is set', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolecall-home-'));
    const list = await createProfilesService({ env: { HOME: dir } }).list();
    expect(list.files).toEqual({ config: join(dir, '.aws', 'config'), credentials: join(dir, '.aws', 'credentials') });
    expect(list.profiles).toEqual([]);
  });
});

describe('profiles as the AWS CLI names and reads them', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function files(config: string, credentials: string) {
    dir = await mkdtemp(join(tmpdir(), 'rolecall-cli-names-'));
    await writeFile(join(dir, 'config'), config);
    await writeFile(join(dir, 'credentials'), credentials);
    return { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
  }

  it('reads setting names in any case, as botocore lowercases them', async () => {
    const env = await files('[profile mixed]\nRegion = eu-west-3\nROLE_ARN = arn:aws:iam::111111111111:role/R\nSource_Profile = keys\n',
      '[keys]\naWs_AcCeSs_kEy_ID = AKIAMIXEDEXAMPLE0000\nAWS_SECRET_ACCESS_KEY = mixedSecretFixture000000000000000000000\n');
    const list = await createProfilesService({ env }).list();
    expect(list.profiles.map((p) => [p.name, p.kind, p.region ?? null])).toEqual([
      ['keys', 'static', null], ['mixed', 'assumeRole', 'eu-west-3'],
    ]);
    expect(list.profiles[1]!.sourceChain).toEqual(['mixed', 'keys']);
    expect(list.problems).toEqual([]);
  });

  it('names a credentials-file [profile foo] "profile foo", as the CLI does, and says why', async () => {
    const env = await files('', '[profile foo]\naws_access_key_id = AKIAPREFIXEXAMPLE000\naws_secret_access_key = prefixSecretFixture0000000000000000000\n');
    const list = await createProfilesService({ env }).list();
    expect(list.profiles.map((p) => [p.name, p.kind])).toEqual([['profile foo', 'static']]);
    expect(list.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'the AWS CLI names this profile "profile foo" and other SDKs ignore it; in the credentials file write [foo]'],
    ]);
  });

  it('lists empty profiles and merges duplicate sections, reporting both lines', async () => {
    const env = await files('[profile a]\nregion = eu-west-1\n[profile empty]\n[profile a]\noutput = json\n', '');
    const list = await createProfilesService({ env }).list();
    expect(list.profiles.map((p) => [p.name, p.region ?? null])).toEqual([['a', 'eu-west-1'], ['empty', null]]);
    expect(list.problems.map((p) => [p.line, p.message])).toEqual([
      [4, '[profile a] on line 4 repeats the section on line 1; the settings are merged, the later ones win'],
    ]);
  });
});

describe('profiles at scale', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('parses each file once while it is unchanged, and again after an edit', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolecall-profile-cache-'));
    const config = join(dir, 'config');
    await writeFile(config, '[profile one]\nregion = eu-west-1\n');
    const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
    const service = createProfilesService({ env });
    const before = profileFileParses();
    await service.list();
    expect(profileFileParses() - before).toBe(2); // config, and the absent credentials file
    for (let i = 0; i < 5; i++) await service.list();
    await readAwsProfiles(env); // what every sign reads
    expect(profileFileParses() - before).toBe(2);

    await writeFile(config, '[profile one]\nregion = us-west-1\n');
    expect((await service.list()).profiles[0]!.region).toBe('us-west-1');
    expect(profileFileParses() - before).toBe(3);

    // An editor that saves by renaming a new file over the old one is seen too (a new inode), and so is a new file.
    await writeFile(join(dir, 'next'), '[profile one]\nregion = ap-south-1\n');
    await rename(join(dir, 'next'), config);
    await writeFile(join(dir, 'credentials'), '[two]\n');
    expect((await service.list()).profiles.map((p) => [p.name, p.region ?? null])).toEqual([['one', 'ap-south-1'], ['two', null]]);
    expect(profileFileParses() - before).toBe(5);
  });

  it('lists 20,000 profiles, half of them roles on the other half, in linear time', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolecall-profile-scale-'));
    const n = 10_000;
    const config: string[] = [];
    const credentials: string[] = [];
    for (let i = 0; i < n; i++) {
      config.push(`[profile role-${i}]`, `role_arn = arn:aws:iam::111111111111:role/R${i}`, `source_profile = keys-${i}`, 'region = eu-west-1');
      credentials.push(`[keys-${i}]`, `aws_access_key_id = AKIASCALE${String(i).padStart(11, '0')}`, 'aws_secret_access_key = scaleSecretFixture000000000000000000000');
    }
    await writeFile(join(dir, 'config'), config.join('\n'));
    await writeFile(join(dir, 'credentials'), credentials.join('\n'));
    const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
    const list = await createProfilesService({ env }).list();
    expect(list.profiles).toHaveLength(2 * n);
    expect(list.profiles.find((p) => p.name === 'role-9999')).toMatchObject({ kind: 'assumeRole', sourceChain: ['role-9999', 'keys-9999'], problems: [] });
    expect(list.problems).toEqual([]);
    // A bound, not a timing: the quadratic listing took 96 s; a busy 2-core CI runs this in a few seconds.
  }, 30_000);
});
