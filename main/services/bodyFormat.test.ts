import { describe, expect, it } from 'vitest';
import { detectLanguage, formatBody, indentJson, isBinary, SNIFF_BYTES } from './bodyFormat';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('body formatting', () => {
  it('pretty-prints JSON as JSON.stringify(…, 2) would', () => {
    const doc = { a: 1, b: [true, null, { c: 'x, y: {z}' }], e: {}, f: [], g: 'quote \\" inside' };
    const out = formatBody(bytes(JSON.stringify(doc)));
    expect(out).toEqual({ text: JSON.stringify(doc, null, 2), language: 'json', formatted: true, binary: false });
  });

  it('keeps numbers and escapes exactly as the server sent them', () => {
    expect(indentJson('{"id":12345678901234567890,"name":"caf\\u00e9","n":1.50}')).toBe(
      '{\n  "id": 12345678901234567890,\n  "name": "caf\\u00e9",\n  "n": 1.50\n}',
    );
  });

  it('returns invalid JSON as it came, unformatted', () => {
    expect(formatBody(bytes('{"a": 1,'))).toEqual({ text: '{"a": 1,', language: 'json', formatted: false, binary: false });
  });

  it('labels HTML as html and returns it as text, never altered', () => {
    const html = '<!DOCTYPE html><html><body><script>window.pwned = 1</script></body></html>';
    expect(formatBody(bytes(html))).toEqual({ text: html, language: 'html', formatted: false, binary: false });
    expect(detectLanguage('<div>hi</div>', 'text/html; charset=utf-8')).toBe('html');
  });

  it('re-indents one-line XML and leaves laid-out XML alone', () => {
    const xml = '<?xml version="1.0"?><R><A>1</A><B><C>two</C><D/></B></R>';
    expect(formatBody(bytes(xml))).toEqual({
      text: '<?xml version="1.0"?>\n<R>\n  <A>1</A>\n  <B>\n    <C>two</C>\n    <D/>\n  </B>\n</R>',
      language: 'xml',
      formatted: true,
      binary: false,
    });
    const laidOut = '<R>\n  <A>1</A>\n</R>';
    expect(formatBody(bytes(laidOut)).text).toBe(laidOut);
  });

  it('detects by content type before sniffing', () => {
    expect(detectLanguage('plain', 'application/problem+json')).toBe('json');
    expect(detectLanguage('plain', 'application/xml')).toBe('xml');
    expect(detectLanguage('just words')).toBe('text');
  });

  it('calls a body binary for NUL bytes or invalid UTF-8, not for a character cut at the sniff boundary', () => {
    expect(isBinary(new Uint8Array([0x7b, 0x00, 0x7d]))).toBe(true);
    expect(isBinary(new Uint8Array([0xff, 0xfe, 0x41]))).toBe(true);
    expect(formatBody(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatchObject({ binary: true, formatted: false });
    // "é" is two bytes; put its first byte last in the sniffed window.
    const text = 'a'.repeat(SNIFF_BYTES - 1) + 'é' + 'tail';
    expect(isBinary(bytes(text))).toBe(false);
    expect(formatBody(bytes('naïve café'))).toMatchObject({ binary: false, text: 'naïve café' });
  });
});
