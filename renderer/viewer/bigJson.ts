// JSON support for a body laid out while reading (jsonIndenter): millions of lines, too many for a full syntax tree.
// The Lezer JSON parser must parse from the start to any line it highlights, so in a big body it keeps running (in
// 100 ms slices) and filling the heap behind every jump of the scroll bar. This highlighter works line by line, which
// the layout allows (one token sequence per line, no string spans lines), so CodeMirror parses only around the lines
// in view and skips the rest. Folding reads the layout too: an opening line ends with { or [, and its closing bracket
// starts the next line indented no deeper; containers longer than the indenter's LONG_CONTAINER_LINES come from its
// record, so finding any fold reads at most that many lines.
import { foldService, StreamLanguage, type StringStream } from '@codemirror/language';
import type { EditorState, Extension } from '@codemirror/state';
import { LONG_CONTAINER_LINES } from '../../src/layout/jsonIndenter';

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const LITERAL = /^(?:true|false|null)/;

function token(stream: StringStream): string | null {
  if (stream.eatSpace()) return null;
  const c = stream.next();
  if (c === '"') {
    let escaped = false;
    for (let ch = stream.next(); ch !== undefined; ch = stream.next()) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') break;
    }
    return stream.match(/^\s*:/, false) ? 'propertyName' : 'string';
  }
  if (c === '{' || c === '}') return 'brace';
  if (c === '[' || c === ']') return 'squareBracket';
  if (c === ',' || c === ':') return 'separator';
  stream.backUp(1);
  const literal = stream.match(LITERAL) as RegExpMatchArray | null;
  if (literal) return literal[0] === 'null' ? 'null' : 'bool';
  if (stream.match(NUMBER)) return 'number';
  stream.next();
  return 'invalid';
}

const lineJson = StreamLanguage.define<null>({ name: 'json', startState: () => null, token });

function indentOf(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  return i;
}

function foldFromLayout(longContainers: ReadonlyMap<number, number>) {
  return (state: EditorState, lineStart: number, lineEnd: number) => {
    if (lineEnd <= lineStart) return null;
    const doc = state.doc;
    const open = doc.sliceString(lineEnd - 1, lineEnd);
    if (open !== '{' && open !== '[') return null;
    const close = open === '{' ? '}' : ']';
    const recorded = longContainers.get(lineEnd - 1);
    if (recorded !== undefined) return recorded > lineEnd && doc.sliceString(recorded, recorded + 1) === close ? { from: lineEnd, to: recorded } : null;
    const first = doc.lineAt(lineStart);
    const depth = indentOf(first.text);
    const last = Math.min(doc.lines, first.number + LONG_CONTAINER_LINES + 1);
    for (let n = first.number + 1; n <= last; n++) {
      const line = doc.line(n);
      const indent = indentOf(line.text);
      if (indent > depth) continue;
      return indent === depth && line.text[indent] === close ? { from: lineEnd, to: line.from + indent } : null;
    }
    return null;
  };
}

/** Highlighting and folding for a JSON document laid out by jsonIndenter, with the indenter's long-container record. */
export function bigJson(longContainers: ReadonlyMap<number, number>): Extension {
  return [lineJson, foldService.of(foldFromLayout(longContainers))];
}
