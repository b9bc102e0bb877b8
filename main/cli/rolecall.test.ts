// The rolecall bin, built as npm run build builds it and run as a user runs it: real processes, real files,
// moto for STS, a refused port for the network error.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli, type CliRun } from '../testing/cliRunner';
import { startEchoServer } from '../testing/echoServer';
import type { MotoUser } from '../testing/moto';
import { describeWithMoto } from '../testing/motoSuite';

const root = resolve(__dirname, '../..');
const suite = resolve(root, '../shared/sigv4-testsuite');
let bin = '';

beforeAll(async () => {
  ({ bin } = await buildCli('rolecall-cli-'));
}, 60_000);

const run = (args: string[], env: Record<string, string> = {}, stdin = ''): Promise<CliRun> => runCli(bin, args, { env, stdin });

async function awsFiles(config: string, credentials = '') {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-cli-aws-'));
  await writeFile(join(dir, 'config'), config);
  await writeFile(join(dir, 'credentials'), credentials);
  return { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
}

async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const EXAMPLE = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

describe('rolecall without AWS', () => {
  it('prints help and refuses unknown flags, such as a secret on the command line', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/rolecall profiles/);
    expect(help.stdout).toMatch(/rolecall send URL/);
    const secret = await run(['whoami', '--secret-access-key', 'x']);
    expect(secret.code).toBe(2);
    expect(secret.stderr).toMatch(/secret-access-key/);
  });

  it('lists profiles as JSON with their kinds and the file problems', async () => {
    const env = await awsFiles('[profile base]\nregion = eu-west-1\n[profile api]\nrole_arn = arn:aws:iam::111111111111:role/Api\nsource_profile = base\nmfa_serial = arn:aws:iam::222222222222:mfa/me\nthis line is broken\n', '[base]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = abc\n');
    const out = await run(['profiles', '--json'], env);
    expect(out.code).toBe(0);
    const list = JSON.parse(out.stdout);
    expect(list.profiles.map((p: { name: string; kind: string }) => `${p.name}:${p.kind}`).sort()).toEqual(['api:assumeRole', 'base:static']);
    expect(list.problems[0]).toMatchObject({ file: env.AWS_CONFIG_FILE, line: 7 });
    expect(out.stdout).not.toContain('aws_secret_access_key');
    const text = await run(['profiles'], env);
    expect(text.stdout).toMatch(/api\s+assumeRole/);
    expect(text.stdout).toMatch(/:7:/);
  });

  it('signs the SigV4 suite’s get-vanilla request to the suite’s exact Authorization', async () => {
    const expected = (await readFile(join(suite, 'get-vanilla/get-vanilla.authz'), 'utf8')).trim();
    const out = await run(['sign', 'https://example.amazonaws.com/', '--region', 'us-east-1', '--service', 'service', '--date', '2015-08-30T12:36:00Z', '--json'], EXAMPLE);
    expect(out.code, out.stderr).toBe(0);
    const signed = JSON.parse(out.stdout);
    const authorization = signed.headers.find(([n]: [string]) => n.toLowerCase() === 'authorization')[1];
    expect(authorization).toBe(expected);
    expect(signed.canonicalRequest).toBe((await readFile(join(suite, 'get-vanilla/get-vanilla.creq'), 'utf8')).trim());
    expect(signed.signedHeaders).toEqual(['host', 'x-amz-date']);
    expect(signed.url).toBe('https://example.amazonaws.com/');
  });

  it('asks for region and service on a custom domain', async () => {
    const out = await run(['sign', 'https://server.stag.example.com/hoge'], EXAMPLE);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/region/i);
  });

  it('prints a presigned URL that carries the signature and expiry', async () => {
    const out = await run(['sign', 'https://abc123.execute-api.ap-northeast-1.amazonaws.com/stag/hoge', '--presign', '300'], EXAMPLE);
    expect(out.code, out.stderr).toBe(0);
    const url = new URL(out.stdout.trim());
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/ap-northeast-1\/execute-api\/aws4_request$/);
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints a large spooled body whole and leaves no spool file behind', async () => {
    const size = 9 * 1024 * 1024; // over the default 8 MiB kept in memory
    const server = await startEchoServer(() => ({ status: 200, generatedBytes: size }));
    const tmp = await mkdtemp(join(tmpdir(), 'rolecall-cli-spool-'));
    try {
      const out = await run(['send', `${server.url}/big`, '--no-sign'], { TMPDIR: tmp });
      expect(out.code, out.stderr).toBe(0);
      expect(Buffer.byteLength(out.stdout, 'latin1')).toBeGreaterThan(0);
      const left = (await readdir(tmp, { recursive: true })).filter((name) => name.endsWith('.body'));
      expect(left).toEqual([]);
      expect((await readdir(tmp)).some((name) => name.startsWith('rolecall-'))).toBe(true);
    } finally {
      await server.stop();
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('exits non-zero with a readable message when the host refuses the connection', async () => {
    const port = await deadPort();
    const out = await run(['send', `http://127.0.0.1:${port}/x`, '--no-sign']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/CONNECTION_REFUSED/);
    expect(out.stderr).not.toMatch(/at .*\.cjs:\d+/);
  });
});

describeWithMoto('rolecall against moto', (moto) => {
  let caller: MotoUser;
  let env: Record<string, string>;

  beforeAll(async () => {
    caller = await moto().createUserWithKeys('cli-caller', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetCallerIdentity'], Resource: '*' }],
    });
    env = {
      ...(await awsFiles(
        `[profile caller]\nregion = us-east-1\n[profile api]\nrole_arn = arn:aws:iam::111111111111:role/ApiInvoker\nsource_profile = caller\nrole_session_name = cli\n` +
          `[profile mfa]\nrole_arn = arn:aws:iam::111111111111:role/NeedsMfa\nsource_profile = caller\nmfa_serial = arn:aws:iam::123456789012:mfa/cli-caller\nrole_session_name = mfa\n` +
          `[profile wrong]\nregion = us-east-1\n`,
        `[caller]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = ${caller.secretAccessKey}\n` +
          `[wrong]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = not-the-secret\n`,
      )),
      AWS_ENDPOINT_URL_STS: moto().endpoint,
    };
  });

  it('whoami with a static-key profile', async () => {
    const out = await run(['whoami', '--profile', 'caller', '--json'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ arn: caller.arn, account: '123456789012' });
  });

  it('whoami with a role_arn profile comes back as the assumed role in account 111111111111', async () => {
    const out = await run(['whoami', '--profile', 'api'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/arn:aws:sts::111111111111:assumed-role\/ApiInvoker\/cli/);
    expect(out.stdout).toMatch(/account:\s+111111111111/);
    expect(out.stdout).toMatch(/expires:/);
  });

  it('whoami with an explicit AssumeRole, session name and external ID', async () => {
    const out = await run(['whoami', '--profile', 'caller', '--assume-role', 'arn:aws:iam::111111111111:role/Partner', '--session-name', 'alice', '--external-id', 'team-b-42', '--json'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).arn).toBe('arn:aws:sts::111111111111:assumed-role/Partner/alice');
    const record = (await moto().assumedRoles()).find((r) => r.sessionName === 'alice');
    expect(record?.externalId).toBe('team-b-42');
  });

  it('asks for the MFA code on the terminal and uses the answer', async () => {
    const out = await run(['whoami', '--profile', 'mfa', '--json'], env, '123456\n');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('MFA code for arn:aws:iam::123456789012:mfa/cli-caller');
    expect(JSON.parse(out.stdout).arn).toBe('arn:aws:sts::111111111111:assumed-role/NeedsMfa/mfa');
  });

  it('reports MFA_CANCELLED when no code is given', async () => {
    const out = await run(['whoami', '--profile', 'mfa'], env, '\n');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/MFA_CANCELLED/);
  });

  it('surfaces SignatureDoesNotMatch readably for a wrong secret', async () => {
    const out = await run(['whoami', '--profile', 'wrong'], env);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/SIGNATURE_MISMATCH\/SignatureDoesNotMatch/);
    expect(out.stderr).toMatch(/The request signature we calculated does not match the signature you provided/);
    expect(out.stderr).not.toContain('not-the-secret');
  });

  it('sends a signed GetCallerIdentity that moto accepts, printing the body like awscurl', async () => {
    const out = await run(
      ['send', `${moto().endpoint}/`, '--profile', 'api', '-X', 'POST', '-H', 'content-type: application/x-www-form-urlencoded', '-d', 'Action=GetCallerIdentity&Version=2011-06-15', '--region', 'us-east-1', '--service', 'sts', '-i'],
      env,
    );
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^HTTP\/1.1 200/);
    expect(out.stdout).toContain('<Arn>arn:aws:sts::111111111111:assumed-role/ApiInvoker/cli</Arn>');
  });
});
