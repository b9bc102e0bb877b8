// Measures the longest time the event loop could not run anything while some work was in flight: a 5 ms
// heartbeat records the gap between its ticks, and the longest gap beyond its period is the longest block.
// Synchronous work that cannot be interleaved with a heartbeat (opening a store) is measured directly.
import { performance } from 'node:perf_hooks';

/** The bound: main's event loop is never blocked longer than this. */
export const MAX_BLOCK_MS = 200;

const PERIOD_MS = 5;

export interface BlockWatch {
  /** Stops the heartbeat; the longest block seen, in milliseconds. */
  stop(): number;
}

export function watchEventLoop(): BlockWatch {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - PERIOD_MS);
    last = now;
  }, PERIOD_MS);
  return {
    stop() {
      clearInterval(timer);
      // The gap since the last tick counts too: work that ends the watched promise may have just blocked.
      longest = Math.max(longest, performance.now() - last - PERIOD_MS);
      return Math.max(0, longest);
    },
  };
}

/** Runs async work under a heartbeat: its value (or error) and the longest block while it ran. */
export async function measureBlocking<T>(work: () => Promise<T>): Promise<{ value?: T; error?: unknown; blockedMs: number }> {
  const watch = watchEventLoop();
  try {
    const value = await work();
    return { value, blockedMs: watch.stop() };
  } catch (error) {
    return { error, blockedMs: watch.stop() };
  }
}

/** Runs synchronous work: all of it is one block. */
export function measureSync<T>(work: () => T): { value?: T; error?: unknown; blockedMs: number } {
  const started = performance.now();
  try {
    const value = work();
    return { value, blockedMs: performance.now() - started };
  } catch (error) {
    return { error, blockedMs: performance.now() - started };
  }
}
