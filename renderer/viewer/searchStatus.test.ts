import { describe, expect, it } from 'vitest';
import { createSearchStatus, SEARCHING_TEXT } from './searchStatus';

/** A body read in slices: the text so far, whether more is coming, and the search's answer on it. */
function harness(needle: string) {
  const body = { text: '', loading: true };
  const shown: string[] = [];
  const status = createSearchStatus({
    find: () => {
      const at = body.text.indexOf(needle);
      return at < 0 ? undefined : body.text.slice(0, at).split('\n').length;
    },
    loading: () => body.loading,
    show: (text) => shown.push(text),
  });
  return { body, shown, status };
}

describe('search status while a large body loads', () => {
  it('says searching, not "No match", while the body is still loading, then finds the match when its slice arrives', () => {
    const { body, shown, status } = harness('needle');
    body.text = 'a\nb\n';
    status.go(true);
    expect(shown.at(-1)).toBe(SEARCHING_TEXT);
    expect(shown).not.toContain('No match');
    body.text += 'c\nthe needle\n';
    status.more();
    expect(shown.at(-1)).toBe('Match on line 4');
    expect(status.waiting).toBe(false);
  });

  it('says "No match" once the whole body is in without the text', () => {
    const { body, shown, status } = harness('absent');
    body.text = 'x';
    status.go(true);
    expect(shown.at(-1)).toBe(SEARCHING_TEXT);
    body.loading = false;
    status.more();
    expect(shown.at(-1)).toBe('No match');
  });

  it('says "No match" at once for a body already complete, and nothing runs again after a new query', () => {
    const { body, shown, status } = harness('absent');
    body.loading = false;
    status.go(false);
    expect(shown).toEqual(['No match']);
    body.loading = true;
    status.go(true);
    status.reset();
    status.more();
    expect(shown.at(-1)).toBe('');
  });
});
