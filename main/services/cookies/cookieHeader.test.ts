import { describe, expect, it } from 'vitest';
import { maskJarCookies, withJarCookies, withoutJarCookies } from './cookieHeader';

const jar = [
  { name: 'sid', value: 'from-jar' },
  { name: 'theme', value: 'dark' },
];

describe('the jar and a typed Cookie header', () => {
  it('adds a Cookie header when the request has none', () => {
    const out = withJarCookies([['Accept', '*/*']], jar);
    expect(out.headers).toEqual([
      ['Accept', '*/*'],
      ['Cookie', 'sid=from-jar; theme=dark'],
    ]);
    expect(out.added).toBe('sid=from-jar; theme=dark');
  });

  it('lets the typed header win for a name it sets, and appends the rest to it as one header', () => {
    const out = withJarCookies([['cookie', 'sid=typed;']], jar);
    expect(out.headers).toEqual([['cookie', 'sid=typed; theme=dark']]);
    expect(out.pairs).toEqual([{ name: 'theme', value: 'dark' }]);
    expect(withoutJarCookies(out.headers, out.added)).toEqual([['cookie', 'sid=typed']]);
  });

  it('leaves the headers alone when the jar has nothing to add', () => {
    const headers: Array<[string, string]> = [['Cookie', 'sid=typed; theme=light']];
    expect(withJarCookies(headers, jar)).toEqual({ headers, pairs: [] });
    expect(withJarCookies([], [])).toEqual({ headers: [], pairs: [] });
  });

  it('takes a jar-only Cookie header out whole on a redirect', () => {
    const out = withJarCookies([['Accept', '*/*']], jar);
    expect(withoutJarCookies(out.headers, out.added)).toEqual([['Accept', '*/*']]);
  });
});

describe('masking what the jar added', () => {
  it('masks values in the Cookie header and the canonical request line, and nowhere else', () => {
    const pairs = [{ name: 'a', value: '1' }];
    const sent = {
      request: { url: 'https://example.com/?a=1', headers: [['Cookie', 'own=x; a=1']] },
      explanation: { canonicalRequest: 'GET\n/\na=1\ncookie:own=x; a=1\nhost:example.com\n' },
    };
    const masked = maskJarCookies(sent, 'a=1', pairs);
    expect(masked.request.headers).toEqual([['Cookie', 'own=x; a=«redacted: cookie, 1 chars»']]);
    expect(masked.request.url).toBe('https://example.com/?a=1');
    expect(masked.explanation.canonicalRequest).toBe('GET\n/\na=1\ncookie:own=x; a=«redacted: cookie, 1 chars»\nhost:example.com\n');
    expect(sent.request.headers[0]![1]).toBe('own=x; a=1');
  });
});
