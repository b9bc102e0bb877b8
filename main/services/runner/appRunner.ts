// The app's runner: runs started from the window (runner:start), each in the background on the app's own engine,
// with the app's MFA broker (a role asks once; the credentials cache serves the rest of the run). Progress goes
// out as events; the last few runs are kept for runner:result, runner:detail and runner:export. What leaves here
// is masked: reports hold resolved URLs with secret variables masked, and details pass the caller's mask.
import { randomUUID } from 'node:crypto';
import { appError } from '../../../src/errors';
import type { Collection, Environment } from '../../../src/models/workspace';
import { PlanError, planRun } from '../../../src/runner/plan';
import { renderReport, REPORT_FILE_NAMES, type ReportFormat } from '../../../src/runner/reporters/renderReport';
import type { RunnerDetail, RunnerExport, RunnerFinished, RunnerProgress, RunnerResultView, RunnerStarted } from '../../../src/runner/runnerContract';
import type { RequestResult, RunReport } from '../../../src/runner/types';
import type { SendResult } from '../../../src/models/http';
import type { Secret } from '../../engine';
import { runPlan, type Evaluate, type RunnerEngine } from './runPlan';

/** Runs kept after they end (their results and the masked sends behind them). */
export const KEPT_RUNS = 3;

export interface AppRunnerOptions {
  engine: RunnerEngine;
  evaluate: Evaluate;
  collection(id: string): Collection | undefined | Promise<Collection | undefined>;
  environment(id: string): Environment | undefined | Promise<Environment | undefined>;
  progress(event: RunnerProgress): void;
  finished(event: RunnerFinished): void;
  /** Masks a send's secrets before it is kept (app.ts's mask). */
  mask(result: SendResult, secrets: Secret[]): SendResult;
}

export interface StartInput {
  collectionId: string;
  itemIds: string[];
  environmentId?: string;
  iterations: number;
  delayMs: number;
  bail: boolean;
  timeoutMs: number;
  allowPlainHttp: boolean;
}

interface Run {
  id: string;
  controller: AbortController;
  total: number;
  results: RequestResult[];
  sends: Array<SendResult | undefined>;
  report?: RunReport;
  done: Promise<void>;
}

export function createAppRunner(o: AppRunnerOptions) {
  const runs = new Map<string, Run>();

  const forgetOld = () => {
    const ended = [...runs.values()].filter((r) => r.report);
    for (const run of ended.slice(0, Math.max(0, ended.length - KEPT_RUNS))) runs.delete(run.id);
  };

  const get = (runId: string): Run => {
    const run = runs.get(runId);
    if (!run) throw appError('INVALID_INPUT', 'That run is no longer kept: only the last few runs are.', runId);
    return run;
  };

  return {
    async start(input: StartInput): Promise<RunnerStarted> {
      const collection = await o.collection(input.collectionId);
      if (!collection) throw appError('INVALID_INPUT', 'That collection no longer exists.', input.collectionId);
      const environment = input.environmentId ? await o.environment(input.environmentId) : undefined;
      if (input.environmentId && !environment) throw appError('INVALID_INPUT', 'That environment no longer exists.', input.environmentId);
      let plan;
      try {
        plan = planRun([collection], { itemIds: input.itemIds });
      } catch (err) {
        throw appError('INVALID_INPUT', err instanceof PlanError ? 'Some of the chosen folders or requests are no longer in the collection.' : String(err));
      }
      if (plan.length === 0) throw appError('INVALID_INPUT', `"${collection.name}" has no requests to run.`);
      const id = randomUUID();
      const total = plan.length * input.iterations;
      const run: Run = { id, controller: new AbortController(), total, results: [], sends: [], done: Promise.resolve() };
      runs.set(id, run);
      run.done = runPlan(
        {
          plan,
          ...(environment ? { environment } : {}),
          settings: { iterations: input.iterations, delayMs: input.delayMs, bail: input.bail, timeoutMs: input.timeoutMs },
          allowPlainHttp: input.allowPlainHttp,
          signal: run.controller.signal,
          runId: id.slice(0, 8),
        },
        {
          engine: o.engine,
          evaluate: o.evaluate,
          onResult: (result, sent) => {
            const position = run.results.length;
            run.results.push(result);
            run.sends.push(sent ? o.mask(sent.result, sent.secrets) : undefined);
            o.progress({ runId: id, position, result, done: run.results.length, total });
          },
        },
      ).then(
        (report) => {
          run.report = report;
          o.finished({ runId: id, report });
          forgetOld();
        },
        () => {
          // runPlan turns every request's failure into a result; reaching here is a bug, reported as an ended run.
          run.report = {
            collections: [collection.name],
            startedAt: new Date().toISOString(),
            finishedAt: new Date().toISOString(),
            durationMs: 0,
            settings: { iterations: input.iterations, delayMs: input.delayMs, bail: input.bail, timeoutMs: input.timeoutMs },
            planned: plan.length,
            results: run.results,
            totals: { requests: run.results.length, failedRequests: run.results.length, errors: run.results.length, checks: 0, failedChecks: 0 },
            bailed: false,
            cancelled: true,
            passed: false,
          };
          o.finished({ runId: id, report: run.report });
        },
      );
      return { runId: id, planned: plan.length, total };
    },

    cancel(runId: string): boolean {
      const run = runs.get(runId);
      if (!run || run.report) return false;
      run.controller.abort();
      return true;
    },

    result(runId: string): RunnerResultView {
      const run = get(runId);
      const state = !run.report ? 'running' : run.report.cancelled ? 'cancelled' : 'finished';
      return { runId, state, done: run.results.length, total: run.total, results: run.results, ...(run.report ? { report: run.report } : {}) };
    },

    detail(runId: string, position: number): RunnerDetail {
      const run = get(runId);
      if (position >= run.results.length) throw appError('INVALID_INPUT', 'That request has not run yet.', String(position));
      const sent = run.sends[position];
      return sent ? { kind: 'sent', result: sent } : { kind: 'none', reason: run.results[position]!.error?.message ?? 'Nothing came back.' };
    },

    export(runId: string, format: ReportFormat): RunnerExport {
      const run = get(runId);
      if (!run.report) throw appError('INVALID_INPUT', 'The run has not ended yet: export it when it has.');
      return { fileName: REPORT_FILE_NAMES[format], text: renderReport(format, run.report) };
    },

    /** Cancels every run and waits for them (app dispose). */
    async dispose(): Promise<void> {
      for (const run of runs.values()) run.controller.abort();
      await Promise.allSettled([...runs.values()].map((r) => r.done));
    },
  };
}

export type AppRunner = ReturnType<typeof createAppRunner>;
