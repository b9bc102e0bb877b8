import { describe, expect, it } from 'vitest';
import { LAYOUT_GROWTH, LAYOUT_SLACK, MAX_INDENT_DEPTH } from '../../src/layout/limits';
import { detectLanguage, formatBody, isBinary, SNIFF_BYTES } from './bodyFormat';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('body formatting', () => {
  it('pretty-prints JSON as JSON.stringify(…, 2) would', () => {
    const doc = { a: 1, b: [true, null, { c: 'x, y: {z}' }], e: {}, f: [], g: 'quote \\" inside' };
    const out = formatBody(bytes(JSON.stringify(doc)));
    expect(out).toEqual({ text: JSON.stringify(doc, null, 2), language: 'json', formatted: true, binary: false });
  });

  it('keeps numbers and escapes exactly as the server sent them', () => {
    expect(formatBody(bytes('{"id":12345678901234567890,"name":"caf\\u00e9","n":1.50}')).text).toBe(
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

  // Once these could not finish: every level of nesting added its indentation to every line inside it, and the XML
  // tokenizer's lazy patterns rescanned the rest of the body from every "<". The work is linear now, but a million
  // levels cost JSON.parse itself a second on a loaded machine, so the time limits are generous.
  describe('on hostile bodies', () => {
    const MB = 1024 * 1024;
    const bound = (input: number) => LAYOUT_GROWTH * input + LAYOUT_SLACK + 2 * MAX_INDENT_DEPTH + 2;

    for (const levels of [100_000, 1_000_000]) {
      it(`lays out ${levels} levels of nested arrays, indenting only the first MAX_INDENT_DEPTH`, { timeout: 20_000 }, () => {
        const json = '['.repeat(levels) + ']'.repeat(levels);
        const out = formatBody(bytes(json));
        expect(out).toMatchObject({ language: 'json', formatted: true, binary: false });
        const lines = out.text.split('\n');
        expect(lines).toHaveLength(2 * MAX_INDENT_DEPTH + 1);
        expect(lines[MAX_INDENT_DEPTH]).toBe('  '.repeat(MAX_INDENT_DEPTH) + '['.repeat(levels - MAX_INDENT_DEPTH) + ']'.repeat(levels - MAX_INDENT_DEPTH));
        expect(out.note).toMatch(/nested deeper than 500 levels/);
      });
    }

    it('stops laying out JSON whose indentation would grow it past its budget, and says so', { timeout: 10_000 }, () => {
      const depth = MAX_INDENT_DEPTH - 1;
      const json = '['.repeat(depth) + '0,'.repeat(MB / 2) + '0' + ']'.repeat(depth);
      const out = formatBody(bytes(json));
      expect(out.text.length).toBeLessThanOrEqual(bound(json.length));
      expect(out.text.replace(/\s/g, '')).toBe(json);
      expect(out.note).toMatch(/one line/);
    });

    const xmlBodies: Record<string, string> = {
      'a run of "<"': '<'.repeat(MB),
      'unclosed comments': '<!--'.repeat(MB / 4),
      'unclosed CDATA sections': '<![CDATA['.repeat(MB / 9),
      'a tag followed by a megabyte of line breaks': '<a>' + '\n'.repeat(MB) + ' x',
      'deeply nested elements': '<a>'.repeat(MB / 3),
    };
    for (const [name, xml] of Object.entries(xmlBodies)) {
      it(`formats 1 MB of XML made of ${name} within its budget`, { timeout: 10_000 }, () => {
        const out = formatBody(bytes(xml), 'application/xml');
        expect(out.language).toBe('xml');
        expect(out.text.length).toBeLessThanOrEqual(bound(xml.length));
        expect(out.text.replace(/\s/g, '')).toBe(xml.replace(/\s/g, ''));
      });
    }
  });
});
