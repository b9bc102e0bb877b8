// A run's own cookie jar on the wire, with the real engine against a loopback API: no Cookie header goes out before
// one of the run's responses set a cookie (the jar is skipped while empty), and from the response that sets one on,
// every later request of the run carries it, in later iterations too. A new run starts with an empty jar again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planRun } from '../../../src/runner/plan';
import { DEFAULT_RUN_SETTINGS } from '../../../src/runner/types';
import { createEngine } from '../../engine';
import { SESSION_COOKIE, sessionCollection, startSessionApi, type SessionApi } from '../../testing/sessionApi';
import { closeIdleConnections, defaultSpoolDir } from '../transport';
import { runnerEngine, runnerEvaluate } from './runnerHooks';
import { runPlan } from './runPlan';

let api: SessionApi;
beforeAll(async () => {
  api = await startSessionApi();
});
afterAll(async () => {
  closeIdleConnections();
  await api.stop();
});

const hooks = { engine: runnerEngine(createEngine({ env: {}, mfa: async () => '000000' })), evaluate: runnerEvaluate(defaultSpoolDir()) };

function run(steps: Array<'login' | 'me' | 'other'>, iterations = 1) {
  api.seen.length = 0;
  return runPlan({ plan: planRun([sessionCollection(api.url, steps)]), settings: { ...DEFAULT_RUN_SETTINGS, iterations } }, hooks);
}

describe("a run's own cookie jar", () => {
  it('sends no Cookie header while no response of the run has set a cookie', async () => {
    const report = await run(['other', 'me', 'other'], 2);
    expect(report.results.map((r) => r.status)).toEqual([200, 401, 200, 200, 401, 200]);
    expect(api.seen.map((s) => s.cookie)).toEqual(Array(6).fill(undefined));
  });

  it('sends the cookie a later response set to every request after it, across iterations, and not into the next run', async () => {
    const report = await run(['me', 'other', 'login', 'me', 'other'], 2);
    expect(report.results.map((r) => r.status)).toEqual([401, 200, 200, 200, 200, 200, 200, 200, 200, 200]);
    expect(api.seen.map((s) => `${s.path} ${s.cookie ?? '-'}`)).toEqual([
      '/me -',
      '/other -',
      '/login -',
      `/me ${SESSION_COOKIE}`,
      `/other ${SESSION_COOKIE}`,
      `/me ${SESSION_COOKIE}`,
      `/other ${SESSION_COOKIE}`,
      `/login ${SESSION_COOKIE}`,
      `/me ${SESSION_COOKIE}`,
      `/other ${SESSION_COOKIE}`,
    ]);

    const next = await run(['me']);
    expect(next.results.map((r) => r.status)).toEqual([401]);
    expect(api.seen.map((s) => s.cookie)).toEqual([undefined]);
  });
});
