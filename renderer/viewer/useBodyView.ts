// Opens a windowed view of a spooled body in main (bodyView:open) and follows its layout until done: main lays the
// body out off the window's thread, and this hook holds only the view's facts (lines so far, language, binary,
// note), never the text. The view is closed in main when the body or mode changes or the viewer goes away.
import { useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { BodyViewMode, BodyWindow } from '../../src/models/bodyView';
import type { ResponseBody } from '../../src/models/http';
import { settle } from '../api';

/** Lines asked for with the first answer: more than a tall window shows. */
export const FIRST_LINES = 120;
// Each answer re-renders the viewer: a few a second keep the line count and scrollbar current at little cost.
const POLL_MS = 400;

export interface BodyViewState {
  status: 'loading' | 'ready' | 'failed';
  /** The latest answer: its facts, and the first lines from the open. */
  window?: BodyWindow;
  error?: AppError;
}

/** True when the body is on disk in main: it is shown windowed rather than held in the page. */
export function isWindowed(body: ResponseBody): boolean {
  return !body.complete && body.spoolFile !== undefined;
}

export function useBodyView(api: RoleCallApi, body: ResponseBody, mode: BodyViewMode, contentType: string | undefined, enabled: boolean): BodyViewState {
  const [state, setState] = useState<{ body?: ResponseBody; mode?: BodyViewMode; view: BodyViewState }>({ view: { status: 'loading' } });
  useEffect(() => {
    const file = body.spoolFile;
    if (!enabled || !file || body.complete) return;
    let live = true;
    let viewId: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const set = (view: BodyViewState) => live && setState({ body, mode, view });
    set({ status: 'loading' });
    const follow = async () => {
      if (!live || !viewId) return;
      const next = await settle(() => api.bodyViewLines({ viewId: viewId!, from: 0, count: 0 }));
      if (!live) return;
      if (!next.ok) return set({ status: 'failed', error: next.error });
      setState((s) => (s.view.window ? { ...s, view: { status: 'ready', window: { ...next.value, lines: s.view.window.lines } } } : s));
      if (!next.value.done) timer = setTimeout(() => void follow(), POLL_MS);
    };
    void settle(() => api.bodyViewOpen({ file, mode, lines: FIRST_LINES, ...(contentType ? { contentType } : {}) })).then((opened) => {
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
  }, [api, body, mode, contentType, enabled]);
  return state.body === body && state.mode === mode ? state.view : { status: 'loading' };
}
