// A sparse index of line starts in a laid-out file, built as its bytes are written: the byte offset of every
// EVERY-th line, so 50 MB of short lines costs a few hundred KB, and any line is a seek plus a short read away.
// Lines end at LF (the line breaker has turned CRLF into LF); the text after the last LF is a line too, as an
// editor shows it, so "a\nb" and "a\nb\n" have two and three lines.
import { Buffer } from 'node:buffer';

export const INDEX_EVERY = 64;

export interface LineIndex {
  /** Feeds the next bytes of the file, in order. */
  add(bytes: Uint8Array): void;
  /** Line breaks seen so far: the lines known to be complete. */
  readonly breaks: number;
  /** Bytes fed so far. */
  readonly bytes: number;
  /** checkpoints[k] is the byte offset where line k * every starts (checkpoints[0] = 0). */
  readonly checkpoints: readonly number[];
  readonly every: number;
}

export function createLineIndex(every = INDEX_EVERY): LineIndex {
  const checkpoints: number[] = [0];
  let breaks = 0;
  let bytes = 0;
  return {
    add(chunk) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) {
        breaks++;
        if (breaks % every === 0) checkpoints.push(bytes + i + 1);
      }
      bytes += buffer.length;
    },
    get breaks() {
      return breaks;
    },
    get bytes() {
      return bytes;
    },
    checkpoints,
    every,
  };
}

/** Lines of a file whose layout is `done` (the text after the last break counts), or complete lines so far. */
export function knownLines(breaks: number, done: boolean): number {
  return done ? breaks + 1 : breaks;
}
