// One cookie jar: what responses set is kept and sent back where RFC 6265 says it belongs. Matching (domain and
// path, Secure, expiry, public suffixes such as co.uk refused as a Domain) is tough-cookie's; this module adds what
// RoleCall decides: AWS hosts are left alone unless allowed (awsHosts.ts), the jar has a size bound, and the
// window edits cookies by name, domain and path.
import { Cookie, CookieJar, MemoryCookieStore, type SerializedCookie, type SerializedCookieJar } from 'tough-cookie';
import { appError } from '../../../src/errors';
import type { CookieKey, CookieSummary } from '../../../src/models/cookies';
import { hostName, httpUrl, isAwsHost } from './awsHosts';

export interface CookiePair {
  name: string;
  value: string;
}

/** What a send needs of a jar: the cookies for a URL, and a place for those a response sets. */
export interface RequestCookies {
  /** The cookies to send to `url`, in RFC 6265's order (longer paths first); none for a host the jar is off for. */
  pairsFor(url: string): CookiePair[];
  /** Keeps what a response from `url` set (each Set-Cookie value); ignored for a host the jar is off for. */
  receive(url: string, setCookies: string[]): void;
}

export interface CookieJarOptions {
  /** Read on every use, so a changed workspace setting applies to the next send. Default: AWS hosts are off. */
  allowAwsHosts?: () => boolean;
  /** Called after the jar's content changed (a response set a cookie, the user edited one). */
  onChange?: () => void;
}

export interface Jar extends RequestCookies {
  list(): CookieSummary[];
  /** A cookie's value, for the editor the user opened; undefined when there is no such cookie. */
  value(key: CookieKey): string | undefined;
  put(cookie: EditedCookie): CookieSummary;
  remove(key: CookieKey): boolean;
  /** Removes every cookie, or those of one domain; says how many went. */
  clear(domain?: string): number;
  /** The whole jar as JSON text (values included: the caller encrypts it before it goes anywhere). */
  serialize(): string;
}

export interface EditedCookie extends CookieKey {
  value: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  expires?: string;
  previous?: CookieKey;
}

/** RFC 6265 §6.1 asks a user agent to hold at least 3000 cookies; more than that is a server filling the disk. */
export const MAX_COOKIES = 3000;
/** Set-Cookie headers read from one response at most. */
export const MAX_SET_COOKIES_PER_RESPONSE = 100;

const JAR_OPTIONS = { rejectPublicSuffixes: true, allowSpecialUseDomain: true, looseMode: false } as const;

export function createCookieJar(options: CookieJarOptions = {}, serialized?: string): Jar {
  const jar = serialized ? CookieJar.deserializeSync(JSON.parse(serialized) as SerializedCookieJar, new MemoryCookieStore()) : new CookieJar(new MemoryCookieStore(), JAR_OPTIONS);
  const changed = () => options.onChange?.();
  /** The URL to hand tough-cookie (parsed once per use), or undefined for a host the jar is off for. */
  const placeFor = (url: string): URL | undefined => {
    const parsed = httpUrl(url);
    return parsed === undefined || (isAwsHost(hostName(parsed)) && !(options.allowAwsHosts?.() ?? false)) ? undefined : parsed;
  };
  const all = (): SerializedCookie[] => jar.serializeSync()?.cookies ?? [];
  // False only while the store certainly holds no cookie (a new run's jar until a response sets one): a send then
  // costs no lookup at all. Set wherever a cookie goes in; recounted where cookies go out.
  let holdsAny = all().length > 0;
  const recount = () => (holdsAny = all().length > 0);
  const live = () => all().map((json) => Cookie.fromJSON(json)).filter((c): c is Cookie => c !== undefined && c.TTL() > 0);
  const find = (key: CookieKey) => live().find((c) => c.key === key.name && c.domain === canonical(key.domain) && c.path === key.path);

  const removeSync = (key: CookieKey): boolean => {
    if (!find(key)) return false;
    // MemoryCookieStore is synchronous: its callback runs before removeCookie returns.
    let failed: Error | null = null;
    jar.store.removeCookie(canonical(key.domain), key.path, key.name, (err) => (failed = err));
    if (failed) throw appError('INVALID_INPUT', 'The cookie could not be removed.', String(failed));
    return true;
  };

  return {
    pairsFor(url) {
      if (!holdsAny) return [];
      const place = placeFor(url);
      if (!place) return [];
      try {
        return jar.getCookiesSync(place, { http: true, sort: true }).map((c) => ({ name: c.key, value: c.value }));
      } catch {
        return []; // a URL tough-cookie cannot place gets no cookies; the send goes on as typed
      }
    },
    receive(url, setCookies) {
      if (setCookies.length === 0) return;
      const place = placeFor(url);
      if (!place) return;
      let count = all().length;
      let stored = 0;
      for (const header of setCookies.slice(0, MAX_SET_COOKIES_PER_RESPONSE)) {
        const parsed = Cookie.parse(header, { loose: false });
        if (!parsed) continue;
        const replaces = jar.getCookiesSync(place, { http: true, allPaths: true }).some((c) => c.key === parsed.key);
        if (count >= MAX_COOKIES && !replaces) continue;
        // A cookie the rules refuse (a public-suffix Domain, a Secure one over http, another site's domain) is dropped, as a browser does.
        const kept = jar.setCookieSync(header, place, { http: true, ignoreError: true });
        if (kept) {
          holdsAny = true;
          stored++;
          if (!replaces) count++;
        }
      }
      if (stored > 0) changed();
    },
    list() {
      return live()
        .map(summary)
        .sort((a, b) => a.domain.localeCompare(b.domain) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name));
    },
    value(key) {
      return find(key)?.value;
    },
    put(edit) {
      const domain = canonical(edit.domain);
      const expires = edit.expires ? new Date(edit.expires) : undefined;
      const cookie = new Cookie({
        key: edit.name,
        value: edit.value,
        path: edit.path,
        secure: edit.secure,
        httpOnly: edit.httpOnly,
        // Without a Domain attribute tough-cookie makes the cookie host-only for the URL it is set from.
        ...(edit.hostOnly ? {} : { domain }),
        ...(expires ? { expires } : {}),
      });
      const url = `${edit.secure ? 'https' : 'http'}://${domain.includes(':') ? `[${domain}]` : domain}${edit.path}`;
      if (!find({ domain, path: edit.path, name: edit.name }) && live().length >= MAX_COOKIES) {
        throw appError('INVALID_INPUT', `The jar already holds ${MAX_COOKIES} cookies: delete some first.`);
      }
      let kept: Cookie | undefined;
      try {
        kept = jar.setCookieSync(cookie, url, { http: true });
      } catch (err) {
        throw appError('INVALID_INPUT', `The cookie could not be kept for ${domain}: ${err instanceof Error ? err.message : String(err)}.`);
      }
      if (!kept) throw appError('INVALID_INPUT', `The cookie could not be kept for ${domain} (an expiry in the past removes it).`);
      holdsAny = true;
      const previous = edit.previous;
      if (previous && (canonical(previous.domain) !== domain || previous.path !== edit.path || previous.name !== edit.name)) removeSync(previous);
      changed();
      return summary(kept);
    },
    remove(key) {
      const removed = removeSync(key);
      if (removed) {
        recount();
        changed();
      }
      return removed;
    },
    clear(domain) {
      const target = domain === undefined ? undefined : canonical(domain);
      const going = live().filter((c) => target === undefined || c.domain === target);
      if (target === undefined) jar.removeAllCookiesSync();
      else for (const c of going) removeSync({ domain: c.domain ?? '', path: c.path ?? '/', name: c.key });
      recount();
      if (going.length > 0) changed();
      return going.length;
    },
    serialize() {
      return JSON.stringify(jar.serializeSync());
    },
  };
}

/** Domains compare without a leading dot and in lower case, as the jar keeps them. */
export function canonical(domain: string): string {
  return domain.trim().replace(/^\./, '').toLowerCase();
}

function summary(c: Cookie): CookieSummary {
  const expiry = c.expiryTime();
  return {
    domain: c.domain ?? '',
    path: c.path ?? '/',
    name: c.key,
    hostOnly: c.hostOnly ?? true,
    secure: c.secure,
    httpOnly: c.httpOnly,
    ...(c.sameSite && c.sameSite !== 'none' ? { sameSite: c.sameSite } : {}),
    ...(expiry !== undefined && Number.isFinite(expiry) ? { expires: new Date(expiry).toISOString() } : {}),
    valueLength: c.value.length,
  };
}
