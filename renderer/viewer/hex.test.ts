import { describe, expect, it } from 'vitest';
import { hexRow, parseOffset, rowCount } from './hex';

describe('hexRow', () => {
  it('shows offset, sixteen bytes with a gap after eight, and printable ASCII', () => {
    const bytes = new TextEncoder().encode('{"a":1}\n\x00\x7fHello, world!');
    const row = hexRow(bytes, 0, 0);
    expect(row.offset).toBe('00000000');
    expect(row.hex).toBe('7b 22 61 22 3a 31 7d 0a  00 7f 48 65 6c 6c 6f 2c');
    expect(row.ascii).toBe('{"a":1}...Hello,');
  });

  it('pads the last row so the ASCII column lines up, and offsets by the page start', () => {
    const bytes = new Uint8Array([0xff, 0x41, 0x42]);
    const row = hexRow(bytes, 0, 0x1000);
    expect(row.offset).toBe('00001000');
    const fullWidth = hexRow(new Uint8Array(16), 0, 0).hex.length;
    expect(row.hex).toBe('ff 41 42'.padEnd(fullWidth));
    expect(row.ascii).toBe('.AB');
  });

  it('counts rows', () => {
    expect([0, 1, 16, 17].map(rowCount)).toEqual([0, 1, 1, 2]);
  });
});

describe('parseOffset', () => {
  it('reads decimal and hex offsets', () => {
    expect(parseOffset('8000')).toBe(8000);
    expect(parseOffset('0x1F40')).toBe(0x1f40);
    expect(parseOffset('1f40h')).toBe(0x1f40);
    expect(parseOffset(' 12 ')).toBe(12);
  });
  it('refuses anything else', () => {
    expect(parseOffset('-1')).toBeUndefined();
    expect(parseOffset('zz')).toBeUndefined();
    expect(parseOffset('')).toBeUndefined();
  });
});
