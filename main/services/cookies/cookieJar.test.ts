import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCookieJar, MAX_SET_COOKIES_PER_RESPONSE } from './cookieJar';
import { isAwsHost } from './awsHosts';

const names = (pairs: Array<{ name: string; value: string }>) => pairs.map((p) => `${p.name}=${p.value}`).join('; ');

afterEach(() => {
  vi.useRealTimers();
});

describe('the cookie jar follows RFC 6265', () => {
  it('sends a cookie back to the host that set it, and a host-only cookie to no other host', () => {
    const jar = createCookieJar();
    jar.receive('https://api.example.com/login', ['sid=abc; Path=/; HttpOnly']);
    expect(names(jar.pairsFor('https://api.example.com/orders'))).toBe('sid=abc');
    expect(jar.pairsFor('https://www.api.example.com/')).toEqual([]);
    expect(jar.pairsFor('https://example.com/')).toEqual([]);
  });

  it('sends a Domain cookie to subdomains, and refuses a public suffix or another site as its Domain', () => {
    const jar = createCookieJar();
    jar.receive('https://login.example.com/', ['team=blue; Domain=example.com; Path=/', 'wide=1; Domain=com', 'other=1; Domain=example.org']);
    expect(names(jar.pairsFor('https://api.example.com/'))).toBe('team=blue');
    expect(names(jar.pairsFor('https://example.com/'))).toBe('team=blue');
    expect(jar.pairsFor('https://example.org/')).toEqual([]);
    expect(jar.pairsFor('https://shop.com/')).toEqual([]);
  });

  it('scopes cookies by path, longer paths first', () => {
    const jar = createCookieJar();
    jar.receive('https://example.com/', ['a=root; Path=/', 'b=api; Path=/api']);
    expect(names(jar.pairsFor('https://example.com/api/orders'))).toBe('b=api; a=root');
    expect(names(jar.pairsFor('https://example.com/apis'))).toBe('a=root');
  });

  it('keeps a Secure cookie off plain http', () => {
    const jar = createCookieJar();
    jar.receive('https://example.com/', ['s=1; Secure', 'p=2']);
    expect(names(jar.pairsFor('https://example.com/'))).toBe('s=1; p=2');
    expect(names(jar.pairsFor('http://example.com/'))).toBe('p=2');
  });

  it('forgets a cookie once it expires, and when the server expires it', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const jar = createCookieJar();
    jar.receive('https://example.com/', ['short=1; Max-Age=60', 'long=2; Expires=Fri, 01 Jan 2027 00:00:00 GMT', 'gone=3']);
    expect(jar.list().map((c) => [c.name, c.expires])).toEqual([
      ['gone', undefined],
      ['long', '2027-01-01T00:00:00.000Z'],
      ['short', '2026-01-01T00:01:00.000Z'],
    ]);
    vi.setSystemTime(new Date('2026-01-01T00:02:00Z'));
    expect(names(jar.pairsFor('https://example.com/'))).toBe('long=2; gone=3');
    jar.receive('https://example.com/', ['gone=; Max-Age=0']);
    expect(names(jar.pairsFor('https://example.com/'))).toBe('long=2');
    expect(jar.list().map((c) => c.name)).toEqual(['long']);
  });

  it('reads at most a bounded number of Set-Cookie headers from one response', () => {
    const jar = createCookieJar();
    jar.receive('https://example.com/', Array.from({ length: MAX_SET_COOKIES_PER_RESPONSE + 20 }, (_, i) => `c${i}=${i}`));
    expect(jar.list()).toHaveLength(MAX_SET_COOKIES_PER_RESPONSE);
  });
});

describe('AWS hosts', () => {
  it('are recognised by their domains and nothing else', () => {
    for (const host of ['sts.amazonaws.com', 'abc.execute-api.eu-west-1.amazonaws.com', 's3.cn-north-1.amazonaws.com.cn', 'lambda.eu-west-1.api.aws', 'abc.lambda-url.eu-west-1.on.aws', 'AMAZONAWS.COM']) expect(isAwsHost(host), host).toBe(true);
    for (const host of ['amazonaws.com.evil.example', 'notamazonaws.com', 'api.example.com', 'myapi.aws', '127.0.0.1']) expect(isAwsHost(host), host).toBe(false);
  });

  it('neither keep nor get cookies by default, and do once the workspace allows them', () => {
    let allow = false;
    const jar = createCookieJar({ allowAwsHosts: () => allow });
    const url = 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/items';
    jar.receive(url, ['AWSALB=sticky; Path=/']);
    expect(jar.list()).toEqual([]);
    jar.put({ domain: 'abc.execute-api.eu-west-1.amazonaws.com', path: '/', name: 'typed', value: 'v', hostOnly: true, secure: true, httpOnly: false });
    expect(jar.pairsFor(url)).toEqual([]);
    allow = true;
    expect(names(jar.pairsFor(url))).toBe('typed=v');
    jar.receive(url, ['AWSALB=sticky; Path=/']);
    expect(names(jar.pairsFor(url))).toBe('typed=v; AWSALB=sticky');
  });
});

describe('editing the jar', () => {
  it('lists cookies without their values, and reveals one value by its key', () => {
    const jar = createCookieJar();
    jar.receive('https://example.com/', ['sid=s3cr3t-value; HttpOnly; Secure; SameSite=Lax']);
    const [listed] = jar.list();
    expect(listed).toEqual({ domain: 'example.com', path: '/', name: 'sid', hostOnly: true, secure: true, httpOnly: true, sameSite: 'lax', valueLength: 12 });
    expect(JSON.stringify(jar.list())).not.toContain('s3cr3t');
    expect(jar.value({ domain: 'example.com', path: '/', name: 'sid' })).toBe('s3cr3t-value');
    expect(jar.value({ domain: 'example.com', path: '/', name: 'nope' })).toBeUndefined();
  });

  it('edits a value in place, renames by removing the previous key, deletes one, clears a domain or all', () => {
    const onChange = vi.fn();
    const jar = createCookieJar({ onChange });
    jar.receive('https://a.example/', ['x=1']);
    jar.receive('https://b.example/', ['y=1', 'z=1']);
    jar.put({ domain: 'a.example', path: '/', name: 'x', value: '2', hostOnly: true, secure: false, httpOnly: false });
    expect(names(jar.pairsFor('https://a.example/'))).toBe('x=2');
    jar.put({ domain: 'a.example', path: '/', name: 'x2', value: '3', hostOnly: true, secure: false, httpOnly: false, previous: { domain: 'a.example', path: '/', name: 'x' } });
    expect(names(jar.pairsFor('https://a.example/'))).toBe('x2=3');
    expect(jar.remove({ domain: 'b.example', path: '/', name: 'y' })).toBe(true);
    expect(jar.remove({ domain: 'b.example', path: '/', name: 'y' })).toBe(false);
    expect(jar.clear('B.example')).toBe(1);
    expect(jar.list().map((c) => c.domain)).toEqual(['a.example']);
    expect(jar.clear()).toBe(1);
    expect(jar.list()).toEqual([]);
    expect(onChange).toHaveBeenCalledTimes(7);
  });

  it('refuses a cookie the rules refuse, with a readable message', () => {
    const jar = createCookieJar();
    expect(() => jar.put({ domain: 'co.uk', path: '/', name: 'x', value: '1', hostOnly: false, secure: false, httpOnly: false })).toThrow(/could not be kept for co.uk/);
  });

  it('survives serialising, values and flags included', () => {
    const jar = createCookieJar();
    jar.receive('https://example.com/', ['sid=abc; Path=/api; Secure; HttpOnly']);
    const again = createCookieJar({}, jar.serialize());
    expect(again.list()).toEqual(jar.list());
    expect(names(again.pairsFor('https://example.com/api/x'))).toBe('sid=abc');
  });
});

describe('a jar as it fills and empties', () => {
  // An empty jar answers without a lookup (a run's jar until a response sets a cookie): each way a cookie goes in
  // or out must still be seen by the next send.
  it('sends what a response, an edit or a saved jar put in, and nothing once it is gone', () => {
    const jar = createCookieJar();
    const at = 'https://example.com/';
    expect(jar.pairsFor(at)).toEqual([]);
    jar.receive(at, []);
    jar.receive(at, ['wide=1; Domain=com']);
    expect(jar.pairsFor(at)).toEqual([]);
    jar.receive(at, ['a=1']);
    expect(names(jar.pairsFor(at))).toBe('a=1');
    jar.remove({ domain: 'example.com', path: '/', name: 'a' });
    expect(jar.pairsFor(at)).toEqual([]);
    jar.put({ domain: 'example.com', path: '/', name: 'b', value: '2', hostOnly: true, secure: false, httpOnly: false });
    expect(names(jar.pairsFor(at))).toBe('b=2');
    jar.clear('example.com');
    expect(jar.pairsFor(at)).toEqual([]);
    jar.receive(at, ['c=3']);
    expect(names(createCookieJar({}, jar.serialize()).pairsFor(at))).toBe('c=3');
    jar.clear();
    expect(jar.pairsFor(at)).toEqual([]);
    jar.receive(at, ['d=4']);
    expect(names(jar.pairsFor(at))).toBe('d=4');
  });
});

describe('URLs the jar cannot place', () => {
  it('get no cookies and keep none, without failing', () => {
    const jar = createCookieJar();
    for (const url of ['not a url', 'ftp://example.com/', 'http://[::1]:8080/x']) {
      expect(() => jar.receive(url, ['a=1'])).not.toThrow();
      expect(jar.pairsFor(url)).toEqual(url.startsWith('http://[') ? [{ name: 'a', value: '1' }] : []);
    }
  });
});
