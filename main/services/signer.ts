// SigV4 signing, the canonical request built by canonicalRequest.ts (the AWS SDK's rules) and hashed by Node's
// native crypto. Two promises shape this file. What goes on the wire is what was signed: the path and query are
// sent exactly as typed and the typed headers are kept (duplicates, case, order); only what SigV4 itself requires
// is adapted for signing (duplicate headers joined with ",", folded lines unfolded). And the explanation shows the
// canonical request and string to sign that were really hashed, never recomputed beside them.
import * as nodeCrypto from 'node:crypto';
import { createHash, createHmac } from 'node:crypto';
import { detectEndpoint, parseRequestUrl } from '../../src/endpoint';
import { appError } from '../../src/errors';
import type { ClockOffsetSource, Detection, SignedRequest, SigningExplanation } from '../../src/models/http';
import { canonicalHeaders, canonicalPath, canonicalQuery, canonicalRequest, escapeUri, type QueryBag } from './canonicalRequest';

export interface SignParams {
  request: { method: string; url: string; headers: Array<[string, string]>; body: Uint8Array };
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  signing: {
    region?: string;
    service?: string;
    payload: 'signed' | 'unsigned';
    contentSha256Header?: boolean;
    mode: 'header' | 'query';
    expiresIn: number;
    signingDate?: string | Date;
  };
  /**
   * This computer's clock (nowMs, default Date.now()) and the server's offset from it: without a fixed signingDate
   * the signature is dated nowMs + offsetMs, as the AWS SDKs date it with their systemClockOffset.
   */
  clock?: { nowMs?: number; offsetMs: number; source: ClockOffsetSource };
}

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 and its relatives sign the path as sent, without normalising or encoding it a second time. */
const S3_FAMILY = new Set(['s3', 's3-object-lambda', 's3-outposts', 's3express']);
/** Services that refuse a request without x-amz-content-sha256. */
const NEEDS_CONTENT_SHA = new Set([...S3_FAMILY, 'aoss']);
/** Query parameters a presigned URL carries; stale ones in a typed URL are replaced, not duplicated. */
const PRESIGN_PARAMS = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-security-token',
  'x-amz-signature',
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Node's one-shot hash (Node 20.12+, 21.7+): no Hash object to build when the data comes in one piece. */
const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: string | Uint8Array, outputEncoding: 'hex') => string }).hash;

function sha256Hex(data: string | Uint8Array): string {
  return oneShotHash ? oneShotHash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex');
}

export async function signRequest(p: SignParams): Promise<{ request: SignedRequest; explanation: SigningExplanation }> {
  const { request, credentials, signing } = p;
  const { target, detected } = parseTarget(request.url);
  const region = signing.region ?? detected.region;
  const service = signing.service ?? detected.service;
  const host = target.url.hostname;
  if (!region) {
    throw appError(
      'REGION_REQUIRED',
      `${host} does not name its AWS region (a custom domain?): give the region to sign for, e.g. eu-west-1.`,
      service ? undefined : 'The service name (e.g. execute-api) is needed too.',
    );
  }
  if (!service) {
    throw appError('SERVICE_REQUIRED', `${host} does not name its AWS service (a custom domain?): give the service to sign for, e.g. execute-api.`);
  }
  const corrected = signing.signingDate === undefined && p.clock !== undefined && p.clock.offsetMs !== 0 ? p.clock : undefined;
  const signingDate =
    signing.signingDate === undefined ? new Date((p.clock?.nowMs ?? Date.now()) + (corrected?.offsetMs ?? 0)) : toSigningDate(signing.signingDate);
  if (!Number.isInteger(signing.expiresIn) || signing.expiresIn < 1 || signing.expiresIn > 604800) {
    throw appError('INVALID_INPUT', 'A presigned URL must expire in 1 second to 7 days (604800 seconds).', String(signing.expiresIn));
  }
  const isS3 = S3_FAMILY.has(service);
  const query = signing.mode === 'query';
  const hasToken = Boolean(credentials.sessionToken);
  // A presigned S3 URL is always signed over UNSIGNED-PAYLOAD: S3 cannot know the body when the URL is made.
  const unsigned = signing.payload === 'unsigned' || (query && isS3);
  // A server hashes the body it received unless x-amz-content-sha256 says UNSIGNED-PAYLOAD, so an unsigned payload
  // always carries the header (S3's presigned URLs excepted: S3 assumes it for them).
  const contentSha = (signing.payload === 'unsigned' && !(query && isS3)) || (signing.contentSha256Header ?? (!query && NEEDS_CONTENT_SHA.has(service)));

  const headers = prepareHeaders(request.headers, hasToken ? REPLACED_WITH_TOKEN : REPLACED);
  const added: Array<[string, string]> = [];
  if (!('host' in headers.signable)) {
    headers.signable.host = target.url.host;
    added.push(['host', target.url.host]);
  }
  // A query-mode signature still covers the payload; a header carries its hash only when asked.
  if (query && contentSha && !('x-amz-content-sha256' in headers.signable)) {
    const hash = unsigned ? UNSIGNED_PAYLOAD : sha256Hex(request.body);
    headers.signable['x-amz-content-sha256'] = hash;
    added.push(['x-amz-content-sha256', hash]);
  }
  const typedQuery = prepareQuery(target.query, query ? (key) => PRESIGN_PARAMS.has(key.toLowerCase()) : () => false);

  const { amzDate, shortDate } = formatDate(signingDate);
  const credentialScope = `${shortDate}/${region}/${service}/aws4_request`;
  // A hash the request states in x-amz-content-sha256 is the one signed; otherwise the body's own.
  const payloadHash =
    headers.signable['x-amz-content-sha256'] ?? (unsigned ? UNSIGNED_PAYLOAD : request.body.length === 0 ? EMPTY_SHA256 : sha256Hex(request.body));
  const signable = headers.signable;
  const signedQuery = typedQuery.signable;
  // A presigned URL's own parameters, in the order the AWS SDKs write them (X-Amz-SignedHeaders once known).
  const presignParams: Array<[string, string]> = [];
  if (query) {
    presignParams.push(['X-Amz-Algorithm', ALGORITHM], ['X-Amz-Credential', `${credentials.accessKeyId}/${credentialScope}`], ['X-Amz-Date', amzDate]);
    presignParams.push(['X-Amz-Expires', String(signing.expiresIn)]);
  } else {
    signable['x-amz-date'] = amzDate;
    if (hasToken) signable['x-amz-security-token'] = credentials.sessionToken!;
    if (contentSha && !('x-amz-content-sha256' in signable)) signable['x-amz-content-sha256'] = payloadHash;
  }
  const canonical = canonicalHeaders(signable);
  const signedHeaders = canonical.names.join(';');
  if (query) {
    presignParams.push(['X-Amz-SignedHeaders', signedHeaders]);
    if (hasToken) presignParams.push(['X-Amz-Security-Token', credentials.sessionToken!]);
    for (const [key, value] of presignParams) signedQuery[key] = value;
  }
  const canonicalText = canonicalRequest(
    request.method,
    canonicalPath(isS3 ? encodeS3Path(target.path) : target.path, !isS3),
    canonicalQuery(signedQuery),
    canonical,
    payloadHash,
  );
  const stringToSign = `${ALGORITHM}\n${amzDate}\n${credentialScope}\n${sha256Hex(canonicalText)}`;
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, shortDate, region, service)).update(stringToSign, 'utf8').digest('hex');

  let wireQuery = typedQuery.wire;
  const wireHeaders = [...headers.wire, ...added];
  if (query) {
    const params = presignParams.map(([key, value]) => `${key}=${escapeUri(value)}`);
    params.push(`X-Amz-Signature=${signature}`);
    wireQuery = [...(wireQuery ? [wireQuery] : []), ...params].join('&');
  } else {
    wireHeaders.push(['x-amz-date', amzDate]);
    if (hasToken) wireHeaders.push(['x-amz-security-token', credentials.sessionToken!]);
    if (contentSha && !headers.typed.has('x-amz-content-sha256')) wireHeaders.push(['x-amz-content-sha256', payloadHash]);
    wireHeaders.push(['authorization', `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`]);
  }

  const url = `${target.origin}${target.path}${wireQuery !== undefined ? `?${wireQuery}` : ''}`;
  const explanation: SigningExplanation = {
    algorithm: ALGORITHM,
    canonicalRequest: canonicalText,
    stringToSign,
    credentialScope,
    signedHeaders: canonical.names,
    signature,
    amzDate,
    region,
    regionSource: source(signing.region),
    service,
    serviceSource: source(signing.service),
    payloadHash,
    mode: signing.mode,
    accessKeyId: credentials.accessKeyId,
  };
  if (corrected) {
    explanation.clockOffsetMs = corrected.offsetMs;
    explanation.clockOffsetSource = corrected.source;
  }
  return { request: { method: request.method, url, headers: wireHeaders }, explanation };
}

/**
 * URLs parsed and their endpoints detected, by the URL as typed: a client signs the same few URLs over and over.
 * What is kept is only read, never changed, so it can be shared. Bounded: emptied when full.
 */
const targets = new Map<string, { target: ReturnType<typeof parseRequestUrl>; detected: ReturnType<typeof detectEndpoint> }>();
const MAX_TARGETS = 256;

function parseTarget(raw: string): { target: ReturnType<typeof parseRequestUrl>; detected: ReturnType<typeof detectEndpoint> } {
  let parsed = targets.get(raw);
  if (!parsed) {
    const target = parseRequestUrl(raw);
    parsed = { target, detected: detectEndpoint(target.url) };
    if (targets.size >= MAX_TARGETS) targets.clear();
    targets.set(raw, parsed);
  }
  return parsed;
}

const REPLACED = new Set(['authorization', 'x-amz-date']);
const REPLACED_WITH_TOKEN = new Set([...REPLACED, 'x-amz-security-token']);

/**
 * SigV4's date forms for a time: the same second gives the same text, and a client signs many requests a second,
 * so the last one is kept.
 */
let lastDate = { second: Number.NaN, amzDate: '', shortDate: '' };

function formatDate(date: Date): { amzDate: string; shortDate: string } {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastDate.second) {
    const amzDate = date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
    lastDate = { second, amzDate, shortDate: amzDate.slice(0, 8) };
  }
  return lastDate;
}

interface CachedKey {
  secretAccessKey: string;
  shortDate: string;
  region: string;
  service: string;
  key: Buffer;
}

/** Signing keys derived (four HMACs each), the most recently used first; a handful is plenty. */
const signingKeys: CachedKey[] = [];
const MAX_SIGNING_KEYS = 8;

/** SigV4's signing key for a secret, day, region and service, derived once and then kept (see signingKeys). */
function signingKey(secretAccessKey: string, shortDate: string, region: string, service: string): Buffer {
  // Compared field by field: the same strings compare at once, and nothing long is hashed or concatenated per call.
  const index = signingKeys.findIndex(
    (k) => k.secretAccessKey === secretAccessKey && k.shortDate === shortDate && k.region === region && k.service === service,
  );
  if (index === 0) return signingKeys[0]!.key;
  let entry: CachedKey;
  if (index > 0) {
    entry = signingKeys.splice(index, 1)[0]!;
  } else {
    let key: Buffer = createHmac('sha256', `AWS4${secretAccessKey}`).update(shortDate).digest();
    for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    entry = { secretAccessKey, shortDate, region, service, key };
    if (signingKeys.length >= MAX_SIGNING_KEYS) signingKeys.pop();
  }
  signingKeys.unshift(entry);
  return entry.key;
}

function source(explicit: string | undefined): Detection {
  return explicit ? 'explicit' : 'detected';
}

/** Accepts ISO-8601 and SigV4's own 20150830T123600Z, the form users copy from a signed request. */
function toSigningDate(value: string | Date): Date {
  const compact = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  const date = compact
    ? new Date(`${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}Z`)
    : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw appError('INVALID_INPUT', 'The signing date is not a valid time; use ISO-8601 such as 2015-08-30T12:36:00Z.', String(value));
  }
  return date;
}

interface PreparedHeaders {
  /** As sent: typed names and order, duplicates kept, folded lines unfolded. */
  wire: Array<[string, string]>;
  /** As signed: lower-case names, duplicate values joined with "," in typed order. */
  signable: Record<string, string>;
  /** Lower-case names the user typed (kept ones). */
  typed: Set<string>;
}

function prepareHeaders(headers: Array<[string, string]>, replaced: Set<string>): PreparedHeaders {
  const wire: Array<[string, string]> = [];
  const signable: Record<string, string> = Object.create(null) as Record<string, string>;
  const typed = new Set<string>();
  for (const [name, value] of headers) {
    if (!HEADER_NAME.test(name)) throw appError('INVALID_INPUT', `"${name}" is not a valid HTTP header name.`);
    // A folded (multi-line) value means the same as its lines joined by one space (RFC 9112 §5.2); a line break
    // itself cannot be sent.
    const unfolded = value.includes('\n') || value.includes('\r') ? value.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ') : value;
    if (/[^\t\x20-\x7e]/.test(unfolded)) {
      throw appError(
        'INVALID_INPUT',
        `The value of header ${name} has a control or non-ASCII character; HTTP sends header bytes as Latin-1 but SigV4 signs UTF-8, so the signature could not match.`,
      );
    }
    const lower = name.toLowerCase();
    if (replaced.has(lower)) continue;
    wire.push([name, unfolded]);
    typed.add(lower);
    const trimmed = unfolded.trim();
    signable[lower] = lower in signable ? `${signable[lower]},${trimmed}` : trimmed;
  }
  return { wire, signable, typed };
}

interface PreparedQuery {
  /** The typed query, byte for byte (less dropped pairs); undefined when the URL had no "?". */
  wire?: string;
  /** Decoded pairs to sign, duplicate keys as arrays (their pairs are sorted when signed, as SigV4 asks). */
  signable: QueryBag;
}

function prepareQuery(raw: string | undefined, drop: (key: string) => boolean): PreparedQuery {
  const signable: QueryBag = Object.create(null) as QueryBag;
  if (raw === undefined) return { signable };
  const kept: string[] = [];
  let dropped = false;
  for (const pair of raw.split('&')) {
    if (pair === '') {
      kept.push(pair);
      continue;
    }
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    if (drop(key)) {
      dropped = true;
      continue;
    }
    kept.push(pair);
    const existing = signable[key];
    if (existing === undefined) signable[key] = value;
    else signable[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  if (!dropped) return { wire: raw, signable };
  const wire = kept.filter((p) => p !== '').join('&');
  return wire ? { wire, signable } : { signable };
}

/** Percent-decodes; a malformed escape is left as typed (and so signed as a literal "%"). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** S3's canonical path: each segment of the typed path encoded once (what S3 computes from the wire), no normalising. */
function encodeS3Path(path: string): string {
  return path
    .split('/')
    .map((segment) => escapeUri(decode(segment)))
    .join('/');
}
