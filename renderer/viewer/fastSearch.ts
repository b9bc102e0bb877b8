// The body's search panel. CodeMirror's own finder walks the document a character at a time, which takes seconds
// on a 20 MB body; this panel searches the parts the text was built from with the engine's indexOf / RegExp, and
// still lets CodeMirror highlight the matches in view (setSearchQuery) and manage the panel (Mod-f, Escape).
import { findNext as slowFindNext, findPrevious as slowFindPrevious, getSearchQuery, SearchQuery, setSearchQuery, closeSearchPanel } from '@codemirror/search';
import { EditorSelection } from '@codemirror/state';
import { EditorView, type Command, type Panel } from '@codemirror/view';
import { findInSegments, toSegments, type Segment } from './segmentSearch';
import { createSearchStatus } from './searchStatus';

/**
 * Where the editor's text came from, as the parts BodyEditor appended: searching them one by one needs no copy of
 * a 50 MB document (joining and lower-casing one cost seconds of allocation and garbage collection).
 */
const sources = new WeakMap<EditorView, () => readonly string[]>();
/** Whether more of each view's text is still to come, and its open panel's search waiting for it. */
const loadingOf = new WeakMap<EditorView, () => boolean>();
const waiting = new WeakMap<EditorView, () => void>();

export function setSearchSource(view: EditorView, parts: () => readonly string[], loading: () => boolean = () => false): void {
  sources.set(view, parts);
  loadingOf.set(view, loading);
}

/** More text arrived (or the last of it): a search still waiting for it runs again. */
export function searchMoreArrived(view: EditorView): void {
  waiting.get(view)?.();
}

/** The parts as segments; undefined when they do not add up to the document (CodeMirror normalized CRLF). */
function segments(view: EditorView): Segment[] | undefined {
  const parts = sources.get(view)?.();
  if (!parts) return undefined;
  const segs = toSegments(parts);
  const last = segs.at(-1);
  return (last ? last[0] + last[1].length : 0) === view.state.doc.length ? segs : undefined;
}

/** Finds the next (or previous) match, wrapping around; returns false when there is none. */
export function find(view: EditorView, forward: boolean): boolean {
  const query = getSearchQuery(view.state);
  if (!query.valid) return false;
  const segs = segments(view);
  if (query.regexp || query.wholeWord || !query.literal || !segs) return forward ? slowFindNext(view) : slowFindPrevious(view);
  const { from, to } = view.state.selection.main;
  const match =
    findInSegments(segs, query.search, query.caseSensitive, forward ? to : from, forward) ??
    findInSegments(segs, query.search, query.caseSensitive, forward ? 0 : view.state.doc.length + 1, forward);
  if (!match) return false;
  view.dispatch({
    selection: EditorSelection.single(match.from, match.to),
    effects: EditorView.scrollIntoView(match.from, { y: 'center' }),
    userEvent: 'select.search',
  });
  return true;
}

export const findNextFast: Command = (view) => find(view, true);
export const findPreviousFast: Command = (view) => find(view, false);

/** The panel's DOM: a Find field, match case, previous / next, a status line, close. */
export function createSearchPanel(view: EditorView): Panel {
  const dom = document.createElement('form');
  dom.className = 'cm-search rv-search';
  dom.setAttribute('role', 'search');
  dom.setAttribute('aria-label', 'Search in the body');

  const input = document.createElement('input');
  input.type = 'search';
  input.setAttribute('main-field', 'true');
  input.setAttribute('aria-label', 'Find');
  input.placeholder = 'Find in body';
  input.spellcheck = false;
  input.value = getSearchQuery(view.state).search;

  const caseLabel = document.createElement('label');
  const caseBox = document.createElement('input');
  caseBox.type = 'checkbox';
  caseBox.checked = getSearchQuery(view.state).caseSensitive;
  caseLabel.append(caseBox, ' Match case');

  const button = (text: string, label: string, run: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', run);
    return b;
  };
  const status = document.createElement('span');
  status.className = 'rv-search-status';
  status.setAttribute('role', 'status');

  const update = () =>
    view.dispatch({ effects: setSearchQuery.of(new SearchQuery({ search: input.value, caseSensitive: caseBox.checked, literal: true })) });
  const searchStatus = createSearchStatus({
    find: (forward) => (find(view, forward) ? view.state.doc.lineAt(view.state.selection.main.from).number : undefined),
    loading: () => loadingOf.get(view)?.() ?? false,
    show: (text) => {
      status.textContent = text;
    },
  });
  waiting.set(view, () => searchStatus.more());
  const go = (forward: boolean) => {
    update();
    if (!input.value) return;
    searchStatus.go(forward);
  };

  input.addEventListener('input', () => {
    searchStatus.reset();
    update();
  });
  caseBox.addEventListener('change', () => {
    searchStatus.reset();
    update();
  });
  dom.addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      go(!event.shiftKey);
    }
  });
  dom.append(
    input,
    button('↑', 'Previous match', () => go(false)),
    button('↓', 'Next match', () => go(true)),
    caseLabel,
    status,
    button('×', 'Close search', () => closeSearchPanel(view)),
  );
  return {
    dom,
    top: true,
    mount() {
      input.focus();
      input.select();
    },
  };
}
