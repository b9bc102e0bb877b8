// Lays out JSON with two-space indentation one slice at a time, for bodies too big to format in one piece: main's
// response:format would hand the window a single 50 MB string, while slices keep every step short. Same layout as
// main's indentJson: strings and numbers copied exactly as sent, whitespace between tokens replaced, {} and [] kept
// on one line. It does not validate: text that is not JSON keeps its characters but loses spacing between tokens.

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
  /** Lines of output so far (line breaks written). */
  let lines = 0;
  /** The open containers, innermost last: their opening bracket's offset and line. */
  const openAt: number[] = [];
  const openLine: number[] = [];
  const longContainers = new Map<number, number>();
  const newline = () => {
    lines++;
    return (indents[depth] ??= '\n' + '  '.repeat(Math.max(0, depth)));
  };
  const emit = (out: string[], text: string) => {
    out.push(text);
    pos += text.length;
  };

  function flush(out: string[]) {
    if (!pending) return;
    openAt.push(pos);
    openLine.push(lines);
    emit(out, pending);
    depth++;
    emit(out, newline());
    pending = undefined;
  }

  function close(out: string[], c: string) {
    flush(out);
    depth--;
    const from = openAt.pop();
    const line = openLine.pop();
    emit(out, newline());
    if (from !== undefined && line !== undefined && lines - line > LONG_CONTAINER_LINES) longContainers.set(from, pos);
    emit(out, c);
  }

  return {
    longContainers,
    push(chunk) {
      const out: string[] = [];
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
          emit(out, chunk.slice(i, j));
          i = j;
          continue;
        }
        const c = chunk[i]!;
        i++;
        switch (c) {
          case ' ':
          case '\t':
          case '\n':
          case '\r':
            break;
          case '"':
            flush(out);
            inString = true;
            emit(out, c);
            break;
          case '{':
          case '[':
            flush(out);
            pending = c;
            break;
          case '}':
          case ']':
            if (pending && (pending === '{') === (c === '}')) {
              emit(out, pending + c);
              pending = undefined;
            } else {
              close(out, c);
            }
            break;
          case ',':
            flush(out);
            emit(out, ',' + newline());
            break;
          case ':':
            flush(out);
            emit(out, ': ');
            break;
          default: {
            flush(out);
            // A number or literal: copy up to the next delimiter in one slice.
            let j = i;
            while (j < n && !' \t\n\r,:]}[{"'.includes(chunk[j]!)) j++;
            emit(out, c + chunk.slice(i, j));
            i = j;
          }
        }
      }
      return out.join('');
    },
    end() {
      const out: string[] = [];
      flush(out);
      return out.join('');
    },
  };
}
