// AWS's clock, read from what AWS answers: its refusal message, S3's error document and the Date header. One reader
// for the 403 explainer (src/diagnosis/clockSkew.ts) and the retry logic (main/services/clockSkew.ts), so both see
// the same times. Bodies are hostile input: only their first SCAN_CHARS characters are searched, with indexOf and
// short anchored regexes.

/** AWS's refusal texts are short and come first: nothing worth reading lies further in. */
export const SCAN_CHARS = 8 * 1024;

/** 20170215T150034Z as epoch milliseconds. */
export function amzDateMs(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls month 13 or hour 25 over into a real time; only a date that reads back the same is one.
  const back = new Date(ms);
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && back.getUTCHours() === h && back.getUTCMinutes() === mi && back.getUTCSeconds() === s ? ms : undefined;
}

const SKEW_MESSAGE = /^Signature (?:expired|not yet current): (\d{8}T\d{6}Z) is (?:now earlier|still later) than \d{8}T\d{6}Z \((\d{8}T\d{6}Z) [+-] \d{1,3} min\.\)/;

/**
 * The signing time and the server's time (the one in brackets) in AWS's refusal text:
 * "Signature expired: 20170212T175938Z is now earlier than 20170215T145534Z (20170215T150034Z - 5 min.)" or
 * "Signature not yet current: 20170215T151034Z is still later than 20170215T150534Z (20170215T150034Z + 5 min.)".
 */
export function skewMessageTimes(text: string): { signedMs: number; serverMs: number } | undefined {
  const head = text.slice(0, SCAN_CHARS);
  for (const start of ['Signature expired: ', 'Signature not yet current: ']) {
    const at = head.indexOf(start);
    const m = at < 0 ? null : SKEW_MESSAGE.exec(head.slice(at, at + 160));
    const signedMs = m ? amzDateMs(m[1]!) : undefined;
    const serverMs = m ? amzDateMs(m[2]!) : undefined;
    if (signedMs !== undefined && serverMs !== undefined) return { signedMs, serverMs };
  }
  return undefined;
}

/** A time element of S3's RequestTimeTooSkewed document, in either form S3 writes (20170215T140034Z, 2017-02-15T15:00:34Z). */
function s3Time(text: string, name: 'ServerTime' | 'RequestTime'): number | undefined {
  const head = text.slice(0, SCAN_CHARS);
  const open = head.indexOf(`<${name}>`);
  const close = open < 0 ? -1 : head.indexOf(`</${name}>`, open);
  if (close < 0 || close - open > 60) return undefined;
  const value = head.slice(open + name.length + 2, close).trim();
  const ms = amzDateMs(value) ?? Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** S3's <ServerTime>2017-02-15T15:00:34Z</ServerTime>. */
export const serverTimeFromS3 = (text: string) => s3Time(text, 'ServerTime');
/** S3's <RequestTime>20170215T140034Z</RequestTime>: the signing time S3 read. */
export const requestTimeFromS3 = (text: string) => s3Time(text, 'RequestTime');

/**
 * The server's time from the response's Date header, or undefined when it cannot be trusted: absent, unreadable,
 * or from a cache (an Age header says the Date is when the cache stored the answer).
 */
export function serverTimeFromHeaders(headers: Array<[string, string]>): number | undefined {
  let date: string | undefined;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === 'age') return undefined;
    if (lower === 'date' && date === undefined) date = value;
  }
  if (date === undefined || date.length > 64) return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The texts and error types AWS uses for a signature dated too far from its clock. */
export function isSkewText(text: string, type?: string): boolean {
  if (type && /^(?:RequestTimeTooSkewed|RequestExpired|RequestInTheFuture)$/.test(type)) return true;
  const head = text.slice(0, SCAN_CHARS);
  return (
    head.includes('Signature expired: ') ||
    head.includes('Signature not yet current: ') ||
    head.includes('RequestTimeTooSkewed') ||
    head.includes('RequestInTheFuture') ||
    head.includes('<Code>RequestExpired</Code>') ||
    head.includes('request time and the current time is too large')
  );
}
