// RoleCall builds the canonical request itself (for speed); it must be the text the AWS SDK's signer builds from
// the same request. Random requests, seeded so a failure can be replayed, go through both.
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4, getCanonicalQuery } from '@smithy/signature-v4';
import type { HeaderBag, HttpRequest } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { canonicalHeaders, canonicalPath, canonicalQuery, canonicalRequest, escapeUri, type QueryBag } from './canonicalRequest';

/** Records the canonical request smithy builds. */
class Recording extends SignatureV4 {
  recorded = '';
  protected override createCanonicalRequest(request: HttpRequest, headers: HeaderBag, payloadHash: string): string {
    this.recorded = super.createCanonicalRequest(request, headers, payloadHash);
    return this.recorded;
  }
}

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATH_PIECES = ['a', 'Z9', '-_.~', '.', '..', '', '%20', '%2F', 'é', ' ', '!', "'()*", '+', '=', ':', '@', '$&,;', 'v1', '~user'];
const QUERY_PIECES = ['', 'a', 'B', 'x y', '+', '=', '&', '%', 'é', '/', '!*', "'", '~-._', 'X-Amz-Signature', '__proto__', 'constructor', 'ü1'];
const HEADER_NAMES = ['content-type', 'x-amz-meta-a', 'accept', 'user-agent', 'date', 'proxy-x', 'sec-fetch-mode', 'expect', 'my-header', 'x-amz-target', 'authorization', 'host', 'x-amzn-trace-id', 'connection', 'a_b', '__proto__'];
const HEADER_VALUES = ['', 'text/plain', ' lead', 'trail ', 'in  side', 'tab\there', '\t\tx\t', 'a, b', '  ', 'x\ny', 'q\r\nr', '1'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function text(random: () => number, pieces: readonly string[], max: number): string {
  let out = '';
  const n = Math.floor(random() * (max + 1));
  for (let i = 0; i < n; i++) out += pick(random, pieces);
  return out;
}

function randomPath(random: () => number): string {
  const n = 1 + Math.floor(random() * 5);
  const segments: string[] = [];
  for (let i = 0; i < n; i++) segments.push(text(random, PATH_PIECES, 2));
  return `/${segments.join('/')}`;
}

function randomQuery(random: () => number): QueryBag {
  const bag = Object.create(null) as QueryBag;
  const n = Math.floor(random() * 5);
  for (let i = 0; i < n; i++) {
    const key = text(random, QUERY_PIECES, 2);
    const value = text(random, QUERY_PIECES, 2);
    const existing = bag[key];
    bag[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return bag;
}

function randomHeaders(random: () => number): Record<string, string> {
  const headers = Object.create(null) as Record<string, string>;
  headers.host = 'example.amazonaws.com';
  const n = Math.floor(random() * 6);
  for (let i = 0; i < n; i++) headers[pick(random, HEADER_NAMES)] = text(random, HEADER_VALUES, 3);
  return headers;
}

describe('canonical request pieces agree with the AWS SDK (smithy)', () => {
  it('paths, normalised and double-encoded or as given', () => {
    const random = seeded(1);
    const smithy = new SignatureV4({ service: 'x', region: 'r', credentials: { accessKeyId: 'a', secretAccessKey: 's' }, sha256: Sha256 });
    const path = (p: string) => (smithy as unknown as { getCanonicalPath(r: { path: string }): string }).getCanonicalPath({ path: p });
    for (const p of ['/', '/a', '/a/', '//a//b//', '/./a/../b', '/..', '/a/%20/b', '/stag/hoge', '/a b/c', '']) {
      expect(canonicalPath(p, true), p).toBe(path(p));
    }
    for (let i = 0; i < 2000; i++) {
      const p = randomPath(random);
      expect(canonicalPath(p, true), p).toBe(path(p));
      expect(canonicalPath(p, false), p).toBe(p);
    }
  });

  it('queries, sorted, repeated keys included, X-Amz-Signature left out', () => {
    const random = seeded(2);
    for (let i = 0; i < 2000; i++) {
      const query = randomQuery(random);
      // smithy writes into a plain object, where "__proto__" is no key; RoleCall's bag has no prototype.
      if ('__proto__' in query) continue;
      expect(canonicalQuery(query), JSON.stringify(query)).toBe(getCanonicalQuery({ query } as unknown as HttpRequest));
    }
  });

  it('URI encoding, RFC 3986 as SigV4 uses it', () => {
    for (const t of ['', 'abc', 'a b', "!'()*", '~-._', 'é', '/', '%', '+=&']) {
      expect(escapeUri(t), t).toBe(encodeURIComponent(t).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
    }
  });

  it('whole canonical requests, header mode and presigned, headers filtered and values tidied as smithy does', async () => {
    const random = seeded(3);
    const date = new Date('2015-08-30T12:36:00Z');
    for (let i = 0; i < 500; i++) {
      const method = pick(random, ['GET', 'POST', 'PUT', 'DELETE']);
      const path = randomPath(random);
      const query = randomQuery(random);
      delete query.__proto__;
      const headers = randomHeaders(random);
      // smithy drops these before signing (a header signer adds its own x-amz-date); RoleCall never passes them.
      delete headers.date;
      delete headers.authorization;
      const normalise = random() < 0.7;
      const presign = random() < 0.3;
      const token = random() < 0.5 ? 'token/+=' : undefined;
      const body = random() < 0.5 ? new TextEncoder().encode(text(random, QUERY_PIECES, 5)) : undefined;
      const smithy = new Recording({
        service: 'svc',
        region: 'eu-west-1',
        credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret', ...(token ? { sessionToken: token } : {}) },
        sha256: Sha256,
        uriEscapePath: normalise,
        applyChecksum: false,
      });
      const request: HttpRequest = { method, protocol: 'https:', hostname: headers.host!, path, query: { ...query }, headers: { ...headers }, body };
      const payloadHash = createHash('sha256').update(body ?? '').digest('hex');
      const signedQuery: QueryBag = Object.assign(Object.create(null) as QueryBag, query);
      const signedHeaders: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, headers);
      if (presign) {
        await smithy.presign(request, { signingDate: date, expiresIn: 900, unhoistableHeaders: new Set(Object.keys(headers)) });
        if (token) signedQuery['X-Amz-Security-Token'] = token;
        Object.assign(signedQuery, {
          'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
          'X-Amz-Credential': 'AKID/20150830/eu-west-1/svc/aws4_request',
          'X-Amz-Date': '20150830T123600Z',
          'X-Amz-Expires': '900',
        });
        signedQuery['X-Amz-SignedHeaders'] = canonicalHeaders(signedHeaders).names.join(';');
      } else {
        await smithy.sign(request, { signingDate: date });
        signedHeaders['x-amz-date'] = '20150830T123600Z';
        if (token) signedHeaders['x-amz-security-token'] = token;
      }
      const ours = canonicalRequest(method, canonicalPath(path, normalise), canonicalQuery(signedQuery), canonicalHeaders(signedHeaders), payloadHash);
      expect(ours, JSON.stringify({ method, path, query, headers, normalise, presign })).toBe(smithy.recorded);
    }
  });
});
