// Lays out JSON with two-space indentation one slice at a time, for bodies too big to format in one piece: main's
// response:format would hand the window a single 50 MB string, while slices keep every step short. Same layout as
// main's indentJson: strings and numbers copied exactly as sent, whitespace between tokens replaced, {} and [] kept
// on one line. It does not validate: text that is not JSON keeps its characters but loses spacing between tokens.

export interface JsonIndenter {
  push(chunk: string): string;
  end(): string;
}

const QUOTE = 34;
const BACKSLASH = 92;

export function createJsonIndenter(): JsonIndenter {
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** An opening bracket not written yet: "{}" and "[]" stay on one line, so it waits for the next token. */
  let pending: '{' | '[' | undefined;
  const indents: string[] = [];
  const newline = () => (indents[depth] ??= '\n' + '  '.repeat(Math.max(0, depth)));

  function flush(out: string[]) {
    if (!pending) return;
    out.push(pending);
    depth++;
    out.push(newline());
    pending = undefined;
  }

  return {
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
          out.push(chunk.slice(i, j));
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
            out.push(c);
            break;
          case '{':
          case '[':
            flush(out);
            pending = c;
            break;
          case '}':
          case ']':
            if (pending && (pending === '{') === (c === '}')) {
              out.push(pending + c);
              pending = undefined;
            } else {
              flush(out);
              depth--;
              out.push(newline() + c);
            }
            break;
          case ',':
            flush(out);
            out.push(',' + newline());
            break;
          case ':':
            flush(out);
            out.push(': ');
            break;
          default: {
            flush(out);
            // A number or literal: copy up to the next delimiter in one slice.
            let j = i;
            while (j < n && !' \t\n\r,:]}[{"'.includes(chunk[j]!)) j++;
            out.push(c + chunk.slice(i, j));
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
