import { describe, expect, it } from 'vitest';
import { parseQuery, queryRows, splitUrl, withQuery } from './queryParams';

describe('query params', () => {
  it('reads rows exactly as typed, keeping order, duplicates and flags', () => {
    expect(queryRows('https://h/p?b=2&a=1&a=%20x&flag&empty=#frag')).toEqual([
      { key: 'b', value: '2', hasEquals: true },
      { key: 'a', value: '1', hasEquals: true },
      { key: 'a', value: '%20x', hasEquals: true },
      { key: 'flag', value: '', hasEquals: false },
      { key: 'empty', value: '', hasEquals: true },
    ]);
    expect(queryRows('https://h/p')).toEqual([]);
    expect(parseQuery('')).toEqual([]);
  });

  it('round-trips a URL through its rows unchanged', () => {
    for (const url of ['https://h/p?b=2&a=1&a=1&flag&e=#x', 'https://{{host}}/{{stage}}?q={{q}}', 'https://h/?=v', 'https://h/p']) {
      expect(withQuery(url, queryRows(url))).toBe(url);
    }
  });

  it('rewrites only the query when rows change, and drops "?" when none are left', () => {
    const url = 'https://h/p?a=1#top';
    expect(withQuery(url, [...queryRows(url), { key: 'b', value: 'two', hasEquals: false }])).toBe('https://h/p?a=1&b=two#top');
    expect(withQuery(url, [])).toBe('https://h/p#top');
    expect(withQuery('https://h/p', [{ key: 'x', value: '', hasEquals: true }])).toBe('https://h/p?x=');
  });

  it('splits base, query and fragment', () => {
    expect(splitUrl('https://h/p?a=1#f?g')).toEqual({ base: 'https://h/p', query: 'a=1', hash: '#f?g' });
    expect(splitUrl('https://h/p?')).toEqual({ base: 'https://h/p', query: '', hash: '' });
  });
});
