// Signing speed: a 10 MB body against Node's bare SHA-256 of the same bytes (the floor any signer must pay), and
// the time to sign a small request. Medians of several timed runs after a warm-up; iteration counts are fixed.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { signRequest, type SignParams } from '../services/signer';
import type { BenchRow } from './benchRow';

const RUNS = 7;
const BIG_BYTES = 10 * 1024 * 1024;
const SMALL_WARMUP = 2000;
const SMALL_ITERATIONS = 5000;
/** Issue 12's goal; the floor (Node's HMACs and hashes alone) is ~6–18 µs. */
const SMALL_GOAL_MICROS = 15;

const CREDENTIALS = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEOr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ'.repeat(8),
};

function params(body: Uint8Array): SignParams {
  return {
    request: {
      method: 'POST',
      url: 'https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com/stag/hoge?page=2&sort=asc',
      headers: [
        ['Content-Type', 'application/json'],
        ['Accept', 'application/json'],
      ],
      body,
    },
    credentials: CREDENTIALS,
    signing: { payload: 'signed', mode: 'header', expiresIn: 900 },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function runSigningBench(): Promise<BenchRow[]> {
  const big = new Uint8Array(BIG_BYTES);
  for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 8)) & 0xff;
  const bigParams = params(big);

  const hashTimes: number[] = [];
  const signTimes: number[] = [];
  await signRequest(bigParams);
  createHash('sha256').update(big).digest();
  for (let i = 0; i < RUNS; i++) {
    hashTimes.push(await timed(() => createHash('sha256').update(big).digest()));
    signTimes.push(await timed(() => signRequest(bigParams)));
  }
  const ratio = median(signTimes) / median(hashTimes);

  const small = params(new TextEncoder().encode('{"name":"rolecall","count":1}'));
  for (let i = 0; i < SMALL_WARMUP; i++) await signRequest(small);
  const perRequest: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const ms = await timed(async () => {
      for (let i = 0; i < SMALL_ITERATIONS; i++) await signRequest(small);
    });
    perRequest.push((ms * 1000) / SMALL_ITERATIONS);
  }
  const micros = median(perRequest);

  return [
    { name: 'sign 10 MB body / bare SHA-256 of it', value: ratio, unit: 'x', goal: '<= 1.2', pass: ratio <= 1.2 },
    { name: 'sign a small request (header mode, session token)', value: micros, unit: 'µs', goal: `<= ${SMALL_GOAL_MICROS}`, pass: micros <= SMALL_GOAL_MICROS },
  ];
}
