import { describe, expect, it } from 'vitest';
import type { RunnerProgress } from '../../src/runner/runnerContract';
import type { RequestResult, RunReport } from '../../src/runner/types';
import { isRunning, runCounts, runReducer, STARTING, type RunAction, type RunView } from './runState';
import { identityText, progressText } from './runText';

const result = (index: number, passed: boolean, over: Partial<RequestResult> = {}): RequestResult => ({
  iteration: 1,
  index,
  collectionId: 'c',
  collection: 'Team',
  requestId: `r${index}`,
  name: `req ${index}`,
  path: ['Orders'],
  method: 'GET',
  url: `http://127.0.0.1/${index}`,
  status: passed ? 200 : 500,
  durationMs: 12,
  checks: [{ checkId: 'k', label: 'status is 200', passed, actual: passed ? '200' : '500' }],
  captures: [],
  passed,
  ...over,
});

const progress = (runId: string, position: number, r: RequestResult, total = 3): RunAction => ({
  type: 'progress',
  event: { runId, position, result: r, done: position + 1, total } satisfies RunnerProgress,
});

const report = (results: RequestResult[], over: Partial<RunReport> = {}): RunReport => ({
  collections: ['Team'],
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.000Z',
  durationMs: 1000,
  settings: { iterations: 1, delayMs: 0, bail: false, timeoutMs: 30000 },
  planned: 3,
  results,
  totals: { requests: results.length, failedRequests: results.filter((r) => !r.passed).length, errors: 0, checks: results.length, failedChecks: results.filter((r) => !r.passed).length },
  bailed: false,
  cancelled: false,
  passed: results.every((r) => r.passed),
  ...over,
});

const apply = (actions: RunAction[], from: RunView = STARTING) => actions.reduce(runReducer, from);

describe('the runner view state', () => {
  it('keeps events that arrive before runner:start answers, for that run only', () => {
    const view = apply([progress('run-1', 0, result(0, true)), progress('other', 0, result(9, false)), { type: 'started', started: { runId: 'run-1', planned: 3, total: 3 } }]);
    expect(view.phase).toBe('running');
    expect(view.results.map((r) => r?.name)).toEqual(['req 0']);
    expect(view.early).toEqual([]);
    expect(progressText(view)).toBe('Running: 1 of 3 · 1 passed, 0 failed');
  });

  it('ignores another run’s events and keeps a result seen both as an event and in a snapshot once', () => {
    const started: RunAction = { type: 'started', started: { runId: 'run-1', planned: 3, total: 3 } };
    const view = apply([
      started,
      progress('run-1', 1, result(1, false)),
      progress('run-2', 0, result(7, true)),
      { type: 'snapshot', view: { runId: 'run-1', state: 'running', done: 2, total: 3, results: [result(0, true), result(1, false)] } },
    ]);
    expect(view.results.map((r) => r?.name)).toEqual(['req 0', 'req 1']);
    expect(runCounts(view)).toEqual({ done: 2, passed: 1, failed: 1 });
  });

  it('ends with the report, which fills any result whose event was missed', () => {
    const all = [result(0, true), result(1, false), result(2, true)];
    const view = apply([{ type: 'started', started: { runId: 'run-1', planned: 3, total: 3 } }, progress('run-1', 0, all[0]!), { type: 'finished', event: { runId: 'run-1', report: report(all) } }]);
    expect(view.phase).toBe('finished');
    expect(isRunning(view)).toBe(false);
    expect(view.results).toHaveLength(3);
    expect(progressText(view)).toBe('Finished with failures: 2 passed, 1 failed');
    // Later events of the same run change nothing.
    expect(runReducer(view, progress('run-1', 0, result(0, false)))).toBe(view);
  });

  it('says a run stopped at the first failure or was cancelled', () => {
    const started: RunAction = { type: 'started', started: { runId: 'r', planned: 3, total: 3 } };
    const bailed = apply([started, { type: 'finished', event: { runId: 'r', report: report([result(0, false)], { bailed: true }) } }]);
    expect(progressText(bailed)).toBe('Finished with failures: 0 passed, 1 failed · stopped at the first failure (1 of 3 ran)');
    const cancelling = apply([started, { type: 'cancelling' }]);
    expect(cancelling.phase).toBe('cancelling');
    expect(isRunning(cancelling)).toBe(true);
    const cancelled = runReducer(cancelling, { type: 'finished', event: { runId: 'r', report: report([result(0, true)], { cancelled: true }) } });
    expect(cancelled.phase).toBe('cancelled');
    expect(progressText(cancelled)).toBe('Cancelled after 1 of 3 · 1 passed, 0 failed');
    // Cancel pressed before the id was known: the run stays "cancelling" once started.
    expect(apply([{ type: 'cancelling' }, started]).phase).toBe('cancelling');
  });

  it('a run that did not start keeps the error and is over', () => {
    const view = apply([{ type: 'failed', error: { code: 'INVALID_INPUT', message: '"Team" has no requests to run.' } }]);
    expect(view.phase).toBe('failed');
    expect(isRunning(view)).toBe(false);
    expect(view.error?.message).toContain('no requests');
  });

  it('names the identity by ARN, else by the chain’s last hop and account', () => {
    expect(identityText(result(0, true, { identity: { label: 'deploy', arn: 'arn:aws:sts::111111111111:assumed-role/R/s' } }))).toBe('arn:aws:sts::111111111111:assumed-role/R/s');
    expect(identityText(result(0, true, { identity: { label: 'deploy', account: '111111111111' } }))).toBe('deploy (111111111111)');
    expect(identityText(result(0, true, { identity: { label: 'none' } }))).toBe('none');
    expect(identityText(result(0, true))).toBe('');
  });
});
