// The response as history may keep it (the rules are src/historyResponseRules.ts): the body cut to
// HISTORY_RESPONSE_BODY_BYTES, left out whole when it names a credential field, credential header values masked.
// A compressed body (Content-Encoding) is inflated, within a bound, only to be checked; one that cannot be checked
// is not kept, since what it holds is unknown.
import { Buffer } from 'node:buffer';
import zlib from 'node:zlib';
import { credentialFieldIn, historyHeader, withheldForCredentials } from '../../src/historyResponseRules';
import type { StoredResponse, StoredResponseInput } from '../../src/models/historyResponse';
import { HISTORY_RESPONSE_BODY_BYTES } from '../../src/models/historyResponseLimits';

/** Response headers kept per entry, in UTF-8 bytes of names and values; the rest are left out. */
export const HISTORY_HEADER_BYTES = 256 * 1024;
/** How far a compressed body is inflated to be checked. */
const INFLATE_LIMIT = 8 * 1024 * 1024;

export function guardStoredResponse(entry: { id: string; at: string }, input: StoredResponseInput, bodyLimit = HISTORY_RESPONSE_BODY_BYTES): StoredResponse {
  const whole = Buffer.from(input.bodyBase64, 'base64');
  const body = whole.subarray(0, bodyLimit);
  const size = Math.max(input.size, whole.length);
  const headers = boundedHeaders(input.headers.map(historyHeader));
  const withheld = input.withheld ?? credentialsIn(body, encodingOf(input.headers));
  return {
    entryId: entry.id,
    at: entry.at,
    status: input.status,
    statusText: input.statusText ?? '',
    httpVersion: input.httpVersion ?? '1.1',
    headers,
    bodyBase64: withheld ? '' : body.toString('base64'),
    size,
    truncated: !withheld && size > body.length,
    ...(input.durationMs !== undefined ? { durationMs: input.durationMs } : {}),
    ...(withheld ? { withheld } : {}),
  };
}

function encodingOf(headers: Array<[string, string]>): string {
  const found = headers.find(([name]) => name.trim().toLowerCase() === 'content-encoding');
  return (found?.[1] ?? '').trim().toLowerCase();
}

/** Why the body must not be kept, or undefined when it may. */
function credentialsIn(body: Buffer, encoding: string): string | undefined {
  if (body.length === 0) return undefined;
  const plain = encoding === '' || encoding === 'identity' ? body : inflate(body, encoding);
  if (!plain) return `The body was not kept: it is compressed (${encoding}) in a way RoleCall could not check for credentials.`;
  const field = credentialFieldIn(plain.toString('utf8'));
  return field ? withheldForCredentials(field) : undefined;
}

/** The body inflated as far as its kept bytes go, or undefined when it cannot be (or would exceed the bound). */
function inflate(body: Buffer, encoding: string): Buffer | undefined {
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(body, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: INFLATE_LIMIT });
    if (encoding === 'deflate') return zlib.inflateSync(body, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: INFLATE_LIMIT });
    if (encoding === 'br') return zlib.brotliDecompressSync(body, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH, maxOutputLength: INFLATE_LIMIT });
  } catch {
    return undefined;
  }
  return undefined;
}

function boundedHeaders(headers: Array<[string, string]>): Array<[string, string]> {
  let left = HISTORY_HEADER_BYTES;
  const kept: Array<[string, string]> = [];
  for (const header of headers) {
    left -= Buffer.byteLength(header[0]) + Buffer.byteLength(header[1]);
    if (left < 0) break;
    kept.push(header);
  }
  return kept;
}
