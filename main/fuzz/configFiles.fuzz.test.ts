// Fuzzes ~/.aws/config and ~/.aws/credentials as profiles:list reads them: structured INI with mutations
// (duplicate and malformed sections, continuation lines, comments, unicode, CRLF, NULs, huge lines, "= value",
// a pasted token ending in "=" outside any section, thousands of profiles). profiles:list must answer with a
// Result that is ok or a clear error, never echo a secret, and never block the event loop past the bound.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import { createApp } from '../app';
import { MAX_BLOCK_MS, measureBlocking } from './eventLoopWatch';
import { clip, confirmedBlock, fuzz, kindOf, secretsIn, type Secret } from './harness';
import { fakeSecret, type Rng } from './random';

const INPUTS = 220;

interface Line {
  text: string;
  /** Holds a secret: never mutated byte by byte, so the secret stays exactly where a secret goes. */
  secret?: boolean;
}

interface Secrets {
  secretKey: Secret;
  sessionToken: Secret;
  processArgument: Secret;
  pasted: Secret;
}

const NAMES = ['default', 'dev', 'prod', 'base', 'api-caller', 'ops', 'Dev', 'a.b', 'x y', '日本', '__proto__', 'constructor', ''];
const PLAIN_KEYS: Array<(rng: Rng, names: string[]) => string> = [
  (rng) => `region = ${rng.pick(['eu-west-1', 'us-east-1', '', 'ap-northeast-1 ', rng.nastyString(12)])}`,
  (rng) => `role_arn = arn:aws:iam::${rng.word(12, '0123456789')}:role/${rng.word(6)}`,
  (rng, names) => `source_profile = ${rng.pick(names)}`,
  (rng) => `credential_source = ${rng.pick(['Environment', 'Ec2InstanceMetadata', 'EcsContainer', 'Bogus'])}`,
  (rng) => `mfa_serial = arn:aws:iam::${rng.word(12, '0123456789')}:mfa/${rng.word(5)}`,
  (rng) => `external_id = ${rng.word(8)}`,
  (rng) => `duration_seconds = ${rng.pick(['3600', '-1', 'abc', '1e9', '', '99999999999999999999'])}`,
  (rng) => `sso_session = ${rng.word(4)}`,
  (rng) => `sso_start_url = https://${rng.word(6)}.awsapps.com/start`,
  (rng) => `sso_account_id = ${rng.word(12, '0123456789')}`,
  (rng) => `sso_role_name = ${rng.word(6)}`,
  (rng) => `sso_region = ${rng.pick(['us-east-1', ''])}`,
  (rng) => `web_identity_token_file = /nonexistent/${rng.word(6)}`,
  (rng) => `endpoint_url = http://127.0.0.1:${rng.int(1, 65535)}`,
  (rng) => `aws_access_key_id = AKIA${rng.word(12, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}EXAMPLE`,
  () => 's3 =',
  (rng) => `  max_concurrency = ${rng.int(0, 99)}`,
  (rng) => `${rng.nastyString(10)} = ${rng.nastyString(10)}`,
  (rng) => `= ${rng.word(6)}`,
  (rng) => `${rng.word(5)} =`,
  (rng) => `${rng.word(5)}`,
  (rng) => `# ${rng.nastyString(30)}`,
  (rng) => `; ${rng.nastyString(30)}`,
  (rng) => `region = us-east-1 # ${rng.word(5)}`,
  (rng) => `\t${rng.nastyString(20)}`,
  (rng) => `REGION = ${rng.pick(['eu-west-1', 'us-west-2'])}`,
];

function sectionHeader(rng: Rng, name: string, kind: 'config' | 'credentials'): string {
  const forms =
    kind === 'config'
      ? [`[profile ${name}]`, `[${name}]`, `[ profile ${name} ]`, `[profile\t${name}]`, `[sso-session ${name}]`, `[services ${name}]`]
      : [`[${name}]`, `[profile ${name}]`, `[ ${name} ]`];
  return rng.weighted<string>([
    [8, rng.pick(forms)],
    [1, `[profile ${name}`],
    [1, '[]'],
    [1, `[${rng.nastyString(12)}]`],
    [1, `[profile ${name}] ; ${rng.word(4)}`],
    [1, `[profile ${name}]]`],
  ]);
}

/** Where a secret goes: a key's value, a token continued on the next line, a process argument, a pasted line. */
function secretLines(rng: Rng, secrets: Secrets): Line[] {
  const { secretKey, sessionToken, processArgument, pasted } = secrets;
  return rng.weighted<Line[]>([
    [4, [{ text: `aws_secret_access_key = ${secretKey.value}`, secret: true }]],
    [3, [{ text: `aws_session_token = ${sessionToken.value}`, secret: true }]],
    [2, [{ text: `aws_secret_access_key=${secretKey.value}`, secret: true }]],
    [2, [{ text: 'aws_session_token =', secret: true }, { text: `  ${sessionToken.value}`, secret: true }]],
    [2, [{ text: `credential_process = /bin/false --token ${processArgument.value}`, secret: true }]],
    // A pasted token on a line of its own: its last character is "=".
    [3, [{ text: pasted.value, secret: true }]],
    [1, [{ text: `${pasted.value} ; pasted`, secret: true }]],
  ]);
}

function fileLines(rng: Rng, kind: 'config' | 'credentials', secrets: Secrets, names: string[]): Line[] {
  const lines: Line[] = [];
  // Sometimes a stray token before any section: the linter's old habit was to quote it.
  if (rng.chance(0.3)) lines.push(...secretLines(rng, secrets));
  const sections = rng.chance(0.03) ? rng.int(2500, 4000) : rng.int(0, 12);
  for (let s = 0; s < sections; s++) {
    const name = sections > 100 ? `p${s}` : rng.pick(names);
    lines.push({ text: sectionHeader(rng, name, kind) });
    const settings = sections > 100 ? 2 : rng.int(0, 8);
    for (let k = 0; k < settings; k++) {
      if (sections > 100) {
        lines.push({ text: k === 0 ? `role_arn = arn:aws:iam::123456789012:role/r${s}` : `source_profile = p${Math.max(0, s - 1)}` });
        continue;
      }
      if (rng.chance(0.2)) lines.push(...secretLines(rng, secrets));
      else lines.push({ text: rng.pick(PLAIN_KEYS)(rng, names) });
    }
    if (rng.chance(0.1)) lines.push({ text: '' });
  }
  if (rng.chance(0.05)) lines.push({ text: `region = ${'x'.repeat(rng.int(10_000, 200_000))}` });
  if (rng.chance(0.05)) lines.push({ text: `[profile ${'y'.repeat(rng.int(10_000, 100_000))}]` });
  return lines;
}

/** Byte-level edits to lines without a secret, then whole-file changes (line endings, BOM, truncation). */
function render(rng: Rng, lines: Line[]): Buffer {
  const parts = lines.map((line) => {
    const bytes = Buffer.from(line.text, 'utf8');
    return !line.secret && rng.chance(0.15) ? rng.mutateBytes(bytes) : bytes;
  });
  const eol = rng.weighted<string>([[6, '\n'], [2, '\r\n'], [1, '\r'], [1, '\n\n']]);
  // A secret's line always has plain line breaks around it: with "\r" alone the SDK would read it as part of
  // another line, and a secret that became a section name or another key's value is no longer a secret's leak.
  const breakBefore = (i: number) => (lines[i]!.secret || lines[i - 1]!.secret ? '\n' : rng.chance(0.05) ? rng.pick(['\r\n', '\n', '\u2028']) : eol);
  let data = Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from(breakBefore(i)), p])));
  if (rng.chance(0.1)) data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), data]);
  if (rng.chance(0.05)) data = Buffer.concat([data, Buffer.from([0xff, 0xfe, 0x00])]);
  if (rng.chance(0.05)) data = data.subarray(0, rng.int(0, data.length));
  return data;
}

function describeFile(data: Buffer): string {
  return JSON.stringify(data.toString('utf8').slice(0, 1500)) + (data.length > 1500 ? ` (${data.length} bytes)` : '');
}

describe('fuzz: config and credentials files through profiles:list', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rolecall-fuzz-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`answers ${INPUTS} generated file pairs with a clear Result, no secret in it, the event loop never blocked`, async () => {
    const allSecrets: Secret[] = [];
    const outcome = await fuzz('config files', { count: INPUTS, budgetMs: 80_000, secrets: allSecrets }, async ({ rng, index, fail }) => {
      const secrets: Secrets = {
        secretKey: { label: 'secret key', value: fakeSecret(rng, 'SecretKey') },
        sessionToken: { label: 'session token', value: fakeSecret(rng, 'SessionToken') },
        processArgument: { label: 'credential_process argument', value: fakeSecret(rng, 'ProcessArg') },
        pasted: { label: 'pasted token', value: fakeSecret(rng, 'PastedToken') },
      };
      allSecrets.push(...Object.values(secrets));
      const names = [...NAMES, rng.nastyString(8)];
      const config = render(rng, fileLines(rng, 'config', secrets, names));
      const credentials = render(rng, fileLines(rng, 'credentials', secrets, names));
      const configFile = join(dir, `config-${index}`);
      const credentialsFile = join(dir, `credentials-${index}`);
      await writeFile(configFile, config);
      await writeFile(credentialsFile, credentials);
      const env = { HOME: dir, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile, ...(rng.chance(0.3) ? { AWS_PROFILE: rng.pick(names) } : {}) };
      const app = createApp({ host: 'browser-test', env, emit: () => {} });
      const input = `config ${describeFile(config)}\ncredentials ${describeFile(credentials)}\nAWS_PROFILE ${JSON.stringify(env.AWS_PROFILE ?? null)}`;

      const list = () => measureBlocking(() => app.registry.invoke('profiles:list', {}));
      const first = await list();
      if (first.error !== undefined) {
        fail('profiles:list threw instead of answering a Result', input);
        return;
      }
      const result = first.value as Result<unknown>;
      if (typeof result?.ok !== 'boolean') fail('profiles:list answered something that is not a Result', input);
      else if (!result.ok && result.error.code === 'INTERNAL') fail(`profiles:list failed unexpectedly (INTERNAL: ${clip(result.error.detail ?? '', 120)})`, input);
      const leaked = secretsIn(result, Object.values(secrets));
      if (leaked.length > 0) fail(`profiles:list echoed a secret (${[...new Set(leaked.map(kindOf))].join('; ')})`, `${leaked.join('; ')}; ${input}`);
      const blocked = await confirmedBlock(first.blockedMs, async () => (await list()).blockedMs);
      if (blocked !== undefined) fail(`profiles:list blocked the event loop for over ${MAX_BLOCK_MS} ms`, `${Math.round(blocked)} ms; ${input}`);
      await rm(configFile, { force: true });
      await rm(credentialsFile, { force: true });
    });
    expect(outcome.ran).toBeGreaterThan(0);
    expect(outcome.report).toBe('');
  });
});
