// The longest task on a page's main thread between two of its performance marks, read from a Chromium trace.
// The page's own long-task observer sees only tasks over 50 ms and delivers them when it gets round to it, so a
// figure read from it soon after a load says 0 both for "none" and for "not delivered yet"; the trace has every
// task (RunTask) with its duration on the renderer's clock, the same clock as the page's marks (blink.user_timing).
// A task's wall time counts the time its thread waited for a core; its thread time (tdur) does not, so on a busy
// machine the second says how much of the first was the page's own work.
import type { Browser, Page } from 'playwright';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

export interface LongestTask {
  /** The longest task's wall time (ms). */
  wall: number;
  /** The longest thread (CPU) time of any task (ms). */
  cpu: number;
}

/** The longest RunTask on the thread that made both marks, from the start mark to the end mark. */
export function longestTaskBetween(events: TraceEvent[], startMark: string, endMark: string): LongestTask {
  const start = events.find((e) => e.name === startMark);
  const end = events.find((e) => e.name === endMark);
  if (!start || !end) throw new Error(`The trace has no ${start ? endMark : startMark} mark.`);
  const longest: LongestTask = { wall: 0, cpu: 0 };
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.pid !== start.pid || e.tid !== start.tid || e.dur === undefined) continue;
    if (e.ts + e.dur < start.ts || e.ts > end.ts) continue;
    longest.wall = Math.max(longest.wall, e.dur / 1000);
    longest.cpu = Math.max(longest.cpu, (e.tdur ?? e.dur) / 1000);
  }
  return longest;
}

/**
 * Traces `run` (which should make the page mark `startMark` and then `endMark`) and returns the longest task between
 * the marks. Tracing slows the page a little, so the loads traced here are not the ones timed.
 */
export async function tracedLongestTask(browser: Browser, page: Page, run: () => Promise<void>, startMark: string, endMark: string): Promise<LongestTask> {
  await browser.startTracing(page, { categories: CATEGORIES });
  let trace: Buffer;
  try {
    await run();
  } finally {
    trace = await browser.stopTracing();
  }
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  return longestTaskBetween(traceEvents, startMark, endMark);
}
