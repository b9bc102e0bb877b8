// The params table and the URL edit the same text. The URL is the source of truth: rows are read from its query
// exactly as typed (no decoding, order and duplicates kept) and writing rows rebuilds only the query, so what the
// user sees in either place is byte for byte what will be signed.

export interface QueryRow {
  key: string;
  value: string;
  /** False for "flag" with no "=", so it is written back the same way. */
  hasEquals: boolean;
}

export interface UrlParts {
  /** Everything before "?" (or the whole URL). */
  base: string;
  /** The query without "?"; undefined when the URL has no "?". */
  query?: string;
  /** "#..." including the "#", or "". */
  hash: string;
}

export function splitUrl(url: string): UrlParts {
  const hashAt = url.indexOf('#');
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const q = beforeHash.indexOf('?');
  if (q < 0) return { base: beforeHash, hash };
  return { base: beforeHash.slice(0, q), query: beforeHash.slice(q + 1), hash };
}

export function parseQuery(query: string | undefined): QueryRow[] {
  if (!query) return [];
  return query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? { key: pair, value: '', hasEquals: false } : { key: pair.slice(0, eq), value: pair.slice(eq + 1), hasEquals: true };
  });
}

export function queryRows(url: string): QueryRow[] {
  return parseQuery(splitUrl(url).query);
}

/** The URL with its query replaced by the rows; no rows removes the "?". */
export function withQuery(url: string, rows: QueryRow[]): string {
  const { base, hash } = splitUrl(url);
  if (rows.length === 0) return base + hash;
  const query = rows.map((row) => (row.hasEquals || row.value !== '' ? `${row.key}=${row.value}` : row.key)).join('&');
  return `${base}?${query}${hash}`;
}
