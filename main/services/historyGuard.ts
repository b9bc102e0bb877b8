// History is written by the renderer, so main checks that no credential rides along (what counts as one is
// src/credentialGuard.ts): an entry whose headers carry an Authorization or X-Amz-Security-Token value is refused,
// and the signature-bearing query parameters of a presigned URL are masked wherever a URL is kept. History also
// keeps at most HISTORY_BODY_LIMIT bytes of request body per entry: the rest is cut and the entry says how big the
// body was (the store bounds the total in bytes).
import { Buffer } from 'node:buffer';
import { credentialHeaderNames, maskSecretQuery, withoutCredentials } from '../../src/credentialGuard';
import { appError } from '../../src/errors';
import { HISTORY_BODY_LIMIT, type HistoryEntry, type RequestBody } from '../../src/models/workspace';

export { maskSecretQuery, QUERY_MASK } from '../../src/credentialGuard';

/** The entry as history may keep it, or INVALID_INPUT when it carries a credential. */
export function guardHistoryEntry(entry: HistoryEntry): HistoryEntry {
  const found = credentialHeaderNames(entry.request.headers);
  if (found.length > 0) {
    throw appError(
      'INVALID_INPUT',
      'History never keeps credentials: remove the signed headers from this entry.',
      `Headers with credential values: ${found.join(', ')}`,
    );
  }
  const { body, bodyBytes } = limitBody(entry.request.body);
  // What a shared file held beyond RoleCall's model (scripts, examples) belongs to the saved request, not to a send.
  const { preserved: _preserved, ...request } = entry.request;
  const guarded: HistoryEntry = {
    ...entry,
    resolvedUrl: maskSecretQuery(entry.resolvedUrl),
    request: { ...withoutCredentials(request), body },
  };
  if (bodyBytes !== undefined) guarded.truncated = { bodyBytes };
  else delete guarded.truncated;
  return guarded;
}

/** The longest prefix of `text` within `max` UTF-8 bytes, never splitting a character. */
export function cutUtf8(text: string, max: number): string {
  if (text.length * 3 <= max) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // back to the start of a character
  return bytes.subarray(0, end).toString('utf8');
}

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * The body as history keeps it: raw text, urlencoded values and multipart text values share one budget of
 * `limit` bytes, in order; what is beyond it is cut. bodyBytes is the original text size when something was cut.
 */
export function limitBody(body: RequestBody, limit = HISTORY_BODY_LIMIT): { body: RequestBody; bodyBytes?: number } {
  if (body.mode === 'raw') {
    const size = utf8Bytes(body.text);
    return size <= limit ? { body } : { body: { ...body, text: cutUtf8(body.text, limit) }, bodyBytes: size };
  }
  if (body.mode === 'graphql') {
    // The query first, then the variables, from one budget.
    const size = utf8Bytes(body.query) + utf8Bytes(body.variables);
    if (size <= limit) return { body };
    const query = cutUtf8(body.query, limit);
    return { body: { ...body, query, variables: cutUtf8(body.variables, limit - utf8Bytes(query)) }, bodyBytes: size };
  }
  if (body.mode !== 'urlencoded' && body.mode !== 'multipart') return { body };
  const values = body.mode === 'urlencoded' ? body.fields.map((f) => f.value) : body.parts.map((p) => (p.kind === 'text' ? p.value : ''));
  const size = values.reduce((n, v) => n + utf8Bytes(v), 0);
  if (size <= limit) return { body };
  let left = limit;
  const cut = values.map((v) => {
    const kept = cutUtf8(v, left);
    left -= utf8Bytes(kept);
    return kept;
  });
  if (body.mode === 'urlencoded') return { body: { ...body, fields: body.fields.map((f, i) => ({ ...f, value: cut[i]! })) }, bodyBytes: size };
  return { body: { ...body, parts: body.parts.map((p, i) => (p.kind === 'text' ? { ...p, value: cut[i]! } : p)) }, bodyBytes: size };
}
