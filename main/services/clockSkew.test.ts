// The decisions made from the server's time (read by src/clockSkewText.ts, tested there).
import { describe, expect, it } from 'vitest';
import { clockOffsetSentence, clockOffsetText } from '../../src/clockOffsetText';
import {
  clockKey,
  createClockOffsets,
  isSkewRefusal,
  judgeAnswer,
  SKEW_THRESHOLD_MS,
  type Attempt,
} from './clockSkew';

const SERVER_NOW = Date.UTC(2017, 1, 15, 15, 0, 34);
const EXPIRED = '{"message":"Signature expired: 20170212T175938Z is now earlier than 20170215T145534Z (20170215T150034Z - 5 min.)"}';

function attempt(over: Partial<Attempt> = {}): Attempt {
  return { key: 'aws', signedAt: SERVER_NOW - 7 * 60_000 - 12_000, usedOffsetMs: 0, fixedDate: false, ...over };
}

describe('skew refusals', () => {
  it("are AWS's time refusals (src/clockSkewText.ts) on 400/401/403 only", () => {
    expect(isSkewRefusal(403, EXPIRED)).toBe(true);
    expect(isSkewRefusal(400, '', 'RequestExpired')).toBe(true);
    expect(isSkewRefusal(500, EXPIRED)).toBe(false);
    expect(isSkewRefusal(403, '{"message":"Missing Authentication Token"}', 'MissingAuthenticationTokenException')).toBe(false);
  });
});

describe('judging an answer', () => {
  it('learns the offset from a skew refusal and retries once with it', () => {
    const store = createClockOffsets();
    const first = judgeAnswer(store, attempt(), { status: 403, headers: [], text: EXPIRED }, SERVER_NOW, true);
    expect(first.retry).toBe(true);
    expect(store.get('aws')).toEqual({ offsetMs: 7 * 60_000 + 12_000, source: 'aws-message' });
    expect(first.info).toMatchObject({ offsetMs: 432_000, source: 'aws-message' });
    // The same refusal of the retry is not retried again.
    expect(judgeAnswer(store, attempt(), { status: 403, headers: [], text: EXPIRED }, SERVER_NOW, false).retry).toBe(false);
  });

  it('falls back to the Date header when the refusal text carries no time', () => {
    const store = createClockOffsets();
    const received = SERVER_NOW - 9 * 60_000;
    const j = judgeAnswer(
      store,
      attempt({ signedAt: received - 50 }),
      { status: 400, headers: [['Date', new Date(SERVER_NOW).toUTCString()]], text: '', type: 'RequestExpired' },
      received,
      true,
    );
    expect(j.retry).toBe(true);
    expect(store.get('aws')).toEqual({ offsetMs: 9 * 60_000, source: 'date-header' });
  });

  it('never retries a refusal that is not about time, but still learns a skewed Date', () => {
    const store = createClockOffsets();
    const received = SERVER_NOW + 6 * 60_000;
    const j = judgeAnswer(
      store,
      attempt({ signedAt: received }),
      { status: 403, headers: [['Date', new Date(SERVER_NOW).toUTCString()]], text: '{"Message":"User: x is not authorized"}', type: 'AccessDeniedException' },
      received,
      true,
    );
    expect(j.retry).toBe(false);
    expect(j.info).toEqual({ offsetMs: -6 * 60_000, source: 'date-header', retried: false });
  });

  it('leaves small differences alone, corrects past the threshold, and forgets once the clocks agree', () => {
    const store = createClockOffsets();
    const ok = (serverMinusLocal: number) =>
      judgeAnswer(store, attempt({ signedAt: SERVER_NOW - serverMinusLocal }), { status: 200, headers: [['Date', new Date(SERVER_NOW).toUTCString()]] }, SERVER_NOW - serverMinusLocal, true);
    expect(ok(SKEW_THRESHOLD_MS - 1000)).toEqual({ retry: false });
    expect(store.get('aws')).toBeUndefined();
    expect(ok(SKEW_THRESHOLD_MS + 1000).info).toEqual({ offsetMs: SKEW_THRESHOLD_MS + 1000, source: 'date-header', retried: false });
    expect(ok(2000).info).toEqual({ offsetMs: 0, source: 'date-header', retried: false });
    expect(store.get('aws')).toBeUndefined();
  });

  it('does not retry with a fixed signing date, nor when the offset would not change', () => {
    const store = createClockOffsets();
    expect(judgeAnswer(store, attempt({ fixedDate: true }), { status: 403, headers: [], text: EXPIRED }, SERVER_NOW, true).retry).toBe(false);
    expect(judgeAnswer(store, attempt({ usedOffsetMs: 432_000 }), { status: 403, headers: [], text: EXPIRED }, SERVER_NOW, true).retry).toBe(false);
  });
});

describe('clocks', () => {
  it('are shared by every AWS endpoint and kept apart for any other origin', () => {
    expect(clockKey('https://abc123.execute-api.eu-west-1.amazonaws.com/prod/x')).toBe('aws');
    expect(clockKey('https://sts.amazonaws.com')).toBe('aws');
    expect(clockKey('https://xyz.lambda-url.eu-west-1.on.aws/')).toBe('aws');
    expect(clockKey('http://127.0.0.1:4566/x')).toBe('http://127.0.0.1:4566');
    expect(clockKey('https://notamazonaws.com/')).toBe('https://notamazonaws.com');
  });
  it('are bounded in number', () => {
    const store = createClockOffsets();
    for (let i = 0; i < 300; i++) store.set(`http://h${i}`, { offsetMs: 1000 * (i + 1), source: 'date-header' });
    expect(store.size()).toBe(256);
    expect(store.get('http://h0')).toBeUndefined();
    expect(store.get('http://h299')?.offsetMs).toBe(300_000);
  });
  it('take the SDK client offset only past the threshold', () => {
    const store = createClockOffsets();
    store.fromSdk('aws', 30_000);
    expect(store.get('aws')).toBeUndefined();
    store.fromSdk('aws', -600_000);
    expect(store.get('aws')).toEqual({ offsetMs: -600_000, source: 'sdk' });
    store.fromSdk('aws', 0);
    expect(store.get('aws')).toBeUndefined();
  });
});

describe('offsets in words', () => {
  it('are signed and read to the second', () => {
    expect(clockOffsetText(432_000)).toBe('+7 min 12 s');
    expect(clockOffsetText(-543_400)).toBe('-9 min 3 s');
    expect(clockOffsetText(2 * 3600_000 + 5 * 60_000)).toBe('+2 h 5 min');
    expect(clockOffsetText(3 * 86400_000 + 4 * 3600_000)).toBe('+3 days 4 h');
    expect(clockOffsetSentence(432_000)).toBe("This computer's clock is 7 min 12 s behind AWS's.");
    expect(clockOffsetSentence(-60_000)).toBe("This computer's clock is 1 min 0 s ahead of AWS's.");
  });
});
