import { describe, expect, it } from 'vitest';
import { historyEntrySchema } from '../../src/models/workspace';
import { guardHistoryEntry, maskSecretQuery, QUERY_MASK } from './historyGuard';

const entry = (headers: Array<[string, string]>, url = 'https://api.example.com/x') =>
  historyEntrySchema.parse({
    id: 'h1',
    at: '2025-01-01T00:00:00.000Z',
    request: { id: 'r1', name: 'x', method: 'GET', url, headers: headers.map(([key, value], i) => ({ id: `h${i}`, key, value })) },
    resolvedUrl: url,
  });

describe('the history guard', () => {
  it.each([
    ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIA/20250101/us-east-1/execute-api/aws4_request, Signature=abc'],
    ['x-amz-security-token', 'FwoGZXIvYXdzEXAMPLETOKEN'],
    [' AUTHORIZATION ', 'Bearer abc'],
  ])('refuses an entry carrying %s', (name, value) => {
    expect(() => guardHistoryEntry(entry([['accept', '*/*'], [name, value]]))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('lets through empty values and pure {{variable}} templates', () => {
    const ok = entry([['Authorization', ''], ['X-Amz-Security-Token', '{{ token }}'], ['accept', 'application/json']]);
    expect(guardHistoryEntry(ok).request.headers).toHaveLength(3);
  });

  it('masks the signature, credential and token of a presigned URL and keeps the rest as typed', () => {
    const url =
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20250101%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Security-Token=FwoG%2Btoken&x-amz-signature=abcdef&page=2#top';
    expect(maskSecretQuery(url)).toBe(
      `https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${QUERY_MASK}&X-Amz-Security-Token=${QUERY_MASK}&x-amz-signature=${QUERY_MASK}&page=2#top`,
    );
    const guarded = guardHistoryEntry(entry([], url));
    expect(guarded.resolvedUrl).not.toContain('FwoG');
    expect(guarded.request.url).not.toContain('abcdef');
    expect(maskSecretQuery('https://x.example.com/a?b=c')).toBe('https://x.example.com/a?b=c');
  });
});
