// Measures how long main's event loop was blocked: a timer ticking every 10 ms records the longest gap between
// ticks. The bound is 200 ms; a blocked loop shows as one gap as long as the block.
export interface Heartbeat {
  /** Stops the timer and gives the longest gap seen, in milliseconds. */
  stop(): number;
}

export function startHeartbeat(intervalMs = 10): Heartbeat {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}
