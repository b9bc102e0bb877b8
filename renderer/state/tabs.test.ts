import { describe, expect, it } from 'vitest';
import { tabsSchema, type Tabs } from '../../src/models/workspace';
import { activeTab, blankRequest, MAX_TABS, tabsReducer, type TabsAction } from './tabs';

const run = (actions: TabsAction[], from: Tabs = { open: [] }) => actions.reduce(tabsReducer, from);
const names = (state: Tabs) => state.open.map((t) => t.draft.name);
const named = (name: string) => ({ ...blankRequest(), name });

describe('tabsReducer', () => {
  it('opens new tabs at the end and activates them; the state is the contract’s Tabs', () => {
    const state = run([{ type: 'new', doc: named('a') }, { type: 'new', doc: named('b') }]);
    expect(names(state)).toEqual(['a', 'b']);
    expect(activeTab(state)?.draft.name).toBe('b');
    expect(tabsSchema.safeParse(state).success).toBe(true);
  });

  it('activates the tab already editing a saved request instead of opening it twice', () => {
    const source = { collectionId: 'c', requestId: 'r' };
    let state = run([{ type: 'open', source, doc: named('saved') }, { type: 'new', doc: named('other') }]);
    state = tabsReducer(state, { type: 'open', source, doc: named('saved again') });
    expect(names(state)).toEqual(['saved', 'other']);
    expect(activeTab(state)?.source).toEqual(source);
  });

  it('steps to the next and previous tab, wrapping around', () => {
    const state = run([{ type: 'new', doc: named('a') }, { type: 'new', doc: named('b') }, { type: 'new', doc: named('c') }]);
    expect(activeTab(tabsReducer(state, { type: 'step', delta: 1 }))?.draft.name).toBe('a');
    expect(activeTab(tabsReducer(state, { type: 'step', delta: -1 }))?.draft.name).toBe('b');
  });

  it('closing the active tab activates its right neighbour, else its left one', () => {
    let state = run([{ type: 'new', doc: named('a') }, { type: 'new', doc: named('b') }, { type: 'new', doc: named('c') }]);
    const [a, b] = state.open;
    state = tabsReducer(tabsReducer(state, { type: 'activate', id: b!.id }), { type: 'close', id: b!.id });
    expect(names(state)).toEqual(['a', 'c']);
    expect(activeTab(state)?.draft.name).toBe('c');
    state = tabsReducer(state, { type: 'close', id: state.activeId! });
    expect(activeTab(state)?.draft.name).toBe('a');
    state = tabsReducer(state, { type: 'close', id: a!.id });
    expect(state).toEqual({ open: [] });
  });

  it('reorders by position and by one step, clamped at the ends', () => {
    let state = run([{ type: 'new', doc: named('a') }, { type: 'new', doc: named('b') }, { type: 'new', doc: named('c') }]);
    const c = state.open[2]!;
    state = tabsReducer(state, { type: 'move', id: c.id, to: 0 });
    expect(names(state)).toEqual(['c', 'a', 'b']);
    state = tabsReducer(state, { type: 'moveBy', id: c.id, delta: -1 });
    expect(names(state)).toEqual(['c', 'a', 'b']);
    state = tabsReducer(state, { type: 'moveBy', id: c.id, delta: 1 });
    expect(names(state)).toEqual(['a', 'c', 'b']);
  });

  it('marks an edited tab dirty and a saved one clean with its new source', () => {
    let state = run([{ type: 'new', doc: named('a') }]);
    const id = state.open[0]!.id;
    state = tabsReducer(state, { type: 'edit', id, draft: { ...state.open[0]!.draft, url: 'https://x' } });
    expect(state.open[0]).toMatchObject({ dirty: true, draft: { url: 'https://x' } });
    const source = { collectionId: 'c', requestId: 'r' };
    state = tabsReducer(state, { type: 'saved', id, source, doc: { ...state.open[0]!.draft, name: 'kept' }, base: state.open[0]!.draft });
    expect(state.open[0]).toMatchObject({ dirty: false, source, draft: { name: 'kept' } });
  });

  it('keeps what was typed while a save ran: the tab stays dirty with the newer draft', () => {
    let state = run([{ type: 'new', doc: named('a') }]);
    const id = state.open[0]!.id;
    state = tabsReducer(state, { type: 'edit', id, draft: { ...state.open[0]!.draft, url: 'https://x' } });
    const saving = state.open[0]!.draft;
    state = tabsReducer(state, { type: 'edit', id, draft: { ...saving, url: 'https://x/typed-during-save' } });
    const source = { collectionId: 'c', requestId: 'r' };
    state = tabsReducer(state, { type: 'saved', id, source, doc: saving, base: saving });
    expect(state.open[0]).toMatchObject({ dirty: true, source, draft: { url: 'https://x/typed-during-save' } });
  });

  it('at the limit makes room by dropping the oldest clean tab, never a dirty one', () => {
    let state = run(Array.from({ length: MAX_TABS }, (_, i) => ({ type: 'new', doc: named(`t${i}`) }) as TabsAction));
    state = tabsReducer(state, { type: 'edit', id: state.open[0]!.id, draft: named('t0 edited') });
    state = tabsReducer(state, { type: 'new', doc: named('extra') });
    expect(state.open).toHaveLength(MAX_TABS);
    expect(names(state)[0]).toBe('t0 edited');
    expect(names(state)).not.toContain('t1');
    expect(activeTab(state)?.draft.name).toBe('extra');
  });
});
