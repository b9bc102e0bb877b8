// Open request tabs as one reducer: what is open, which is active, each draft and whether it differs from what
// was saved. The state is exactly the contract's Tabs, so it is saved with tabs:save as is (debounced) and
// restored from workspace:load after a restart.
import { useEffect, useReducer, useRef } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { RequestDoc, TabState, Tabs } from '../../src/models/workspace';

export type SourceRef = { collectionId: string; requestId: string };

export type TabsAction =
  | { type: 'new'; doc?: RequestDoc }
  /** Opens a saved request, or activates the tab that already edits it. */
  | { type: 'open'; source: SourceRef; doc: RequestDoc }
  | { type: 'activate'; id: string }
  | { type: 'step'; delta: 1 | -1 }
  | { type: 'close'; id: string }
  | { type: 'move'; id: string; to: number }
  | { type: 'moveBy'; id: string; delta: 1 | -1 }
  | { type: 'edit'; id: string; draft: RequestDoc }
  /** `base` is the draft the save started from: a tab edited since keeps its newer draft and stays unsaved. */
  | { type: 'saved'; id: string; source: SourceRef; doc: RequestDoc; base: RequestDoc }
  | { type: 'reset'; tabs: Tabs };

export const MAX_TABS = 200;

function newId(): string {
  return crypto.randomUUID();
}

/** The one definition of a new, empty request: a fresh tab starts from it, and so does "New request" in a collection. */
export function blankRequest(name = 'Untitled request', id = newId()): RequestDoc {
  return {
    id,
    name,
    method: 'GET',
    url: '',
    headers: [],
    body: { mode: 'none' },
    auth: { type: 'inherit' },
    signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
    disabledParams: [],
    checks: [],
    captures: [],
  };
}

function tab(draft: RequestDoc, source?: SourceRef): TabState {
  return source ? { id: newId(), source, draft, dirty: false } : { id: newId(), draft, dirty: false };
}

function append(state: Tabs, added: TabState): Tabs {
  // At the limit the oldest clean tab makes room; with none clean, the new one is not opened.
  let open = state.open;
  if (open.length >= MAX_TABS) {
    const clean = open.findIndex((t) => !t.dirty && t.id !== state.activeId);
    if (clean < 0) return state;
    open = open.filter((_, i) => i !== clean);
  }
  return { open: [...open, added], activeId: added.id };
}

export function tabsReducer(state: Tabs, action: TabsAction): Tabs {
  switch (action.type) {
    case 'new':
      return append(state, tab(action.doc ?? blankRequest()));
    case 'open': {
      const existing = state.open.find(
        (t) => t.source?.collectionId === action.source.collectionId && t.source.requestId === action.source.requestId,
      );
      if (existing) return { ...state, activeId: existing.id };
      return append(state, tab(action.doc, action.source));
    }
    case 'activate':
      return state.open.some((t) => t.id === action.id) ? { ...state, activeId: action.id } : state;
    case 'step': {
      if (state.open.length === 0) return state;
      const at = Math.max(0, state.open.findIndex((t) => t.id === state.activeId));
      const next = state.open[(at + action.delta + state.open.length) % state.open.length];
      return next ? { ...state, activeId: next.id } : state;
    }
    case 'close': {
      const at = state.open.findIndex((t) => t.id === action.id);
      if (at < 0) return state;
      const open = state.open.filter((t) => t.id !== action.id);
      if (state.activeId !== action.id) return { ...state, open };
      // Like a browser: the tab to the right takes focus, else the one to the left.
      const next = open[Math.min(at, open.length - 1)];
      return next ? { open, activeId: next.id } : { open };
    }
    case 'move': {
      const from = state.open.findIndex((t) => t.id === action.id);
      if (from < 0) return state;
      const to = Math.max(0, Math.min(state.open.length - 1, action.to));
      if (to === from) return state;
      const open = [...state.open];
      const [moved] = open.splice(from, 1);
      open.splice(to, 0, moved as TabState);
      return { ...state, open };
    }
    case 'moveBy': {
      const from = state.open.findIndex((t) => t.id === action.id);
      return from < 0 ? state : tabsReducer(state, { type: 'move', id: action.id, to: from + action.delta });
    }
    case 'edit':
      return {
        ...state,
        open: state.open.map((t) => (t.id === action.id ? { ...t, draft: action.draft, dirty: true } : t)),
      };
    case 'saved':
      return {
        ...state,
        open: state.open.map((t) => {
          if (t.id !== action.id) return t;
          return t.draft === action.base ? { ...t, source: action.source, draft: action.doc, dirty: false } : { ...t, source: action.source, dirty: true };
        }),
      };
    case 'reset':
      return action.tabs;
  }
}

export function activeTab(state: Tabs): TabState | undefined {
  return state.open.find((t) => t.id === state.activeId) ?? state.open[0];
}

export const SAVE_DELAY_MS = 400;

/** The tabs reducer, started from what the workspace restored, saved through main a moment after each change. */
export function useTabs(api: RoleCallApi, initial: Tabs | undefined) {
  const [state, dispatch] = useReducer(tabsReducer, undefined, () => ({ open: [] }) as Tabs);
  const restored = useRef(false);
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    if (restored.current || !initial) return;
    restored.current = true;
    dispatch({ type: 'reset', tabs: initial.open.length > 0 ? initial : { open: [tab(blankRequest())] } });
  }, [initial]);

  useEffect(() => {
    if (!restored.current) return;
    const timer = setTimeout(() => void api.tabsSave(state).catch(() => undefined), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, state]);

  // A pending save is flushed when the page goes away, so a quick restart keeps the last edit.
  useEffect(() => {
    const flush = () => {
      if (restored.current) void api.tabsSave(latest.current).catch(() => undefined);
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [api]);

  return [state, dispatch] as const;
}
