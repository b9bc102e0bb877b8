import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { bodyMaskerFactory, maskBody } from './bodyMasker';

const TOKEN = 'IQoJb3JpZ2luX2VjEOr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+abc/def==';
const SECRETS = [{ value: TOKEN, label: 'session token' }];
const percent = encodeURIComponent(TOKEN);

const FORMS = [TOKEN, percent, percent.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()), TOKEN.replace(/\//g, '\\/'), TOKEN.replace(/\+/g, '\\u002B'), Buffer.from(TOKEN).toString('base64')];

function leaks(text: string): string[] {
  return FORMS.filter((form) => text.includes(form));
}

describe('maskBody', () => {
  it('masks the raw, percent-encoded (either case), JSON-escaped and base64 forms, keeping every length', () => {
    for (const form of FORMS.slice(0, -1)) {
      const body = Buffer.from(`before ${form} after`);
      const masked = maskBody(body, SECRETS);
      expect(masked.length, form).toBe(body.length);
      expect(masked.toString().startsWith('before [redacted session token*'), form).toBe(true);
      expect(masked.toString().endsWith('] after'), form).toBe(true);
    }
  });

  it('masks base64 of the secret at any alignment, leaving at most the edge characters', () => {
    for (const prefix of ['', 'a', 'ab']) {
      const b64 = Buffer.from(`${prefix}${TOKEN}`).toString('base64');
      const masked = maskBody(Buffer.from(b64), SECRETS).toString();
      expect(masked, prefix).toContain('[redacted');
      expect(Buffer.from(masked, 'base64').toString('latin1')).not.toContain(TOKEN.slice(4, -4));
    }
  });

  it('leaves bodies without secrets, and secrets too short to be safe, untouched', () => {
    const body = Buffer.from('nothing to see');
    expect(maskBody(body, SECRETS).equals(body)).toBe(true);
    expect(maskBody(Buffer.from('short1 short1'), ['short1']).toString()).toBe('short1 short1');
    expect(bodyMaskerFactory([undefined, { label: 'x' }])).toBeUndefined();
  });
});

describe('the streaming masker', () => {
  const body = Buffer.from(`head ${TOKEN} mid ${percent} tail ${TOKEN.replace(/\//g, '\\/')}${TOKEN} end`);

  it('masks a secret cut across two chunks at every possible cut', () => {
    const whole = maskBody(body, SECRETS);
    expect(leaks(whole.toString())).toEqual([]);
    const create = bodyMaskerFactory(SECRETS)!;
    for (let cut = 0; cut <= body.length; cut++) {
      const masker = create();
      const out = Buffer.concat([masker.push(body.subarray(0, cut)), masker.push(body.subarray(cut)), masker.flush()]);
      expect(out.equals(whole), `cut at ${cut}`).toBe(true);
    }
  });

  it('masks the same however the body is chunked, byte by byte included, and never changes the input', () => {
    const copy = Buffer.from(body);
    const whole = maskBody(body, SECRETS);
    const create = bodyMaskerFactory(SECRETS)!;
    for (const size of [1, 2, 3, 7, 16, 63, 64, 65]) {
      const masker = create();
      const parts: Buffer[] = [];
      for (let i = 0; i < body.length; i += size) parts.push(masker.push(body.subarray(i, i + size)));
      parts.push(masker.flush());
      expect(Buffer.concat(parts).equals(whole), `chunks of ${size}`).toBe(true);
    }
    expect(body.equals(copy)).toBe(true);
  });

  it('holds back no more than the longest form, so memory stays bounded', () => {
    const masker = bodyMaskerFactory(SECRETS)!();
    let held = 0;
    for (let i = 0; i < 100; i++) {
      const chunk = Buffer.alloc(1000, 'x');
      held += chunk.length - masker.push(chunk).length;
      expect(held).toBeLessThan(Buffer.byteLength(percent.replace(/%../g, '%xx')) + 1);
    }
    held -= masker.flush().length;
    expect(held).toBe(0);
  });
});
