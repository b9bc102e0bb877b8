// The app runner's channel payloads (runner:start and its events), kept beside the runner's model so the contract
// file only names them.
import { z } from 'zod';
import type { SendResult } from '../models/http';
import { REPORT_FORMATS } from './reporters/renderReport';
import type { RequestResult, RunReport } from './types';

const id = z.string().min(1).max(64);

export const runnerStartSchema = z
  .object({
    collectionId: id,
    /** Folders or requests of that collection to run (each folder with everything below it); absent or empty: all. */
    itemIds: z.array(id).max(10000).default([]),
    /** The environment to resolve variables with; absent: none. */
    environmentId: id.optional(),
    iterations: z.number().int().min(1).max(1000).default(1),
    delayMs: z.number().int().min(0).max(600_000).default(0),
    /** Stop at the first request that fails. */
    bail: z.boolean().default(false),
    timeoutMs: z.number().int().min(100).max(15 * 60 * 1000).default(30_000),
    /** Signed requests over plain http to hosts other than this machine (the window asked the user first). */
    allowPlainHttp: z.boolean().default(false),
  })
  .strict();

export const runnerRunIdSchema = z.object({ runId: id }).strict();
export const runnerExportSchema = z.object({ runId: id, format: z.enum(REPORT_FORMATS) }).strict();
/** One result of a run by its place in the run's results (the `position` of runner:progress). */
export const runnerDetailSchema = z.object({ runId: id, position: z.number().int().min(0).max(10_000_000) }).strict();

export type RunState = 'running' | 'finished' | 'cancelled';

export interface RunnerStarted {
  runId: string;
  /** Requests per iteration. */
  planned: number;
  /** planned × iterations: what `done` counts up to when nothing stops the run early. */
  total: number;
}

/** Event: one request of a run finished (pass, fail or no response). */
export interface RunnerProgress {
  runId: string;
  /** This result's place in the run's results, for runner:detail. */
  position: number;
  result: RequestResult;
  done: number;
  total: number;
}

/** Event: a run ended (all sent, stopped at a failure, or cancelled); the report is the one runner:export renders. */
export interface RunnerFinished {
  runId: string;
  report: RunReport;
}

export interface RunnerResultView {
  runId: string;
  state: RunState;
  done: number;
  total: number;
  results: RequestResult[];
  /** Present once the run ended. */
  report?: RunReport;
}

/** The full request and response of one result (secrets masked), or why there is none. */
export type RunnerDetail = { kind: 'sent'; result: SendResult } | { kind: 'none'; reason: string };

export interface RunnerExport {
  fileName: string;
  /** The report's text (JSON, JUnit XML or HTML); the window saves it with response:save. */
  text: string;
}
