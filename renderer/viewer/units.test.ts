import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, headerValue, statusTone, suggestedFileName } from './units';

describe('formatBytes', () => {
  it('reads in binary units with one decimal above bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });
  it('shows a dash for nonsense', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('keeps a decimal for small times and switches to seconds and minutes', () => {
    expect(formatDuration(0.42)).toBe('0.4 ms');
    expect(formatDuration(87.4)).toBe('87 ms');
    expect(formatDuration(1240)).toBe('1.24 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});

describe('statusTone', () => {
  it('groups statuses by class', () => {
    expect([101, 200, 204, 302, 403, 404, 500, 503].map(statusTone)).toEqual([
      'info', 'ok', 'ok', 'redirect', 'client-error', 'client-error', 'server-error', 'server-error',
    ]);
  });
});

describe('headerValue', () => {
  it('finds the first value whatever the case', () => {
    const headers: Array<[string, string]> = [['Content-Type', 'a'], ['content-type', 'b']];
    expect(headerValue(headers, 'CONTENT-TYPE')).toBe('a');
    expect(headerValue(headers, 'x-missing')).toBeUndefined();
  });
});

describe('suggestedFileName', () => {
  it('takes the last path segment and adds an extension from the content type', () => {
    expect(suggestedFileName('https://h.example/stag/items', 'application/json; charset=utf-8')).toBe('items.json');
    expect(suggestedFileName('https://h.example/report.csv', 'text/csv')).toBe('report.csv');
    expect(suggestedFileName('https://h.example/', 'text/html')).toBe('response.html');
    expect(suggestedFileName('https://h.example/a%20b', undefined)).toBe('a_b.bin');
    expect(suggestedFileName('not a url', 'application/problem+json')).toBe('response.json');
  });
});
