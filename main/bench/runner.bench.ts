// What the collection runner costs over sending the same requests with the engine alone: 1,000 signed requests
// (10 requests × 100 iterations) to a loopback server, against 1,000 engine.send calls with the same resolved
// inputs; and, for reference, the same run with a status and a JSON check on each request (and one capture). After a
// warm-up, engine and runner rounds run in pairs, in turn first; the figure is the median over pairs of runner time /
// engine time, so a machine that gets busier or quieter between pairs weighs on both sides of each ratio alike. Process CPU time is shown beside it for reference (less sensitive to other processes).
import { performance } from 'node:perf_hooks';
import { effectiveRequest } from '../../src/effectiveRequest';
import { collectionSchema, environmentSchema } from '../../src/models/workspace';
import { planRun } from '../../src/runner/plan';
import { DEFAULT_RUN_SETTINGS } from '../../src/runner/types';
import { createEngine } from '../engine';
import { parseSendInput } from '../engineInput';
import { runnerEngine, runnerEvaluate } from '../services/runner/runnerHooks';
import { runPlan } from '../services/runner/runPlan';
import { closeIdleConnections, defaultSpoolDir } from '../services/transport';
import { startEchoServer } from '../testing/echoServer';
import type { BenchRow } from './benchRow';

const REQUESTS = 10;
const ITERATIONS = 100;
const ROUNDS = 8;
const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

export async function runRunnerBench(): Promise<BenchRow[]> {
  const body = JSON.stringify({ id: 'o-1', items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item-${i}` })) });
  const server = await startEchoServer(() => ({ status: 200, headers: [['Content-Type', 'application/json']], body }));
  const checked = collectionSchema.parse({
    id: 'bench',
    name: 'Bench',
    auth: { type: 'env' },
    items: Array.from({ length: REQUESTS }, (_, i) => ({
      kind: 'request',
      id: `r${i}`,
      name: `item ${i}`,
      method: 'GET',
      url: `{{baseUrl}}/prod/items/${i}?last={{lastId}}`,
      signing: { region: 'us-east-1', service: 'execute-api' },
      checks: [
        { kind: 'status', id: 's', expect: '2xx' },
        { kind: 'json', id: 'j', path: '$.items[3].name', compare: { op: 'equals', value: 'item-3' } },
      ],
      captures: i === 0 ? [{ id: 'k', variable: 'lastId', from: 'json', path: '$.id' }] : [],
    })),
  });
  // The same requests without checks or captures: what the runner itself adds, apart from evaluating checks.
  const bare = { ...checked, items: checked.items.map((item) => (item.kind === 'request' ? { ...item, checks: [], captures: [] } : item)) };
  const environment = environmentSchema.parse({ id: 'e', name: 'bench', variables: [{ id: 'b', key: 'baseUrl', value: server.url }, { id: 'l', key: 'lastId', value: 'o-1' }] });
  const engine = createEngine({ env: KEYS, mfa: async () => '000000' });
  const plan = planRun([bare]);
  const checkedPlan = planRun([checked]);
  const inputs = plan.map((step) => parseSendInput(effectiveRequest({ doc: step.doc, folders: step.folders, collection: bare, environment }).sign));
  const hooks = { engine: runnerEngine(engine), evaluate: runnerEvaluate(defaultSpoolDir()) };
  const settings = { ...DEFAULT_RUN_SETTINGS, iterations: ITERATIONS };

  const engineRound = async () => {
    for (let n = 0; n < ITERATIONS; n++) for (const input of inputs) await engine.send(input);
  };
  const runRound = (steps: typeof plan) => async () => {
    const report = await runPlan({ plan: steps, environment, settings }, hooks);
    if (!report.passed) throw new Error(`the bench run failed: ${JSON.stringify(report.results.find((r) => !r.passed))}`);
  };
  const runnerRound = runRound(plan);
  const checkedRound = runRound(checkedPlan);
  try {
    await engineRound();
    await runnerRound();
    await checkedRound();
    const engineTimes: number[] = [];
    const runnerTimes: number[] = [];
    const checkedTimes: number[] = [];
    const engineCpu: number[] = [];
    const runnerCpu: number[] = [];
    const timed = async (fn: () => Promise<void>, times: number[], cpu: number[]) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
    };
    for (let i = 0; i < ROUNDS; i++) {
      // Engine and runner back to back, in turn first (ABBA), so neither always gets the warmer connection pool or
      // the other's garbage; the checked run follows each pair, so it too comes before each of them equally often.
      if (i % 2 === 0) {
        await timed(engineRound, engineTimes, engineCpu);
        await timed(runnerRound, runnerTimes, runnerCpu);
      } else {
        await timed(runnerRound, runnerTimes, runnerCpu);
        await timed(engineRound, engineTimes, engineCpu);
      }
      await timed(checkedRound, checkedTimes, []);
    }
    const total = REQUESTS * ITERATIONS;
    const engineMs = median(engineTimes);
    const runnerMs = median(runnerTimes);
    const checkedMs = median(checkedTimes);
    const ratio = median(runnerTimes.map((t, i) => t / engineTimes[i]!));
    const cpuRatio = median(runnerCpu.map((t, i) => t / engineCpu[i]!));
    return [
      { name: `engine alone, ${total} signed requests (median round)`, value: total / (engineMs / 1000), unit: 'req/s', goal: 'baseline', pass: true },
      { name: `runner, the same ${total} requests (median round)`, value: total / (runnerMs / 1000), unit: 'req/s', goal: 'reference', pass: true },
      { name: 'runner overhead per request', value: (median(runnerTimes.map((t, i) => t - engineTimes[i]!)) / total) * 1000, unit: 'µs', goal: 'reference', pass: true },
      { name: 'runner / engine alone, time for the same requests', value: ratio, unit: 'x', goal: '<= 1.10', pass: ratio <= 1.1 },
      { name: 'runner / engine alone, process CPU time', value: cpuRatio, unit: 'x', goal: 'reference', pass: true },
      { name: 'runner with 2 checks + 1 capture per request, per request', value: ((checkedMs - engineMs) / total) * 1000, unit: 'µs', goal: 'reference', pass: true },
    ];
  } finally {
    closeIdleConnections();
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
