// Splits a pasted curl command into the words the program would receive, as bash or as Windows cmd would split
// it. Nothing is expanded or run: a $VAR stays as typed. Bash: single quotes, double quotes with \ escapes, $'...'
// ANSI-C quoting, backslash-newline continuations, and the line ends at an unquoted | ; & or >. cmd (what browser
// DevTools' "Copy as cURL (cmd)" writes): ^ escapes the next character (^ at a line end continues the line), then
// the C runtime's rules split the words (double quotes, \" for a quote, backslashes literal elsewhere).

export type Shell = 'bash' | 'cmd';

export interface Words {
  words: string[];
  /** The shell the words were split as. */
  shell: Shell;
  /** What followed the command and was ignored (a pipe, a redirect, a second command). */
  ignoredTail?: string;
}

/** cmd when it has cmd's marks: ^" or a line ending in ^. */
export const guessShell = (input: string): Shell => (/\^"|\^\r?\n/.test(input) ? 'cmd' : 'bash');

export function splitWords(input: string, shell: Shell = guessShell(input)): Words {
  return shell === 'cmd' ? splitCmd(input) : splitBash(input);
}

const ANSI: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

function splitBash(input: string): Words {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < input.length) {
    const c = input[i]!;
    if (c === '\\' && input[i + 1] === '\r' && input[i + 2] === '\n') {
      i += 3;
    } else if (c === '\\' && input[i + 1] === '\n') {
      i += 2;
    } else if (c === '\\') {
      if (i + 1 < input.length) {
        word += input[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (/\s/.test(c)) {
      end();
      i += 1;
    } else if (c === '#' && !inWord) {
      while (i < input.length && input[i] !== '\n') i += 1;
    } else if (/[|;&<>]/.test(c)) {
      end();
      return { words, shell: 'bash', ignoredTail: input.slice(i).trim() };
    } else if (c === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new Error('a single quote is never closed');
      word += input.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '$' && input[i + 1] === "'") {
      const r = ansiC(input, i + 2);
      word += r.text;
      inWord = true;
      i = r.next;
    } else if (c === '"' || (c === '$' && input[i + 1] === '"')) {
      i += c === '$' ? 2 : 1;
      inWord = true;
      for (;;) {
        if (i >= input.length) throw new Error('a double quote is never closed');
        const d = input[i]!;
        if (d === '"') break;
        if (d === '\\' && input[i + 1] === '\n') i += 2;
        else if (d === '\\' && /[$`"\\]/.test(input[i + 1] ?? '')) {
          word += input[i + 1];
          i += 2;
        } else {
          word += d;
          i += 1;
        }
      }
      i += 1;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  end();
  return { words, shell: 'bash' };
}

/** $'...' from `start` (just after the opening quote): the text and where the closing quote ends. */
function ansiC(input: string, start: number): { text: string; next: number } {
  let text = '';
  let i = start;
  for (;;) {
    if (i >= input.length) throw new Error("a $'...' quote is never closed");
    const c = input[i]!;
    if (c === "'") return { text, next: i + 1 };
    if (c !== '\\') {
      text += c;
      i += 1;
      continue;
    }
    const e = input[i + 1] ?? '';
    let m: RegExpExecArray | null;
    if (ANSI[e] !== undefined) {
      text += ANSI[e];
      i += 2;
    } else if ((m = /^x([0-9a-fA-F]{1,2})/.exec(input.slice(i + 1, i + 4)))) {
      text += String.fromCharCode(parseInt(m[1]!, 16));
      i += 1 + m[0].length;
    } else if ((m = /^u([0-9a-fA-F]{1,4})/.exec(input.slice(i + 1, i + 6))) || (m = /^U([0-9a-fA-F]{1,8})/.exec(input.slice(i + 1, i + 10)))) {
      text += String.fromCodePoint(Math.min(parseInt(m[1]!, 16), 0x10ffff));
      i += 1 + m[0].length;
    } else if ((m = /^[0-7]{1,3}/.exec(input.slice(i + 1, i + 4)))) {
      text += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += 1 + m[0].length;
    } else if (e === 'c' && i + 2 < input.length) {
      text += String.fromCharCode(input.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else {
      text += `\\${e}`;
      i += 2;
    }
  }
}

function splitCmd(input: string): Words {
  // cmd's pass: ^X is X, ^ + newline joins lines (a newline right after is kept as a character); inside "..."
  // cmd leaves carets alone. `literal` marks newlines that are content, not word breaks.
  let line = '';
  const literal = new Set<number>();
  let quoted = false;
  let tail: string | undefined;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === '"') quoted = !quoted;
    if (c === '^' && !quoted) {
      const next = input[i + 1];
      if (next === '\r' || next === '\n') {
        i += next === '\r' && input[i + 2] === '\n' ? 2 : 1;
        if (input[i + 1] === '\n' || input[i + 1] === '\r') {
          literal.add(line.length);
          line += '\n';
          i += input[i + 1] === '\r' && input[i + 2] === '\n' ? 2 : 1;
        }
        continue;
      }
      if (next !== undefined) line += next;
      i += 1;
      continue;
    }
    if (!quoted && /[|&<>]/.test(c)) {
      tail = input.slice(i).trim();
      break;
    }
    line += c;
  }
  if (quoted) throw new Error('a double quote is never closed');

  // The C runtime's pass: 2n backslashes + " give n backslashes and a quote toggle, 2n+1 give n and a literal ".
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      let n = 0;
      while (line[i + n] === '\\') n += 1;
      if (line[i + n] === '"') {
        word += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) word += '"';
        else inQuotes = !inQuotes;
        i += n;
      } else {
        word += '\\'.repeat(n);
        i += n - 1;
      }
      inWord = true;
    } else if (c === '"') {
      if (inQuotes && line[i + 1] === '"') {
        word += '"';
        i += 1;
      } else inQuotes = !inQuotes;
      inWord = true;
    } else if (!inQuotes && /\s/.test(c) && !literal.has(i)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { words, shell: 'cmd', ...(tail ? { ignoredTail: tail } : {}) };
}
