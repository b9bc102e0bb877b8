// Reads AWS's error answers so the user sees the type and message, not a raw body. AWS speaks several dialects:
// API Gateway's {"message"} / {"Message"} with the type in x-amzn-ErrorType, the JSON protocols' {"__type"},
// and the Query/REST-XML protocols' <Error><Code>. A signature mismatch carries AWS's own canonical request and
// string-to-sign (in API Gateway's message text, in S3's XML elements), which diffCanonical compares with ours.
// Any server can answer 4xx, so the body is hostile input: only its first AWS_ERROR_SCAN_CHARS characters are read,
// and every step is an indexOf or one pass (no regex that can backtrack over the body).
import type { AwsErrorInfo } from './models/http';

/** AWS's error bodies, canonical request included, are a few KiB; a longer body is not one worth reading whole. */
export const AWS_ERROR_SCAN_CHARS = 64 * 1024;
const CANONICAL_MARK = 'The Canonical String for this request should have been\n';
const STRING_TO_SIGN_MARK = 'The String-to-Sign should have been\n';
const STRING_TO_SIGN_SEPARATOR = `'\n\n${STRING_TO_SIGN_MARK}'`;

export function parseAwsError(
  status: number,
  headers: Array<[string, string]>,
  bodyText: string,
): AwsErrorInfo | undefined {
  if (status < 400) return undefined;
  const headerType = cleanType(headerValue(headers, 'x-amzn-errortype'));
  const text = bodyText.slice(0, AWS_ERROR_SCAN_CHARS).trim();
  const parsed = text.startsWith('{') ? fromJson(text) : text.startsWith('<') ? fromXml(text) : undefined;
  const type = headerType ?? parsed?.type;
  if (parsed?.message !== undefined) return withType(parsed, type);
  if (type === undefined) return undefined;
  // AWS said what went wrong only in the header (a HEAD request, an empty or plain-text body).
  const lineEnd = text.indexOf('\n');
  const firstLine = (lineEnd < 0 ? text : text.slice(0, lineEnd)).trim();
  return withType({ ...parsed, message: firstLine || type }, type);
}

export interface CanonicalDiffLine {
  /** 1-based line number in `ours` when the line is ours, else in `theirs`. */
  line: number;
  ours?: string;
  theirs?: string;
}

/**
 * The lines where our canonical request differs from AWS's. Lines are aligned on their longest common
 * subsequence, so one missing header shows as one line, not as every line after it.
 */
export function diffCanonical(ours: string, theirs: string): CanonicalDiffLine[] {
  const a = ours.split('\n');
  const b = theirs.split('\n');
  const out: CanonicalDiffLine[] = [];
  const pairs = alignLines(a, b);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as const]) {
    // Between two aligned lines: pair up the changed lines, then list what only one side has.
    while (i < pi && j < pj) out.push({ line: i + 1, ours: a[i++], theirs: b[j++] });
    while (i < pi) out.push({ line: i + 1, ours: a[i++] });
    while (j < pj) out.push({ line: j + 1, theirs: b[j++] });
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

interface Parsed {
  type?: string;
  message?: string;
  expectedCanonicalRequest?: string;
  expectedStringToSign?: string;
}

function withType(parsed: Parsed, type: string | undefined): AwsErrorInfo {
  const info: AwsErrorInfo = { message: parsed.message ?? '' };
  if (type !== undefined) info.type = type;
  if (parsed.expectedCanonicalRequest !== undefined) info.expectedCanonicalRequest = parsed.expectedCanonicalRequest;
  if (parsed.expectedStringToSign !== undefined) info.expectedStringToSign = parsed.expectedStringToSign;
  return info;
}

function fromJson(text: string): Parsed | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(doc)) return undefined;
  const nested = isRecord(doc.Error) ? doc.Error : undefined;
  const message = firstString(doc.message, doc.Message, nested?.Message, nested?.message);
  const type = cleanType(firstString(doc.__type, doc.code, doc.Code, nested?.Code, nested?.code));
  const out: Parsed = {};
  if (type !== undefined) out.type = type;
  if (message !== undefined) Object.assign(out, splitSignatureMessage(message));
  return out;
}

/** API Gateway appends its canonical request and string-to-sign to the mismatch message; take them apart. */
function splitSignatureMessage(message: string): Parsed {
  const at = message.indexOf(CANONICAL_MARK);
  if (at < 0) return { message };
  const out: Parsed = { message: message.slice(0, at).trim() };
  const rest = message.slice(at + CANONICAL_MARK.length);
  if (!rest.startsWith("'")) return out;
  // Both parts quoted, the canonical request ending at the separator: it may itself hold quotes.
  const separator = rest.indexOf(STRING_TO_SIGN_SEPARATOR, 1);
  const quotedTail = separator < 0 ? undefined : quoted(rest.slice(separator + STRING_TO_SIGN_SEPARATOR.length - 1));
  if (separator >= 0 && quotedTail !== undefined) {
    out.expectedCanonicalRequest = rest.slice(1, separator);
    out.expectedStringToSign = quotedTail;
    return out;
  }
  // Otherwise whatever can be read: the canonical request up to its next quote, a quoted string-to-sign.
  const close = rest.indexOf("'", 1);
  if (close >= 0) out.expectedCanonicalRequest = rest.slice(1, close);
  const sts = rest.indexOf(STRING_TO_SIGN_MARK);
  const stsText = sts < 0 ? undefined : quoted(rest.slice(sts + STRING_TO_SIGN_MARK.length));
  if (stsText !== undefined) out.expectedStringToSign = stsText;
  return out;
}

/** The text between a leading quote and the last quote, when only whitespace follows that one. */
function quoted(text: string): string | undefined {
  const trimmed = text.trimEnd();
  return trimmed.length >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'") ? trimmed.slice(1, -1) : undefined;
}

function fromXml(text: string): Parsed | undefined {
  // <ErrorResponse><Error>…</Error></ErrorResponse> (Query: STS, IAM) or a bare <Error>…</Error> (S3).
  const error = between(text, '<Error>', '</Error>');
  if (error === undefined) return undefined;
  const out: Parsed = {};
  const code = xmlElement(error, 'Code');
  const message = xmlElement(error, 'Message');
  const canonical = xmlElement(error, 'CanonicalRequest');
  const stringToSign = xmlElement(error, 'StringToSign');
  if (code !== undefined) out.type = code;
  if (message !== undefined) out.message = message;
  else if (code !== undefined) out.message = code;
  if (canonical !== undefined) out.expectedCanonicalRequest = canonical;
  if (stringToSign !== undefined) out.expectedStringToSign = stringToSign;
  return out;
}

/** The text between the first `open` and the first `close` after it: two scans, whatever the text. */
function between(text: string, open: string, close: string): string | undefined {
  const from = text.indexOf(open);
  if (from < 0) return undefined;
  const to = text.indexOf(close, from + open.length);
  return to < 0 ? undefined : text.slice(from + open.length, to);
}

function xmlElement(xml: string, name: string): string | undefined {
  const inner = between(xml, `<${name}>`, `</${name}>`);
  return inner === undefined ? undefined : decodeXmlEntities(inner);
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Longest entity worth reading: "#x10FFFF" and "#1114111" fit; anything longer is left as written. */
const MAX_ENTITY_CHARS = 10;

/** One pass: each "&" looks at most MAX_ENTITY_CHARS ahead for its ";". */
function decodeXmlEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  const out: string[] = [];
  let copied = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    const decoded = semi < 0 || semi - amp - 1 > MAX_ENTITY_CHARS ? undefined : decodeEntity(text.slice(amp + 1, semi));
    if (decoded !== undefined) {
      out.push(text.slice(copied, amp), decoded);
      copied = semi + 1;
    }
    amp = text.indexOf('&', decoded !== undefined ? semi + 1 : amp + 1);
  }
  out.push(text.slice(copied));
  return out.join('');
}

function decodeEntity(entity: string): string | undefined {
  const named = NAMED_ENTITIES[entity];
  if (named !== undefined) return named;
  const hex = /^#x([0-9a-fA-F]+)$/.exec(entity)?.[1];
  const decimal = /^#(\d+)$/.exec(entity)?.[1];
  const code = hex !== undefined ? parseInt(hex, 16) : decimal !== undefined ? parseInt(decimal, 10) : undefined;
  return code !== undefined && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException" and "AccessDeniedException:http://…" to the code. */
function cleanType(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const head = raw.slice(0, AWS_ERROR_SCAN_CHARS);
  const colon = head.indexOf(':');
  const beforeColon = colon < 0 ? head : head.slice(0, colon);
  const type = beforeColon.slice(beforeColon.lastIndexOf('#') + 1).trim();
  return type === '' ? undefined : type;
}

function headerValue(headers: Array<[string, string]>, lowerName: string): string | undefined {
  return headers.find(([name]) => name.toLowerCase() === lowerName)?.[1];
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longest common subsequence of two line lists, as index pairs in order. Inputs are a few dozen lines. */
function alignLines(a: string[], b: string[]): Array<readonly [number, number]> {
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return positional(a, b);
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const pairs: Array<readonly [number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) pairs.push([i++, j++] as const);
    else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function positional(a: string[], b: string[]): Array<readonly [number, number]> {
  const pairs: Array<readonly [number, number]> = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) pairs.push([i, i] as const);
  return pairs;
}
