import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MotoUser } from '../testing/moto';
import { describeWithMoto } from '../testing/motoSuite';
import { createCredentialsService, stsClientConfig } from './credentials';
import { readProfileFile } from './profileFile';
import { stsSettings } from './stsEndpoint';

const KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

describe('stsSettings', () => {
  const file = readProfileFile(
    `[profile plain]
endpoint_url = https://global.example

[profile svc]
endpoint_url = https://global.example
services = corp

[services corp]
sts =
  endpoint_url = https://sts.corp.example
s3 =
  endpoint_url = https://s3.corp.example

[profile fips]
use_fips_endpoint = true
use_dualstack_endpoint = true
`,
    'config',
  );
  const settings = (env: Record<string, string>, profile: string) => stsSettings(env, file.profiles[profile], file.services);

  it('follows the SDKs: STS env, global env, [services] sts, profile endpoint_url', () => {
    expect(settings({}, 'svc').endpoint).toBe('https://sts.corp.example');
    expect(settings({}, 'plain').endpoint).toBe('https://global.example');
    expect(settings({ AWS_ENDPOINT_URL: 'https://env.example' }, 'svc').endpoint).toBe('https://env.example');
    expect(settings({ AWS_ENDPOINT_URL: 'https://env.example', AWS_ENDPOINT_URL_STS: 'https://envsts.example' }, 'svc').endpoint).toBe('https://envsts.example');
    expect(settings({}, 'fips').endpoint).toBeUndefined();
  });

  it('takes the CA bundle from AWS_CA_BUNDLE before the profile', () => {
    const withBundle = readProfileFile('[profile ca]\nca_bundle = /etc/corp/ca.pem\n', 'config');
    expect(stsSettings({}, withBundle.profiles.ca, {}).caBundle).toBe('/etc/corp/ca.pem');
    expect(stsSettings({ AWS_CA_BUNDLE: '/env/ca.pem' }, withBundle.profiles.ca, {}).caBundle).toBe('/env/ca.pem');
  });

  it('ignores every configured endpoint when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true', () => {
    expect(settings({ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL_STS: 'https://x.example' }, 'svc').endpoint).toBeUndefined();
  });

  it('passes FIPS and dual-stack to the STS client, the environment winning over the profile', () => {
    const fromProfile = settings({}, 'fips');
    expect(stsClientConfig('us-east-1', fromProfile, KEYS, 0)).toMatchObject({ useFipsEndpoint: true, useDualstackEndpoint: true });
    const fromEnv = settings({ AWS_USE_FIPS_ENDPOINT: 'false', AWS_USE_DUALSTACK_ENDPOINT: 'true' }, 'fips');
    expect(stsClientConfig('us-east-1', fromEnv, KEYS, 0)).toMatchObject({ useFipsEndpoint: false, useDualstackEndpoint: true });
    const endpointOnly = stsClientConfig('us-east-1', settings({}, 'svc'), KEYS, 0);
    expect(endpointOnly).toMatchObject({ endpoint: 'https://sts.corp.example', useFipsEndpoint: false, useDualstackEndpoint: false });
  });
});

describeWithMoto('STS endpoint from the profile, against moto', (moto) => {
  let dir: string;
  let caller: MotoUser;
  let env: Record<string, string>;
  const ROLE = 'arn:aws:iam::111111111111:role/ViaProfileEndpoint';

  beforeAll(async () => {
    caller = await moto().createUserWithKeys('endpoint-caller', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetCallerIdentity'], Resource: '*' }],
    });
    dir = await mkdtemp(join(tmpdir(), 'rolecall-sts-endpoint-'));
    await writeFile(
      join(dir, 'config'),
      `[profile direct]\nendpoint_url = ${moto().endpoint}\nregion = us-east-1\n\n` +
        `[profile role]\nrole_arn = ${ROLE}\nsource_profile = direct\nservices = local-moto\nregion = us-east-1\n\n` +
        `[services local-moto]\nsts =\n  endpoint_url = ${moto().endpoint}\n`,
    );
    await writeFile(
      join(dir, 'credentials'),
      `[direct]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = ${caller.secretAccessKey}\n`,
    );
    // No AWS_ENDPOINT_URL_STS and no stsEndpoint option: only the profile points at moto.
    env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("sends GetCallerIdentity to the profile's endpoint_url", async () => {
    const identity = await createCredentialsService({ env, mfa: () => Promise.reject(new Error('no MFA')) }).whoami({ kind: 'profile', profile: 'direct' });
    expect(identity.arn).toBe('arn:aws:iam::123456789012:user/endpoint-caller');
  });

  it("sends AssumeRole and GetCallerIdentity to the [services] section's sts endpoint_url", async () => {
    const identity = await createCredentialsService({ env, mfa: () => Promise.reject(new Error('no MFA')) }).whoami({ kind: 'profile', profile: 'role' });
    expect(identity.arn).toMatch(/^arn:aws:sts::111111111111:assumed-role\/ViaProfileEndpoint\//);
  });
});
