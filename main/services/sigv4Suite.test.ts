// AWS's SigV4 conformance vectors, every one of them, through signRequest: the canonical request, the string to
// sign and the Authorization header must match byte for byte. No case is skipped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerValue, parseRawHttpRequest } from '../testing/rawHttp';
import { signRequest } from './signer';

const repoRoot = path.resolve(__dirname, '../..');
const suiteDir = path.resolve(repoRoot, '../shared/sigv4-testsuite');

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

interface Case {
  name: string;
  dir: string;
}

/** A case is a folder holding NAME.req (and .creq, .sts, .authz) for its own NAME; cases nest. */
function findCases(dir: string, out: Case[] = []): Case[] {
  if (!existsSync(dir)) return out;
  const name = path.basename(dir);
  if (existsSync(path.join(dir, `${name}.req`))) out.push({ name: path.relative(suiteDir, dir), dir });
  for (const entry of readdirSync(dir).sort()) {
    const child = path.join(dir, entry);
    if (statSync(child).isDirectory()) findCases(child, out);
  }
  return out;
}

function read(c: Case, ext: string): string {
  return readFileSync(path.join(c.dir, `${path.basename(c.dir)}.${ext}`), 'utf8');
}

/**
 * The session token of get-vanilla-with-session-token is given only in its signed request (.sreq). A token the
 * .sreq carries but does not sign (post-sts-header-after) was added after signing, which is not an input.
 */
function sessionToken(c: Case, typed: Array<[string, string]>): string | undefined {
  if (headerValue(typed, 'x-amz-security-token') !== undefined) return undefined;
  const signed = parseRawHttpRequest(read(c, 'sreq')).headers;
  const token = headerValue(signed, 'x-amz-security-token');
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(headerValue(signed, 'authorization') ?? '')?.[1]?.split(';') ?? [];
  return token && signedHeaders.includes('x-amz-security-token') ? token : undefined;
}

/**
 * The .sreq's headers, less a token it added after signing (not something signRequest is asked to do) and less
 * Authorization, checked against .authz: get-vanilla-with-session-token.sreq carries get-vanilla's signature.
 */
function expectedWireHeaders(c: Case): Array<[string, string]> {
  const headers = parseRawHttpRequest(read(c, 'sreq')).headers;
  const signed = /SignedHeaders=([^,]+)/.exec(headerValue(headers, 'authorization') ?? '')?.[1]?.split(';') ?? [];
  return headers.filter(([name]) => name.toLowerCase() !== 'x-amz-security-token' || signed.includes('x-amz-security-token'));
}

function withoutAuthorization(headers: Array<[string, string]>): Array<[string, string]> {
  return headers.filter(([name]) => name.toLowerCase() !== 'authorization');
}

/** Headers compared as sent: any order, name case ignored, folded lines unfolded. */
function wireHeaders(headers: Array<[string, string]>): string[] {
  return headers.map(([name, value]) => `${name.toLowerCase()}:${value.replace(/[ \t]*\n[ \t]*/g, ' ').trim()}`).sort();
}

const cases = findCases(suiteDir);

describe('AWS SigV4 test suite', () => {
  it('is present beside the repository, with its cases', () => {
    expect(existsSync(suiteDir), `missing ${suiteDir}`).toBe(true);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name', async (c) => {
    const raw = parseRawHttpRequest(read(c, 'req'));
    const host = headerValue(raw.headers, 'host');
    const token = sessionToken(c, raw.headers);
    const { request, explanation } = await signRequest({
      request: { method: raw.method, url: `http://${host}${raw.target}`, headers: raw.headers, body: raw.body },
      credentials: token ? { ...CREDENTIALS, sessionToken: token } : CREDENTIALS,
      signing: {
        region: 'us-east-1',
        service: 'service',
        payload: 'signed',
        mode: 'header',
        expiresIn: 900,
        signingDate: '20150830T123600Z',
      },
    });
    expect(explanation.canonicalRequest).toBe(read(c, 'creq'));
    expect(explanation.stringToSign).toBe(read(c, 'sts'));
    expect(headerValue(request.headers, 'authorization')).toBe(read(c, 'authz'));
    expect(request.url).toBe(`http://${host}${raw.target}`);
    expect(wireHeaders(withoutAuthorization(request.headers))).toEqual(wireHeaders(withoutAuthorization(expectedWireHeaders(c))));
  });
});
