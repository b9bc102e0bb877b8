// How the jar's cookies join a request's own headers, and how they are hidden again in what the window is shown.
// The user's explicit Cookie header wins: a cookie it names is not sent from the jar as well; the jar's other
// cookies are appended to it, so the request still carries one Cookie header (RFC 6265 §5.4). The jar's part is
// added before signing, so SigV4 covers it like any typed header.
import type { CookiePair } from './cookieJar';

export interface WithJar {
  headers: Array<[string, string]>;
  /** The text the jar added ("a=1; b=2"), to take out on a redirect and to mask; absent when nothing was added. */
  added?: string;
  /** The added cookies, for masking. */
  pairs: CookiePair[];
}

const isCookie = (name: string) => name.trim().toLowerCase() === 'cookie';

/** The names a typed Cookie header sets. */
export function typedCookieNames(value: string): Set<string> {
  const names = new Set<string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (name) names.add(name);
  }
  return names;
}

export function withJarCookies(headers: Array<[string, string]>, jarPairs: CookiePair[]): WithJar {
  if (jarPairs.length === 0) return { headers, pairs: jarPairs }; // the common case: nothing to add, nothing to read
  const typedAt = headers.findIndex(([name]) => isCookie(name));
  const typed = typedAt < 0 ? new Set<string>() : typedCookieNames(headers.filter(([n]) => isCookie(n)).map(([, v]) => v).join(';'));
  const pairs = jarPairs.filter((p) => !typed.has(p.name));
  if (pairs.length === 0) return { headers, pairs };
  const added = pairs.map((p) => `${p.name}=${p.value}`).join('; ');
  if (typedAt < 0) return { headers: [...headers, ['Cookie', added]], added, pairs };
  const out = headers.map((h): [string, string] => [h[0], h[1]]);
  const own = out[typedAt]![1].trim().replace(/;\s*$/, '');
  out[typedAt]![1] = own ? `${own}; ${added}` : added;
  return { headers: out, added, pairs };
}

/** The headers without what the jar added: a redirect hop asks the jar again for the new URL. */
export function withoutJarCookies(headers: Array<[string, string]>, added: string | undefined): Array<[string, string]> {
  if (!added) return headers;
  return headers.flatMap(([name, value]): Array<[string, string]> => {
    if (!isCookie(name)) return [[name, value]];
    if (value === added) return [];
    return value.endsWith(`; ${added}`) ? [[name, value.slice(0, -(added.length + 2))]] : [[name, value]];
  });
}

/** How a jar cookie's value is shown: its name stays, the value says only its length. */
export const maskedPair = (p: CookiePair) => `${p.name}=«redacted: cookie, ${p.value.length} chars»`;

/**
 * A copy of `value` with the jar's cookie values masked wherever the Cookie header appears: a Cookie header's value
 * ([name, value] pairs) and the "cookie:" line of a canonical request. Nothing else is touched, so a short value
 * ("1") is never masked by chance in a URL or a body.
 */
export function maskJarCookies<T>(value: T, added: string | undefined, pairs: CookiePair[]): T {
  if (!added || pairs.length === 0) return value;
  const masked = pairs.map(maskedPair).join('; ');
  const inLine = (text: string) =>
    text.includes(added) ? text.split('\n').map((line) => (/^cookie:/i.test(line) ? line.split(added).join(masked) : line)).join('\n') : text;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return inLine(node);
    if (Array.isArray(node)) {
      if (node.length === 2 && typeof node[0] === 'string' && typeof node[1] === 'string' && isCookie(node[0])) return [node[0], node[1].split(added).join(masked)];
      return node.map(walk);
    }
    if (node === null || typeof node !== 'object' || ArrayBuffer.isView(node)) return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  };
  return walk(value) as T;
}
