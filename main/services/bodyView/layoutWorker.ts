// The layout worker's entry (bundled to dist/services/bodyView/layoutWorker.cjs): lays out one body, posting its
// progress after every slice, so main answers the first screen while the rest is still being laid out. Main
// terminates it when the view is closed.
import { parentPort, workerData } from 'node:worker_threads';
import { createLayout, type LayoutJob } from './layout';

const port = parentPort;
if (port) {
  try {
    const layout = createLayout(workerData as LayoutJob);
    try {
      for (let done = false; !done; ) {
        const progress = layout.step();
        port.postMessage({ progress });
        done = progress.done;
      }
    } finally {
      layout.close();
    }
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}
