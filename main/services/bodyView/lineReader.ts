// Reads display lines from a laid-out file with its sparse index: a seek to the checkpoint at or before the first
// line asked for, one read up to the checkpoint after the last (or the end written so far), and a split.
import { Buffer } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';

export interface IndexedFile {
  checkpoints: readonly number[];
  every: number;
  /** Bytes written so far. */
  written: number;
  /** Lines known so far (lineIndex's knownLines). */
  lines: number;
}

/** Lines [from, from + count) that are known; fewer (or none) past the known end. */
export async function readLines(handle: FileHandle | undefined, file: IndexedFile, from: number, count: number): Promise<string[]> {
  const to = Math.min(file.lines, from + count);
  if (from >= to) return [];
  if (!handle) return Array.from({ length: to - from }, () => '');
  const k = Math.floor(from / file.every);
  const start = file.checkpoints[k] ?? 0;
  const end = file.checkpoints[Math.ceil(to / file.every)] ?? file.written;
  const buffer = Buffer.allocUnsafe(end - start);
  let got = 0;
  while (got < buffer.length) {
    const { bytesRead } = await handle.read(buffer, got, buffer.length - got, start + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  const lines = buffer.subarray(0, got).toString('utf8').split('\n');
  const skip = from - k * file.every;
  return lines.slice(skip, skip + (to - from));
}
