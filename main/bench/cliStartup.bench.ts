// `rolecall sign` with static keys against `node -e 0`: the whole process, start-up included (wall time), of the bin
// as `npm run build:main` bundles it (the launcher, its sign bundle and the whole CLI). The untimed first run fills
// the code cache (in the bench's own HOME), as any run after the first finds it. Runs alternate (bin, node, bin,
// node ...) and the ratio is taken pair by pair, so a machine whose speed drifts moves both sides of a pair; the
// median of the pairs is printed.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { cliBundles } from '../cli/bundleOptions';
import type { BenchRow } from './benchRow';
import { repoRoot } from './repoRoot';

const PAIRS = 15;
const GOAL = 1.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.slice(0, 2).join(' ')} failed: ${run.stderr?.toString() ?? run.status}`);
  return ms;
}

export async function runCliStartupBench(): Promise<BenchRow[]> {
  const root = repoRoot();
  // Under node_modules/.cache: the bin loads its external packages from the project's node_modules.
  const cache = path.join(root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(path.join(cache, 'rolecall-bench-cli-'));
  try {
    const bin = path.join(dir, 'rolecall.cjs');
    await Promise.all(cliBundles(root, dir).map((options) => build({ ...options, logLevel: 'error' })));
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    };
    const sign = [bin, 'sign', 'https://example.amazonaws.com/', '--region', 'us-east-1', '--service', 'execute-api'];
    const bare = ['-e', '0'];
    timed(sign, env);
    timed(bare, env);
    const ratios: number[] = [];
    for (let i = 0; i < PAIRS; i++) ratios.push(timed(sign, env) / timed(bare, env));
    const ratio = median(ratios);
    return [{ name: 'rolecall sign (static keys) / node -e 0, whole process', value: ratio, unit: 'x', goal: `<= ${GOAL}x`, pass: ratio <= GOAL }];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
