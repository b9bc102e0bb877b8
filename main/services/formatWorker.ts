// The format worker's entry (bundled to dist/services/formatWorker.cjs): runs one job per message and answers
// with its result, or with the error's message. It has no state, so main may terminate it at any moment.
import { parentPort } from 'node:worker_threads';
import { runJob, type FormatJob } from './formatJobs';

parentPort?.on('message', (message: { id: number; job: FormatJob }) => {
  try {
    parentPort!.postMessage({ id: message.id, ok: true, value: runJob(message.job) });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
