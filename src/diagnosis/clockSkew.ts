// Clock skew: AWS refuses a signature dated more than 5 minutes from its own clock ("Signature expired",
// "Signature not yet current", RequestTimeTooSkewed). The offset is read from AWS's message, from S3's
// <ServerTime>, or from the response's Date header against the request's X-Amz-Date, so the user sees how far off
// this machine's clock is (and a later step can sign with the correction).
import { header, MATCH_CHARS, refusal, type Facts } from './facts';
import type { Refusal } from '../models/refusal';

export function clockSkew(f: Facts): Refusal | undefined {
  const expired = f.text.includes('Signature expired');
  const early = f.text.includes('Signature not yet current');
  const skewed = f.type === 'RequestTimeTooSkewed' || f.text.includes('request time and the current time is too large');
  const presignExpired = f.text.includes('Request has expired') && f.input.request.signing?.mode === 'query';
  if (!(expired || early || skewed || presignExpired)) return undefined;
  if (presignExpired && !expired && !early && !skewed) {
    return refusal(f, 'clock', {
      id: 'clock.presigned-expired',
      title: 'The presigned URL has expired',
      explanation: 'A presigned URL is valid for the number of seconds it was signed with (X-Amz-Expires), counted from its X-Amz-Date.',
      checks: ['X-Amz-Date and X-Amz-Expires in the URL.', 'The clock of the machine that presigned it.'],
      fixes: ['Presign the URL again, with a longer expiry if needed (at most 7 days, less for temporary credentials).'],
      likelihood: [],
    });
  }
  const offset = offsetFromMessage(f.text) ?? offsetFromServerTime(f) ?? offsetFromDateHeader(f);
  const fields: Partial<Refusal> = {};
  if (offset !== undefined) fields.clockOffsetSeconds = offset;
  const direction = offset === undefined ? undefined : offset > 0 ? 'behind' : 'ahead of';
  return refusal(f, 'clock', {
    id: 'clock.skew',
    title: "This computer's clock is off",
    explanation:
      offset !== undefined
        ? `The request was signed with a time ${formatSeconds(Math.abs(offset))} ${direction} AWS's clock. AWS refuses signatures more than 5 minutes from its own time.`
        : "The request's signing time is more than 5 minutes from AWS's clock, so AWS refuses the signature.",
    checks: ["The system clock and time zone of this computer (automatic time / NTP on?).", 'A fixed signing date under signing options, if one is set.', 'A request replayed long after it was signed.'],
    fixes: ['Turn on automatic time synchronisation and send again.', 'Clear any fixed signing date so RoleCall signs with the current time.'],
    likelihood: offset !== undefined ? [`Offset read from ${offsetFromMessage(f.text) !== undefined ? "AWS's message" : offsetFromServerTime(f) !== undefined ? "AWS's ServerTime" : 'the response Date header'}.`] : [],
    ...fields,
  });
}

/** "Signature expired: SIGNED is now earlier than … (NOW - 5 min.)" or "not yet current: SIGNED is still later than … (NOW + 15 min.)". */
function offsetFromMessage(text: string): number | undefined {
  const colon = text.indexOf(': ', text.indexOf('Signature '));
  const paren = text.indexOf('(', colon);
  if (colon < 0 || paren < 0) return undefined;
  const signed = parseAmzDate(text.slice(colon + 2, colon + 18));
  const now = parseAmzDate(text.slice(paren + 1, paren + 17));
  return signed !== undefined && now !== undefined ? Math.round((now - signed) / 1000) : undefined;
}

/** S3's RequestTimeTooSkewed: <RequestTime> and <ServerTime> in the error document. */
function offsetFromServerTime(f: Facts): number | undefined {
  const body = f.input.bodyText.slice(0, MATCH_CHARS);
  const server = element(body, 'ServerTime');
  const request = element(body, 'RequestTime');
  if (!server || !request) return undefined;
  const s = Date.parse(server);
  const r = Date.parse(request) || parseAmzDate(request);
  return Number.isFinite(s) && r !== undefined && Number.isFinite(r) ? Math.round((s - r) / 1000) : undefined;
}

/** The response's Date against the request's X-Amz-Date: equal to the skew within the request's own latency. */
function offsetFromDateHeader(f: Facts): number | undefined {
  const date = header(f.input.headers, 'date');
  const amz = f.input.request.signing?.amzDate;
  if (!date || !amz) return undefined;
  const server = Date.parse(date.slice(0, 64));
  const signed = parseAmzDate(amz);
  return Number.isFinite(server) && signed !== undefined ? Math.round((server - signed) / 1000) : undefined;
}

function element(body: string, name: string): string | undefined {
  const open = body.indexOf(`<${name}>`);
  const close = open < 0 ? -1 : body.indexOf(`</${name}>`, open);
  return close < 0 || close - open > 80 ? undefined : body.slice(open + name.length + 2, close).trim();
}

/** 20170215T150034Z as epoch milliseconds. */
export function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
}

export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days ${hours % 24} h`;
}
