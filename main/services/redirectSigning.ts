// What a followed redirect sends next (transport.ts asks once per hop). A SigV4 signature covers the method, path,
// query and signed headers, so the first hop's signature cannot verify for the Location. Within the same origin
// (scheme, host and port) the hop is signed again with the same credentials and signing settings (`resign`, given
// by the engine). To another origin it goes with no credential at all: no Authorization, no X-Amz-* header, no
// cookie or key-like header, and none of the previous URL's presigned query values, so a session token never
// reaches a host it was not signed for. The method follows the status as browsers and curl do (Fetch standard):
// 303 makes anything but HEAD a GET, 301 and 302 make a POST a GET, 307 and 308 keep the method and the body; a hop
// that becomes a GET drops the body and the headers that described it.
import { maskSecretQuery } from '../../src/credentialGuard';
import type { RedirectHop } from '../../src/models/http';
import type { HopCookies } from './cookies/hopCookies';

export interface HopRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: Uint8Array;
}

/** Signs a hop's request with the first hop's credentials and signing settings; its headers carry no signature. */
export type ResignHop = (hop: HopRequest) => Promise<HopRequest>;

export interface HopContext {
  /** Absent for an unsigned request: a same-origin hop then keeps its headers as they were. */
  resign?: ResignHop;
  /** The send's cookie jar: the next hop's Cookie header is the jar's for the new URL (before it is signed). */
  cookies?: HopCookies;
}

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** What SigV4 put in the headers: replaced when the hop is signed again, never sent to another origin. */
const SIGNATURE_HEADERS = new Set(['authorization', 'x-amz-date', 'x-amz-security-token']);
/**
 * Headers that carry or derive from a credential: never sent to another origin. X-Amz-* goes whole (the token, and
 * the rest of a signature that cannot verify there anyway), and so does any header named like a key or token.
 */
const CREDENTIAL_HEADER = /^(cookie|x-amz-.*)$|auth|token|api[-_]?key|secret|password|session|credential/;
/** Headers that describe a body (the Fetch standard's list, with the lengths): gone with the body. */
const BODY_HEADERS = new Set(['content-type', 'content-encoding', 'content-language', 'content-location', 'content-length', 'transfer-encoding', 'x-amz-content-sha256']);
/** A presigned URL's query parameters: the ones carrying the previous URL's values are not carried to another origin. */
const PRESIGN_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Security-Token', 'X-Amz-Signature'];

/** The method of the next hop for this status (Fetch standard, as browsers and curl do). */
export function redirectMethod(method: string, status: number): string {
  const upper = method.toUpperCase();
  if (status === 303 && upper !== 'GET' && upper !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && upper === 'POST') return 'GET';
  return method;
}

/** Same scheme, host and port. */
export function sameOrigin(from: string, to: string): boolean {
  try {
    const a = new URL(from);
    const b = new URL(to);
    return a.protocol === b.protocol && a.host === b.host;
  } catch {
    return false;
  }
}

/** host[:port] as the URL gives it: the Host header of the next hop. */
function authorityOf(url: string): string {
  return /^[a-z]+:\/\/([^/?#]*)/i.exec(url)?.[1] ?? new URL(url).host;
}

/** `to` without the presign parameters whose values `from` carried (a Location may echo the query it came with). */
function withoutPresignOf(from: string, to: string): string {
  const before = new URL(from).searchParams;
  const carried = PRESIGN_PARAMS.filter((name) => before.has(name));
  if (carried.length === 0) return to;
  const next = new URL(to);
  let dropped = false;
  for (const name of carried) {
    const value = before.get(name);
    for (const key of [...next.searchParams.keys()]) {
      if (key.toLowerCase() === name.toLowerCase() && next.searchParams.get(key) === value) {
        next.searchParams.delete(key);
        dropped = true;
      }
    }
  }
  return dropped ? next.href : to;
}

/** The request the next hop sends: `location` is the absolute URL the response named. */
export async function nextHop(previous: HopRequest, status: number, location: string, context: HopContext = {}): Promise<HopRequest> {
  const method = redirectMethod(previous.method, status);
  // Only a hop that changes the method drops the body (and so the headers that described it).
  const keepsBody = method === previous.method;
  const body = keepsBody ? previous.body : new Uint8Array();
  const local = sameOrigin(previous.url, location);
  const resign = local ? context.resign : undefined;
  const url = local ? location : withoutPresignOf(previous.url, location);
  const authority = authorityOf(url);
  let headers = previous.headers.flatMap(([name, value]): Array<[string, string]> => {
    const lower = name.toLowerCase();
    if (lower === 'host') return [[name, authority]];
    if (!local && CREDENTIAL_HEADER.test(lower)) return [];
    if (resign && SIGNATURE_HEADERS.has(lower)) return [];
    if (!keepsBody && BODY_HEADERS.has(lower)) return [];
    return [[name, value]];
  });
  if (context.cookies) headers = context.cookies.nextHop(headers, url);
  const hop: HopRequest = { method, url, headers, body };
  return resign ? resign(hop) : hop;
}

/** What the response says of a hop: the 3xx that led to `next`, and whether `next` was signed again or stripped. */
export function redirectRecord(previousUrl: string, status: number, next: HopRequest, signed: boolean): RedirectHop {
  const signing = !sameOrigin(previousUrl, next.url) ? 'stripped' : signed ? 'resigned' : 'unsigned';
  return { status, method: next.method, url: maskSecretQuery(next.url), signing };
}
