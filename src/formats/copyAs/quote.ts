// Quoting for the languages "Copy as" writes. A snippet's text is a list of pieces: literal text, or a reference
// to an environment variable that holds a secret variable's value, so a secret is read when the snippet runs and
// never printed in it.

export type Piece = { text: string } | { env: string };
export type Text = Piece[];

/**
 * One bash word: literals single-quoted ('\'' for a quote), $'...' when they hold control characters, env as
 * "$NAME"; a word of only safe characters (-X POST, --region eu-west-1) is left bare.
 */
export function bashWord(text: Text | string, options: { oneLine?: boolean } = {}): string {
  const pieces = merged(typeof text === 'string' ? [{ text }] : text);
  if (pieces.length === 1 && 'text' in pieces[0]! && SAFE_WORD.test(pieces[0].text)) return pieces[0].text;
  const out = pieces.map((p) => ('env' in p ? `"$${p.env}"` : bashLiteral(p.text, options.oneLine)));
  return out.length === 0 ? "''" : out.join('');
}

const SAFE_WORD = /^[A-Za-z0-9_%+=:,./@-]+$/;

/** Adjacent literals as one, empty ones dropped. */
function merged(text: Text): Text {
  const out: Text = [];
  for (const piece of text) {
    const last = out.at(-1);
    if ('text' in piece && piece.text === '') continue;
    if ('text' in piece && last && 'text' in last) out[out.length - 1] = { text: last.text + piece.text };
    else out.push(piece);
  }
  return out;
}

// Newlines and tabs are kept as typed inside single quotes (bash keeps them); any other control character, which a
// terminal would swallow or act on when pasted, is written as an ANSI-C escape. A comment needs one line: oneLine.
function bashLiteral(value: string, oneLine = false): string {
  const control = oneLine ? /[\x00-\x1f\x7f]/ : /[\x00-\x08\x0b-\x1f\x7f]/;
  if (!control.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  const escaped = value.replace(/[\x00-\x1f\x7f\\']/g, (c) => {
    if (c === '\\' || c === "'") return `\\${c}`;
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `$'${escaped}'`;
}

/** A string literal valid in Python 3 and in JavaScript/TypeScript: JSON's escapes are a subset of both. */
export function stringLiteral(value: string): string {
  // U+2028/2029 are legal in JSON and in modern JS strings, but escaped they read better and survive old tools.
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** An expression for a Text: literals joined with + to the language's reading of an environment variable. */
export function stringExpression(text: Text | string, envRef: (name: string) => string): string {
  const pieces = merged(typeof text === 'string' ? [{ text }] : text);
  if (pieces.length === 0) return '""';
  return pieces.map((p) => ('env' in p ? envRef(p.env) : stringLiteral(p.text))).join(' + ');
}

export const pythonEnv = (name: string) => `os.environ[${stringLiteral(name)}]`;
export const typescriptEnv = (name: string) => `env(${stringLiteral(name)})`;

export const hasEnv = (text: Text): boolean => text.some((p) => 'env' in p);
export const plain = (text: Text): string => text.map((p) => ('env' in p ? `$${p.env}` : p.text)).join('');
