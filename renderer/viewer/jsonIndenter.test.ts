import { describe, expect, it } from 'vitest';
import { createJsonIndenter } from './jsonIndenter';

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
});
