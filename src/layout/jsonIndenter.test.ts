import { describe, expect, it } from 'vitest';
import { LAYOUT_GROWTH, LAYOUT_SLACK, MAX_INDENT_DEPTH } from './limits';
import { createJsonIndenter, LONG_CONTAINER_LINES } from './jsonIndenter';

function indentInSlices(text: string, size: number): string {
  const indenter = createJsonIndenter();
  let out = '';
  for (let i = 0; i < text.length; i += size) out += indenter.push(text.slice(i, i + size));
  return out + indenter.end();
}

const SAMPLE = '{"a":1,"b":[true,null,{"c":"x, y: {z}","d":"q\\"uo\\\\te"}],"e":{},"f":[ ],"g":12345678901234567890,"h":"\\u00e9"}';

describe('createJsonIndenter', () => {
  it('lays JSON out like JSON.stringify(value, null, 2), keeping numbers and escapes as sent', () => {
    const expected = JSON.stringify(JSON.parse(SAMPLE), null, 2)
      .replace('12345678901234567000', '12345678901234567890')
      .replace('"é"', '"\\u00e9"');
    expect(indentInSlices(SAMPLE, 1_000_000)).toBe(expected);
  });

  it('gives the same text whatever the slice size, even when a slice ends inside a string, an escape or after a bracket', () => {
    const whole = indentInSlices(SAMPLE, 1_000_000);
    for (const size of [1, 2, 3, 5, 7, 16]) expect(indentInSlices(SAMPLE, size), `slice ${size}`).toBe(whole);
  });

  it('replaces the whitespace between tokens but never inside strings', () => {
    expect(indentInSlices('[ 1 ,\n\t"a  b" ]', 4)).toBe('[\n  1,\n  "a  b"\n]');
  });

  it('keeps a top-level scalar as it is', () => {
    expect(indentInSlices('"just text"', 3)).toBe('"just text"');
    expect(indentInSlices('42', 1)).toBe('42');
  });

  it('records where each container longer than LONG_CONTAINER_LINES lines opens and closes in the output, whatever the slices', () => {
    const long = Array.from({ length: LONG_CONTAINER_LINES + 5 }, (_, i) => i);
    const text = JSON.stringify({ short: [1, 2], long, nested: { inner: long } });
    for (const size of [7, 1_000_000]) {
      const indenter = createJsonIndenter();
      let out = '';
      for (let i = 0; i < text.length; i += size) out += indenter.push(text.slice(i, i + size));
      out += indenter.end();
      const pairs = [...indenter.longContainers].sort((a, b) => a[0] - b[0]);
      const longOpen = out.indexOf('"long": [') + 8;
      const expected = [
        [0, out.length - 1],
        [longOpen, out.indexOf('\n  ]', longOpen) + 3],
        [out.indexOf('"nested": {') + 10, out.lastIndexOf('\n  }') + 3],
        [out.indexOf('"inner": [') + 9, out.indexOf('\n    ]') + 5],
      ];
      expect(pairs, `slice ${size}`).toEqual(expected);
      for (const [from, to] of pairs) expect(out[from]! + out[to]!).toMatch(/^(\{\}|\[\])$/);
    }
  });

  it('indents only the first MAX_INDENT_DEPTH levels of a million nested arrays, whatever the slices', { timeout: 10_000 }, () => {
    const levels = 1_000_000;
    const json = '['.repeat(levels) + ']'.repeat(levels);
    const deep = '['.repeat(levels - MAX_INDENT_DEPTH) + ']'.repeat(levels - MAX_INDENT_DEPTH);
    for (const size of [4096, 1_000_003]) {
      const indenter = createJsonIndenter();
      let out = '';
      for (let i = 0; i < json.length; i += size) out += indenter.push(json.slice(i, i + size));
      out += indenter.end();
      const lines = out.split('\n');
      expect(lines, `slice ${size}`).toHaveLength(2 * MAX_INDENT_DEPTH + 1);
      expect(lines[MAX_INDENT_DEPTH]).toBe('  '.repeat(MAX_INDENT_DEPTH) + deep);
      expect(indenter.flattened).toEqual({ nesting: true, size: false });
    }
  });

  it('writes the rest on one line once the layout outgrows its budget, at the same place whatever the slices', { timeout: 10_000 }, () => {
    const depth = MAX_INDENT_DEPTH - 1;
    const json = '['.repeat(depth) + '0,'.repeat(500_000) + '0' + ']'.repeat(depth);
    const whole = indentInSlices(json, 10_000_000);
    expect(whole.length).toBeLessThanOrEqual(LAYOUT_GROWTH * json.length + LAYOUT_SLACK + 2 * MAX_INDENT_DEPTH + 2);
    expect(whole.replace(/\s/g, '')).toBe(json);
    expect(indentInSlices(json, 65_537)).toBe(whole);
  });
});
