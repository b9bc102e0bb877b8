// Checks a request a loopback server received the way AWS would: read the credential scope, the signed header
// names and the date from its Authorization header, sign the received bytes again with @smithy/signature-v4 and
// the known secret, and compare signatures. Independent of RoleCall's signer, so a test cannot pass by agreeing
// with itself.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RecordedRequest } from '../../main/testing/echoServer';

export interface VerifyKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Verdict {
  ok: boolean;
  reason?: string;
  region?: string;
  service?: string;
  signedHeaders?: string[];
}

/** The AWS SigV4 test suite's example key. */
export const EXAMPLE_KEYS: VerifyKeys = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

export function headerPairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

export function header(request: RecordedRequest, name: string): string | undefined {
  return headerPairs(request.rawHeaders).find(([key]) => key.toLowerCase() === name)?.[1];
}

function decode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

export async function verifySigV4(request: RecordedRequest, keys: VerifyKeys): Promise<Verdict> {
  const authorization = header(request, 'authorization');
  if (!authorization) return { ok: false, reason: 'no Authorization header' };
  const match = AUTH.exec(authorization);
  if (!match) return { ok: false, reason: `unreadable Authorization header: ${authorization}` };
  const [, keyId, , region, service, signedList, signature] = match as unknown as string[];
  if (keyId !== keys.accessKeyId) return { ok: false, reason: `signed with ${keyId}, expected ${keys.accessKeyId}` };
  const amzDate = header(request, 'x-amz-date');
  if (!amzDate) return { ok: false, reason: 'no X-Amz-Date header' };
  const signedHeaders = (signedList as string).split(';');

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const values = headerPairs(request.rawHeaders)
      .filter(([key]) => key.toLowerCase() === name)
      .map(([, value]) => value);
    if (values.length === 0) return { ok: false, reason: `signed header ${name} was not received` };
    headers[name] = values.join(',');
  }
  const [path = '/', rawQuery] = request.url.split('?', 2) as [string, string | undefined];
  const query: Record<string, string | string[]> = {};
  for (const pair of rawQuery ? rawQuery.split('&') : []) {
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const date = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`;
  const signer = new SignatureV4({
    service: service as string,
    region: region as string,
    credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}) },
    sha256: Sha256,
    // API Gateway and most services normalise the path (S3 does not); the decoded path is escaped once more.
    uriEscapePath: true,
    applyChecksum: false,
  });
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: (headers.host ?? '').split(':')[0] ?? '',
      path: decodeURIComponent(path),
      query,
      headers,
      body: request.body,
    },
    { signingDate: new Date(date), signableHeaders: new Set(signedHeaders), unsignableHeaders: new Set() },
  );
  const expected = String(resigned.headers.authorization ?? resigned.headers.Authorization ?? '');
  const expectedSignature = /Signature=([0-9a-f]{64})/.exec(expected)?.[1];
  if (expectedSignature !== signature) {
    return { ok: false, reason: `signature mismatch: expected ${expected}, got ${authorization}`, region, service, signedHeaders };
  }
  return { ok: true, region, service, signedHeaders };
}
