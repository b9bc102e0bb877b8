// SigV4 signing with the AWS SDK's own signer (@smithy/signature-v4), hashed by Node's native crypto.
// Two promises shape this file. What goes on the wire is what was signed: the path and query are sent exactly as
// typed and the typed headers are kept (duplicates, case, order); only what SigV4 itself requires is adapted for
// smithy (duplicate headers joined with ",", folded lines unfolded). And the explanation shows the canonical
// request and string to sign smithy really used, recorded as it built them, never recomputed beside it.
import * as nodeCrypto from 'node:crypto';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HeaderBag, HttpRequest as SmithyRequest, QueryParameterBag, SourceData } from '@smithy/types';
import { detectEndpoint, parseRequestUrl } from '../../src/endpoint';
import { appError } from '../../src/errors';
import type { ClockOffsetSource, Detection, SignedRequest, SigningExplanation } from '../../src/models/http';

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
const oneShotHash = (nodeCrypto as { hash?: (algorithm: string, data: Uint8Array, outputEncoding: 'buffer') => Buffer }).hash;

const EMPTY = new Uint8Array(0);
/**
 * smithy's Checksum over node:crypto: SHA-256, or HMAC-SHA256 when given a key. Data given in one piece (all smithy
 * ever gives) is kept until digest and hashed in one call; more pieces stream into a Hash or Hmac.
 */
export class NodeSha256 {
  private readonly key: string | Uint8Array | undefined;
  private state: Hash | Hmac | undefined;
  private single: Uint8Array | undefined;

  constructor(secret?: SourceData) {
    // createHmac takes a string key as UTF-8 itself, which spares an encoding on every signature.
    this.key = secret === undefined || typeof secret === 'string' ? secret : toBytes(secret);
  }

  update(chunk: Uint8Array): void {
    if (this.state) {
      this.state.update(chunk);
    } else if (this.single === undefined) {
      this.single = chunk;
    } else {
      this.state = this.fresh().update(this.single).update(chunk);
      this.single = undefined;
    }
  }

  async digest(): Promise<Uint8Array> {
    if (this.state) return this.state.digest();
    const data = this.single ?? EMPTY;
    const key = this.key;
    if (key === undefined) return oneShotHash ? oneShotHash('sha256', data, 'buffer') : createHash('sha256').update(data).digest();
    return createHmac('sha256', key).update(data).digest();
  }

  reset(): void {
    this.state = undefined;
    this.single = undefined;
  }

  private fresh(): Hash | Hmac {
    return this.key === undefined ? createHash('sha256') : createHmac('sha256', this.key);
  }
}

function toBytes(data: Exclude<SourceData, string>): Uint8Array {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/**
 * Records what smithy computed, as it computed it. The records are per call: a signer built for some credentials,
 * region and service is shared (see signerFor), and each signature runs on an object of its own whose prototype is
 * that signer, so the records land on the call's object, even when signatures interleave.
 */
class RecordingSigner extends SignatureV4 {
  canonicalRequest = '';
  stringToSign = '';
  signedHeaders: string[] = [];
  payloadHash = '';
  amzDate = '';
  credentialScope = '';

  protected override createCanonicalRequest(request: SmithyRequest, canonicalHeaders: HeaderBag, payloadHash: string): string {
    const canonical = super.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    this.canonicalRequest = canonical;
    this.signedHeaders = Object.keys(canonicalHeaders).sort();
    this.payloadHash = payloadHash;
    return canonical;
  }

  /** Signing keys of this signer's credentials, region and service by day; shared by every call on it (a Map). */
  readonly signingKeys = new Map<string, Promise<Uint8Array>>();

  // smithy's own builds hash through its Checksum interface, each byte array turned to hex in JavaScript; the
  // same text is produced here by node:crypto in one call (SigV4: hex of SHA-256 of the canonical request, UTF-8).
  protected override async createStringToSign(longDate: string, scope: string, canonical: string, algorithm: string): Promise<string> {
    const stringToSign = `${algorithm}\n${longDate}\n${scope}\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
    this.stringToSign = stringToSign;
    this.amzDate = longDate;
    this.credentialScope = scope;
    return stringToSign;
  }
}

/**
 * smithy's two private steps after the string to sign, replaced on RecordingSigner only (see its fields): the
 * signing key is derived once per day for a shared signer (smithy keys its own cache by an HMAC of the access key
 * and a string holding the session token, every call), and the signature is one HMAC in node:crypto. Should
 * smithy rename them, these are never called and smithy's own run: the signatures stay right, only slower.
 */
const overrides = RecordingSigner.prototype as unknown as {
  getSigningKey(credentials: { secretAccessKey: string }, region: string, shortDate: string, service?: string): Promise<Uint8Array>;
  getSignature(longDate: string, scope: string, key: Promise<Uint8Array>, canonical: string): Promise<string>;
};
overrides.getSigningKey = function (this: RecordingSigner, credentials, region, shortDate, service) {
  const name = service || this.service;
  const id = `${shortDate}/${region}/${name}`;
  let key = this.signingKeys.get(id);
  if (!key) {
    // A day or two of keys at most: the map never grows with use.
    if (this.signingKeys.size >= 4) this.signingKeys.clear();
    let derived: Buffer = createHmac('sha256', `AWS4${credentials.secretAccessKey}`).update(shortDate).digest();
    for (const part of [region, name, 'aws4_request']) derived = createHmac('sha256', derived).update(part).digest();
    key = Promise.resolve(derived);
    this.signingKeys.set(id, key);
  }
  return key;
};
overrides.getSignature = async function (this: RecordingSigner, longDate, scope, key, canonical) {
  const stringToSign = await this.createStringToSign(longDate, scope, canonical, ALGORITHM);
  return createHmac('sha256', await key).update(stringToSign, 'utf8').digest('hex');
};

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
  // A query-mode signature still covers the payload; a header carries its hash only when asked (smithy adds it in
  // header mode; in query mode it must be a header we add, or smithy would hoist it into the URL).
  if (query && contentSha && !('x-amz-content-sha256' in headers.signable)) {
    const hash = unsigned ? UNSIGNED_PAYLOAD : toHex(createHash('sha256').update(request.body).digest());
    headers.signable['x-amz-content-sha256'] = hash;
    added.push(['x-amz-content-sha256', hash]);
  }
  const typedQuery = prepareQuery(target.query, query ? (key) => PRESIGN_PARAMS.has(key.toLowerCase()) : () => false);

  const signer = signerFor(credentials, region, service, !isS3, contentSha);
  const toSign: SmithyRequest = {
    method: request.method,
    protocol: target.url.protocol,
    hostname: target.url.hostname,
    path: isS3 ? encodeS3Path(target.path) : target.path,
    query: typedQuery.signable,
    headers: headers.signable,
    // smithy hashes a byte body and signs UNSIGNED-PAYLOAD for one it cannot read: this object is such a body.
    // An empty body is passed as none: smithy then uses the well-known empty hash instead of hashing nothing.
    body: unsigned ? UNREADABLE_BODY : request.body.length === 0 ? undefined : request.body,
  };
  if (target.url.port) toSign.port = Number(target.url.port);

  let wireQuery = typedQuery.wire;
  const wireHeaders = [...headers.wire, ...added];
  let signature: string;
  if (query) {
    const presigned = await signer.presign(toSign, {
      signingDate,
      expiresIn: signing.expiresIn,
      unhoistableHeaders: new Set(Object.keys(headers.signable)),
    });
    const q = presigned.query ?? {};
    signature = String(q['X-Amz-Signature'] ?? '');
    const params = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Security-Token', 'X-Amz-Signature']
      .filter((key) => typeof q[key] === 'string')
      .map((key) => `${escapeUri(key)}=${escapeUri(q[key] as string)}`);
    wireQuery = [...(wireQuery ? [wireQuery] : []), ...params].join('&');
  } else {
    const signed = await signer.sign(toSign, { signingDate });
    const h = signed.headers;
    wireHeaders.push(['x-amz-date', h['x-amz-date'] as string]);
    if (hasToken) wireHeaders.push(['x-amz-security-token', h['x-amz-security-token'] as string]);
    if (contentSha && !headers.typed.has('x-amz-content-sha256')) {
      wireHeaders.push(['x-amz-content-sha256', h['x-amz-content-sha256'] as string]);
    }
    wireHeaders.push(['authorization', h.authorization as string]);
    signature = /Signature=([0-9a-f]+)$/.exec(h.authorization ?? '')?.[1] ?? '';
  }

  const url = `${target.origin}${target.path}${wireQuery !== undefined ? `?${wireQuery}` : ''}`;
  const explanation: SigningExplanation = {
    algorithm: ALGORITHM,
    canonicalRequest: signer.canonicalRequest,
    stringToSign: signer.stringToSign,
    credentialScope: signer.credentialScope,
    signedHeaders: signer.signedHeaders,
    signature,
    amzDate: signer.amzDate,
    region,
    regionSource: source(signing.region),
    service,
    serviceSource: source(signing.service),
    payloadHash: signer.payloadHash,
    mode: signing.mode,
    accessKeyId: credentials.accessKeyId,
  };
  if (corrected) {
    explanation.clockOffsetMs = corrected.offsetMs;
    explanation.clockOffsetSource = corrected.source;
  }
  return { request: { method: request.method, url, headers: wireHeaders }, explanation };
}

const UNREADABLE_BODY = Object.freeze({ unsigned: true });

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

interface SharedSigner {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | undefined;
  region: string;
  service: string;
  uriEscapePath: boolean;
  applyChecksum: boolean;
  signer: RecordingSigner;
}

/** Shared signers (smithy's keep nothing between calls), the most recently used first; a handful is plenty. */
const signers: SharedSigner[] = [];
const MAX_SIGNERS = 8;

/** A fresh recording signer for one call, on a shared signer for these credentials, region, service and options. */
function signerFor(credentials: SignParams['credentials'], region: string, service: string, uriEscapePath: boolean, applyChecksum: boolean): RecordingSigner {
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  // Compared field by field: the same strings compare at once, and nothing long is hashed or concatenated per call.
  let index = signers.findIndex(
    (s) =>
      s.accessKeyId === accessKeyId &&
      s.secretAccessKey === secretAccessKey &&
      s.sessionToken === sessionToken &&
      s.region === region &&
      s.service === service &&
      s.uriEscapePath === uriEscapePath &&
      s.applyChecksum === applyChecksum,
  );
  let entry: SharedSigner;
  if (index >= 0) {
    entry = signers[index]!;
  } else {
    // Only the credentials' own fields: the signer keeps nothing else of the caller's object.
    const signer = new RecordingSigner({
      service,
      region,
      credentials: sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken },
      sha256: NodeSha256,
      uriEscapePath,
      applyChecksum,
    });
    entry = { accessKeyId, secretAccessKey, sessionToken, region, service, uriEscapePath, applyChecksum, signer };
    signers.unshift(entry);
    index = 0;
    if (signers.length > MAX_SIGNERS) signers.pop();
  }
  if (index > 0) {
    signers.splice(index, 1);
    signers.unshift(entry);
  }
  return Object.create(entry.signer) as RecordingSigner;
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
  /** As smithy signs them: lower-case names, duplicate values joined with "," in typed order. */
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
  /** Decoded pairs for smithy, duplicate keys as arrays (smithy sorts their values, as SigV4 asks). */
  signable: QueryParameterBag;
}

function prepareQuery(raw: string | undefined, drop: (key: string) => boolean): PreparedQuery {
  const signable: QueryParameterBag = Object.create(null) as QueryParameterBag;
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
    if (existing === undefined || existing === null) signable[key] = value;
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

/** RFC 3986 encoding, as SigV4 (and smithy) use it. */
function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** S3's canonical path: each segment of the typed path encoded once (what S3 computes from the wire), no normalising. */
function encodeS3Path(path: string): string {
  return path
    .split('/')
    .map((segment) => escapeUri(decode(segment)))
    .join('/');
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
