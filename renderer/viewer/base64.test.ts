import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToText } from './base64';

describe('base64ToBytes', () => {
  it('decodes with and without padding', () => {
    expect([...base64ToBytes('AAEC')]).toEqual([0, 1, 2]);
    expect([...base64ToBytes('AAE=')]).toEqual([0, 1]);
    expect([...base64ToBytes('AA==')]).toEqual([0]);
    expect(base64ToBytes('').length).toBe(0);
  });

  it('decodes a body larger than one slice exactly', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
    const decoded = base64ToBytes(toBase64(bytes));
    expect(decoded.length).toBe(bytes.length);
    expect(decoded.every((b, i) => b === bytes[i])).toBe(true);
  });
});

describe('bytesToText', () => {
  it('decodes UTF-8 and replaces invalid bytes', () => {
    expect(bytesToText(new Uint8Array([0xe3, 0x81, 0x82, 0xff]))).toBe('あ\ufffd');
  });
});

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
