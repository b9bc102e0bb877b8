// Opens a windowed view of a spooled body in main (bodyView:open) and follows its layout until done: main lays the
// body out off the window's thread, and this hook holds only the view's facts (lines so far, language, binary,
// note), never the text. The view is closed in main when the body or mode changes or the viewer goes away. A body
// is its spool file: the answer that follows a body still arriving (request:receiving) keeps the same view.
import { useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError, Result } from '../../src/errors';
import type { BodyViewMode, BodyWindow } from '../../src/models/bodyView';
import { FIRST_SCREEN_LINES } from '../../src/models/bodyViewLimits';
import type { ResponseBody } from '../../src/models/http';
import { settle } from '../api';

/** Lines asked for with the first answer: more than a tall window shows. */
export const FIRST_LINES = FIRST_SCREEN_LINES;
// Each answer re-renders the viewer: a few a second keep the line count and scrollbar current at little cost.
const POLL_MS = 400;

export interface BodyViewState {
  status: 'loading' | 'ready' | 'failed';
  /** The latest answer: its facts, and the first lines from the open. */
  window?: BodyWindow;
  error?: AppError;
}

// The first screen of a body still arriving, opened by main with request:receiving (or asked for as that event
// comes, before the viewer has rendered): the first useBodyView for that body and mode takes it instead of asking
// again, which keeps round trips through a main busy receiving off the first screen's path.
const early = new Map<string, Promise<Result<BodyWindow>>>();
const earlyKey = (file: string, mode: BodyViewMode, contentType: string | undefined) => `${mode}\n${contentType ?? ''}\n${file}`;

/** `opened`: the pretty view main opened already; without it, it is asked for now. */
export function openEarly(api: RoleCallApi, file: string, contentType: string | undefined, opened?: BodyWindow): void {
  const key = earlyKey(file, 'pretty', contentType);
  if (early.has(key)) return;
  early.set(key, opened ? Promise.resolve({ ok: true, value: opened }) : settle(() => api.bodyViewOpen({ file, mode: 'pretty', lines: FIRST_LINES, ...(contentType ? { contentType } : {}) })));
}

/** Closes an early open no viewer took (the send failed, or its answer came in memory after all). */
export function dropEarly(api: RoleCallApi, file: string): void {
  for (const [key, opened] of early) {
    if (!key.endsWith(`\n${file}`)) continue;
    early.delete(key);
    void opened.then((r) => (r.ok ? api.bodyViewClose({ viewId: r.value.viewId }) : undefined));
  }
}

function takeEarly(file: string, mode: BodyViewMode, contentType: string | undefined) {
  const key = earlyKey(file, mode, contentType);
  const opened = early.get(key);
  early.delete(key);
  return opened;
}

/** True when the body is on disk in main: it is shown windowed rather than held in the page. */
export function isWindowed(body: ResponseBody): boolean {
  return !body.complete && body.spoolFile !== undefined;
}

export function useBodyView(api: RoleCallApi, body: ResponseBody, mode: BodyViewMode, contentType: string | undefined, enabled: boolean): BodyViewState {
  const [state, setState] = useState<{ file?: string; mode?: BodyViewMode; view: BodyViewState }>({ view: { status: 'loading' } });
  const file = body.complete ? undefined : body.spoolFile;
  useEffect(() => {
    if (!enabled || !file) return;
    let live = true;
    let viewId: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const set = (view: BodyViewState) => live && setState({ file, mode, view });
    set({ status: 'loading' });
    const follow = async () => {
      if (!live || !viewId) return;
      const next = await settle(() => api.bodyViewLines({ viewId: viewId!, from: 0, count: 0 }));
      if (!live) return;
      if (!next.ok) return set({ status: 'failed', error: next.error });
      setState((s) => (s.view.window ? { ...s, view: { status: 'ready', window: { ...next.value, lines: s.view.window.lines } } } : s));
      if (!next.value.done) timer = setTimeout(() => void follow(), POLL_MS);
    };
    const opening = takeEarly(file, mode, contentType) ?? settle(() => api.bodyViewOpen({ file, mode, lines: FIRST_LINES, ...(contentType ? { contentType } : {}) }));
    void opening.then((opened) => {
      if (!opened.ok) return set({ status: 'failed', error: opened.error });
      viewId = opened.value.viewId;
      if (!live) {
        void api.bodyViewClose({ viewId });
        return;
      }
      set({ status: 'ready', window: opened.value });
      if (!opened.value.done) timer = setTimeout(() => void follow(), POLL_MS);
    });
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      if (viewId) void api.bodyViewClose({ viewId });
    };
  }, [api, file, mode, contentType, enabled]);
  return file !== undefined && state.file === file && state.mode === mode ? state.view : { status: 'loading' };
}
