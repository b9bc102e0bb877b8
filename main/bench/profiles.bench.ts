// Profiles listing at scale: listing 20,000 profiles against 100 listings of 200 (the same per-profile work if the
// listing is linear; a quadratic listing makes the ratio about 100), each listing parsing both files afresh. Then
// what every sign pays to read the profiles while the files are unchanged, against parsing them. Medians of runs.
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createProfilesService, readAwsProfiles } from '../services/profiles';
import type { BenchRow } from './benchRow';

const RUNS = 5;
const BIG = 20_000;
const SMALL = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Half assume-role profiles in the config file, each on its own static-key profile in the credentials file. */
async function writeProfiles(dir: string, count: number): Promise<Record<string, string>> {
  const config: string[] = [];
  const credentials: string[] = [];
  for (let i = 0; i < count / 2; i++) {
    config.push(`[profile role-${i}]`, `role_arn = arn:aws:iam::111111111111:role/R${i}`, `source_profile = keys-${i}`, 'region = eu-west-1');
    credentials.push(`[keys-${i}]`, `aws_access_key_id = AKIABENCH${String(i).padStart(11, '0')}`, 'aws_secret_access_key = benchSecret');
  }
  await writeFile(join(dir, 'config'), config.join('\n'));
  await writeFile(join(dir, 'credentials'), credentials.join('\n'));
  return { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir };
}

let touches = 0;
/** A new mtime makes the next read parse the files again, as after an edit. */
async function touch(env: Record<string, string>): Promise<void> {
  const when = new Date(Date.UTC(2030, 0, 1) + ++touches * 1000);
  await utimes(env.AWS_CONFIG_FILE!, when, when);
  await utimes(env.AWS_SHARED_CREDENTIALS_FILE!, when, when);
}

async function timedList(env: Record<string, string>, times: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < times; i++) {
    await touch(env);
    const start = performance.now();
    await createProfilesService({ env }).list();
    total += performance.now() - start;
  }
  return total;
}

export async function runProfilesBench(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-bench-profiles-'));
  try {
    const big = await writeProfiles(await mkdtemp(join(dir, 'big-')), BIG);
    const small = await writeProfiles(await mkdtemp(join(dir, 'small-')), SMALL);
    await timedList(big, 1);
    await timedList(small, 20);
    const bigTimes: number[] = [];
    const smallTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      bigTimes.push(await timedList(big, 1));
      smallTimes.push(await timedList(small, BIG / SMALL));
    }
    const scaling = median(bigTimes) / median(smallTimes);

    // What a sign pays: the stat of both files, against the parse an edit costs.
    const parseTimes: number[] = [];
    const cachedTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await touch(big);
      let start = performance.now();
      await readAwsProfiles(big);
      parseTimes.push(performance.now() - start);
      start = performance.now();
      for (let i = 0; i < 100; i++) await readAwsProfiles(big);
      cachedTimes.push((performance.now() - start) / 100);
    }
    const cached = median(cachedTimes) / median(parseTimes);
    return [
      { name: 'profiles listing, 20,000 profiles, vs 100 listings of 200', value: scaling, unit: 'x', goal: '<= 3x (linear)', pass: scaling <= 3 },
      { name: 'profiles read per sign, files unchanged, vs parsing them', value: cached, unit: 'x', goal: '<= 0.01x', pass: cached <= 0.01 },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
