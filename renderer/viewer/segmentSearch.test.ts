import { describe, expect, it } from 'vitest';
import { findInSegments, toSegments } from './segmentSearch';

/** Every way of cutting the text into parts of a fixed size must give the same answers as searching it whole. */
function reference(text: string, needle: string, caseSensitive: boolean, from: number, forward: boolean): number | undefined {
  const hay = caseSensitive ? text : text.toLowerCase();
  const pin = caseSensitive ? needle : needle.toLowerCase();
  const at = forward ? hay.indexOf(pin, from) : from > 0 ? hay.lastIndexOf(pin, from - 1) : -1;
  return at < 0 ? undefined : at;
}

function cut(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

const TEXT = '{"id":1,"marker":"alpha"}\n{"id":2,"Marker":"beta"}\n{"id":3,"marker":"ALPHA"}';

describe('findInSegments', () => {
  it('finds the same matches as a search over the whole text, however the text is cut', () => {
    for (const size of [1, 2, 3, 7, 10, 1000]) {
      const segs = toSegments(cut(TEXT, size));
      for (const needle of ['marker', 'alpha', '"id":', '}\n{', 'zzz']) {
        for (const caseSensitive of [true, false]) {
          for (const forward of [true, false]) {
            for (let from = 0; from <= TEXT.length + 1; from += 3) {
              const got = findInSegments(segs, needle, caseSensitive, from, forward)?.from;
              expect(got, `size ${size} ${needle} cs=${caseSensitive} fwd=${forward} from=${from}`).toBe(
                reference(TEXT, needle, caseSensitive, from, forward),
              );
            }
          }
        }
      }
    }
  });

  it('treats the needle literally', () => {
    expect(findInSegments(toSegments(['a.b (x)', '[y]']), '(x)[y', true, 0, true)).toEqual({ from: 4, to: 9 });
    expect(findInSegments(toSegments(['aXb']), '.', true, 0, true)).toBeUndefined();
  });

  it('finds nothing for an empty needle', () => {
    expect(findInSegments(toSegments(['abc']), '', true, 0, true)).toBeUndefined();
  });
});
