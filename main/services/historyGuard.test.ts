import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { HISTORY_BODY_LIMIT, historyEntrySchema } from '../../src/models/workspace';
import { cutUtf8, guardHistoryEntry, maskSecretQuery, QUERY_MASK } from './historyGuard';

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

  it('keeps no preserved file content (scripts, examples) in history, and keeps the description', () => {
    const sent = entry([]);
    sent.request = { ...sent.request, description: 'Docs', preserved: { order: [], fields: { scripts: [{ type: 'afterResponse', code: 'pm.test()' }] } } };
    const kept = guardHistoryEntry(sent);
    expect(kept.request.preserved).toBeUndefined();
    expect(kept.request.description).toBe('Docs');
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

describe('history body limits', () => {
  const withBody = (body: unknown) =>
    historyEntrySchema.parse({
      id: 'h1',
      at: '2025-01-01T00:00:00.000Z',
      request: { id: 'r1', name: 'x', method: 'POST', url: 'https://api.example.com/x', body },
      resolvedUrl: 'https://api.example.com/x',
    });

  it('keeps a raw body up to 64 KB as it is, unmarked', () => {
    const text = 'a'.repeat(HISTORY_BODY_LIMIT);
    const guarded = guardHistoryEntry(withBody({ mode: 'raw', language: 'text', text }));
    expect(guarded.request.body).toEqual({ mode: 'raw', language: 'text', text });
    expect(guarded.truncated).toBeUndefined();
  });

  it('cuts a longer raw body to 64 KB, marks the entry with the original size, and stays valid', () => {
    const text = `{"data":"${'x'.repeat(200 * 1024)}"}`;
    const guarded = guardHistoryEntry(withBody({ mode: 'raw', language: 'json', text }));
    expect(guarded.request.body.mode === 'raw' && guarded.request.body.text).toBe(text.slice(0, HISTORY_BODY_LIMIT));
    expect(guarded.truncated).toEqual({ bodyBytes: text.length });
    expect(historyEntrySchema.safeParse(guarded).success).toBe(true);
  });

  it('never splits a multi-byte character when cutting', () => {
    expect(cutUtf8('aé€😀', 1)).toBe('a');
    expect(cutUtf8('aé€😀', 2)).toBe('a');
    expect(cutUtf8('aé€😀', 3)).toBe('aé');
    expect(cutUtf8('aé€😀', 9)).toBe('aé€');
    expect(cutUtf8('aé€😀', 10)).toBe('aé€😀');
    const cut = guardHistoryEntry(withBody({ mode: 'raw', language: 'text', text: '€'.repeat(HISTORY_BODY_LIMIT) }));
    const kept = cut.request.body.mode === 'raw' ? cut.request.body.text : '';
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(HISTORY_BODY_LIMIT);
    expect(kept).toBe('€'.repeat(Math.floor(HISTORY_BODY_LIMIT / 3)));
  });

  it('shares the 64 KB between form fields, in order', () => {
    const big = 'v'.repeat(40 * 1024);
    const body = { mode: 'urlencoded', fields: [1, 2, 3].map((n) => ({ id: `f${n}`, key: `k${n}`, value: big })) };
    const guarded = guardHistoryEntry(withBody(body));
    const values = guarded.request.body.mode === 'urlencoded' ? guarded.request.body.fields.map((f) => f.value.length) : [];
    expect(values).toEqual([40 * 1024, HISTORY_BODY_LIMIT - 40 * 1024, 0]);
    expect(guarded.truncated).toEqual({ bodyBytes: 3 * 40 * 1024 });
    const parts = { mode: 'multipart', parts: [{ id: 'p1', key: 'file', kind: 'file', value: '/tmp/x.bin' }, { id: 'p2', key: 'a', kind: 'text', value: big }, { id: 'p3', key: 'b', kind: 'text', value: big }] };
    const multipart = guardHistoryEntry(withBody(parts)).request.body;
    expect(multipart.mode === 'multipart' && multipart.parts.map((p) => p.value.length)).toEqual(['/tmp/x.bin'.length, 40 * 1024, HISTORY_BODY_LIMIT - 40 * 1024]);
  });
});

describe('the history guard and switched-off params', () => {
  it('masks a presigned signature kept in a switched-off query param', () => {
    const withOff = historyEntrySchema.parse({
      ...entry([]),
      request: { ...entry([]).request, disabledParams: [{ key: 'X-Amz-Signature', value: 'feedface0123' }, { key: 'page', value: '2' }] },
    });
    const guarded = guardHistoryEntry(withOff);
    expect(JSON.stringify(guarded)).not.toContain('feedface0123');
    expect(guarded.request.disabledParams).toEqual([{ key: 'X-Amz-Signature', value: QUERY_MASK }, { key: 'page', value: '2' }]);
  });
});

describe('a GraphQL body in history', () => {
  it('keeps query then variables within the limit and records the original size', async () => {
    const { limitBody } = await import('./historyGuard');
    const body = { mode: 'graphql' as const, query: 'q'.repeat(8), variables: 'v'.repeat(8) };
    expect(limitBody(body, 100)).toEqual({ body });
    expect(limitBody(body, 10)).toEqual({ body: { mode: 'graphql', query: 'q'.repeat(8), variables: 'vv' }, bodyBytes: 16 });
    expect(limitBody(body, 4)).toEqual({ body: { mode: 'graphql', query: 'qqqq', variables: '' }, bodyBytes: 16 });
  });
});
