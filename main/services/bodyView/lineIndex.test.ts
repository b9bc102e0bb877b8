import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { createLineBreaker } from './lineBreaker';
import { createLineIndex, knownLines } from './lineIndex';

/** Lays `text` out in slices of `size` code units through the breaker and the index, as layout.ts does. */
function layOut(text: string, size: number, every = 2, max = 4096) {
  const breaker = createLineBreaker(max);
  const index = createLineIndex(every);
  let out = '';
  const feed = (piece: string) => {
    out += piece;
    index.add(Buffer.from(piece, 'utf8'));
  };
  for (let i = 0; i < text.length; i += size) feed(breaker.push(text.slice(i, i + size)));
  feed(breaker.end());
  return { out, index, bytes: Buffer.from(out, 'utf8') };
}

/** The line each checkpoint points at, read back from the bytes. */
function linesAtCheckpoints(bytes: Buffer, checkpoints: readonly number[]) {
  return checkpoints.map((at) => {
    const end = bytes.indexOf(10, at);
    return bytes.subarray(at, end < 0 ? bytes.length : end).toString('utf8');
  });
}

describe('line index', () => {
  it('finds every other line start when lines straddle slice boundaries', () => {
    const text = 'alpha\nbé\ngamma\ndelta\nε\nzeta\n';
    for (const size of [1, 2, 3, 7, 100]) {
      const { index, bytes } = layOut(text, size);
      expect(index.breaks).toBe(6);
      expect(knownLines(index.breaks, true)).toBe(7);
      expect(index.checkpoints).toHaveLength(4);
      expect(linesAtCheckpoints(bytes, index.checkpoints)).toEqual(['alpha', 'gamma', 'ε', '']);
    }
  });

  it('turns CRLF into LF, a CR cut from its LF by the slice boundary too, and keeps a lone CR', () => {
    const text = 'one\r\ntwo\r\nthree\rstill three\r\n';
    for (const size of [1, 4, 5, 9]) {
      const { out, index } = layOut(text, size);
      expect(out).toBe('one\ntwo\nthree\rstill three\n');
      expect(index.breaks).toBe(3);
    }
    expect(layOut('end\r', 4).out).toBe('end\r');
  });

  it('counts a last line without a newline, and an empty body as one empty line', () => {
    expect(knownLines(layOut('a\nb', 1).index.breaks, true)).toBe(2);
    expect(knownLines(layOut('a\nb\n', 1).index.breaks, true)).toBe(3);
    expect(knownLines(layOut('', 1).index.breaks, true)).toBe(1);
    // While the layout runs, the text after the last break may still grow: it is not counted yet.
    expect(knownLines(layOut('a\nb', 1).index.breaks, false)).toBe(1);
  });

  it('breaks a long line into display lines, never inside a surrogate pair', () => {
    const { out } = layOut('abcdefgh\nxy', 3, 2, 4);
    expect(out).toBe('abcd\nefgh\nxy');
    // Slices come from a decoder, so a pair is never cut between two of them; within one it is kept whole.
    const emoji = 'a😀😀';
    const { out: split } = layOut(emoji, 100, 2, 2);
    expect(split.split('\n')).toEqual(['a', '😀', '😀']);
  });
});
