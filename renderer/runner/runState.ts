// What the runner view holds about one run, built from runner:start's answer, the runner:progress and
// runner:finished events and a runner:result snapshot. Events can arrive before runner:start has answered (the run
// starts at once), so those of an unknown run wait until its id is known; a result seen twice (event and snapshot)
// is kept once, by its position.
import type { AppError } from '../../src/errors';
import type { RunnerFinished, RunnerProgress, RunnerResultView, RunnerStarted } from '../../src/runner/runnerContract';
import type { RequestResult, RunReport } from '../../src/runner/types';

export type RunPhase = 'starting' | 'running' | 'cancelling' | 'finished' | 'cancelled' | 'failed';

export interface RunView {
  phase: RunPhase;
  runId?: string;
  total: number;
  /** Results by their position in the run (runner:detail's index); a hole is a result not heard of yet. */
  results: Array<RequestResult | undefined>;
  report?: RunReport;
  /** Why the run did not start. */
  error?: AppError;
  /** Events heard before the run's id was known. */
  early: Array<RunnerProgress | RunnerFinished>;
}

export type RunAction =
  | { type: 'started'; started: RunnerStarted }
  | { type: 'progress'; event: RunnerProgress }
  | { type: 'finished'; event: RunnerFinished }
  | { type: 'snapshot'; view: RunnerResultView }
  | { type: 'cancelling' }
  | { type: 'failed'; error: AppError };

export const STARTING: RunView = { phase: 'starting', total: 0, results: [], early: [] };

const ended = (phase: RunPhase) => phase === 'finished' || phase === 'cancelled' || phase === 'failed';

function place(results: RunView['results'], position: number, result: RequestResult): RunView['results'] {
  const next = results.slice();
  next[position] = result;
  return next;
}

function finish(view: RunView, report: RunReport): RunView {
  // The report holds every result in order: it fills any progress event that was missed.
  const results = report.results.length >= view.results.length ? report.results.slice() : view.results;
  return { ...view, phase: report.cancelled ? 'cancelled' : 'finished', report, results };
}

export function runReducer(view: RunView, action: RunAction): RunView {
  switch (action.type) {
    case 'started': {
      let next: RunView = { ...view, runId: action.started.runId, total: action.started.total, phase: view.phase === 'cancelling' ? 'cancelling' : 'running', early: [] };
      for (const event of view.early) if (event.runId === action.started.runId) next = runReducer(next, 'report' in event ? { type: 'finished', event } : { type: 'progress', event });
      return next;
    }
    case 'progress': {
      const { event } = action;
      if (view.runId === undefined) return view.phase === 'starting' ? { ...view, early: [...view.early, event] } : view;
      if (event.runId !== view.runId || view.report) return view;
      return { ...view, total: event.total, results: place(view.results, event.position, event.result) };
    }
    case 'finished': {
      const { event } = action;
      if (view.runId === undefined) return view.phase === 'starting' ? { ...view, early: [...view.early, event] } : view;
      if (event.runId !== view.runId || view.report) return view;
      return finish(view, event.report);
    }
    case 'snapshot': {
      const { view: snap } = action;
      if (snap.runId !== view.runId || view.report) return view;
      if (snap.report) return finish(view, snap.report);
      let results = view.results;
      snap.results.forEach((result, position) => {
        if (!results[position]) results = place(results, position, result);
      });
      return { ...view, total: snap.total, results };
    }
    case 'cancelling':
      return ended(view.phase) ? view : { ...view, phase: 'cancelling' };
    case 'failed':
      return { ...view, phase: 'failed', error: action.error, early: [] };
  }
}

export interface RunCounts {
  done: number;
  passed: number;
  failed: number;
}

export function runCounts(view: RunView): RunCounts {
  const seen = view.results.filter((r): r is RequestResult => r !== undefined);
  const passed = seen.filter((r) => r.passed).length;
  return { done: seen.length, passed, failed: seen.length - passed };
}

export const isRunning = (view: RunView) => !ended(view.phase);
