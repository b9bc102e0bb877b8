// Hostile error bodies: parsing 1 MB of repeated "<Error>" (which once took 30 s on main's thread) against
// JSON.parse of a benign 1 MB error document, the least a client pays to read a body that size. Medians of several
// timed runs after a warm-up; the hostile body is the worst of a few shapes.
import { performance } from 'node:perf_hooks';
import { parseAwsError } from '../../src/awsErrorResponse';
import type { BenchRow } from './benchRow';

const RUNS = 9;
const MB = 1024 * 1024;
const HOSTILE = ['<Error>'.repeat(MB / 7), '<Error>' + '<Message>'.repeat(MB / 9) + '</Error>', '{"message":"' + 'a'.repeat(MB)];
const BENIGN = JSON.stringify({
  __type: 'ValidationException',
  message: 'One or more parameter values were invalid',
  details: Array.from({ length: 19_000 }, (_, i) => ({ field: `items.${i}.name`, reason: 'must not be empty' })),
}); // about 1 MB

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export async function runErrorParsingBench(): Promise<BenchRow[]> {
  for (let i = 0; i < 2; i++) {
    JSON.parse(BENIGN);
    for (const body of HOSTILE) parseAwsError(403, [], body);
  }
  const baseline = median(Array.from({ length: RUNS }, () => timed(() => JSON.parse(BENIGN))));
  const hostile = Math.max(...HOSTILE.map((body) => median(Array.from({ length: RUNS }, () => timed(() => parseAwsError(403, [['x-amzn-ErrorType', 'X']], body))))));
  const ratio = hostile / baseline;
  return [
    {
      name: 'parse a 1 MB hostile error body / JSON.parse 1 MB benign',
      value: ratio,
      unit: 'x',
      goal: '<= 1.0x',
      pass: ratio <= 1,
    },
  ];
}
