// What the body's search panel says. While a big body is still being read, a search that finds nothing yet has
// not failed: it says "Searching…" and tries again as each new slice arrives, and says "No match" only once the
// whole body is in and the text is still not there.

export interface SearchStatusDeps {
  /** Runs the search in the given direction; the line of the match, or undefined when there is none in the text so far. */
  find(forward: boolean): number | undefined;
  /** True while more of the body is still to come. */
  loading(): boolean;
  show(text: string): void;
}

export const SEARCHING_TEXT = 'Searching… (the body is still loading)';

export function createSearchStatus(deps: SearchStatusDeps) {
  let pending: { forward: boolean } | undefined;
  const attempt = (forward: boolean) => {
    const line = deps.find(forward);
    if (line !== undefined) {
      pending = undefined;
      deps.show(`Match on line ${line}`);
    } else if (deps.loading()) {
      pending = { forward };
      deps.show(SEARCHING_TEXT);
    } else {
      pending = undefined;
      deps.show('No match');
    }
  };
  return {
    /** The user asked for the next (or previous) match. */
    go: attempt,
    /** More of the body arrived, or the last of it: a search still waiting runs again. */
    more() {
      if (pending) attempt(pending.forward);
    },
    /** The query changed: whatever was waiting is for the old one. */
    reset() {
      pending = undefined;
      deps.show('');
    },
    get waiting() {
      return pending !== undefined;
    },
  };
}
