// The windowed body view's search bar. The search itself runs in main over the laid-out body (bodyView:search);
// this bar starts it, polls its count until it is done ("Searching…" until then), and steps through the matches,
// each step asking main where match i is. A newer query replaces the older search in main.
import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { BodySearchState } from '../../src/models/bodyView';
import { settle } from '../api';

const POLL_MS = 100;
/** A search of a few hundred MB is over well before this; past it the bar stops asking. */
const MAX_POLLS = 6000;
const TYPING_PAUSE_MS = 300;

export type FoundMatch = NonNullable<BodySearchState['match']>;

export interface SearchMarks {
  needle: string;
  matchCase: boolean;
}

export function WindowSearch(props: {
  api: RoleCallApi;
  viewId: string;
  inputRef: Ref<HTMLInputElement>;
  onMarks(marks: SearchMarks | undefined): void;
  onMatch(match: FoundMatch | undefined): void;
  onClose(): void;
}) {
  const { api, viewId, onMarks, onMatch } = props;
  const [query, setQuery] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [state, setState] = useState<{ key: string; searchId: string; count: number; done: boolean; capped: boolean; failed?: string }>();
  const [current, setCurrent] = useState<FoundMatch>();
  const generation = useRef(0);
  /** The query the latest search was started for: the typing pause does not start it twice. */
  const startedKey = useRef('');
  const key = `${matchCase ? 'c' : 'i'}:${query}`;

  async function start(q: string, caseSensitive: boolean) {
    const mine = ++generation.current;
    const searchKey = `${caseSensitive ? 'c' : 'i'}:${q}`;
    startedKey.current = searchKey;
    setCurrent(undefined);
    onMatch(undefined);
    if (!q) {
      setState(undefined);
      onMarks(undefined);
      return;
    }
    onMarks({ needle: q, matchCase: caseSensitive });
    const started = await settle(() => api.bodyViewSearch({ viewId, query: q, matchCase: caseSensitive }));
    if (mine !== generation.current) return;
    if (!started.ok) return setState({ key: searchKey, searchId: '', count: 0, done: true, capped: false, failed: started.error.message });
    const { searchId } = started.value;
    setState({ key: searchKey, searchId, count: 0, done: false, capped: false });
    for (let i = 0; i < MAX_POLLS; i++) {
      const polled = await settle(() => api.bodyViewMatch({ viewId, searchId, index: 0 }));
      if (mine !== generation.current) return;
      if (!polled.ok) return setState({ key: searchKey, searchId, count: 0, done: true, capped: false, failed: polled.error.message });
      const s = polled.value;
      setState({ key: searchKey, searchId, count: s.count, done: s.done, capped: s.capped });
      if (s.done) {
        setCurrent(s.match);
        onMatch(s.match);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (mine !== generation.current) return;
    }
  }

  // Searching as the user types, after a pause; Enter searches at once.
  useEffect(() => {
    if (startedKey.current === key) return;
    const timer = setTimeout(() => {
      if (startedKey.current !== key) void start(query, matchCase);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  async function step(by: 1 | -1) {
    if (startedKey.current !== key) return void start(query, matchCase);
    if (!state || state.key !== key || !state.done || state.count === 0 || !state.searchId) return;
    const kept = state.capped ? 100_000 : state.count;
    const index = current ? (current.index + by + kept) % kept : 0;
    const mine = generation.current;
    const answer = await settle(() => api.bodyViewMatch({ viewId, searchId: state.searchId, index }));
    if (mine !== generation.current || !answer.ok || !answer.value.match) return;
    setCurrent(answer.value.match);
    onMatch(answer.value.match);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    }
  }

  let status = '';
  if (state?.failed) status = `Search failed: ${state.failed}`;
  else if (state && !state.done) status = state.count > 0 ? `Searching… ${state.count.toLocaleString()} so far` : 'Searching…';
  else if (state?.done && state.count === 0) status = 'No match';
  else if (state?.done && current) status = `Match on line ${(current.line + 1).toLocaleString('en-US', { useGrouping: false })} · ${current.index + 1} of ${state.count}${state.capped ? ' (steps through the first 100,000)' : ''}`;

  return (
    <div className="wb-search" role="search" aria-label="Search in the body">
      <input
        ref={props.inputRef}
        type="search"
        aria-label="Find"
        placeholder="Find"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <label>
        <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Match case
      </label>
      <button type="button" onClick={() => void step(-1)} aria-label="Previous match" title="Previous match (Shift+Enter)">
        ↑
      </button>
      <button type="button" onClick={() => void step(1)} aria-label="Next match" title="Next match (Enter)">
        ↓
      </button>
      <span className="wb-search-status" role="status">
        {status}
      </span>
      <button type="button" onClick={props.onClose} aria-label="Close search">
        ×
      </button>
    </div>
  );
}
