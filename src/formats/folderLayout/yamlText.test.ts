import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYamlText } from './yamlText';

describe('toYamlText', () => {
  it('quotes variables and what a YAML reader would take for a number, boolean or null', () => {
    const text = toYamlText({ a: '{{host}}', b: 'https://{{h}}/x', c: '1000', d: 'yes', e: 'null', f: '1e3', g: 'plain text', h: 12, i: true });
    expect(text).toBe("a: '{{host}}'\nb: 'https://{{h}}/x'\nc: '1000'\nd: 'yes'\ne: 'null'\nf: '1e3'\ng: plain text\nh: 12\ni: true\n");
  });

  it('writes multi-line text as a literal block', () => {
    expect(toYamlText({ body: 'line 1\nline 2' })).toBe('body: |-\n  line 1\n  line 2\n');
  });

  it.each([
    'a\nb\n',
    'a\nb\n\n\n',
    '  indented first\nline',
    'ends with blanks\n  ',
    'crlf\r\nline',
    'nul\u0000char',
    "quote ' and \" both",
    '# not a comment',
    '- not a list',
    ': colon',
    '',
    'tab\tinside\nand more',
    '\u2028 line separator',
    '{"json": [1, 2]}',
  ])('reads back exactly: %j', (value) => {
    expect(parse(toYamlText({ value })).value).toBe(value);
  });
});
