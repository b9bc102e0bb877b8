import { describe, expect, it } from 'vitest';
import { splitWords } from '../curlWords';
import { bashWord, stringExpression, stringLiteral } from './quote';

const NASTY = [
  '',
  'plain',
  "it's",
  "''",
  '"double" $HOME `id` $(rm -rf x) \\ !history; | & > <',
  'multi\nline\n',
  'tab\there',
  'cr\r\nlf',
  'bell\x07 esc\x1b del\x7f',
  'ünïcödé ✓ 日本 \u2028',
  '-X',
  '@file',
];

describe('bashWord', () => {
  it.each(NASTY)('bash reads %j back as exactly one word with the same text', (value) => {
    const { words } = splitWords(`curl ${bashWord(value)}`, 'bash');
    expect(words).toEqual(['curl', value]);
  });

  it('single-quotes with the \'\\\'\' escape and leaves safe words bare', () => {
    expect(bashWord("it's")).toBe(`'it'\\''s'`);
    expect(bashWord('eu-west-1')).toBe('eu-west-1');
    expect(bashWord('a b')).toBe("'a b'");
  });

  it('writes control characters other than newline and tab as $\'...\' escapes; oneLine escapes newlines too', () => {
    expect(bashWord('a\rb')).toBe("$'a\\rb'");
    expect(bashWord('a\nb')).toBe("'a\nb'");
    expect(bashWord('a\nb', { oneLine: true })).toBe("$'a\\nb'");
  });

  it('joins literals and environment references into one word', () => {
    expect(bashWord([{ text: 'Bearer ' }, { env: 'TOKEN' }, { text: "'s" }])).toBe(`'Bearer '"$TOKEN"''\\''s'`);
  });
});

describe('stringLiteral and stringExpression', () => {
  it.each(NASTY)('%j is a valid literal with the same value (JSON escapes are valid Python and JavaScript)', (value) => {
    expect(JSON.parse(stringLiteral(value))).toBe(value);
    expect(stringLiteral(value)).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it('concatenates literals with environment lookups', () => {
    expect(stringExpression([{ text: 'k=' }, { env: 'API_KEY' }], (n) => `os.environ["${n}"]`)).toBe('"k=" + os.environ["API_KEY"]');
    expect(stringExpression([], (n) => n)).toBe('""');
  });
});
