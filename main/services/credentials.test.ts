import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appError } from '../../src/errors';
import type { MotoUser } from '../testing/moto';
import { describeWithMoto } from '../testing/motoSuite';
import { createCredentialsService, type CredentialsServiceOptions, type MfaCodeProvider } from './credentials';
import { createMfaBroker } from './mfaBroker';
import { failure } from '../testing/settle';

const ACCOUNT = '123456789012';
const CROSS_ROLE = 'arn:aws:iam::111111111111:role/CrossAccount';
const MFA_SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/caller`;
const CALLER_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetCallerIdentity'], Resource: '*' }],
};

const noMfa: MfaCodeProvider = () => Promise.reject(new Error('no MFA expected'));

describeWithMoto('credentials service against moto', (moto) => {
  let dir: string;
  let caller: MotoUser;
  let denied: MotoUser;
  let env: Record<string, string>;

  const config = (crossRole = CROSS_ROLE) => `[profile cross]
role_arn = ${crossRole}
source_profile = caller
region = ap-northeast-1

[profile mfa]
role_arn = arn:aws:iam::111111111111:role/WithMfa
source_profile = caller
mfa_serial = ${MFA_SERIAL}

[profile refused]
role_arn = arn:aws:iam::111111111111:role/Refuses
source_profile = denied

[profile wrong-role]
role_arn = arn:aws:iam::111111111111:role/Any
source_profile = wrongsecret
`;

  beforeAll(async () => {
    caller = await moto().createUserWithKeys('caller', CALLER_POLICY);
    denied = await moto().createUserWithKeys('denied');
    dir = await mkdtemp(join(tmpdir(), 'rolecall-credentials-'));
    await writeFile(join(dir, 'config'), config());
    await writeFile(
      join(dir, 'credentials'),
      `[caller]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = ${caller.secretAccessKey}\n` +
        `[denied]\naws_access_key_id = ${denied.accessKeyId}\naws_secret_access_key = ${denied.secretAccessKey}\n` +
        `[wrongsecret]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = not-the-secret\n`,
    );
    env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const service = (extra: Partial<CredentialsServiceOptions> = {}) =>
    createCredentialsService({ env, mfa: noMfa, stsEndpoint: moto().endpoint, ...extra });

  it("answers whoami for a static-key profile with the user's identity", async () => {
    const identity = await service().whoami({ kind: 'profile', profile: 'caller' });
    expect(identity).toEqual({
      arn: `arn:aws:iam::${ACCOUNT}:user/caller`,
      account: ACCOUNT,
      userId: expect.any(String),
      accessKeyId: caller.accessKeyId,
      hops: [{ kind: 'profile', label: 'caller', profile: 'caller' }],
      cached: false,
    });
  });

  it('assumes a role in account 111111111111 through role_arn + source_profile', async () => {
    const identity = await service().whoami({ kind: 'profile', profile: 'cross' });
    expect(identity.arn).toMatch(/^arn:aws:sts::111111111111:assumed-role\/CrossAccount\/.+$/);
    expect(identity.account).toBe('111111111111');
    expect(identity.accessKeyId).toMatch(/^ASIA/);
    expect(identity.expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(identity.hops).toEqual([
      { kind: 'profile', label: 'caller', profile: 'caller' },
      { kind: 'assumeRole', label: CROSS_ROLE, roleArn: CROSS_ROLE, profile: 'cross' },
    ]);
  });

  it('runs a credential_process profile and uses the keys it prints', async () => {
    const script = join(dir, 'issue-keys.cjs');
    await writeFile(
      script,
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(caller.accessKeyId)}, SecretAccessKey: ${JSON.stringify(caller.secretAccessKey)} }));`,
    );
    await writeFile(join(dir, 'config'), `${config()}\n[profile from-process]\ncredential_process = "${process.execPath}" "${script}"\n`);
    try {
      const identity = await service().whoami({ kind: 'profile', profile: 'from-process' });
      expect(identity.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/caller`);
      expect(identity.hops[0]).toMatchObject({ kind: 'process', profile: 'from-process' });
    } finally {
      await writeFile(join(dir, 'config'), config());
    }
  });

  it('runs an explicit AssumeRole with session name and external ID', async () => {
    const roleArn = 'arn:aws:iam::111111111111:role/Explicit';
    const identity = await service().whoami({
      kind: 'assumeRole',
      base: { kind: 'profile', profile: 'caller' },
      roleArn,
      sessionName: 'my-session',
      externalId: 'ext-42',
      durationSeconds: 900,
    });
    expect(identity.arn).toBe('arn:aws:sts::111111111111:assumed-role/Explicit/my-session');
    expect(identity.hops.map((h) => h.kind)).toEqual(['profile', 'assumeRole']);
    const recorded = (await moto().assumedRoles()).filter((r) => r.roleArn === roleArn);
    expect(recorded).toEqual([expect.objectContaining({ sessionName: 'my-session', externalId: 'ext-42', accessKeyId: identity.accessKeyId })]);
  });

  it('resolves environment credentials', async () => {
    const envService = createCredentialsService({
      env: { AWS_ACCESS_KEY_ID: caller.accessKeyId, AWS_SECRET_ACCESS_KEY: caller.secretAccessKey },
      mfa: noMfa,
      stsEndpoint: moto().endpoint,
    });
    const identity = await envService.whoami({ kind: 'env' });
    expect(identity.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/caller`);
    expect(identity.hops).toEqual([{ kind: 'env', label: 'environment' }]);
  });

  it('asks the MFA provider with the serial for an mfa_serial profile', async () => {
    const mfa = vi.fn<MfaCodeProvider>().mockResolvedValue('123456');
    const identity = await service({ mfa }).whoami({ kind: 'profile', profile: 'mfa' });
    expect(mfa).toHaveBeenCalledTimes(1);
    expect(mfa).toHaveBeenCalledWith(MFA_SERIAL, 'profile mfa');
    expect(identity.arn).toMatch(/:assumed-role\/WithMfa\//);
  });

  it('gives MFA_CANCELLED when the user cancels the prompt', async () => {
    const broker = createMfaBroker((prompt) => queueMicrotask(() => broker.answer(prompt.promptId, undefined, true)));
    const err = await failure(service({ mfa: broker.provider }).whoami({ kind: 'profile', profile: 'mfa' }));
    expect(err.code).toBe('MFA_CANCELLED');
    expect(broker.pending()).toEqual([]);
  });

  it('surfaces a wrong secret as SIGNATURE_MISMATCH with AWS text', async () => {
    for (const profile of ['wrongsecret', 'wrong-role']) {
      const err = await failure(service().whoami({ kind: 'profile', profile }));
      expect(err.code).toBe('SIGNATURE_MISMATCH');
      expect(err.awsCode).toBe('SignatureDoesNotMatch');
      expect(err.message).toMatch(/secret key does not match the access key/);
      expect(err.detail).toMatch(/The request signature we calculated does not match/);
      expect(`${err.message}${err.detail}`).not.toContain(caller.secretAccessKey);
    }
  });

  it('reports a refused AssumeRole as STS_ACCESS_DENIED naming the role', async () => {
    const viaProfile = await failure(service().whoami({ kind: 'profile', profile: 'refused' }));
    expect(viaProfile).toMatchObject({ code: 'STS_ACCESS_DENIED', awsCode: 'AccessDenied' });
    expect(viaProfile.message).toMatch(/^arn:aws:iam::111111111111:role\/Refuses refused the AssumeRole/);
    expect(viaProfile.detail).toBe(`User: ${denied.arn} is not authorized to perform: sts:AssumeRole`);

    const roleArn = 'arn:aws:iam::111111111111:role/Explicit';
    const explicit = await failure(service().resolve({ kind: 'assumeRole', base: { kind: 'profile', profile: 'denied' }, roleArn }));
    expect(explicit).toMatchObject({ code: 'STS_ACCESS_DENIED', awsCode: 'AccessDenied' });
    expect(explicit.message).toContain(roleArn);
  });

  it('makes one STS call for 100 concurrent and 100 sequential resolves', async () => {
    const before = (await moto().assumedRoles()).length;
    const creds = service();
    const concurrent = await Promise.all(Array.from({ length: 100 }, () => creds.resolve({ kind: 'profile', profile: 'cross' })));
    for (let i = 0; i < 100; i++) {
      const again = await creds.resolve({ kind: 'profile', profile: 'cross' });
      expect(again.cached).toBe(true);
      expect(again.credentials.accessKeyId).toBe(concurrent[0]!.credentials.accessKeyId);
    }
    expect(new Set(concurrent.map((r) => r.credentials.accessKeyId)).size).toBe(1);
    expect(creds.stats().stsCalls).toBe(1);
    expect((await moto().assumedRoles()).length - before).toBe(1);
  });

  it('caches an explicit AssumeRole and its base separately', async () => {
    const creds = service();
    const auth = { kind: 'assumeRole', base: { kind: 'profile', profile: 'caller' }, roleArn: CROSS_ROLE, sessionName: 'shared' } as const;
    const results = await Promise.all(Array.from({ length: 100 }, () => creds.resolve(auth)));
    expect(new Set(results.map((r) => r.credentials.accessKeyId)).size).toBe(1);
    expect(creds.stats().stsCalls).toBe(2); // the base profile's keys, then one AssumeRole
    expect((await creds.resolve(auth)).cached).toBe(true);
    expect(creds.clear(auth)).toBe(1);
    expect((await creds.resolve(auth)).cached).toBe(false);
    expect(creds.stats().stsCalls).toBe(3);
    expect(creds.clear()).toBe(2);
  });

  it('refreshes refreshMarginSeconds before expiry', async () => {
    let clock = Date.now();
    const creds = service({ now: () => clock, refreshMarginSeconds: 300 });
    const first = await creds.resolve({ kind: 'profile', profile: 'cross' });
    const expiry = first.credentials.expiration!.getTime();
    clock = expiry - 301_000;
    expect((await creds.resolve({ kind: 'profile', profile: 'cross' })).cached).toBe(true);
    clock = expiry - 299_000;
    const renewed = await creds.resolve({ kind: 'profile', profile: 'cross' });
    expect(renewed.cached).toBe(false);
    expect(renewed.credentials.accessKeyId).not.toBe(first.credentials.accessKeyId);
    expect(creds.stats().stsCalls).toBe(2);
  });

  it('does not serve a stale role after the profile is edited, and forceRefresh renews', async () => {
    const creds = service();
    const before = await creds.whoami({ kind: 'profile', profile: 'cross' });
    await writeFile(join(dir, 'config'), config('arn:aws:iam::111111111111:role/Edited'));
    try {
      const after = await creds.whoami({ kind: 'profile', profile: 'cross' });
      expect(after.cached).toBe(false);
      expect(after.arn).toMatch(/:assumed-role\/Edited\//);
      const forced = await creds.whoami({ kind: 'profile', profile: 'cross' }, { forceRefresh: true });
      expect(forced.cached).toBe(false);
      expect(forced.accessKeyId).not.toBe(after.accessKeyId);
      expect(before.arn).toMatch(/:assumed-role\/CrossAccount\//);
    } finally {
      await writeFile(join(dir, 'config'), config());
    }
  });
});

describe('credentials service without STS', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolecall-credentials-unit-'));
    await writeFile(join(dir, 'credentials'), '[keys]\naws_access_key_id = AKIAUNITEXAMPLE00000\naws_secret_access_key = unitSecret\n');
    await writeFile(
      join(dir, 'config'),
      '[profile loop]\nrole_arn = arn:aws:iam::111111111111:role/L\nsource_profile = loop\n[profile empty]\nregion = eu-west-1\n',
    );
    env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the missing, empty and looping profiles', async () => {
    const creds = createCredentialsService({ env, mfa: noMfa });
    expect((await failure(creds.resolve({ kind: 'profile', profile: 'nope' }))).code).toBe('PROFILE_NOT_FOUND');
    expect((await failure(creds.resolve({ kind: 'profile', profile: 'empty' }))).code).toBe('CREDENTIALS_MISSING');
    const loop = await failure(creds.resolve({ kind: 'profile', profile: 'loop' }));
    expect(loop.code).toBe('CREDENTIALS_ERROR');
    expect(loop.message).toMatch(/cycle/);
    expect((await failure(creds.resolve({ kind: 'env' }))).code).toBe('CREDENTIALS_MISSING');
    expect(creds.stats().stsCalls).toBe(0);
  });

  it('reports a failing credential_process by profile, without its command line or secrets from stderr', async () => {
    const script = join(dir, 'failing-process.cjs');
    await writeFile(
      script,
      "process.stderr.write('login expired for AKIAIOSFODNN7EXAMPLE secret=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY hunter2pass\\nsecond line tokenTail\\n'); process.exit(3);",
    );
    const processEnv = { ...env, AWS_CONFIG_FILE: join(dir, 'process-config') };
    await writeFile(processEnv.AWS_CONFIG_FILE, `[profile failing]\ncredential_process = "${process.execPath}" "${script}" --password hunter2pass\n`);
    const err = await failure(createCredentialsService({ env: processEnv, mfa: noMfa }).resolve({ kind: 'profile', profile: 'failing' }));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).toBe('The credential_process of profile "failing" failed.');
    const text = JSON.stringify({ message: err.message, detail: err.detail });
    for (const secret of ['hunter2pass', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'failing-process.cjs', process.execPath, 'tokenTail']) {
      expect(text).not.toContain(secret);
    }
    expect(err.detail).toMatch(/^The process wrote on stderr: login expired for \S+ \S+ \S+$/);
  });

  it('resolves settings written in any case, as they are listed', async () => {
    const mixedEnv = { ...env, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'mixed-credentials') };
    await writeFile(mixedEnv.AWS_SHARED_CREDENTIALS_FILE, '[mixed]\nAWS_Access_Key_ID = AKIAMIXEDEXAMPLE0000\nAws_Secret_Access_Key = mixedSecret\n');
    const resolved = await createCredentialsService({ env: mixedEnv, mfa: noMfa }).resolve({ kind: 'profile', profile: 'mixed' });
    expect(resolved.credentials).toEqual({ accessKeyId: 'AKIAMIXEDEXAMPLE0000', secretAccessKey: 'mixedSecret' });
  });

  it('resolves a credentials-file [profile foo] under the name the CLI gives it', async () => {
    const prefixedEnv = { ...env, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'prefixed-credentials') };
    await writeFile(prefixedEnv.AWS_SHARED_CREDENTIALS_FILE, '[profile spaced]\naws_access_key_id = AKIASPACEDEXAMPLE000\naws_secret_access_key = spacedSecret\n');
    const resolved = await createCredentialsService({ env: prefixedEnv, mfa: noMfa }).resolve({ kind: 'profile', profile: 'profile spaced' });
    expect(resolved.credentials).toEqual({ accessKeyId: 'AKIASPACEDEXAMPLE000', secretAccessKey: 'spacedSecret' });
  });

  it('maps a refused STS connection to CONNECTION_REFUSED', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const creds = createCredentialsService({ env, mfa: noMfa, stsEndpoint: `http://127.0.0.1:${port}` });
    const err = await failure(creds.whoami({ kind: 'profile', profile: 'keys' }));
    expect(err.code).toBe('CONNECTION_REFUSED');
    expect(err.message).toContain(`http://127.0.0.1:${port}`);
  });

  it('passes an MFA cancellation through unchanged', async () => {
    const cancelled = appError('MFA_CANCELLED', 'The MFA prompt was cancelled.');
    const creds = createCredentialsService({ env, mfa: () => Promise.reject(cancelled) });
    const auth = { kind: 'assumeRole', base: { kind: 'profile', profile: 'keys' }, roleArn: 'arn:aws:iam::111111111111:role/R', mfaSerial: MFA_SERIAL } as const;
    expect(await failure(creds.resolve(auth))).toBe(cancelled);
  });
});
