// Turns a body's text into display lines for the windowed viewer: CRLF becomes LF (a CR split from its LF by a
// slice boundary too), and a line longer than MAX_LINE_CHARS is broken into several, never inside a surrogate
// pair. A minified 20 MB document is one line; broken up it scrolls like any other, and every line the viewer asks
// for is bounded. The breaks exist only in the laid-out file: Raw, Copy and Save use the body as received.

/** Longest display line, in UTF-16 code units. */
export const MAX_LINE_CHARS = 4096;

export interface LineBreaker {
  push(text: string): string;
  end(): string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export function createLineBreaker(max = MAX_LINE_CHARS): LineBreaker {
  if (max < 2) throw new Error('A display line must hold at least two code units.');
  /** Code units on the current display line so far. */
  let column = 0;
  /** The last chunk ended in CR: it may be the first half of CRLF. */
  let pendingCr = false;

  return {
    push(chunk) {
      let text = pendingCr ? `\r${chunk}` : chunk;
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      if (text.includes('\r\n')) text = text.replace(/\r\n/g, '\n');
      let pieces: string[] | undefined;
      let start = 0;
      let pos = 0;
      while (pos < text.length) {
        const nl = text.indexOf('\n', pos);
        const lineEnd = nl < 0 ? text.length : nl;
        while (lineEnd - pos > max - column) {
          let cut = pos + (max - column);
          if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
          (pieces ??= []).push(text.slice(start, cut), '\n');
          start = pos = cut;
          column = 0;
        }
        if (nl < 0) {
          column += lineEnd - pos;
          pos = text.length;
        } else {
          column = 0;
          pos = nl + 1;
        }
      }
      if (!pieces) return text;
      pieces.push(text.slice(start));
      return pieces.join('');
    },
    end() {
      // A lone CR at the very end stays a character of the last line.
      if (!pendingCr) return '';
      pendingCr = false;
      if (column < max) {
        column++;
        return '\r';
      }
      column = 1;
      return '\n\r';
    },
  };
}
