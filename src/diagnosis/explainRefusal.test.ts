import { describe, expect, it } from 'vitest';
import { parseAwsError } from '../awsErrorResponse';
import { explainRefusal, type RefusalInput } from './explainRefusal';
import { API, RECORDED, signedGet } from './fixtures/recordedRefusals';

/** As the engine does: AWS's error parsed from the body first, then explained. */
function explain(input: RefusalInput) {
  const awsError = parseAwsError(input.status, input.headers, input.bodyText);
  return explainRefusal({ ...input, ...(awsError ? { awsError } : {}) });
}

describe('explainRefusal on recorded AWS refusals', () => {
  it.each(RECORDED.map((r) => [r.name, r] as const))('%s', (_name, recorded) => {
    const found = explain(recorded.input);
    expect(found?.id).toBe(recorded.id);
    if (recorded.principal) expect(found?.principal).toBe(recorded.principal);
    if (recorded.action) expect(found?.action).toBe(recorded.action);
    if (recorded.resource) expect(found?.resource).toBe(recorded.resource);
    expect(found?.checks.length).toBeGreaterThan(0);
    expect(found?.fixes.length).toBeGreaterThan(0);
    expect(found?.awsText).not.toBe('');
  });

  it('keeps AWS text and request id', () => {
    const r = RECORDED.find((x) => x.id === 'apigw.access-denied')!;
    const found = explain(r.input)!;
    expect(found.awsText).toContain('is not authorized to perform: execute-api:Invoke');
    expect(found.requestId).toBe('req-1111');
    expect(found.awsType).toBe('AccessDeniedException');
  });

  it('says a cross-account caller needs both the resource policy and its own identity policy', () => {
    const found = explain(RECORDED.find((x) => x.id === 'apigw.access-denied')!.input)!;
    expect(found.likelihood.join(' ')).toMatch(/different accounts: both sides must allow/);
    expect(found.fixes.join(' ')).toMatch(/arn:aws:iam::222222222222:role\/APIGatewayInvokerRole/);
    expect(found.fixes.join(' ')).toMatch(/account 111111111111/);
  });

  it('says which kind of policy AWS named, and fixes only that side', () => {
    const found = explain(RECORDED.find((x) => x.id === 'aws.access-denied')!.input)!;
    expect(found.likelihood).toContain("AWS says the missing Allow is in an identity-based policy (the caller's own permissions).");
    expect(found.fixes).toEqual(['In account 222222222222, give arn:aws:iam::222222222222:user/dev an identity policy allowing s3:GetObject on arn:aws:s3:::bucket/key.']);
  });

  it('within one account, either policy is enough', () => {
    const body = '{"Message":"User: arn:aws:sts::111111111111:assumed-role/R/s is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:111111111111:abc123/prod/GET/hoge"}';
    const found = explain({ status: 403, headers: [], bodyText: body, request: signedGet(`${API}/prod/hoge`) })!;
    expect(found.likelihood.join(' ')).toMatch(/one Allow in either policy is enough/);
    expect(found.fixes[0]).toMatch(/^Either:/);
  });

  it('the missing-token explainer says the URL has no stage', () => {
    const found = explain({ status: 403, headers: [['x-amzn-ErrorType', 'MissingAuthenticationTokenException']], bodyText: '{"message":"Missing Authentication Token"}', request: signedGet(`${API}/`) })!;
    expect(found.id).toBe('apigw.missing-token.wrong-path');
    expect(found.likelihood.join(' ')).toMatch(/no stage segment/);
    expect(found.fixes[0]).toMatch(/Add the stage/);
  });

  it('computes the clock offset from the message, ServerTime or the Date header', () => {
    const expired = explain(RECORDED.find((x) => x.name.startsWith('Signature expired'))!.input)!;
    // 20170215T150034Z - 20170212T175938Z
    expect(expired.clockOffsetSeconds).toBe(2 * 86400 + 21 * 3600 + 56);
    expect(expired.explanation).toMatch(/2 days 21 h behind AWS's clock/);
    const s3 = explain(RECORDED.find((x) => x.name.startsWith('RequestTimeTooSkewed'))!.input)!;
    expect(s3.clockOffsetSeconds).toBe(3600);
    const early = explain({
      status: 403,
      headers: [['x-amzn-ErrorType', 'InvalidSignatureException'], ['Date', 'Mon, 01 Jan 2024 00:00:00 GMT']],
      bodyText: '{"message":"Signature not yet current: 20240101T002000Z is still later than 20240101T001500Z (20240101T000000Z + 15 min.)"}',
      request: signedGet(`${API}/prod/hoge`, { amzDate: '20240101T002000Z' }),
    })!;
    expect(early.id).toBe('clock.skew');
    expect(early.clockOffsetSeconds).toBe(-1200);
    expect(early.explanation).toMatch(/ahead of AWS's clock/);
    const fromDate = explain({
      status: 403,
      headers: [['x-amzn-ErrorType', 'RequestTimeTooSkewed'], ['Date', 'Mon, 01 Jan 2024 00:10:00 GMT']],
      bodyText: '',
      request: signedGet(`${API}/prod/hoge`, { amzDate: '20240101T000000Z' }),
    })!;
    expect(fromDate.clockOffsetSeconds).toBe(600);
    expect(fromDate.likelihood).toEqual(["Offset read from AWS's Date header."]);
  });

  it("reads no offset from a cached answer's Date (an Age header), as the retry logic does not", () => {
    const cached = explain({
      status: 403,
      headers: [['x-amzn-ErrorType', 'RequestTimeTooSkewed'], ['Date', 'Mon, 01 Jan 2024 00:10:00 GMT'], ['Age', '120']],
      bodyText: '',
      request: signedGet(`${API}/prod/hoge`, { amzDate: '20240101T000000Z' }),
    })!;
    expect(cached.id).toBe('clock.skew');
    expect(cached.clockOffsetSeconds).toBeUndefined();
  });

  it('names the part of the request that changed in transit on a signature mismatch', () => {
    const r = RECORDED.find((x) => x.id === 'signature.mismatch')!;
    const ours = ['GET', '/prod/hoge', '', 'host:abc123.execute-api.ap-northeast-1.amazonaws.com', 'x-amz-date:20240101T000000Z', 'x-extra:1', '', 'host;x-amz-date;x-extra', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'].join('\n');
    const changed = explain({ ...r.input, request: signedGet(`${API}/prod/hoge`, { canonicalRequest: ours }) })!;
    expect(changed.likelihood.join(' ')).toMatch(/different header "x-extra"/);
    const same = explain({ ...r.input, request: signedGet(`${API}/prod/hoge`, { canonicalRequest: ours.replace('x-amz-date:20240101T000000Z\nx-extra:1', 'x-amz-date:20240101T000000Z').replace(';x-extra', '') }) })!;
    expect(same.likelihood.join(' ')).toMatch(/identical: the secret access key/);
  });

  it('names a region signed unlike the host', () => {
    const r = RECORDED.find((x) => x.id === 'signature.mismatch')!;
    const found = explain({ ...r.input, request: signedGet(`${API}/prod/hoge`, { region: 'us-east-1' }) })!;
    expect(found.likelihood[0]).toBe('Signed for region us-east-1, but the host is in ap-northeast-1.');
  });

  it('gives nothing for successes and non-refusal errors, a generic cause for unknown 401/403', () => {
    expect(explain({ status: 200, headers: [], bodyText: '{}', request: signedGet(`${API}/prod/hoge`) })).toBeUndefined();
    expect(explain({ status: 404, headers: [], bodyText: '{"message":"Not Found"}', request: signedGet(`${API}/prod/hoge`) })).toBeUndefined();
    expect(explain({ status: 500, headers: [], bodyText: 'oops', request: signedGet(`${API}/prod/hoge`) })).toBeUndefined();
    expect(explain({ status: 401, headers: [], bodyText: '', request: signedGet(`${API}/prod/hoge`) })?.id).toBe('aws.refused');
  });

  it('reads only a bounded prefix of a hostile body', () => {
    const huge = `{"message":"${'User: '.repeat(20_000)}x is not authorized to perform: execute-api:Invoke"}`;
    const found = explainRefusal({ status: 403, headers: [], bodyText: huge, request: signedGet(`${API}/prod/hoge`) });
    expect(found?.id).toBe('aws.refused');
    expect(found!.awsText.length).toBeLessThanOrEqual(8 * 1024);
  });
});
