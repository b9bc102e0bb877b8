// Reads AWS's error answers so the user sees the type and message, not a raw body. AWS speaks several dialects:
// API Gateway's {"message"} / {"Message"} with the type in x-amzn-ErrorType, the JSON protocols' {"__type"},
// and the Query/REST-XML protocols' <Error><Code>. A signature mismatch carries AWS's own canonical request and
// string-to-sign (in API Gateway's message text, in S3's XML elements), which diffCanonical compares with ours.
import type { AwsErrorInfo } from './models/http';

const CANONICAL_MARK = 'The Canonical String for this request should have been\n';
const STRING_TO_SIGN_MARK = 'The String-to-Sign should have been\n';

export function parseAwsError(
  status: number,
  headers: Array<[string, string]>,
  bodyText: string,
): AwsErrorInfo | undefined {
  if (status < 400) return undefined;
  const headerType = cleanType(headerValue(headers, 'x-amzn-errortype'));
  const text = bodyText.trim();
  const parsed = text.startsWith('{') ? fromJson(text) : text.startsWith('<') ? fromXml(text) : undefined;
  const type = headerType ?? parsed?.type;
  if (parsed?.message !== undefined) return withType(parsed, type);
  if (type === undefined) return undefined;
  // AWS said what went wrong only in the header (a HEAD request, an empty or plain-text body).
  const firstLine = text.split('\n', 1)[0]?.trim();
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
  const match = /^'([\s\S]*?)'\n\nThe String-to-Sign should have been\n'([\s\S]*)'\s*$/.exec(rest);
  if (match) {
    out.expectedCanonicalRequest = match[1];
    out.expectedStringToSign = match[2];
  } else {
    const canonical = /^'([\s\S]*?)'/.exec(rest);
    if (canonical) out.expectedCanonicalRequest = canonical[1];
    const sts = rest.indexOf(STRING_TO_SIGN_MARK);
    const stsText = sts >= 0 ? /^'([\s\S]*)'\s*$/.exec(rest.slice(sts + STRING_TO_SIGN_MARK.length)) : null;
    if (stsText) out.expectedStringToSign = stsText[1];
  }
  return out;
}

function fromXml(text: string): Parsed | undefined {
  // <ErrorResponse><Error>…</Error></ErrorResponse> (Query: STS, IAM) or a bare <Error>…</Error> (S3).
  const error = /<Error>([\s\S]*?)<\/Error>/.exec(text)?.[1];
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

function xmlElement(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match?.[1] === undefined ? undefined : decodeXmlEntities(match[1]);
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, entity: string) => {
    switch (entity) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException" and "AccessDeniedException:http://…" to the code. */
function cleanType(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const type = raw.split(':', 1)[0]!.split('#').pop()!.trim();
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
