import { describe, expect, it } from 'vitest';
import type { CookieSummary } from '../../src/models/cookies';
import { byDomain, flagsText, fromLocalInput, toLocalInput } from './cookieRows';

const cookie = (domain: string, name: string, extra: Partial<CookieSummary> = {}): CookieSummary => ({
  domain,
  path: '/',
  name,
  hostOnly: true,
  secure: false,
  httpOnly: false,
  valueLength: 3,
  ...extra,
});

describe('the cookie list', () => {
  it('groups cookies by domain, domains in order, cookies as listed', () => {
    const groups = byDomain([cookie('b.example', 'z'), cookie('a.example', 'x'), cookie('b.example', 'a')]);
    expect(groups.map((g) => [g.domain, g.cookies.map((c) => c.name)])).toEqual([
      ['a.example', ['x']],
      ['b.example', ['z', 'a']],
    ]);
  });

  it('says the flags in words', () => {
    expect(flagsText(cookie('a', 'x'))).toBe('this host only');
    expect(flagsText(cookie('a', 'x', { hostOnly: false, secure: true, httpOnly: true, sameSite: 'lax' }))).toBe('and subdomains · Secure · HttpOnly · SameSite=Lax');
  });

  it('turns an expiry into a local input value and back', () => {
    const iso = new Date(2030, 4, 6, 7, 8).toISOString();
    expect(toLocalInput(iso)).toBe('2030-05-06T07:08');
    expect(fromLocalInput('2030-05-06T07:08')).toBe(iso);
    expect(fromLocalInput('')).toBeUndefined();
    expect(toLocalInput(undefined)).toBe('');
  });
});
