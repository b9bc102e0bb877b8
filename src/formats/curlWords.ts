// Splits a pasted curl command into the words the program would receive, as bash or as Windows cmd would split
// it. Nothing is run and no variable is read: a $VAR stays as typed. Bash: single quotes, double quotes with \
// escapes, $'...' ANSI-C quoting, backslash-newline continuations, and the line ends at an unquoted | ; & or >. An
// unquoted ${...} is one unit: ${NAME:+WORDS} gives WORDS' words (as if NAME were set: "Copy as curl" adds the
// session token header that way), ${NAME:-WORDS} gives WORDS' words (its default), ${NAME} is $NAME; any other
// expansion stays as typed. cmd (what browser
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

/** `nested`: the text of a ${...}, where # starts no comment and | ; & < > are plain characters. */
function splitBash(input: string, nested = false): Words {
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
    } else if (c === '#' && !inWord && !nested) {
      while (i < input.length && input[i] !== '\n') i += 1;
    } else if (c === '<' && input[i + 1] === '(' && inWord && !nested) {
      // A process substitution inside a word (`@<(printf ... | base64 -d)`, how "Copy as curl" writes bytes): kept
      // as typed, for the option that reads it (curlOptions.ts); nothing in it is run.
      const close = parenEnd(input, i + 2);
      word += input.slice(i, close + 1);
      i = close + 1;
    } else if (/[|;&<>]/.test(c) && !nested) {
      end();
      return { words, shell: 'bash', ignoredTail: input.slice(i).trim() };
    } else if (c === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new Error('a single quote is never closed');
      word += input.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '$' && input[i + 1] === '{') {
      const close = braceEnd(input, i + 2);
      const expanded = parameter(input.slice(i + 2, close), input[close + 1]);
      if (typeof expanded === 'string') {
        word += expanded;
        inWord = true;
      } else {
        // The expansion's words, split as bash splits an unquoted expansion: its first word joins the text before
        // it and its last the text after, unless white space stands between.
        if (expanded.breakBefore) end();
        expanded.words.forEach((w, k) => {
          if (k > 0) end();
          word += w;
          inWord = true;
        });
        if (expanded.breakAfter) end();
      }
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

/** Where the } closing a ${ ends, from `start` (just after the ${): braces balanced, quotes and \ escapes respected. */
function braceEnd(input: string, start: number): number {
  let depth = 1;
  for (let i = start; i < input.length; i++) {
    const c = input[i]!;
    if (c === '\\') i += 1;
    else if (c === '$' && input[i + 1] === "'") i = ansiCEnd(input, i + 2) - 1;
    else if (c === "'") i = quoteEnd(input, i, "'");
    else if (c === '"') i = quoteEnd(input, i, '"');
    else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error('a ${...} is never closed');
}

/** Where the ) closing a <( ends, from `start` (just after the <( ): parentheses balanced, quotes respected. */
function parenEnd(input: string, start: number): number {
  let depth = 1;
  for (let i = start; i < input.length; i++) {
    const c = input[i]!;
    if (c === '\\') i += 1;
    else if (c === "'") i = quoteEnd(input, i, "'");
    else if (c === '"') i = quoteEnd(input, i, '"');
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new Error('a <(...) is never closed');
}

/** The index of the quote closing the one at `open` (\ escapes count inside double quotes only). */
function quoteEnd(input: string, open: number, quote: string): number {
  for (let i = open + 1; i < input.length; i++) {
    if (quote === '"' && input[i] === '\\') i += 1;
    else if (input[i] === quote) return i;
  }
  throw new Error('a ${...} is never closed');
}

function ansiCEnd(input: string, start: number): number {
  try {
    return ansiC(input, start).next;
  } catch {
    throw new Error('a ${...} is never closed');
  }
}

interface Expansion {
  words: string[];
  breakBefore: boolean;
  breakAfter: boolean;
}

/** What ${body} stands for: a text to add to the word, or words. `next` is the character after the }. */
function parameter(body: string, next: string | undefined): string | Expansion {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-+=])?([\s\S]*)$/.exec(body);
  if (!m) return `\${${body}}`;
  const [, name, operator, rest] = m;
  if (!operator) {
    if (rest !== '') return `\${${body}}`;
    // $NAME, unless a name character follows and would become part of the name.
    return /[A-Za-z0-9_]/.test(next ?? '') ? `\${${name}}` : `$${name}`;
  }
  // + and :+ give the words as if NAME were set; -, :-, = and := as if it were not: the words either way.
  return {
    words: splitBash(rest!, true).words,
    breakBefore: /^\s/.test(rest!),
    breakAfter: /(^|[^\\])\s$/.test(rest!),
  };
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
