// The hex view's rows: offset, sixteen bytes in hex, and the printable ASCII beside them, like `xxd`.

export const BYTES_PER_ROW = 16;

export interface HexRow {
  /** Offset of the row's first byte in the whole body, 8+ hex digits. */
  offset: string;
  /** "7b 22 61 ..." with an extra space after the eighth byte; padded so columns line up on the last row. */
  hex: string;
  /** Printable ASCII, "." for everything else. */
  ascii: string;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function hexRow(bytes: Uint8Array, start: number, baseOffset: number): HexRow {
  const end = Math.min(start + BYTES_PER_ROW, bytes.length);
  let hex = '';
  let ascii = '';
  for (let i = 0; i < BYTES_PER_ROW; i++) {
    const at = start + i;
    if (i > 0) hex += i === 8 ? '  ' : ' ';
    if (at < end) {
      const b = bytes[at]!;
      hex += HEX[b];
      ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    } else {
      hex += '  ';
    }
  }
  const offset = (baseOffset + start).toString(16).padStart(8, '0');
  return { offset, hex, ascii };
}

/** How many rows `length` bytes take. */
export function rowCount(length: number): number {
  return Math.ceil(length / BYTES_PER_ROW);
}

/** Parses an offset typed by the user ("0x1f40", "8000", "1f40h"): a byte offset, or undefined. */
export function parseOffset(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const value = /^0x[0-9a-f]+$/.test(t) ? parseInt(t.slice(2), 16)
    : /^[0-9a-f]+h$/.test(t) ? parseInt(t.slice(0, -1), 16)
    : /^\d+$/.test(t) ? parseInt(t, 10)
    : NaN;
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
