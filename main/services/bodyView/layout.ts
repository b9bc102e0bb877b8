// Lays a spooled body out into a display file in the spool folder, slice by slice: pretty JSON through the
// streaming indenter (src/layout/jsonIndenter), everything else as it came; then display lines (lineBreaker) and
// the sparse line index (lineIndex). Synchronous file calls, one slice per step: it runs on the layout worker
// (layoutWorker.ts), or in main's own thread between other work when the worker's bundle is missing (tests).
// The first slice is small so the first screen is ready after a few milliseconds of work. A body still arriving
// (growingBody.ts) is read only as far as it is on disk; its layout is done only once the body is complete.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import { createJsonIndenter } from '../../../src/layout/jsonIndenter';
import { flattenedNote } from '../../../src/layout/limits';
import { detectLanguage, isBinary, SNIFF_BYTES } from '../bodyFormat';
import { readGrowing } from '../growingBody';
import { CREATE_SPOOL_FILE, READ_SPOOL_FILE } from '../spoolDir';
import { createLineBreaker } from './lineBreaker';
import { createLineIndex, INDEX_EVERY } from './lineIndex';

export type LayoutMode = 'pretty' | 'raw';
export type BodyLanguage = 'json' | 'xml' | 'html' | 'text';

export interface LayoutJob {
  /** The spooled body (already checked to be in the spool folder). */
  source: string;
  /** The display file to create (new, 0600, in the spool folder). */
  target: string;
  mode: LayoutMode;
  contentType?: string;
  /** Bytes read in the first step (small: the first screen) and in each later one. */
  firstSlice?: number;
  slice?: number;
  /** The body is still arriving: its GrowingBody's buffer. */
  growing?: SharedArrayBuffer;
}

export interface LayoutProgress {
  /** Bytes of the display file written so far. */
  written: number;
  /** Line breaks written so far. */
  breaks: number;
  /** Checkpoints (byte offsets of every INDEX_EVERY-th line) added since the previous progress. */
  checkpoints: number[];
  done: boolean;
  language: BodyLanguage;
  binary: boolean;
  note?: string;
  /** All that has arrived is laid out and more is to come: step again once the body grew. */
  waiting?: boolean;
}

/** The body stopped arriving before its end (the send failed or was cancelled). */
export const CUT_SHORT = 'the response stopped before the whole body arrived.';

export const FIRST_SLICE = SNIFF_BYTES + 1;
export const SLICE = 128 * 1024;

export interface Layout {
  /** Reads and lays out one slice; after the progress that says done, does nothing more. */
  step(): LayoutProgress;
  /** Closes the files (the display file stays: its owner removes it). */
  close(): void;
}

/** What a body's first bytes say about it, and the text transform (indenting, display lines) that follows. */
export interface TextPipeline {
  language: BodyLanguage;
  binary: boolean;
  /** Decoded text in order → display text (line breaks LF, lines at most MAX_LINE_CHARS). */
  push(text: string): string;
  /** The rest, at the end of the body. */
  end(): string;
  /** Why the display text differs from the body as received; grows at the end (flattened layout). */
  note(): string | undefined;
}

export function createTextPipeline(first: Uint8Array, mode: LayoutMode, contentType: string | undefined): TextPipeline {
  const breaker = createLineBreaker();
  if (isBinary(first)) return { language: 'text', binary: true, push: () => '', end: () => '', note: () => undefined };
  const language = detectLanguage(Buffer.from(first.buffer, first.byteOffset, Math.min(first.byteLength, 4096)).toString('utf8'), contentType);
  if (mode !== 'pretty' || language !== 'json') {
    return { language, binary: false, push: (text) => breaker.push(text), end: () => breaker.end(), note: () => undefined };
  }
  const indenter = createJsonIndenter();
  let note = 'Laid out while reading; Raw shows the body exactly as received.';
  return {
    language,
    binary: false,
    push: (text) => breaker.push(indenter.push(text)),
    end() {
      const tail = breaker.push(indenter.end()) + breaker.end();
      const flattened = flattenedNote(indenter.flattened);
      if (flattened) note = `${note} ${flattened}`;
      return tail;
    },
    note: () => note,
  };
}

/** The first display lines of a body from its first bytes, without a file: the first screen, at once. */
export function previewLines(first: Uint8Array, mode: LayoutMode, contentType: string | undefined, maxLines: number): { lines: string[]; language: BodyLanguage; binary: boolean; note?: string } {
  const pipeline = createTextPipeline(first, mode, contentType);
  if (pipeline.binary) return { lines: [], language: pipeline.language, binary: true };
  const text = pipeline.push(new TextDecoder('utf-8').decode(first, { stream: true }));
  // The text after the last line break may still continue: only whole lines are shown.
  const lines = text.split('\n', maxLines + 1).slice(0, -1).slice(0, maxLines);
  const note = pipeline.note();
  return { lines, language: pipeline.language, binary: false, ...(note ? { note } : {}) };
}

export function createLayout(job: LayoutJob): Layout {
  const growing = job.growing ? readGrowing(job.growing) : undefined;
  let input: number;
  try {
    input = fs.openSync(job.source, READ_SPOOL_FILE);
  } catch (err) {
    // A body that failed while arriving is removed: say so, not that the file is missing.
    if (growing?.state() === 'failed') throw new Error(CUT_SHORT);
    throw err;
  }
  let output: number | undefined;
  const index = createLineIndex(INDEX_EVERY);
  const decoder = new TextDecoder('utf-8');
  let sent = 1; // checkpoints[0] = 0 is known to everyone
  let readAt = 0;
  let pipeline: TextPipeline | undefined;
  let done = false;

  const write = (text: string) => {
    if (!text) return;
    const bytes = Buffer.from(text, 'utf8');
    output ??= fs.openSync(job.target, CREATE_SPOOL_FILE, 0o600);
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(output, bytes, at, bytes.length - at);
    index.add(bytes);
  };

  const progress = (): LayoutProgress => {
    const fresh = index.checkpoints.slice(sent);
    sent = index.checkpoints.length;
    const note = pipeline?.note();
    return {
      written: index.bytes,
      breaks: index.breaks,
      checkpoints: fresh,
      done,
      language: pipeline?.language ?? 'text',
      binary: pipeline?.binary ?? false,
      ...(note ? { note } : {}),
    };
  };

  return {
    step() {
      if (done) return progress();
      const size = pipeline ? (job.slice ?? SLICE) : (job.firstSlice ?? FIRST_SLICE);
      // The state before the bytes: once it says complete, every byte is on disk.
      const state = growing?.state() ?? 'complete';
      if (state === 'failed') throw new Error(CUT_SHORT);
      const arriving = state === 'receiving';
      // While arriving, only what is on disk; the first slice whole, as the language is judged from it.
      const want = arriving ? Math.min(size, growing!.bytes() - readAt) : size;
      if (arriving && (want <= 0 || (!pipeline && want < size))) return { ...progress(), waiting: true };
      const buffer = Buffer.allocUnsafe(want);
      const got = fs.readSync(input, buffer, 0, want, readAt);
      const bytes = buffer.subarray(0, got);
      readAt += got;
      pipeline ??= createTextPipeline(bytes, job.mode, job.contentType);
      if (pipeline.binary) {
        done = true;
        return progress();
      }
      const last = !arriving && got < size;
      write(pipeline.push(decoder.decode(bytes, { stream: !last })));
      if (last) {
        write(pipeline.push(decoder.decode()) + pipeline.end());
        done = true;
      }
      return progress();
    },
    close() {
      fs.closeSync(input);
      if (output !== undefined) fs.closeSync(output);
      output = undefined;
    },
  };
}
