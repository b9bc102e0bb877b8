import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';

const TOKEN = 'IQoJb3JpZ2luX2VjEOr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+abc/def==';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('redactSecrets', () => {
  it('masks every occurrence in nested strings, with the label and length', () => {
    const value = {
      request: { headers: [['x-amz-security-token', TOKEN], ['x-other', `a${TOKEN}b${TOKEN}`]] },
      explanation: { canonicalRequest: `host:h\nx-amz-security-token:${TOKEN}\n` },
    };
    const out = redactSecrets(value, [{ value: TOKEN, label: 'session token' }]);
    const mask = `«redacted: session token, ${TOKEN.length} chars»`;
    expect(out.request.headers[0]).toEqual(['x-amz-security-token', mask]);
    expect(out.request.headers[1]).toEqual(['x-other', `a${mask}b${mask}`]);
    expect(out.explanation.canonicalRequest).toBe(`host:h\nx-amz-security-token:${mask}\n`);
    expect(JSON.stringify(out)).not.toContain(TOKEN);
  });

  it('masks the percent-encoded form a presigned URL carries', () => {
    const encoded = encodeURIComponent(TOKEN);
    expect(encoded).not.toBe(TOKEN);
    const url = `https://h/p?X-Amz-Security-Token=${encoded}&X-Amz-Signature=abc`;
    const lower = url.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    const out = redactSecrets({ url, lower }, [{ value: TOKEN, label: 'session token' }]);
    expect(out.url).toBe(`https://h/p?X-Amz-Security-Token=«redacted: session token, ${TOKEN.length} chars»&X-Amz-Signature=abc`);
    expect(out.lower).not.toContain(encoded.toLowerCase());
  });

  it('deep-copies: the input is untouched and no object is shared', () => {
    const input = { a: [{ s: SECRET }], n: 1, b: true, z: null, u: undefined };
    const out = redactSecrets(input, [SECRET]);
    expect(input.a[0]?.s).toBe(SECRET);
    expect(out).toEqual({ a: [{ s: '«redacted: secret, 40 chars»' }], n: 1, b: true, z: null, u: undefined });
    expect(out.a).not.toBe(input.a);
    expect(out.a[0]).not.toBe(input.a[0]);
  });

  it('ignores missing and short secrets, which would match by chance', () => {
    const input = { text: 'GET /short path' };
    expect(redactSecrets(input, [undefined, '', 'short', { label: 'session token' }])).toEqual(input);
  });

  it('masks a longer secret whole when it contains a shorter one', () => {
    const inner = 'ABCDEFGHIJ';
    const outer = `${inner}KLMNOPQRST`;
    const out = redactSecrets(`x ${outer} y ${inner}`, [
      { value: inner, label: 'a' },
      { value: outer, label: 'b' },
    ]);
    expect(out).toBe('x «redacted: b, 20 chars» y «redacted: a, 10 chars»');
  });

  it('masks secrets in object keys too', () => {
    const out = redactSecrets({ [SECRET]: 1 }, [SECRET]);
    expect(Object.keys(out)).toEqual(['«redacted: secret, 40 chars»']);
  });
});
