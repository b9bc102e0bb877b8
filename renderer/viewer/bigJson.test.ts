import { foldable } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { bigJson } from './bigJson';
import { createJsonIndenter, LONG_CONTAINER_LINES } from '../../src/layout/jsonIndenter';

function laidOut(value: unknown): { state: EditorState; text: string } {
  const indenter = createJsonIndenter();
  const text = indenter.push(JSON.stringify(value)) + indenter.end();
  return { text, state: EditorState.create({ doc: text, extensions: bigJson(indenter.longContainers) }) };
}

describe('bigJson folding', () => {
  it('folds each container from after its opening bracket to before its closing one, short and long alike', () => {
    const long = Array.from({ length: LONG_CONTAINER_LINES + 10 }, (_, i) => ({ id: i }));
    const { state, text } = laidOut({ a: [1, 2], empty: {}, long, tail: { x: 'y, [z]' } });
    const ranges: Array<[string, string]> = [];
    for (let n = 1; n <= state.doc.lines; n++) {
      const line = state.doc.line(n);
      const range = foldable(state, line.from, line.to);
      if (range) ranges.push([text.slice(range.from - 1, range.from), text.slice(range.to, range.to + 1)]);
      if (range) expect(JSON.parse(text.slice(range.from - 1, range.to + 1))).toBeDefined();
    }
    // The top object, "a", "long" and its items, "tail"; never the one-line "{}".
    expect(ranges.length).toBe(1 + 1 + 1 + long.length + 1);
    for (const [open, close] of ranges) expect(open === '{' ? '}' : ']').toBe(close);
    expect(foldable(state, 0, state.doc.line(1).to)).toEqual({ from: 1, to: text.length - 1 });
  });

  it('finds no fold for a container whose end has not been read yet', () => {
    const indenter = createJsonIndenter();
    const text = indenter.push('{"a":[1,2,3');
    const state = EditorState.create({ doc: text, extensions: bigJson(indenter.longContainers) });
    for (let n = 1; n <= state.doc.lines; n++) expect(foldable(state, state.doc.line(n).from, state.doc.line(n).to)).toBeNull();
  });
});
