import { describe, expect, it } from 'vitest';
import { paintLine } from './paintLine';

describe('paintLine', () => {
  it('colours JSON keys, strings, numbers and literals, leaving the rest plain', () => {
    expect(paintLine('  "id": 12, "ok": true, "s": "a\\"b"', 'json')).toEqual([
      { text: '  ' },
      { text: '"id"', cls: 'wb-key' },
      { text: ': ' },
      { text: '12', cls: 'wb-literal' },
      { text: ', ' },
      { text: '"ok"', cls: 'wb-key' },
      { text: ': ' },
      { text: 'true', cls: 'wb-literal' },
      { text: ', ' },
      { text: '"s"', cls: 'wb-key' },
      { text: ': ' },
      { text: '"a\\"b"', cls: 'wb-string' },
    ]);
  });

  it('marks search matches over the colouring, the selected one apart, case-insensitively unless asked', () => {
    const pieces = paintLine('"name": "Needle needle"', 'json', { needle: 'needle', selectedColumn: 16 });
    expect(pieces.filter((p) => p.cls?.includes('wb-match')).map((p) => [p.text, p.cls])).toEqual([
      ['Needle', 'wb-string wb-match'],
      ['needle', 'wb-string wb-match wb-match-selected'],
    ]);
    expect(paintLine('Needle needle', 'text', { needle: 'needle', matchCase: true })).toEqual([{ text: 'Needle ' }, { text: 'needle', cls: 'wb-match' }]);
    expect(pieces.map((p) => p.text).join('')).toBe('"name": "Needle needle"');
  });

  it('marks tags in markup and leaves plain text as one piece', () => {
    expect(paintLine('<a href="x">hi</a>', 'html')).toEqual([
      { text: '<a href="x">', cls: 'wb-tag' },
      { text: 'hi' },
      { text: '</a>', cls: 'wb-tag' },
    ]);
    expect(paintLine('just text', 'text')).toEqual([{ text: 'just text' }]);
  });
});
