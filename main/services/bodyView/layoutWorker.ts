// The layout worker's entry (bundled to dist/services/bodyView/layoutWorker.cjs): lays out one body, posting its
// progress after every slice, so main answers the first screen while the rest is still being laid out. Main
// terminates it when the view is closed.
import { parentPort, workerData } from 'node:worker_threads';
import { readGrowing } from '../growingBody';
import { createLayout, type LayoutJob } from './layout';

/** How long one sleep lasts at most while the body is still arriving (a write wakes it sooner). */
const WAIT_MS = 200;

const port = parentPort;
if (port) {
  try {
    const job = workerData as LayoutJob;
    const growing = job.growing ? readGrowing(job.growing) : undefined;
    const layout = createLayout(job);
    try {
      let waited = false;
      for (let done = false; !done; ) {
        const seen = growing?.seq() ?? 0;
        const progress = layout.step();
        // One message when it starts waiting (main answers a first screen from it), none for each sleep after.
        if (!progress.waiting || !waited) port.postMessage({ progress });
        waited = progress.waiting === true;
        if (waited) growing?.wait(seen, WAIT_MS);
        done = progress.done;
      }
    } finally {
      layout.close();
    }
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}
