// Clock skew, corrected the way the AWS SDKs do it. AWS refuses a signature dated more than 5 minutes from its own
// clock, so a computer whose clock is off cannot call AWS at all. After each signed request this module reads the
// server's time (AWS's refusal text, S3's <ServerTime>, or the response's Date header), keeps the offset (server
// time minus this computer's) per clock, and says whether a refused request is worth signing again with it.
// Classifying refusals for people is src/diagnosis' job; this module only needs the numbers and the retry decision.
import { Buffer } from 'node:buffer';
import type { ClockOffsetSource, ClockSkewInfo, HttpResponse } from '../../src/models/http';

/**
 * Offsets smaller than this are left alone (the Date header is whole seconds and the trip adds latency, so small
 * differences are noise); larger ones are corrected before AWS's 5-minute limit is reached. The AWS SDKs use the
 * same 4 minutes.
 */
export const SKEW_THRESHOLD_MS = 4 * 60_000;
/** A response that took longer than this says little about the clock (the SDKs ignore it too). */
const MAX_ROUND_TRIP_MS = 15 * 60_000;
/** Clocks remembered (one per non-AWS origin); the oldest is forgotten first. */
const MAX_CLOCKS = 256;
/** The retry must date the signature differently, or AWS would refuse it the same way. */
const MIN_CORRECTION_MS = 1000;
/** Two readings this close are the same offset (whole-second times, plus the trip): the first one is kept. */
const NOISE_MS = 2000;
const AWS_HOST = /(?:^|\.)(?:amazonaws\.com(?:\.cn)?|on\.aws|api\.aws)$/i;

export interface ClockOffset {
  offsetMs: number;
  source: ClockOffsetSource;
}

/**
 * Which clock a URL's answers come from. Every AWS endpoint keeps AWS's (synchronised) time, so they share one
 * offset: what a call to API Gateway learned also dates the next STS call. Any other origin (a local mock, a proxy,
 * a test server) may keep a clock of its own, and gets its own offset, so its clock never bends requests to AWS.
 */
export function clockKey(url: string): string {
  try {
    const parsed = new URL(url);
    return AWS_HOST.test(parsed.hostname) ? 'aws' : parsed.origin;
  } catch {
    return url;
  }
}

/** 20170215T150034Z as epoch milliseconds. */
function amzDateMs(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : ms;
}

/** AWS's refusal texts are short and come first: only this much of a (hostile) body is searched, with indexOf. */
const SCAN_CHARS = 8 * 1024;
const SKEW_MESSAGE = /^Signature (?:expired|not yet current): \d{8}T\d{6}Z is (?:now earlier|still later) than \d{8}T\d{6}Z \((\d{8}T\d{6}Z) [+-] \d{1,3} min\.\)/;

/**
 * The server's time in AWS's refusal text, the one in brackets:
 * "Signature expired: 20170212T175938Z is now earlier than 20170215T145534Z (20170215T150034Z - 5 min.)" or
 * "Signature not yet current: 20170215T151034Z is still later than 20170215T150534Z (20170215T150034Z + 5 min.)".
 */
export function serverTimeFromMessage(text: string): number | undefined {
  const head = text.slice(0, SCAN_CHARS);
  for (const start of ['Signature expired: ', 'Signature not yet current: ']) {
    const at = head.indexOf(start);
    const m = at < 0 ? null : SKEW_MESSAGE.exec(head.slice(at, at + 160));
    if (m) return amzDateMs(m[1] as string);
  }
  return undefined;
}

/** S3's RequestTimeTooSkewed document carries <ServerTime>2017-02-15T15:00:34Z</ServerTime>. */
export function serverTimeFromS3(text: string): number | undefined {
  const head = text.slice(0, SCAN_CHARS);
  const open = head.indexOf('<ServerTime>');
  const close = open < 0 ? -1 : head.indexOf('</ServerTime>', open);
  if (close < 0 || close - open > 60) return undefined;
  const value = head.slice(open + '<ServerTime>'.length, close).trim();
  const ms = amzDateMs(value) ?? Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

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

/** AWS refused the request for its time: the texts and codes AWS uses for a signature dated too far from its clock. */
export function isSkewRefusal(status: number, text: string, type?: string): boolean {
  if (status !== 400 && status !== 401 && status !== 403) return false;
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

/** The offsets learned, one per clock (see clockKey). Kept in memory only, for this run, like the SDKs'. */
export function createClockOffsets() {
  const byKey = new Map<string, ClockOffset>();
  const store = {
    get(key: string): ClockOffset | undefined {
      return byKey.get(key);
    },
    /** An offset of 0 forgets the clock: the clocks agree again. */
    set(key: string, offset: ClockOffset): void {
      byKey.delete(key);
      if (offset.offsetMs === 0) return;
      byKey.set(key, { offsetMs: Math.round(offset.offsetMs), source: offset.source });
      if (byKey.size > MAX_CLOCKS) byKey.delete(byKey.keys().next().value as string);
    },
    /** The AWS SDK's client offset after an STS call: kept past the threshold, forgotten when the clocks agree. */
    fromSdk(key: string, offsetMs: number | undefined): void {
      if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) return;
      if (Math.abs(offsetMs) >= SKEW_THRESHOLD_MS) store.set(key, { offsetMs, source: 'sdk' });
      else if (byKey.has(key)) store.set(key, { offsetMs: 0, source: 'sdk' });
    },
    size: () => byKey.size,
  };
  return store;
}

export type ClockOffsets = ReturnType<typeof createClockOffsets>;

/** One signed attempt, as the engine made it. */
export interface Attempt {
  key: string;
  /** This computer's clock when the request was signed, in ms. */
  signedAt: number;
  /** The offset the signature was dated with (0 with none, or with a fixed signing date). */
  usedOffsetMs: number;
  /** The user fixed the signing date (to reproduce a signature): nothing is corrected or retried. */
  fixedDate: boolean;
}

/** The server's answer: status, headers and, for an error, the head of its body and AWS's error type. */
export interface Answer {
  status: number;
  headers: Array<[string, string]>;
  text?: string;
  type?: string;
}

export interface Judgement {
  /** Sign again with the offset now stored and resend, once. */
  retry: boolean;
  /** What to tell the user; undefined when no offset is in use, none changed and nothing was retried. */
  info?: ClockSkewInfo;
}

/**
 * Reads the clock from one answer, stores what it learned, and says whether to retry. A skew refusal is believed
 * whatever the size of the offset (the server judged the time); any other answer changes the offset only past
 * SKEW_THRESHOLD_MS, and forgets it once the clocks agree. Only a skew refusal is retried, only when `mayRetry`
 * (the first attempt), never with a fixed signing date, and only when the new offset dates the signature differently.
 */
export function judgeAnswer(store: ClockOffsets, attempt: Attempt, answer: Answer, receivedAt: number, mayRetry: boolean): Judgement {
  const text = answer.text ?? '';
  const refusal = isSkewRefusal(answer.status, text, answer.type);
  let measured: ClockOffset | undefined;
  if (refusal) {
    // The refusal's own times come from the clock that judged the signature: preferred to a Date header a proxy may set.
    const fromMessage = serverTimeFromMessage(text);
    const fromS3 = fromMessage === undefined ? serverTimeFromS3(text) : undefined;
    if (fromMessage !== undefined) measured = { offsetMs: fromMessage - attempt.signedAt, source: 'aws-message' };
    else if (fromS3 !== undefined) measured = { offsetMs: fromS3 - attempt.signedAt, source: 'server-time' };
  }
  if (!measured && receivedAt - attempt.signedAt <= MAX_ROUND_TRIP_MS) {
    const fromDate = serverTimeFromHeaders(answer.headers);
    if (fromDate !== undefined) measured = { offsetMs: fromDate - receivedAt, source: 'date-header' };
  }
  const before = store.get(attempt.key);
  if (measured && !(before && Math.abs(before.offsetMs - measured.offsetMs) < NOISE_MS)) {
    if (refusal || Math.abs(measured.offsetMs) >= SKEW_THRESHOLD_MS) store.set(attempt.key, measured);
    else if (before) store.set(attempt.key, { offsetMs: 0, source: measured.source });
  }
  const after = store.get(attempt.key);
  const retry =
    mayRetry && refusal && !attempt.fixedDate && measured !== undefined && Math.abs((after?.offsetMs ?? 0) - attempt.usedOffsetMs) >= MIN_CORRECTION_MS;
  if (!after && !before && !retry) return { retry };
  const source = after?.source ?? measured?.source ?? before?.source ?? 'date-header';
  return { retry, info: { offsetMs: after?.offsetMs ?? 0, source, retried: false } };
}

/** The answer as judgeAnswer reads it: an error's body head (decoded only for a 4xx/5xx) and AWS's error type. */
export function answerOf(response: HttpResponse, type: string | undefined): Answer {
  const answer: Answer = { status: response.status, headers: response.headers };
  if (response.status >= 400) {
    answer.text = Buffer.from(response.body.headBase64.slice(0, 4 * Math.ceil(SCAN_CHARS / 3)), 'base64').toString('utf8');
  }
  if (type !== undefined) answer.type = type;
  return answer;
}
