// Checks a presigned (query-string signed) request the way AWS would: read the credential scope, the signed header
// names, the date and the expiry from the URL's X-Amz-* parameters, rebuild the canonical request from the bytes
// received and compute the signature with node:crypto's HMAC. Written from the SigV4 specification, without smithy,
// so a test cannot pass by agreeing with RoleCall's signer. A server in tests uses it to accept or refuse a URL.
import { createHash, createHmac } from 'node:crypto';
import type { RecordedRequest } from '../../main/testing/echoServer';
import { startEchoServer, type EchoServer } from '../../main/testing/echoServer';
import { headerPairs, type Verdict, type VerifyKeys } from './sigv4Verifier';

const S3_FAMILY = new Set(['s3', 's3-object-lambda', 's3-outposts', 's3express']);
const CREDENTIAL = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;

export interface PresignVerdict extends Verdict {
  /** The URL carried the expected session token (or none was expected and none came). */
  token?: 'matched' | 'absent';
}

function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** S3 signs each path segment encoded once; other services normalise the path and encode what was received again. */
function canonicalPath(rawPath: string, s3: boolean): string {
  if (s3) return rawPath.split('/').map((segment) => escapeUri(decode(segment))).join('/');
  const out: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const normalised = out.join('/') || '/';
  return normalised.split('/').map(escapeUri).join('/');
}

/** `now` is the server's clock (default Date.now()); a URL used after X-Amz-Date + X-Amz-Expires is refused. */
export function verifyPresigned(request: RecordedRequest, keys: VerifyKeys, now: number = Date.now()): PresignVerdict {
  const [rawPath = '/', rawQuery = ''] = request.url.split('?', 2) as [string, string | undefined];
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return [decode(eq < 0 ? pair : pair.slice(0, eq)), eq < 0 ? '' : decode(pair.slice(eq + 1))] as [string, string];
    });
  const param = (name: string) => pairs.find(([key]) => key === name)?.[1];
  if (param('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return { ok: false, reason: 'no X-Amz-Algorithm=AWS4-HMAC-SHA256 in the query' };
  const credential = CREDENTIAL.exec(param('X-Amz-Credential') ?? '');
  if (!credential) return { ok: false, reason: `unreadable X-Amz-Credential: ${param('X-Amz-Credential')}` };
  const [, keyId, day, region, service] = credential as unknown as [string, string, string, string, string];
  if (keyId !== keys.accessKeyId) return { ok: false, reason: `signed with ${keyId}, expected ${keys.accessKeyId}` };
  const amzDate = param('X-Amz-Date') ?? '';
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(day)) return { ok: false, reason: `bad X-Amz-Date: ${amzDate}` };
  const expires = Number(param('X-Amz-Expires'));
  if (!Number.isInteger(expires) || expires < 1 || expires > 604800) return { ok: false, reason: `bad X-Amz-Expires: ${param('X-Amz-Expires')}` };
  const signedAt = Date.parse(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  if (now > signedAt + expires * 1000) return { ok: false, reason: 'Request has expired', region, service };
  const token = param('X-Amz-Security-Token');
  if (keys.sessionToken !== undefined && token !== keys.sessionToken) return { ok: false, reason: 'the session token is missing or wrong', region, service };
  if (keys.sessionToken === undefined && token !== undefined) return { ok: false, reason: 'a session token came with long-term keys', region, service };
  const signature = param('X-Amz-Signature');
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'no X-Amz-Signature in the query' };

  const signedHeaders = (param('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean);
  if (!signedHeaders.includes('host')) return { ok: false, reason: 'host is not signed' };
  const received = headerPairs(request.rawHeaders);
  const headerLines: string[] = [];
  for (const name of signedHeaders) {
    const values = received.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value.trim().replace(/\s+/g, ' '));
    if (values.length === 0) return { ok: false, reason: `signed header ${name} was not received`, region, service, signedHeaders };
    headerLines.push(`${name}:${values.join(',')}\n`);
  }
  const s3 = S3_FAMILY.has(service);
  const contentSha = received.find(([key]) => key.toLowerCase() === 'x-amz-content-sha256')?.[1];
  const payloadHash = signedHeaders.includes('x-amz-content-sha256') && contentSha ? contentSha : s3 ? 'UNSIGNED-PAYLOAD' : sha256(request.body);
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256(request.body)) return { ok: false, reason: 'the body is not the one signed', region, service, signedHeaders };
  const canonicalQuery = pairs
    .filter(([key]) => key !== 'X-Amz-Signature')
    .map(([key, value]) => [escapeUri(key), escapeUri(value)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const canonicalRequest = [request.method, canonicalPath(rawPath, s3), canonicalQuery, headerLines.join(''), signedHeaders.join(';'), payloadHash].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${keys.secretAccessKey}`, day), region), service), 'aws4_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  if (expected !== signature) return { ok: false, reason: `signature mismatch; canonical request:\n${canonicalRequest}`, region, service, signedHeaders };
  return { ok: true, region, service, signedHeaders, token: token === undefined ? 'absent' : 'matched' };
}

/** A loopback server that answers 200 "verified" to a good presigned URL and 403 with the reason to anything else. */
export async function startPresignVerifier(keys: VerifyKeys, now?: () => number): Promise<EchoServer & { verdicts: PresignVerdict[] }> {
  const verdicts: PresignVerdict[] = [];
  const server = await startEchoServer((request) => {
    const verdict = verifyPresigned(request, keys, now?.());
    verdicts.push(verdict);
    return verdict.ok
      ? { status: 200, headers: [['Content-Type', 'text/plain']], body: `verified ${request.method} ${verdict.service} ${request.body.length} bytes` }
      : { status: 403, headers: [['Content-Type', 'text/plain']], body: `refused: ${verdict.reason}` };
  });
  return Object.assign(server, { verdicts });
}
