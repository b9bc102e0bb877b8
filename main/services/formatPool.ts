// Runs body formatting and AWS error parsing on one worker thread, so a hostile response never holds up the
// thread that answers IPC. One worker, started on first use, one job at a time in order. A job over its time limit
// has the worker terminated (the next job starts a new one) and gets a "took too long" answer instead of a hang.
// The worker is unref'd while idle, so it never keeps the CLI or a test process alive; dispose() terminates it.
// worker_threads, not an Electron utility process: the same code runs in the CLI, in tests and in Electron's main.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FormattedBody } from '../../src/contract';
import type { AwsErrorInfo } from '../../src/models/http';
import { unformattedBody } from './bodyFormat';
import { runJob, type FormatJob, type JobResult } from './formatJobs';

/** A 64 MB document formats in a few seconds; anything slower is not worth the wait. */
export const FORMAT_TIMEOUT_MS = 20_000;
/** AWS error parsing reads at most 64 KiB in one pass: milliseconds. */
export const AWS_ERROR_TIMEOUT_MS = 2_000;

let defaultScript: string | undefined;

/** Where the worker's bundle is: beside the main bundles in dist/ (dist/electron, dist/cli → dist/services). */
export function formatWorkerScript(): string {
  return defaultScript ?? path.join(__dirname, '..', 'services', 'formatWorker.cjs');
}

/** For tests, which run the TypeScript sources: the worker bundled by the vitest global setup. */
export function useFormatWorkerScript(script: string): void {
  defaultScript = script;
}

export interface FormatPoolOptions {
  script?: string;
  formatTimeoutMs?: number;
  awsErrorTimeoutMs?: number;
}

export interface FormatPool {
  format(bytes: Uint8Array, contentType?: string): Promise<FormattedBody>;
  awsError(status: number, headers: Array<[string, string]>, text: string): Promise<AwsErrorInfo | undefined>;
  /** True when jobs run on a worker thread (false when the worker's bundle is missing and they run in-thread). */
  readonly threaded: boolean;
  dispose(): Promise<void>;
}

type Outcome = { ok: true; value: JobResult } | { ok: false; timedOut: boolean; message: string };

interface Job {
  id: number;
  job: FormatJob;
  timeoutMs: number;
  settle: (outcome: Outcome) => void;
}

export function createFormatPool(options: FormatPoolOptions = {}): FormatPool {
  const script = options.script ?? formatWorkerScript();
  const threaded = existsSync(script);
  const queue: Job[] = [];
  let worker: Worker | undefined;
  let running: { job: Job; timer: NodeJS.Timeout } | undefined;
  let nextId = 1;
  let disposed = false;

  function start(): Worker {
    const w = new Worker(script);
    w.on('message', (message: { id: number } & Outcome) => {
      if (running?.job.id === message.id) finish(message.ok ? message : { ok: false, timedOut: false, message: message.message });
    });
    w.on('error', (err) => stopped(w, err.message));
    w.on('exit', () => stopped(w, 'The format worker stopped.'));
    return w;
  }

  function stopped(w: Worker, message: string) {
    if (worker !== w) return;
    worker = undefined;
    finish({ ok: false, timedOut: false, message });
  }

  function pump() {
    if (running || disposed) return;
    const next = queue.shift();
    if (!next) {
      worker?.unref();
      return;
    }
    worker ??= start();
    worker.ref();
    const timer = setTimeout(() => {
      const stuck = worker;
      worker = undefined;
      void stuck?.terminate();
      finish({ ok: false, timedOut: true, message: 'took too long' });
    }, next.timeoutMs);
    running = { job: next, timer };
    worker.postMessage({ id: next.id, job: next.job });
  }

  function finish(outcome: Outcome) {
    const current = running;
    if (!current) return;
    clearTimeout(current.timer);
    running = undefined;
    current.job.settle(outcome);
    pump();
  }

  function run(job: FormatJob, timeoutMs: number): Promise<Outcome> {
    if (disposed) return Promise.resolve({ ok: false, timedOut: false, message: 'RoleCall is closing.' });
    if (!threaded) {
      try {
        return Promise.resolve({ ok: true, value: runJob(job) });
      } catch (err) {
        return Promise.resolve({ ok: false, timedOut: false, message: err instanceof Error ? err.message : String(err) });
      }
    }
    return new Promise((settle) => {
      queue.push({ id: nextId++, job, timeoutMs, settle });
      pump();
    });
  }

  return {
    threaded,
    async format(bytes, contentType) {
      const job: FormatJob = contentType === undefined ? { kind: 'format', bytes } : { kind: 'format', bytes, contentType };
      const outcome = await run(job, options.formatTimeoutMs ?? FORMAT_TIMEOUT_MS);
      if (outcome.ok) return outcome.value as FormattedBody;
      const why = outcome.timedOut ? 'it took too long' : outcome.message;
      return unformattedBody(bytes, contentType, `Could not format: ${why}. Shown as received.`);
    },
    async awsError(status, headers, text) {
      const outcome = await run({ kind: 'awsError', status, headers, text }, options.awsErrorTimeoutMs ?? AWS_ERROR_TIMEOUT_MS);
      return outcome.ok ? (outcome.value as AwsErrorInfo | undefined) : undefined;
    },
    async dispose() {
      disposed = true;
      for (const job of queue.splice(0)) job.settle({ ok: false, timedOut: false, message: 'RoleCall is closing.' });
      const w = worker;
      worker = undefined;
      finish({ ok: false, timedOut: false, message: 'RoleCall is closing.' });
      await w?.terminate();
    },
  };
}
