import { describe, expect, it } from 'vitest';
import { identityLabel, searchHistory } from './historySearch';
import { historyEntrySchema, requestDocSchema, type HistoryEntry } from './models/workspace';

const entry = (n: number, over: Partial<HistoryEntry>, name = `req ${n}`, method = 'GET'): HistoryEntry =>
  historyEntrySchema.parse({
    id: `h${n}`,
    at: '2026-01-01T00:00:00Z',
    request: requestDocSchema.parse({ id: `r${n}`, name, method, url: 'https://{{host}}/x' }),
    resolvedUrl: `https://api.example.com/items/${n}`,
    ...over,
  });

const list = [
  entry(1, { status: 200, identity: 'profile dev' }, 'List items'),
  entry(2, { status: 403, identity: 'arn:aws:iam::111111111111:role/Admin (from profile dev)' }, 'Delete item', 'DELETE'),
  entry(3, { errorCode: 'DNS_FAILURE' }, 'Ping'),
];
const ids = (q: string) => searchHistory(list, q).map((e) => e.id);

describe('searchHistory', () => {
  it('matches method, URL, status, name and identity, every word, any case', () => {
    expect(ids('')).toEqual(['h1', 'h2', 'h3']);
    expect(ids('delete')).toEqual(['h2']);
    expect(ids('items/3')).toEqual(['h3']);
    expect(ids('403')).toEqual(['h2']);
    expect(ids('list ITEMS')).toEqual(['h1']);
    expect(ids('role/admin')).toEqual(['h2']);
    expect(ids('dns_failure')).toEqual(['h3']);
    expect(ids('get 403')).toEqual([]);
  });
});

describe('identityLabel', () => {
  it('names who signed, never a key', () => {
    expect(identityLabel({ kind: 'none' })).toBeUndefined();
    expect(identityLabel({ kind: 'profile', profile: 'dev' })).toBe('profile dev');
    expect(identityLabel({ kind: 'env' })).toBe('environment credentials');
    expect(identityLabel({ kind: 'storedKeys', name: 'ci' })).toBe('stored keys ci');
    expect(identityLabel({ kind: 'assumeRole', base: { kind: 'profile', profile: 'dev' }, roleArn: 'arn:aws:iam::111111111111:role/Admin', sessionName: 's' } as never)).toBe(
      'arn:aws:iam::111111111111:role/Admin (from profile dev)',
    );
  });
});
