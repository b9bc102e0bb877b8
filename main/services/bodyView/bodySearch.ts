// Plain-text search over a laid-out file, streamed in slices: the file is never held whole, a match may straddle
// two slices (the last query-length characters are carried over), and a character cut between slices is decoded
// whole (TextDecoder in stream mode). Each match is reported as a display line and a column in UTF-16 code units,
// as the viewer's lines are strings. Counting goes on to the end; positions are kept for the first MAX_KEPT.
import { Buffer } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';

export const SEARCH_SLICE = 1024 * 1024;
export const MAX_KEPT = 100_000;

export interface SearchOptions {
  query: string;
  matchCase: boolean;
  slice?: number;
  maxKept?: number;
  /** Checked between slices: true stops the search. */
  cancelled?: () => boolean;
  /** Called after each slice with the count so far. */
  onProgress?: (count: number) => void;
}

export interface SearchResult {
  count: number;
  /** Line and column of each kept match, interleaved: [line0, column0, line1, column1, ...]. */
  positions: Int32Array;
  /** More matches than were kept. */
  capped: boolean;
  cancelled: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function searchFile(handle: FileHandle | undefined, size: number, o: SearchOptions): Promise<SearchResult> {
  const maxKept = o.maxKept ?? MAX_KEPT;
  let positions = new Int32Array(256);
  let kept = 0;
  let count = 0;
  const q = o.query;
  const result = (cancelled: boolean): SearchResult => ({ count, positions: positions.subarray(0, kept * 2), capped: count > kept, cancelled });
  if (!handle || q.length === 0 || size === 0) return result(false);

  const pattern = new RegExp(escapeRegExp(q), o.matchCase ? 'g' : 'gi');
  const decoder = new TextDecoder('utf-8');
  const slice = o.slice ?? SEARCH_SLICE;
  const buffer = Buffer.allocUnsafe(slice);
  /** The end of the previous text that a match may still begin in. */
  let carry = '';
  /** Document offset (code units) of carry[0]. */
  let carryAt = 0;
  /** Newlines are counted up to `scanned` (a document offset); `line` starts at `lineStart`. */
  let scanned = 0;
  let line = 0;
  let lineStart = 0;

  const keep = (at: number) => {
    count++;
    if (kept >= maxKept) return;
    if (kept * 2 + 2 > positions.length) {
      const grown = new Int32Array(Math.min(positions.length * 2, maxKept * 2));
      grown.set(positions);
      positions = grown;
    }
    positions[kept * 2] = line;
    positions[kept * 2 + 1] = at - lineStart;
    kept++;
  };

  /** Counts the line breaks in `text` (which starts at document offset `base`) before document offset `until`. */
  const advance = (text: string, base: number, until: number) => {
    for (let i = text.indexOf('\n', scanned - base); i >= 0 && base + i < until; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = base + i + 1;
    }
    scanned = until;
  };

  for (let offset = 0; offset < size; ) {
    if (o.cancelled?.()) return result(true);
    const { bytesRead } = await handle.read(buffer, 0, Math.min(slice, size - offset), offset);
    if (bytesRead === 0) break;
    offset += bytesRead;
    const text = carry + decoder.decode(buffer.subarray(0, bytesRead), { stream: offset < size });
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      advance(text, carryAt, carryAt + m.index);
      keep(carryAt + m.index);
      pattern.lastIndex = m.index + 1;
    }
    // The next text starts with this one's last q.length - 1 code units: no match fits wholly inside them.
    const keepFrom = Math.max(0, text.length - (q.length - 1));
    advance(text, carryAt, carryAt + keepFrom);
    carry = text.slice(keepFrom);
    carryAt += keepFrom;
    o.onProgress?.(count);
  }
  return result(false);
}
