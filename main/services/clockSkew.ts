// Clock skew, corrected the way the AWS SDKs do it. AWS refuses a signature dated more than 5 minutes from its own
// clock, so a computer whose clock is off cannot call AWS at all. After each signed request this module reads the
// server's time (AWS's refusal text, S3's <ServerTime>, or the response's Date header, as src/clockSkewText.ts reads
// them), keeps the offset (server time minus this computer's) per clock, and says whether a refused request is worth
// signing again with it. Classifying refusals for people is src/diagnosis' job; this module only needs the numbers
// and the retry decision.
import { Buffer } from 'node:buffer';
import { isSkewText, SCAN_CHARS, serverTimeFromHeaders, serverTimeFromS3, skewMessageTimes } from '../../src/clockSkewText';
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

/** AWS refused the request for its time: a 400, 401 or 403 with one of AWS's texts or codes for it. */
export function isSkewRefusal(status: number, text: string, type?: string): boolean {
  return (status === 400 || status === 401 || status === 403) && isSkewText(text, type);
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
    const fromMessage = skewMessageTimes(text)?.serverMs;
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
