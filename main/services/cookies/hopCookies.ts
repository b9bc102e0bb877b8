// The jar's part in one send on the wire (transport.ts): every response, each redirect hop's too, hands its
// Set-Cookie values to the jar, and each redirect hop asks the jar again for its new URL, so a login that sets a
// cookie and redirects carries it to the next page, as a browser does. A hop within the origin is signed again
// after its Cookie header is set (redirectSigning.ts), so the new signature covers it.
import type { RequestCookies } from './cookieJar';
import { withJarCookies, withoutJarCookies } from './cookieHeader';

export interface HopCookies {
  received(url: string, rawHeaders: string[]): void;
  /** The next hop's headers: what the jar added for the previous URL out, what it holds for `url` in. */
  nextHop(headers: Array<[string, string]>, url: string): Array<[string, string]>;
}

/** `added` is what the jar put in the first hop's Cookie header (cookieHeader.ts). */
export function hopCookies(jar: RequestCookies, added: string | undefined): HopCookies {
  let last = added;
  return {
    received(url, rawHeaders) {
      const values: string[] = [];
      for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
        const name = rawHeaders[i]!;
        if (name.length === 10 && name.toLowerCase() === 'set-cookie') values.push(rawHeaders[i + 1]!);
      }
      try {
        jar.receive(url, values);
      } catch {
        // A jar that cannot keep a cookie never fails the send: the response is what the user asked for.
      }
    },
    nextHop(headers, url) {
      const next = withJarCookies(withoutJarCookies(headers, last), jar.pairsFor(url));
      last = next.added;
      return next.headers;
    },
  };
}
