import { describe, expect, it } from 'vitest';
import { languageOf, looksBinary } from './contentType';

describe('languageOf', () => {
  it('maps content types to the editor language', () => {
    expect(languageOf('application/json; charset=utf-8')).toBe('json');
    expect(languageOf('application/x-amz-json-1.1')).toBe('text');
    expect(languageOf('application/problem+json')).toBe('json');
    expect(languageOf('text/html')).toBe('html');
    expect(languageOf('application/xml')).toBe('xml');
    expect(languageOf('text/xml')).toBe('xml');
    expect(languageOf(undefined)).toBe('text');
  });
});

describe('looksBinary', () => {
  it('tells text from binary', () => {
    expect(looksBinary(new TextEncoder().encode('{"ok":true}\n\tline'))).toBe(false);
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00]))).toBe(true);
    expect(looksBinary(new Uint8Array([1, 2, 3, 4, 5, 65]))).toBe(true);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });
});
