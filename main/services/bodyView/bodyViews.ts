// Main's side of the windowed body viewer: a view is one spooled body laid out (layoutTask) into a display file in
// the spool folder, with its sparse line index here. The renderer asks for line ranges and gets just those lines;
// the first screen is answered as soon as its lines are laid out. Search runs here over the display file.
// Views have random ids, are bounded in number (the least recently used is closed), and closing one stops its
// layout and search and removes its display file. Only files directly in the spool folder are ever opened.
// A body still arriving (growingBody.ts) is followed as it grows: its line count and searches become final, and
// the view done, only once the whole body is in; a body cut short fails the view instead of ending it. Its first
// screen comes from the preview, and the layout (a worker whose start-up alone costs tens of milliseconds of CPU)
// starts when the body ends, or LAZY_LAYOUT_MS after the open, or as soon as lines past the preview or a search
// are asked for: a body that arrives fast is not slowed by laying it out meanwhile; a slow one is laid out as it comes.
import { randomUUID } from 'node:crypto';
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { appError } from '../../../src/errors';
import type { BodySearchState, BodyViewMode, BodyWindow } from '../../../src/models/bodyView';
import { MAX_WINDOW_LINES } from '../../../src/models/bodyViewLimits';
import { growingBodyOf } from '../growingBody';
import { READ_SPOOL_FILE } from '../spoolDir';
import { spoolPath } from '../spoolFiles';
import { searchFile, type SearchResult } from './bodySearch';
import { FIRST_SLICE, previewLines, type BodyLanguage, type LayoutProgress } from './layout';
import { INDEX_EVERY, knownLines } from './lineIndex';
import { readLines } from './lineReader';
import { startLayout, type LayoutTask } from './layoutTask';

export const MAX_VIEWS = 8;
/** The first screen is answered by then even if its lines are not all laid out (a very slow disk). */
const OPEN_WAIT_MS = 15_000;
/** How long a body still arriving is shown from its preview alone before its layout starts anyway. */
export const LAZY_LAYOUT_MS = 150;

interface Search {
  id: string;
  query: string;
  cancelled: boolean;
  count: number;
  result?: SearchResult;
  failed?: string;
}

interface View {
  id: string;
  /** The first lines, laid out here from the body's first bytes while the layout starts: the first screen. */
  preview: string[];
  target: string;
  checkpoints: number[];
  written: number;
  breaks: number;
  done: boolean;
  /** All that has arrived so far is laid out; more is to come. */
  waiting: boolean;
  language: BodyLanguage;
  binary: boolean;
  note?: string;
  failed?: string;
  task: LayoutTask;
  /** Starts the layout; set while it waits to start (a body still arriving). */
  start?: () => void;
  handle?: Promise<fs.promises.FileHandle | undefined>;
  waiters: Set<() => void>;
  search?: Search;
  closed: boolean;
}

export interface BodyViewsOptions {
  spoolDir: string;
  maxViews?: number;
  /** The layout worker's bundle (default beside main's bundles; missing → in-thread). */
  layoutScript?: string;
}

export interface BodyViews {
  open(input: { file: string; mode: BodyViewMode; contentType?: string; lines: number }): Promise<BodyWindow>;
  lines(input: { viewId: string; from: number; count: number }): Promise<BodyWindow>;
  search(input: { viewId: string; query: string; matchCase: boolean }): { searchId: string };
  match(input: { viewId: string; searchId: string; index?: number }): BodySearchState;
  close(input: { viewId: string }): Promise<{ closed: boolean }>;
  /** Views open now (tests, diagnostics). */
  readonly size: number;
  dispose(): Promise<void>;
}

async function readFirst(source: string): Promise<Uint8Array> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(source, READ_SPOOL_FILE);
    const buffer = Buffer.alloc(FIRST_SLICE);
    const { bytesRead } = await handle.read(buffer, 0, FIRST_SLICE, 0);
    return buffer.subarray(0, bytesRead);
  } catch (err) {
    throw appError('FILE_ERROR', 'Could not read the saved response body.', err instanceof Error ? err.message : String(err));
  } finally {
    await handle?.close();
  }
}

export function createBodyViews(o: BodyViewsOptions): BodyViews {
  // Map order is use order: the first entry is the least recently used.
  const views = new Map<string, View>();
  const maxViews = o.maxViews ?? MAX_VIEWS;

  const get = (viewId: string): View => {
    const view = views.get(viewId);
    if (!view) throw appError('INVALID_INPUT', 'That body view is closed; send the request again to see the body.');
    views.delete(viewId);
    views.set(viewId, view);
    return view;
  };

  const lineCount = (view: View) => knownLines(view.breaks, view.done);
  /** Lines the view can answer with: laid out, or in the preview while the layout catches up. */
  const shownLines = (view: View) => (view.done ? lineCount(view) : Math.max(lineCount(view), view.preview.length));

  const wake = (view: View) => {
    for (const waiter of view.waiters) waiter();
  };

  /** Resolves once `ready()` holds, the layout is over, or `ms` (when given) passed. */
  const until = (view: View, ready: () => boolean, ms?: number) =>
    new Promise<void>((resolve) => {
      if (ready() || view.done || view.failed || view.closed) return resolve();
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      function done() {
        if (timer) clearTimeout(timer);
        view.waiters.delete(check);
        resolve();
      }
      function check() {
        if (ready() || view.done || view.failed || view.closed) done();
      }
      view.waiters.add(check);
    });

  const handleOf = (view: View) =>
    (view.handle ??= fs.promises.open(view.target, READ_SPOOL_FILE).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        view.handle = undefined; // not written yet (an empty body so far)
        return undefined;
      }
      throw appError('FILE_ERROR', 'Could not read the laid-out response body.', err.message);
    }));

  const windowOf = async (view: View, from: number, count: number): Promise<BodyWindow> => {
    const laidOut = lineCount(view);
    const fromPreview = from < view.preview.length && laidOut < Math.min(from + count, view.preview.length);
    const lines = fromPreview
      ? view.preview.slice(from, from + count)
      : view.written > 0
        ? await readLines(await handleOf(view), { checkpoints: view.checkpoints, every: INDEX_EVERY, written: view.written, lines: lineCount(view) }, from, count) : from === 0 && view.done && !view.binary ? [''] : [];
    return {
      viewId: view.id,
      from,
      lines,
      totalLines: view.binary ? 0 : shownLines(view),
      done: view.done || view.failed !== undefined,
      language: view.language,
      binary: view.binary,
      ...(view.note ? { note: view.note } : {}),
      ...(view.failed ? { failed: view.failed } : {}),
    };
  };

  const release = async (view: View) => {
    view.closed = true;
    views.delete(view.id);
    view.task.stop();
    if (view.search) view.search.cancelled = true;
    wake(view);
    const handle = await view.handle?.catch(() => undefined);
    await handle?.close().catch(() => undefined);
    await fs.promises.unlink(view.target).catch(() => undefined);
  };

  return {
    async open({ file, mode, contentType, lines }) {
      const source = spoolPath(file, o.spoolDir);
      if (path.extname(source) !== '.body') throw appError('FILE_ERROR', 'That file is not a response body RoleCall saved.', source);
      while (views.size >= maxViews) {
        const oldest = views.values().next().value;
        if (!oldest) break;
        await release(oldest);
      }
      const growing = growingBodyOf(source);
      const first = await readFirst(source);
      const preview = previewLines(first, mode, contentType, MAX_WINDOW_LINES);
      const id = randomUUID();
      const view: View = {
        id,
        preview: preview.lines,
        target: path.join(path.dirname(source), `${randomUUID()}.view`),
        checkpoints: [0],
        written: 0,
        breaks: 0,
        done: false,
        waiting: false,
        language: preview.language,
        binary: preview.binary,
        ...(preview.note ? { note: preview.note } : {}),
        waiters: new Set(),
        closed: false,
        task: { stop() {} },
      };
      views.set(id, view);
      const begin = () => {
        if (view.closed || !view.start) return;
        view.start = undefined;
        view.task = startLayout(
          { source, target: view.target, mode, ...(contentType ? { contentType } : {}), ...(growing ? { growing: growing.buffer } : {}) },
          {
            progress(p: LayoutProgress) {
              if (view.closed) return;
              for (const c of p.checkpoints) view.checkpoints.push(c);
              view.written = p.written;
              view.breaks = p.breaks;
              view.done = p.done;
              view.waiting = p.waiting === true;
              view.language = p.language;
              view.binary = p.binary;
              if (p.note) view.note = p.note;
              wake(view);
            },
            failed(message: string) {
              if (view.closed) return;
              view.failed = `The body could not be laid out: ${message}`;
              wake(view);
            },
          },
          ...(o.layoutScript ? [o.layoutScript] : []),
        );
      };
      view.start = begin;
      if (growing) {
        const timer = setTimeout(begin, LAZY_LAYOUT_MS);
        timer.unref?.();
        void growing.ended.then(() => {
          clearTimeout(timer);
          begin();
        });
      } else {
        begin();
      }
      await until(view, () => shownLines(view) >= lines || view.binary || view.waiting || view.start !== undefined, OPEN_WAIT_MS);
      if (view.closed) throw appError('CANCELLED', 'The body view was closed while it opened.');
      return windowOf(view, 0, lines);
    },

    async lines({ viewId, from, count }) {
      const view = get(viewId);
      if (count > 0 && from + count > view.preview.length) view.start?.();
      return windowOf(view, from, count);
    },

    search({ viewId, query, matchCase }) {
      const view = get(viewId);
      view.start?.();
      if (view.search) view.search.cancelled = true;
      const search: Search = { id: randomUUID(), query, cancelled: false, count: 0 };
      view.search = search;
      void (async () => {
        await until(view, () => false);
        if (search.cancelled) return;
        // A body cut short has no final count to give.
        if (view.failed) {
          search.failed = view.failed;
          return;
        }
        try {
          const handle = view.written > 0 ? await handleOf(view) : undefined;
          search.result = await searchFile(handle, view.written, {
            query,
            matchCase,
            cancelled: () => search.cancelled,
            onProgress: (n) => (search.count = n),
          });
          search.count = search.result.count;
        } catch (err) {
          search.failed = err instanceof Error ? err.message : String(err);
        }
      })();
      return { searchId: search.id };
    },

    match({ viewId, searchId, index }) {
      const view = get(viewId);
      const search = view.search;
      if (!search || search.id !== searchId) throw appError('INVALID_INPUT', 'That search was replaced by a newer one.');
      if (search.failed) throw appError('FILE_ERROR', 'The search could not read the body.', search.failed);
      const result = search.result;
      const state: BodySearchState = { searchId, count: search.count, done: result !== undefined, capped: result?.capped ?? false };
      if (result && index !== undefined && result.positions.length > 0) {
        const kept = result.positions.length / 2;
        const i = Math.min(index, kept - 1);
        state.match = { index: i, line: result.positions[i * 2]!, column: result.positions[i * 2 + 1]!, length: search.query.length };
      }
      return state;
    },

    async close({ viewId }) {
      const view = views.get(viewId);
      if (!view) return { closed: false };
      await release(view);
      return { closed: true };
    },

    get size() {
      return views.size;
    },

    async dispose() {
      for (const view of [...views.values()]) await release(view);
    },
  };
}
