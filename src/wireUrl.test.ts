import { describe, expect, it } from 'vitest';
import { toWireUrl } from './wireUrl';

describe('toWireUrl', () => {
  it('escapes what HTTP cannot carry, as UTF-8', () => {
    expect(toWireUrl('https://h.example/example space/ሴ?q=a b&x=é')).toBe('https://h.example/example%20space/%E1%88%B4?q=a%20b&x=%C3%A9');
  });

  it('keeps existing escapes and reserved characters exactly as typed', () => {
    const typed = 'https://h.example/a%2Fb/~x/-._:@!$&\'()*+,;=?b=2&a=1&a=0&empty=&k=%3D';
    expect(toWireUrl(typed)).toBe(typed);
  });

  it('drops the fragment and escapes the characters a browser escapes', () => {
    expect(toWireUrl('http://h:8080/p"<>`{}?x#frag ment')).toBe('http://h:8080/p%22%3C%3E%60%7B%7D?x');
  });

  it('leaves a URL without a path alone', () => {
    expect(toWireUrl('https://h.example')).toBe('https://h.example');
  });
});
