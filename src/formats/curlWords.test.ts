import { describe, expect, it } from 'vitest';
import { splitWords } from './curlWords';

const bash = (command: string) => splitWords(command, 'bash').words;

describe('bash ${...} parameter expansions', () => {
  it('expands ${NAME:+WORDS} and ${NAME+WORDS} to the words of WORDS, as if NAME were set', () => {
    expect(bash('curl ${AWS_SESSION_TOKEN:+-H "x-amz-security-token: $AWS_SESSION_TOKEN"} https://h/')).toEqual([
      'curl',
      '-H',
      'x-amz-security-token: $AWS_SESSION_TOKEN',
      'https://h/',
    ]);
    expect(bash("curl ${T+-H 'a: b'} u")).toEqual(['curl', '-H', 'a: b', 'u']);
  });

  it('gives ${NAME:-default} its default words and ${NAME} the literal $NAME', () => {
    expect(bash('curl ${URL:-https://h/x} -H ${HDR:-"a: b c"}')).toEqual(['curl', 'https://h/x', '-H', 'a: b c']);
    expect(bash('curl https://h/${STAGE}/x')).toEqual(['curl', 'https://h/$STAGE/x']);
    expect(bash('curl ${A}B')).toEqual(['curl', '${A}B']);
  });

  it('joins the first and last expanded words to the text around them, as bash does', () => {
    expect(bash('curl a${X:+b c}d')).toEqual(['curl', 'ab', 'cd']);
    expect(bash('curl a${X:+ b }d')).toEqual(['curl', 'a', 'b', 'd']);
    expect(bash('curl a${X:+}b')).toEqual(['curl', 'ab']);
    expect(bash('curl ${X:+""} u')).toEqual(['curl', '', 'u']);
  });

  it('respects quotes and balanced braces inside, and does not end the line at | ; & in them', () => {
    expect(bash(`curl \${X:-'}'} u`)).toEqual(['curl', '}', 'u']);
    expect(bash('curl ${X:-"a}b"} u')).toEqual(['curl', 'a}b', 'u']);
    expect(bash('curl ${X:-{a}} u')).toEqual(['curl', '{a}', 'u']);
    expect(bash('curl ${X:-${Y:-inner}} u')).toEqual(['curl', 'inner', 'u']);
    expect(bash('curl ${X:-a|b;c&d} u')).toEqual(['curl', 'a|b;c&d', 'u']);
  });

  it('keeps other expansions as typed, as one word, and leaves quoted ones alone', () => {
    expect(bash('curl ${#X} ${X%% *} u')).toEqual(['curl', '${#X}', '${X%% *}', 'u']);
    expect(bash('curl "${X:+a b}" \'${Y}\' u')).toEqual(['curl', '${X:+a b}', '${Y}', 'u']);
  });

  it('says when a ${ is never closed', () => {
    expect(() => bash('curl ${X:+-H "a: b" https://h/')).toThrow('a ${...} is never closed');
  });
});
