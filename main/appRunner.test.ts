// The runner channels through the registry, as the window calls them: runner:start on a saved collection and
// environment, runner:progress per request and runner:finished at the end, runner:result, runner:detail (the full
// send, masked), runner:export (JUnit text), runner:cancel; against the SigV4-verifying loopback API.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_KEYS } from '../e2e/harness/sigv4Verifier';
import type { EventName } from '../src/contract';
import type { Result } from '../src/errors';
import type { RunnerDetail, RunnerExport, RunnerFinished, RunnerProgress, RunnerResultView, RunnerStarted } from '../src/runner/runnerContract';
import type { App } from './app';
import type { CookieList } from '../src/models/cookies';
import { startOrdersApi, type OrdersApi } from './testing/ordersApi';
import { sessionCollection, startSessionApi } from './testing/sessionApi';
import { ordersCollection, stagEnvironment } from './testing/runnerFixture';
import { openTestApp } from './testing/testApp';

const KEYS = { AWS_ACCESS_KEY_ID: EXAMPLE_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: EXAMPLE_KEYS.secretAccessKey };

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('the runner channels', () => {
  let api: OrdersApi;
  let dir = '';
  let app: App;
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const waiters: Array<() => void> = [];

  /** Resolves when runner:finished arrives for the run (bounded: the test's own timeout stops a hang). */
  const finished = (runId: string) =>
    new Promise<RunnerFinished>((resolve) => {
      const check = () => {
        const found = events.find((e) => e.event === 'runner:finished' && (e.payload as RunnerFinished).runId === runId);
        if (found) resolve(found.payload as RunnerFinished);
        else waiters.push(check);
      };
      check();
    });

  beforeAll(async () => {
    api = await startOrdersApi(EXAMPLE_KEYS);
    dir = await mkdtemp(join(tmpdir(), 'rolecall-app-runner-'));
    app = openTestApp(dir, {
      env: KEYS,
      emit: (event, payload) => {
        events.push({ event, payload });
        for (const waiter of waiters.splice(0)) waiter();
      },
    });
    value(await app.registry.invoke('collections:save', { collection: ordersCollection() }));
    value(await app.registry.invoke('environments:save', { environments: [stagEnvironment(api.url)] }));
  });

  afterAll(async () => {
    await app?.dispose();
    await api?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs a collection in the background: progress per request, a finished report, details and exports', async () => {
    const started = value<RunnerStarted>(await app.registry.invoke('runner:start', { collectionId: 'orders-api', environmentId: 'env-stag' }));
    expect(started).toMatchObject({ planned: 3, total: 3 });
    const { report } = await finished(started.runId);
    expect(report.passed).toBe(true);
    expect(report.totals).toMatchObject({ requests: 3, failedRequests: 0, checks: 6, failedChecks: 0 });

    const progress = events.filter((e) => e.event === 'runner:progress').map((e) => e.payload as RunnerProgress).filter((p) => p.runId === started.runId);
    expect(progress.map((p) => [p.position, p.done, p.total, p.result.name])).toEqual([
      [0, 1, 3, 'create order'],
      [1, 2, 3, 'get order'],
      [2, 3, 3, 'delete order'],
    ]);
    expect(progress[0]!.result.identity?.label).toBe('environment');

    const view = value<RunnerResultView>(await app.registry.invoke('runner:result', { runId: started.runId }));
    expect(view).toMatchObject({ state: 'finished', done: 3, total: 3 });

    const detail = value<RunnerDetail>(await app.registry.invoke('runner:detail', { runId: started.runId, position: 1 }));
    if (detail.kind !== 'sent') throw new Error('expected a sent request');
    expect(detail.result.response.status).toBe(200);
    expect(detail.result.sent.request.url).toMatch(/\/orders\/o-\d+$/);
    expect(JSON.stringify(detail)).not.toContain(EXAMPLE_KEYS.secretAccessKey);

    const junit = value<RunnerExport>(await app.registry.invoke('runner:export', { runId: started.runId, format: 'junit' }));
    expect(junit.fileName).toBe('rolecall-run.xml');
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['testsuite', 'testcase'].includes(n) }).parse(junit.text, true);
    expect(doc.testsuites['@_tests']).toBe('3');
    expect(doc.testsuites.testsuite[0].testcase).toHaveLength(3);
    const html = value<RunnerExport>(await app.registry.invoke('runner:export', { runId: started.runId, format: 'html' }));
    expect(html.text).not.toMatch(/<script/i);
  });

  it('runs only the chosen folder or request, and refuses ids the collection does not hold', async () => {
    const { runId } = value<RunnerStarted>(await app.registry.invoke('runner:start', { collectionId: 'orders-api', environmentId: 'env-stag', itemIds: ['f-orders'] }));
    expect((await finished(runId)).report.results).toHaveLength(3);
    const wrong = await app.registry.invoke('runner:start', { collectionId: 'orders-api', itemIds: ['no-such-item'] });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('INVALID_INPUT');
    const bad = await app.registry.invoke('runner:start', { collectionId: 'orders-api', iterations: 0 });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');
    const unknown = await app.registry.invoke('runner:result', { runId: 'never-started' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('INVALID_INPUT');
  });

  it("sends the cookies a run's own responses set to its later requests, and leaves the workspace jar alone", async () => {
    const session = await startSessionApi();
    try {
      value(await app.registry.invoke('collections:save', { collection: sessionCollection(session.url) }));
      const { runId } = value<RunnerStarted>(await app.registry.invoke('runner:start', { collectionId: 'session-api', iterations: 2 }));
      const { report } = await finished(runId);
      expect(report.results.map((r) => [r.name, r.status])).toEqual([
        ['login', 200],
        ['me', 200],
        ['login', 200],
        ['me', 200],
      ]);
      expect(report.passed).toBe(true);
      expect(value<CookieList>(await app.registry.invoke('cookies:list', {})).cookies).toEqual([]);
    } finally {
      await session.stop();
    }
  });

  it('cancels a run between requests and reports it cancelled', async () => {
    const { runId, total } = value<RunnerStarted>(
      await app.registry.invoke('runner:start', { collectionId: 'orders-api', environmentId: 'env-stag', iterations: 3, delayMs: 60_000 }),
    );
    expect(total).toBe(9);
    // The first request goes at once; the delay before the second is where the cancel lands.
    await new Promise<void>((resolve) => {
      const check = () => (events.some((e) => e.event === 'runner:progress' && (e.payload as RunnerProgress).runId === runId) ? resolve() : waiters.push(check));
      check();
    });
    expect(value<{ cancelled: boolean }>(await app.registry.invoke('runner:cancel', { runId })).cancelled).toBe(true);
    const { report } = await finished(runId);
    expect(report.cancelled).toBe(true);
    expect(report.results).toHaveLength(1);
    expect(value<RunnerResultView>(await app.registry.invoke('runner:result', { runId })).state).toBe('cancelled');
    const exported = value<RunnerExport>(await app.registry.invoke('runner:export', { runId, format: 'json' }));
    expect(JSON.parse(exported.text).cancelled).toBe(true);
  });
});
