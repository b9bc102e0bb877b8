// What a collection run is and what it produced: the plan it follows, one result per request per iteration, and the
// totals the reporters and the exit code are read from. Shared by the app's runner, `rolecall run` and the
// reporters, so the CLI's JUnit file and the app's results view come from the same values.
import type { CaptureResult, CheckResult } from '../models/checks';

export interface RunSettings {
  /** How many times the whole plan runs (1 or more). */
  iterations: number;
  /** Pause between two requests, in ms. */
  delayMs: number;
  /** Stop at the first request that fails (a failed check, or nothing came back). */
  bail: boolean;
  /** Each request's own timeout, in ms (credentials, body and network together, as a send). */
  timeoutMs: number;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = { iterations: 1, delayMs: 0, bail: false, timeoutMs: 30_000 };

/** The identity a request was signed as: the STS ARN and account when known, else what the credential chain says. */
export interface RunIdentity {
  arn?: string;
  account?: string;
  /** The last hop of the chain: a role ARN, a profile name, "environment"; "none" for an unsigned request. */
  label: string;
  /** Why the ARN is not known, when STS was asked and could not say. */
  problem?: string;
}

export interface RequestResult {
  /** 1-based. */
  iteration: number;
  /** The request's place in the plan, 0-based. */
  index: number;
  collectionId: string;
  collection: string;
  requestId: string;
  name: string;
  /** The folders from the collection down to the request (names). */
  path: string[];
  method: string;
  /** The resolved URL, secret variables masked. */
  url: string;
  status?: number;
  statusText?: string;
  durationMs?: number;
  /** Response body bytes. */
  size?: number;
  identity?: RunIdentity;
  checks: CheckResult[];
  captures: CaptureResult[];
  /** Set when nothing came back (credentials, network, timeout, an undefined variable). */
  error?: { code: string; message: string };
  /** No error and every check passed. */
  passed: boolean;
}

export interface RunTotals {
  requests: number;
  failedRequests: number;
  /** Requests that got no response. */
  errors: number;
  checks: number;
  failedChecks: number;
}

export interface RunReport {
  collections: string[];
  environment?: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  settings: RunSettings;
  /** How many requests each iteration plans. */
  planned: number;
  results: RequestResult[];
  totals: RunTotals;
  /** Stopped early by --bail / "stop on first failure". */
  bailed: boolean;
  cancelled: boolean;
  passed: boolean;
}

/** One step of a plan: a request with the folders around it, ready for effectiveRequest. */
export interface PlanStep {
  collectionId: string;
  collection: string;
  requestId: string;
  name: string;
  path: string[];
}
