// Reading AWS's clock from each form AWS gives it: the one reader behind the 403 explainer and the retry logic.
import { describe, expect, it } from 'vitest';
import { amzDateMs, isSkewText, requestTimeFromS3, serverTimeFromHeaders, serverTimeFromS3, skewMessageTimes } from './clockSkewText';

const SERVER_NOW = Date.UTC(2017, 1, 15, 15, 0, 34);
const EXPIRED = '{"message":"Signature expired: 20170212T175938Z is now earlier than 20170215T145534Z (20170215T150034Z - 5 min.)"}';
const NOT_YET = '{"__type":"InvalidSignatureException","message":"Signature not yet current: 20170215T151034Z is still later than 20170215T150534Z (20170215T150034Z + 5 min.)"}';
const STS_XML =
  '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>' +
  '<Message>Signature expired: 20170215T140034Z is now earlier than 20170215T145534Z (20170215T150034Z - 5 min.)</Message></Error></ErrorResponse>';
const S3_SKEWED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message>' +
  '<RequestTime>20170215T140034Z</RequestTime><ServerTime>2017-02-15T15:00:34Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>';

describe("the server's time", () => {
  it("is read from API Gateway's 'Signature expired' message (the time in brackets), with the signing time", () => {
    expect(skewMessageTimes(EXPIRED)).toEqual({ signedMs: Date.UTC(2017, 1, 12, 17, 59, 38), serverMs: SERVER_NOW });
  });
  it("is read from 'Signature not yet current' (an InvalidSignatureException)", () => {
    expect(skewMessageTimes(NOT_YET)).toEqual({ signedMs: Date.UTC(2017, 1, 15, 15, 10, 34), serverMs: SERVER_NOW });
  });
  it("is read from STS's XML refusal", () => {
    expect(skewMessageTimes(STS_XML)?.serverMs).toBe(SERVER_NOW);
  });
  it("is read from S3's RequestTimeTooSkewed <ServerTime>, with its <RequestTime>", () => {
    expect(serverTimeFromS3(S3_SKEWED)).toBe(SERVER_NOW);
    expect(requestTimeFromS3(S3_SKEWED)).toBe(SERVER_NOW - 3600_000);
    expect(skewMessageTimes(S3_SKEWED)).toBeUndefined();
  });
  it('is read from a Date header, but not from a cached answer (Age) or an unreadable one', () => {
    expect(serverTimeFromHeaders([['Date', 'Wed, 15 Feb 2017 15:00:34 GMT']])).toBe(SERVER_NOW);
    expect(serverTimeFromHeaders([['date', 'Wed, 15 Feb 2017 15:00:34 GMT'], ['Age', '30']])).toBeUndefined();
    expect(serverTimeFromHeaders([['Date', 'yesterday']])).toBeUndefined();
    expect(serverTimeFromHeaders([])).toBeUndefined();
  });
  it('is not found in other refusals or mangled texts', () => {
    expect(skewMessageTimes('{"message":"Signature expired: soon"}')).toBeUndefined();
    expect(skewMessageTimes('{"message":"Signature expired: 20170212T175938Z is now earlier than 20170215T145534Z (20171315T150034Z - 5 min.)"}')).toBeUndefined();
    expect(skewMessageTimes('{"message":"The request signature we calculated does not match"}')).toBeUndefined();
    expect(serverTimeFromS3('<ServerTime>not a time</ServerTime>')).toBeUndefined();
    expect(amzDateMs('2017-02-15')).toBeUndefined();
  });
  it('is only searched for in the head of a large body', () => {
    expect(skewMessageTimes(' '.repeat(64 * 1024) + EXPIRED)).toBeUndefined();
    expect(serverTimeFromS3(' '.repeat(64 * 1024) + S3_SKEWED)).toBeUndefined();
  });
});

describe('skew texts', () => {
  it("are AWS's time refusals, by text or error type", () => {
    for (const text of [EXPIRED, NOT_YET, STS_XML, S3_SKEWED]) expect(isSkewText(text)).toBe(true);
    expect(isSkewText('', 'RequestExpired')).toBe(true);
    expect(isSkewText('', 'RequestInTheFuture')).toBe(true);
    expect(isSkewText('{"message":"Missing Authentication Token"}', 'MissingAuthenticationTokenException')).toBe(false);
    expect(isSkewText('{"message":"The request signature we calculated does not match..."}', 'InvalidSignatureException')).toBe(false);
  });
});
