// Lays out JSON with two-space indentation one slice at a time: main formats a whole body with it (in its format
// worker), and the viewer lays out a spooled body too big for one message slice by slice. Strings and numbers are
// copied exactly as sent (12345678901234567890 is not rounded, "\u00e9" stays escaped), whitespace between tokens
// is replaced, {} and [] stay on one line. It does not validate: text that is not JSON keeps its characters but
// loses spacing between tokens. One pass, and linear output: containers deeper than MAX_INDENT_DEPTH, and
// everything after the layout outgrows its budget, are written without line breaks (see layout/limits).
import { MAX_INDENT_DEPTH, overLayoutBudget } from './limits';

export interface JsonIndenter {
  push(chunk: string): string;
  end(): string;
  /**
   * The containers of the text laid out so far that span more than LONG_CONTAINER_LINES lines: the offset of the
   * opening bracket in the output (all pushes' results joined) to the offset of its closing bracket. Grows as the
   * text is pushed. A viewer finds short containers' ends from the layout itself; these it could only find by a
   * scan as long as the container.
   */
  readonly longContainers: ReadonlyMap<number, number>;
  /** Why part of the text was written without line breaks: nesting past MAX_INDENT_DEPTH, or the size budget. */
  readonly flattened: Readonly<{ nesting: boolean; size: boolean }>;
}

/** Containers longer than this many lines are recorded in longContainers. */
export const LONG_CONTAINER_LINES = 1000;

const QUOTE = 34;
const BACKSLASH = 92;

export function createJsonIndenter(): JsonIndenter {
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** An opening bracket not written yet: "{}" and "[]" stay on one line, so it waits for the next token. */
  let pending: '{' | '[' | undefined;
  const indents: string[] = [];
  /** Length of the output so far (all pushes). */
  let pos = 0;
  /** Characters of input before the one being handled (all pushes): the same at each token whatever the slices. */
  let read = 0;
  /** Lines of output so far (line breaks written). */
  let lines = 0;
  /** The open containers, innermost last: their opening bracket's offset and line. */
  const openAt: number[] = [];
  const openLine: number[] = [];
  const longContainers = new Map<number, number>();
  const flattened = { nesting: false, size: false };

  /** A line break indented for `level`, or nothing once the layout stops breaking lines. */
  const lineBreak = (level: number) => {
    if (level > MAX_INDENT_DEPTH) {
      flattened.nesting = true;
      return '';
    }
    if (flattened.size) return '';
    if (overLayoutBudget(pos, read)) {
      flattened.size = true;
      return '';
    }
    lines++;
    return (indents[level] ??= '\n' + '  '.repeat(Math.max(0, level)));
  };
  /** The output of the current push: one string built by appending (V8 joins the pieces once, when it is read). */
  let out = '';
  const emit = (text: string) => {
    out += text;
    pos += text.length;
  };

  function flush() {
    if (!pending) return;
    openAt.push(pos);
    openLine.push(lines);
    emit(pending);
    depth++;
    emit(lineBreak(depth));
    pending = undefined;
  }

  function close(c: string) {
    flush();
    const inner = depth;
    depth--;
    const from = openAt.pop();
    const line = openLine.pop();
    // A container written on one line closes on it too.
    emit(lineBreak(inner > MAX_INDENT_DEPTH ? inner : depth));
    if (from !== undefined && line !== undefined && lines - line > LONG_CONTAINER_LINES) longContainers.set(from, pos);
    emit(c);
  }

  return {
    longContainers,
    flattened,
    push(chunk) {
      out = '';
      const base = read;
      let i = 0;
      const n = chunk.length;
      while (i < n) {
        if (inString) {
          let j = i;
          while (j < n) {
            const c = chunk.charCodeAt(j);
            if (escaped) escaped = false;
            else if (c === BACKSLASH) escaped = true;
            else if (c === QUOTE) {
              inString = false;
              j++;
              break;
            }
            j++;
          }
          emit(chunk.slice(i, j));
          i = j;
          continue;
        }
        const c = chunk[i]!;
        i++;
        read = base + i;
        switch (c) {
          case ' ':
          case '\t':
          case '\n':
          case '\r':
            break;
          case '"':
            flush();
            inString = true;
            emit(c);
            break;
          case '{':
          case '[':
            flush();
            pending = c;
            break;
          case '}':
          case ']':
            if (pending && (pending === '{') === (c === '}')) {
              emit(pending + c);
              pending = undefined;
            } else {
              close(c);
            }
            break;
          case ',':
            flush();
            emit(',' + lineBreak(depth));
            break;
          case ':':
            flush();
            emit(': ');
            break;
          default: {
            flush();
            // A number or literal: copy up to the next delimiter in one slice.
            let j = i;
            while (j < n && !' \t\n\r,:]}[{"'.includes(chunk[j]!)) j++;
            emit(c + chunk.slice(i, j));
            i = j;
          }
        }
      }
      read = base + n;
      return out;
    },
    end() {
      out = '';
      flush();
      return out;
    },
  };
}
