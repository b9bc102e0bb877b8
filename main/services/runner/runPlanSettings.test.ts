// A request's own settings (timeout, follow redirects) in a run, against a loopback server with the real engine:
// the app's single send honours them, so a run must too; the run's timeout is only the default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionSchema } from '../../../src/models/workspace';
import { planRun } from '../../../src/runner/plan';
import { DEFAULT_RUN_SETTINGS } from '../../../src/runner/types';
import { createEngine } from '../../engine';
import { startEchoServer, type EchoServer } from '../../testing/echoServer';
import { closeIdleConnections, defaultSpoolDir } from '../transport';
import { runnerEngine, runnerEvaluate } from './runnerHooks';
import { runPlan } from './runPlan';

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

let server: EchoServer;
beforeAll(async () => {
  server = await startEchoServer((request) => {
    if (request.url.startsWith('/moved')) return { status: 302, headers: [['Location', '/there']], body: '' };
    if (request.url.startsWith('/slow')) return { status: 200, delayMs: 1500, body: 'late' };
    return { status: 200, body: 'here' };
  });
});
afterAll(async () => {
  closeIdleConnections();
  await server.stop();
});

function run(items: Array<Record<string, unknown>>, timeoutMs = DEFAULT_RUN_SETTINGS.timeoutMs) {
  const collection = collectionSchema.parse({
    id: 'c',
    name: 'C',
    auth: { type: 'env' },
    items: items.map((extra, i) => ({ kind: 'request', id: `r${i}`, name: `r${i}`, method: 'GET', signing: { region: 'us-east-1', service: 'execute-api' }, ...extra })),
  });
  const engine = createEngine({ env: KEYS, mfa: async () => '000000' });
  return runPlan({ plan: planRun([collection]), settings: { ...DEFAULT_RUN_SETTINGS, timeoutMs } }, { engine: runnerEngine(engine), evaluate: runnerEvaluate(defaultSpoolDir()) });
}

describe('a request\'s own settings in a run', () => {
  it('follows a redirect only when the request says so', async () => {
    const report = await run([
      { url: `${server.url}/moved` },
      { url: `${server.url}/moved`, settings: { followRedirects: true } },
      { url: `${server.url}/moved`, settings: { followRedirects: false } },
    ]);
    expect(report.results.map((r) => r.status)).toEqual([302, 200, 302]);
  });

  it("uses the request's timeout over the run's, and the run's when the request has none", async () => {
    const report = await run(
      [
        { url: `${server.url}/slow`, settings: { timeoutMs: 300 } },
        { url: `${server.url}/slow` },
        { url: `${server.url}/slow`, settings: { timeoutMs: 5000 } },
      ],
      400,
    );
    expect(report.results.map((r) => r.error?.code ?? r.status)).toEqual(['TIMEOUT', 'TIMEOUT', 200]);
  });
});
