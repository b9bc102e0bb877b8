// History is written by the renderer, so main checks that no credential rides along: an entry whose headers carry
// an Authorization or X-Amz-Security-Token value is refused, and the signature-bearing query parameters of a
// presigned URL are masked wherever a URL is kept.
import { appError } from '../../src/errors';
import type { HistoryEntry, KeyValue } from '../../src/models/workspace';

const CREDENTIAL_HEADERS = new Set(['authorization', 'x-amz-security-token', 'proxy-authorization']);
const SECRET_QUERY = /^x-amz-(security-token|signature|credential)$/i;
export const QUERY_MASK = '«redacted»';

/** A value that is only {{variable}} references is a template, not a credential. */
const onlyVariables = (value: string) => /^(\s*\{\{\s*[A-Za-z0-9_.$-]+\s*\}\}\s*)+$/.test(value);

/** Masks X-Amz-Security-Token, X-Amz-Signature and X-Amz-Credential values in a URL's query, leaving the rest as typed. */
export function maskSecretQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const end = hash < 0 ? url.length : hash;
  const query = url
    .slice(q + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return eq >= 0 && SECRET_QUERY.test(decoded) ? `${name}=${QUERY_MASK}` : pair;
    })
    .join('&');
  return url.slice(0, q + 1) + query + url.slice(end);
}

function credentialHeaders(headers: KeyValue[]): string[] {
  return headers
    .filter((h) => CREDENTIAL_HEADERS.has(h.key.trim().toLowerCase()) && h.value.trim() !== '' && !onlyVariables(h.value))
    .map((h) => h.key.trim());
}

/** The entry as history may keep it, or INVALID_INPUT when it carries a credential. */
export function guardHistoryEntry(entry: HistoryEntry): HistoryEntry {
  const found = credentialHeaders(entry.request.headers);
  if (found.length > 0) {
    throw appError(
      'INVALID_INPUT',
      'History never keeps credentials: remove the signed headers from this entry.',
      `Headers with credential values: ${[...new Set(found)].join(', ')}`,
    );
  }
  return { ...entry, resolvedUrl: maskSecretQuery(entry.resolvedUrl), request: { ...entry.request, url: maskSecretQuery(entry.request.url) } };
}
