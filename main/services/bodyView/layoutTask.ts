// Runs a body's layout (layout.ts) off the thread that answers IPC: on a worker thread whose bundle sits beside
// main's (dist/services/bodyView/layoutWorker.cjs). Where that bundle is missing (tests run the TypeScript
// sources) the same steps run in this thread, one slice per turn of the event loop.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createLayout, type LayoutJob, type LayoutProgress } from './layout';

let scriptOverride: string | undefined;
/** In this thread, how often a body still arriving is looked at again. */
const WAIT_MS = 20;

export function layoutWorkerScript(): string {
  return scriptOverride ?? path.join(__dirname, '..', 'services', 'bodyView', 'layoutWorker.cjs');
}

/** For tests and benches that bundle the worker themselves. */
export function useLayoutWorkerScript(script: string | undefined): void {
  scriptOverride = script;
}

export interface LayoutTask {
  stop(): void;
}

export interface LayoutListener {
  progress(progress: LayoutProgress): void;
  failed(message: string): void;
}

export function startLayout(job: LayoutJob, listener: LayoutListener, script = layoutWorkerScript()): LayoutTask {
  return existsSync(script) ? onWorker(job, listener, script) : inThread(job, listener);
}

function onWorker(job: LayoutJob, listener: LayoutListener, script: string): LayoutTask {
  // A roomier young generation: the indenter makes many short-lived strings, and the default one makes the
  // worker spend most of its time collecting them.
  const worker = new Worker(script, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 32 } });
  let over = false;
  worker.on('message', (message: { progress?: LayoutProgress; error?: string }) => {
    if (over) return;
    if (message.error !== undefined) {
      over = true;
      listener.failed(message.error);
    } else if (message.progress) {
      if (message.progress.done) over = true;
      listener.progress(message.progress);
    }
  });
  worker.on('error', (err) => {
    if (over) return;
    over = true;
    listener.failed(err.message);
  });
  worker.on('exit', () => {
    if (over) return;
    over = true;
    listener.failed('The layout stopped before the end of the body.');
  });
  return {
    stop() {
      over = true;
      void worker.terminate();
    },
  };
}

function inThread(job: LayoutJob, listener: LayoutListener): LayoutTask {
  let stopped = false;
  let layout: ReturnType<typeof createLayout> | undefined;
  const finish = () => {
    layout?.close();
    layout = undefined;
  };
  const turn = () => {
    if (stopped) return finish();
    try {
      layout ??= createLayout(job);
      const progress = layout.step();
      if (progress.done) finish();
      listener.progress(progress);
      // This thread must not block: a body still arriving is looked at again shortly.
      if (progress.waiting) setTimeout(turn, WAIT_MS);
      else if (!progress.done) setImmediate(turn);
    } catch (err) {
      finish();
      listener.failed(err instanceof Error ? err.message : String(err));
    }
  };
  setImmediate(turn);
  return {
    stop() {
      stopped = true;
    },
  };
}
