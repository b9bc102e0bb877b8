// Light colouring for the windowed body view, done for the visible lines only: JSON keys, strings, numbers and
// literals, or XML/HTML tags, by one regular expression per line (a display line is at most a few thousand
// characters). Search matches on the line are marked over the colouring. The output is text pieces with a class:
// React renders them as text, so a body's markup never becomes DOM.
import type { BodyLanguage } from './BodyEditor';

export interface Piece {
  text: string;
  /** wb-key, wb-string, wb-literal, wb-tag; wb-match / wb-match-selected for search matches. */
  cls?: string;
  selected?: boolean;
}

export interface LineMarks {
  /** Occurrences of this text are marked (plain text, as the search finds it). */
  needle?: string;
  matchCase?: boolean;
  /** The column of the selected match on this line, when it is on this line. */
  selectedColumn?: number;
}

const JSON_TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;
const MARKUP_TOKEN = /<\/?[A-Za-z!?][^<>]*>?/g;

type Span = [start: number, end: number, cls: string];

function tokens(text: string, language: BodyLanguage): Span[] {
  const out: Span[] = [];
  if (language === 'json') {
    for (const m of text.matchAll(JSON_TOKEN)) {
      const at = m.index;
      if (m[1] !== undefined) out.push([at, at + m[1].length, m[2] !== undefined ? 'wb-key' : 'wb-string']);
      else out.push([at, at + m[0].length, 'wb-literal']);
    }
  } else if (language === 'xml' || language === 'html') {
    for (const m of text.matchAll(MARKUP_TOKEN)) out.push([m.index, m.index + m[0].length, 'wb-tag']);
  }
  return out;
}

function matches(text: string, marks: LineMarks): Array<[number, number, boolean]> {
  const needle = marks.needle;
  if (!needle) return [];
  const hay = marks.matchCase ? text : text.toLowerCase();
  const find = marks.matchCase ? needle : needle.toLowerCase();
  // toLowerCase may change a length for a few characters; then positions would drift, so mark nothing.
  if (hay.length !== text.length || find.length !== needle.length) return [];
  const out: Array<[number, number, boolean]> = [];
  for (let i = hay.indexOf(find); i >= 0 && out.length < 200; i = hay.indexOf(find, i + find.length)) {
    out.push([i, i + find.length, i === marks.selectedColumn]);
  }
  return out;
}

export function paintLine(text: string, language: BodyLanguage, marks: LineMarks = {}): Piece[] {
  const spans = tokens(text, language);
  const found = matches(text, marks);
  if (spans.length === 0 && found.length === 0) return [{ text }];
  // Cut points from both sets; each piece takes the token class it lies in, and the match it lies in.
  const cuts = new Set<number>([0, text.length]);
  for (const [a, b] of spans) cuts.add(a).add(b);
  for (const [a, b] of found) cuts.add(a).add(b);
  const points = [...cuts].sort((x, y) => x - y);
  const pieces: Piece[] = [];
  let s = 0;
  let f = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    while (s < spans.length && spans[s]![1] <= a) s++;
    while (f < found.length && found[f]![1] <= a) f++;
    const span = spans[s] && spans[s]![0] <= a ? spans[s] : undefined;
    const match = found[f] && found[f]![0] <= a ? found[f] : undefined;
    const cls = [span?.[2], match ? (match[2] ? 'wb-match wb-match-selected' : 'wb-match') : undefined].filter(Boolean).join(' ');
    pieces.push({ text: text.slice(a, b), ...(cls ? { cls } : {}), ...(match?.[2] ? { selected: true } : {}) });
  }
  return pieces;
}
