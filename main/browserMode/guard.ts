// The checks every browser-mode request passes, as plain functions: a server on 127.0.0.1 holding AWS credentials
// must not answer a page another site loaded (Origin), a name that was rebound to 127.0.0.1 (Host), or anyone
// without the launch token. Jupyter's local server is the model.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh launch token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The names the server answers to: loopback by address or by the name every OS maps to it. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The Host header must be one of ours exactly: a DNS-rebound name (evil.example:PORT) is refused. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** The page's own origin, for the same Host the request came to; any other Origin (or none) is refused. */
export function isOwnOrigin(origin: string | undefined, host: string | undefined, port: number): boolean {
  return origin !== undefined && isAllowedHost(host, port) && origin.toLowerCase() === `http://${host!.toLowerCase()}`;
}

/** Compares secrets in constant time (hashed first, so lengths need not match). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The session cookie's value in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
