// The pieces of a SigV4 canonical request, by the rules the AWS SDK's signer (@smithy/signature-v4) applies, so that
// RoleCall signs exactly what the SDKs sign: AWS's SigV4 test suite (sigv4Suite.test.ts) and a randomized comparison
// with smithy (canonicalRequest.test.ts) hold it to that. RoleCall builds the text itself because smithy's general
// request model (a cloned request, headers lower-cased and filtered by regular expressions, dates through
// toISOString and three regular expressions, every digest through an async Checksum) cost about as much as the
// hashing itself on a small request (issue 12).

/** Headers a signer never signs (smithy's ALWAYS_UNSIGNABLE_HEADERS), plus Date, which smithy drops before signing. */
const UNSIGNABLE = new Set([
  'authorization',
  'cache-control',
  'connection',
  'date',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

/** RFC 3986 unreserved characters only: such text is its own URI encoding. */
const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const SUB_DELIMS_LEFT_BY_ENCODE = /[!'()*]/g;

/** RFC 3986 encoding, as SigV4 (and smithy) use it. */
export function escapeUri(text: string): string {
  if (UNRESERVED.test(text)) return text;
  const encoded = encodeURIComponent(text);
  SUB_DELIMS_LEFT_BY_ENCODE.lastIndex = 0;
  return SUB_DELIMS_LEFT_BY_ENCODE.test(encoded)
    ? encoded.replace(SUB_DELIMS_LEFT_BY_ENCODE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    : encoded;
}

/**
 * The canonical path. Most services: "." and ".." resolved, empty segments dropped, then each byte encoded again
 * (so "%20" is signed as "%2520"). S3 and its relatives: the path as given (the caller encodes it once).
 */
export function canonicalPath(path: string, normalise: boolean): string {
  if (!normalise) return path;
  const parts = path.split('/');
  const segments: string[] = [];
  // A path of unreserved segments between single slashes, starting with one, is its own canonical form.
  let plain = parts[0] === '';
  for (let i = 0; i < parts.length; i++) {
    const segment = parts[i]!;
    if (segment === '' || segment === '.') {
      if (i > 0 || segment === '.') plain = false;
    } else if (segment === '..') {
      plain = false;
      segments.pop();
    } else {
      if (plain && !UNRESERVED.test(segment)) plain = false;
      segments.push(segment);
    }
  }
  if (plain) return path;
  const leading = path.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return escapeUri(`${leading}${segments.join('/')}${trailing}`).replace(/%2F/g, '/');
}

/** Decoded query parameters; a key given more than once holds its values in typed order. */
export type QueryBag = Record<string, string | string[]>;

/** The canonical query: pairs encoded, sorted by key, a repeated key's pairs sorted; X-Amz-Signature left out. */
export function canonicalQuery(query: QueryBag): string {
  const keys: string[] = [];
  const serialized = new Map<string, string>();
  for (const key in query) {
    if (key.length === 15 && key.toLowerCase() === 'x-amz-signature') continue;
    const value = query[key];
    const encodedKey = escapeUri(key);
    let text: string;
    if (typeof value === 'string') {
      text = `${encodedKey}=${escapeUri(value)}`;
    } else if (Array.isArray(value)) {
      text = value
        .map((v) => `${encodedKey}=${escapeUri(v)}`)
        .sort()
        .join('&');
    } else {
      continue;
    }
    keys.push(encodedKey);
    serialized.set(encodedKey, text);
  }
  if (keys.length === 0) return '';
  if (keys.length === 1) return serialized.get(keys[0]!)!;
  keys.sort();
  let out = '';
  for (const key of keys) {
    const text = serialized.get(key)!;
    if (text) out = out ? `${out}&${text}` : text;
  }
  return out;
}

/** Canonical headers chosen and sorted: lower-case names (as given), values with runs of blanks made one space, trimmed. */
export interface CanonicalHeaders {
  /** "name:value\n" for each signed header, in order. */
  text: string;
  /** The signed header names, sorted. */
  names: string[];
}

/** From lower-case names to values; the names that may not be signed (see UNSIGNABLE, proxy-*, sec-*) are left out. */
export function canonicalHeaders(headers: Record<string, string>): CanonicalHeaders {
  const names: string[] = [];
  for (const name in headers) {
    if (UNSIGNABLE.has(name) || name.startsWith('proxy-') || name.startsWith('sec-')) continue;
    names.push(name);
  }
  names.sort();
  let text = '';
  for (const name of names) text += `${name}:${canonicalValue(headers[name]!)}\n`;
  return { text, names };
}

const FOLDS_OR_RUNS = /[\r\n]|[ \t]{2}|\t/;

function canonicalValue(value: string): string {
  const spaced = FOLDS_OR_RUNS.test(value) ? value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ') : value;
  const start = spaced.startsWith(' ') ? 1 : 0;
  const end = spaced.length > start && spaced.endsWith(' ') ? spaced.length - 1 : spaced.length;
  return start === 0 && end === spaced.length ? spaced : spaced.slice(start, end);
}

/** The whole canonical request, from its parts. */
export function canonicalRequest(method: string, path: string, query: string, headers: CanonicalHeaders, payloadHash: string): string {
  return `${method}\n${path}\n${query}\n${headers.text}\n${headers.names.join(';')}\n${payloadHash}`;
}
