// `rolecall sign` runs from a bundle of its own (main/cli/bin.ts, signCommand.ts): it must answer exactly as the
// whole CLI answers (rolecall-main.cjs, run directly here), and must not load or contain what a sign never uses.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBundles } from './bundleOptions';
import { buildCli, runCli } from '../testing/cliRunner';

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const TOKEN = { ...KEYS, AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN0123456789' };
const URL = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?b=2&a=1';
const DATE = ['--date', '2015-08-30T12:36:00Z'];

let dir = '';
let bin = '';
let awsEnv: Record<string, string> = {};
let bodyFile = '';

beforeAll(async () => {
  ({ dir, bin } = await buildCli('rolecall-sign-bundle-'));
  const aws = await mkdtemp(join(tmpdir(), 'rolecall-sign-bundle-aws-'));
  await writeFile(join(aws, 'config'), '[profile p]\nregion = us-east-1\n');
  await writeFile(join(aws, 'credentials'), `[p]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${KEYS.AWS_SECRET_ACCESS_KEY}\n`);
  awsEnv = { AWS_CONFIG_FILE: join(aws, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(aws, 'credentials') };
  bodyFile = join(aws, 'body.bin');
  await writeFile(bodyFile, Buffer.from([0, 1, 2, 255]));
}, 60_000);

const CASES: Array<{ name: string; args: string[]; env: () => Record<string, string> }> = [
  { name: 'static keys', args: ['sign', URL, ...DATE], env: () => KEYS },
  { name: 'a session token, --json', args: ['sign', URL, ...DATE, '--json'], env: () => TOKEN },
  { name: 'headers and a body', args: ['sign', URL, ...DATE, '-X', 'PUT', '-H', 'Content-Type: application/json', '-H', 'X-A: 1', '-H', 'x-a: 2', '-d', '{"a":1}'], env: () => KEYS },
  { name: 'a presigned URL', args: ['sign', URL, ...DATE, '--presign', '60'], env: () => TOKEN },
  { name: 'a profile', args: ['sign', URL, ...DATE, '--profile', 'p'], env: () => awsEnv },
  { name: 'an unknown profile', args: ['sign', URL, '--profile', 'nope'], env: () => awsEnv },
  { name: 'a custom domain without a region', args: ['sign', 'https://api.example.com/x', ...DATE], env: () => KEYS },
  { name: 'a malformed region (schema)', args: ['sign', URL, '--region', 'Not A Region'], env: () => KEYS },
  { name: 'every signing option', args: ['sign', URL, ...DATE, '--region', 'eu-west-1', '--service', 'execute-api', '--unsigned-payload', '--content-sha256', '--json'], env: () => KEYS },
  { name: 'no signing', args: ['sign', URL, '--no-sign', '-H', 'X-A: 1'], env: () => KEYS },
  { name: '400 headers and a non-ASCII body, --json (a large write)', args: ['sign', URL, ...DATE, '--json', '-d', 'Zoë ☃', ...Array.from({ length: 400 }, (_, i) => ['-H', `X-H${i}: ${'v'.repeat(100)}`]).flat()], env: () => KEYS },
  { name: 'a file body (not plain: the whole CLI signs it)', args: ['sign', URL, ...DATE, '--data-file', bodyFile], env: () => KEYS },
  { name: 'a presign past 7 days (schema)', args: ['sign', URL, '--presign', '604801'], env: () => KEYS },
  { name: 'a blank profile name (schema)', args: ['sign', URL, '--profile', '  '], env: () => awsEnv },
  { name: 'no URL', args: ['sign'], env: () => KEYS },
  { name: 'a bad header', args: ['sign', URL, '-H', 'nocolon'], env: () => KEYS },
  { name: 'an unknown option (usage)', args: ['sign', URL, '--bogus'], env: () => KEYS },
  { name: 'help', args: ['sign', '--help'], env: () => KEYS },
];

describe('rolecall sign from its own bundle', () => {
  it.each(CASES)('answers as the whole CLI does: $name', async ({ args, env }) => {
    const viaLauncher = await runCli(bin, args, { env: env() });
    const whole = await runCli(join(dir, 'rolecall-main.cjs'), args, { env: env() });
    expect(viaLauncher).toEqual(whole);
  });

  it('does not load the whole CLI for a plain sign, and does for anything else', async () => {
    const preloadDir = await mkdtemp(join(tmpdir(), 'rolecall-sign-bundle-preload-'));
    const preload = join(preloadDir, 'loaded.cjs');
    await writeFile(preload, `process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_OUT, Object.keys(require.cache).join('\\n')));\n`);
    const loaded = async (args: string[]) => {
      const out = join(preloadDir, `${args.length}.txt`);
      const run = await runCli(bin, args, { env: { ...KEYS, NODE_OPTIONS: `--require ${preload}`, LOADED_OUT: out } });
      return { code: run.code, files: (await readFile(out, 'utf8')).split('\n') };
    };
    const sign = await loaded(['sign', URL, ...DATE]);
    expect(sign.code).toBe(0);
    expect(sign.files.filter((f) => f.endsWith('rolecall-main.cjs'))).toEqual([]);
    const fileBody = await loaded(['sign', URL, ...DATE, '--data-file', bodyFile]);
    expect(fileBody.code).toBe(0);
    expect(fileBody.files.filter((f) => f.endsWith('rolecall-main.cjs'))).toHaveLength(1);
    const version = await loaded(['--version']);
    expect(version.code).toBe(0);
    expect(version.files.filter((f) => f.endsWith('rolecall-main.cjs'))).toHaveLength(1);
  });

  it('leaves the app, stores, formats, runner, checks, zod and the schemas out of the sign bundle', async () => {
    const root = resolve(__dirname, '../..');
    const options = cliBundles(root, await mkdtemp(join(tmpdir(), 'rolecall-sign-bundle-meta-'))).find((o) => String(o.outfile).endsWith('rolecall-sign.cjs'));
    const result = await build({ ...options, write: false, metafile: true, logLevel: 'error' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.endsWith('main/cli/signCommand.ts'))).toBe(true);
    const moved = [/main\/app\.ts$/, /main\/cli\/rolecall\.ts$/, /src\/formats\//, /src\/checks\//, /src\/runner\//, /main\/services\/runner\//, /main\/services\/workspaceStore\.ts$/, /node_modules\/(yaml|re2js|jsonpath-rfc9535|zod)\//, /src\/models\/(http|auth)\.ts$/];
    expect(inputs.filter((f) => moved.some((pattern) => pattern.test(f)))).toEqual([]);
    // Loaded with vm.Script on Node 20, where import() has no loader: the bundle must require instead.
    const text = result.outputFiles[0]!.text.replace(/\/\/.*$/gm, '');
    expect(text).not.toMatch(/[^\w.$]import\(/);
  });
});
