// A response body still arriving into its spool file, as the transport writes it and the body view's layout reads
// it (issue 12: the first screen is shown while the rest arrives). The state lives in a SharedArrayBuffer so the
// layout worker sees it without messages: the bytes on disk so far, whether the body is still arriving, complete
// or failed, and a sequence number it sleeps on (Atomics.wait) until the next write lands. Bodies still arriving
// are found by their spool path in a process-wide map; a body leaves the map when it ends.

export type GrowingState = 'receiving' | 'complete' | 'failed';

/** The body's first bytes on disk before the send is answered early: the layout's first slice (layout.ts FIRST_SLICE). */
export const RECEIVING_HEAD_BYTES = 64 * 1024 + 1;

const STATES: GrowingState[] = ['receiving', 'complete', 'failed'];
// Int32 words: [state, seq]; then one BigInt64 word: bytes on disk.
const STATE = 0;
const SEQ = 1;

export interface GrowingReader {
  state(): GrowingState;
  /** Bytes of the file written to disk so far (all of them once complete). */
  bytes(): number;
  /** Changes on every write and at the end: read it before looking, then wait on it. */
  seq(): number;
  /** Sleeps until the next change or `ms` (worker threads only: it blocks). */
  wait(seen: number, ms: number): void;
}

export interface GrowingBody extends GrowingReader {
  readonly buffer: SharedArrayBuffer;
  /** Settles when the body is complete or failed. */
  readonly ended: Promise<void>;
  /** `bytes` more reached the disk. */
  grew(bytes: number): void;
  end(state: Exclude<GrowingState, 'receiving'>): void;
}

export function readGrowing(buffer: SharedArrayBuffer): GrowingReader {
  const words = new Int32Array(buffer, 0, 2);
  const size = new BigInt64Array(buffer, 8, 1);
  return {
    state: () => STATES[Atomics.load(words, STATE)] ?? 'failed',
    bytes: () => Number(Atomics.load(size, 0)),
    seq: () => Atomics.load(words, SEQ),
    wait(seen, ms) {
      Atomics.wait(words, SEQ, seen, ms);
    },
  };
}

export function createGrowingBody(): GrowingBody {
  const buffer = new SharedArrayBuffer(16);
  const words = new Int32Array(buffer, 0, 2);
  const size = new BigInt64Array(buffer, 8, 1);
  const changed = () => {
    Atomics.add(words, SEQ, 1);
    Atomics.notify(words, SEQ);
  };
  let settle!: () => void;
  const ended = new Promise<void>((resolve) => (settle = resolve));
  return {
    ...readGrowing(buffer),
    buffer,
    ended,
    grew(bytes) {
      Atomics.add(size, 0, BigInt(bytes));
      changed();
    },
    end(state) {
      if (Atomics.load(words, STATE) !== 0) return;
      Atomics.store(words, STATE, STATES.indexOf(state));
      changed();
      settle();
    },
  };
}

const arriving = new Map<string, GrowingBody>();

/** Marks the spool file `file` (an absolute path) as still arriving until `body` ends. */
export function trackGrowing(file: string, body: GrowingBody): void {
  arriving.set(file, body);
}

export function untrackGrowing(file: string): void {
  arriving.delete(file);
}

/** The state of a spool file still arriving, or undefined when it is whole (or unknown). */
export function growingBodyOf(file: string): GrowingBody | undefined {
  return arriving.get(file);
}
