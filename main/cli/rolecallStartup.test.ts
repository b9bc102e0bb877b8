// The bin as it ships keeps the AWS SDK out of a static-key sign (main/cli/bundleOptions.ts): the SDK is loaded
// from node_modules only when a command needs it. A preload lists, at exit, what the process loaded from there.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from '../testing/cliRunner';

let bin = '';
let preload = '';

beforeAll(async () => {
  ({ bin } = await buildCli('rolecall-startup-'));
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-startup-preload-'));
  preload = join(dir, 'loaded.cjs');
  await writeFile(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_OUT, Object.keys(require.cache).filter((f) => f.includes('node_modules')).join('\\n')));\n`,
  );
}, 60_000);

async function loadedBy(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; loaded: string[] }> {
  const out = join(await mkdtemp(join(tmpdir(), 'rolecall-startup-out-')), 'loaded.txt');
  const run = await runCli(bin, args, { env: { ...env, NODE_OPTIONS: `--require ${preload}`, LOADED_OUT: out } });
  return { code: run.code, stdout: run.stdout, loaded: (await readFile(out, 'utf8')).split('\n').filter(Boolean) };
}

describe('rolecall start-up', () => {
  it('signs with static keys without loading the AWS SDK, and loads it for a profile', async () => {
    const keys = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
    const args = ['sign', 'https://example.amazonaws.com/', '--region', 'us-east-1', '--service', 'execute-api', '--date', '2015-08-30T12:36:00Z'];
    const sign = await loadedBy(args, keys);
    expect(sign.code).toBe(0);
    expect(sign.stdout).toMatch(/Signature=[0-9a-f]{64}/);
    expect(sign.loaded.filter((f) => /[\\/]@aws-sdk[\\/]/.test(f))).toEqual([]);

    // A profile goes through the SDK's fromIni: the same bin loads it then, from node_modules.
    const dir = await mkdtemp(join(tmpdir(), 'rolecall-startup-aws-'));
    await writeFile(join(dir, 'config'), '[profile p]\nregion = us-east-1\n');
    await writeFile(join(dir, 'credentials'), `[p]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${keys.AWS_SECRET_ACCESS_KEY}\n`);
    const profile = await loadedBy([...args, '--profile', 'p'], { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
    expect(profile.code).toBe(0);
    expect(profile.stdout).toBe(sign.stdout);
    expect(profile.loaded.some((f) => /[\\/]@aws-sdk[\\/]credential-provider-ini[\\/]/.test(f))).toBe(true);
  });
});
