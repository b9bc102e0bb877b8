import { describe, expect, it } from 'vitest';
import { AWS_ERROR_SCAN_CHARS, diffCanonical, parseAwsError } from './awsErrorResponse';

// Bodies as AWS sends them (field notes §4); the JSON ones are raw text, escapes included.
const canonical = [
  'GET',
  '/prod/hoge',
  'a=1&b=2',
  'host:abc123.execute-api.ap-northeast-1.amazonaws.com',
  'x-amz-date:20240101T000000Z',
  '',
  'host;x-amz-date',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
].join('\n');
const stringToSign = [
  'AWS4-HMAC-SHA256',
  '20240101T000000Z',
  '20240101/ap-northeast-1/execute-api/aws4_request',
  '5f4c1a1f8e3b8e8dfd0b04a3b3fbb73a0a84c5f4c1f04c6f0d4cf5e7b0b8b9a1',
].join('\n');
const mismatchMessage =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access ' +
  'Key and signing method. Consult the service documentation for details.';
const mismatchBody = String.raw`{"message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'GET\n/prod/hoge\na=1&b=2\nhost:abc123.execute-api.ap-northeast-1.amazonaws.com\nx-amz-date:20240101T000000Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20240101T000000Z\n20240101/ap-northeast-1/execute-api/aws4_request\n5f4c1a1f8e3b8e8dfd0b04a3b3fbb73a0a84c5f4c1f04c6f0d4cf5e7b0b8b9a1'\n"}`;

describe('parseAwsError', () => {
  it('ignores non-error statuses, even with an error-looking body', () => {
    expect(parseAwsError(200, [], '{"message":"fine"}')).toBeUndefined();
    expect(parseAwsError(302, [['x-amzn-ErrorType', 'Whatever']], '')).toBeUndefined();
  });

  it('extracts AWS canonical request and string-to-sign from an API Gateway signature mismatch', () => {
    const info = parseAwsError(403, [['x-amzn-ErrorType', 'InvalidSignatureException']], mismatchBody);
    expect(info).toEqual({
      type: 'InvalidSignatureException',
      message: mismatchMessage,
      expectedCanonicalRequest: canonical,
      expectedStringToSign: stringToSign,
    });
  });

  it('keeps quotes inside the canonical request (a header value with an apostrophe)', () => {
    const odd = canonical.replace('x-amz-date:', "x-note:it's\nx-amz-date:");
    const body = JSON.stringify({
      message: `${mismatchMessage}\n\nThe Canonical String for this request should have been\n'${odd}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
    });
    const info = parseAwsError(403, [], body);
    expect(info?.expectedCanonicalRequest).toBe(odd);
    expect(info?.expectedStringToSign).toBe(stringToSign);
  });

  it('reads the expired-signature message', () => {
    const body = String.raw`{"message":"Signature expired: 20170212T175938Z is now earlier than 20170215T145534Z (20170215T150034Z - 5 min.)"}`;
    expect(parseAwsError(403, [['x-amzn-ErrorType', 'InvalidSignatureException']], body)).toEqual({
      type: 'InvalidSignatureException',
      message: 'Signature expired: 20170212T175938Z is now earlier than 20170215T145534Z (20170215T150034Z - 5 min.)',
    });
  });

  it('reads Missing Authentication Token with its type header', () => {
    const info = parseAwsError(
      403,
      [['x-amzn-ErrorType', 'MissingAuthenticationTokenException']],
      '{"message":"Missing Authentication Token"}',
    );
    expect(info).toEqual({ type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('reads the capital-M Message of a resource-policy denial and strips the type header suffix', () => {
    const message =
      'User: arn:aws:sts::222222222222:assumed-role/APIGatewayInvokerRole/s1 is not authorized to perform: ' +
      'execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:111111111111:abc123/prod/GET/hoge with an explicit deny';
    const info = parseAwsError(
      403,
      [
        ['Content-Type', 'application/json'],
        ['X-Amzn-ErrorType', 'AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/'],
      ],
      JSON.stringify({ Message: message }),
    );
    expect(info).toEqual({ type: 'AccessDeniedException', message });
  });

  it('reads STS Query/XML errors', () => {
    const body = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>AccessDenied</Code>
    <Message>User: arn:aws:iam::222222222222:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/ApiAllowByIamRoleStag</Message>
  </Error>
  <RequestId>4c4a3e2e-0000-4000-8000-000000000000</RequestId>
</ErrorResponse>`;
    expect(parseAwsError(403, [['Content-Type', 'text/xml']], body)).toEqual({
      type: 'AccessDenied',
      message:
        'User: arn:aws:iam::222222222222:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/ApiAllowByIamRoleStag',
    });
  });

  it('reads the invalid and expired token texts', () => {
    const invalid = `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>`;
    expect(parseAwsError(403, [], invalid)).toEqual({
      type: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
    const expired = `<ErrorResponse><Error><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error></ErrorResponse>`;
    expect(parseAwsError(400, [], expired)?.type).toBe('ExpiredToken');
  });

  it('reads S3 XML errors, entities decoded, with S3 canonical request and string-to-sign', () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><StringToSign>AWS4-HMAC-SHA256
20240101T000000Z
20240101/us-east-1/s3/aws4_request
abc</StringToSign><CanonicalRequest>GET
/b/k
a=1&amp;b=2
host:b.s3.amazonaws.com

host
UNSIGNED-PAYLOAD</CanonicalRequest><RequestId>R</RequestId></Error>`;
    const info = parseAwsError(403, [], body);
    expect(info?.type).toBe('SignatureDoesNotMatch');
    expect(info?.expectedCanonicalRequest).toBe('GET\n/b/k\na=1&b=2\nhost:b.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD');
    expect(info?.expectedStringToSign).toBe(
      'AWS4-HMAC-SHA256\n20240101T000000Z\n20240101/us-east-1/s3/aws4_request\nabc',
    );
  });

  it('reads JSON-protocol __type errors', () => {
    const body = '{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}';
    expect(parseAwsError(400, [], body)).toEqual({
      type: 'ResourceNotFoundException',
      message: 'Requested resource not found',
    });
    expect(parseAwsError(400, [], '{"__type":"UnrecognizedClientException","Message":"The security token included in the request is invalid."}'))
      .toEqual({ type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
  });

  it('prefers the x-amzn-ErrorType header over __type', () => {
    const info = parseAwsError(400, [['x-amzn-errortype', 'ValidationException']], '{"__type":"Other","message":"m"}');
    expect(info?.type).toBe('ValidationException');
  });

  it('falls back to the type header when the body says nothing (HEAD, empty or text body)', () => {
    expect(parseAwsError(403, [['x-amzn-ErrorType', 'ForbiddenException']], '')).toEqual({
      type: 'ForbiddenException',
      message: 'ForbiddenException',
    });
    expect(parseAwsError(502, [['x-amzn-ErrorType', 'InternalFailure']], 'Bad gateway\nmore')).toEqual({
      type: 'InternalFailure',
      message: 'Bad gateway',
    });
  });

  it('returns undefined for errors that are not AWS documents', () => {
    expect(parseAwsError(404, [['Content-Type', 'text/html']], '<html><body>Not found</body></html>')).toBeUndefined();
    expect(parseAwsError(500, [], 'oops')).toBeUndefined();
    expect(parseAwsError(500, [], '{"unrelated":true}')).toBeUndefined();
    expect(parseAwsError(500, [], '{not json')).toBeUndefined();
  });
});

// Bodies a hostile or broken server could send: each once cost seconds to minutes on main's thread (1 MB of
// "<Error>" took 30 s). The 5 s limit is far above what linear work on 64 KiB takes, far below what they took.
const MB = 1024 * 1024;
const SEPARATOR = "'\\n\\nThe String-to-Sign should have been\\n'";
const HOSTILE_BODIES: Record<string, string> = {
  'repeated <Error>': '<Error>'.repeat(MB / 7),
  'unclosed <Message> elements': '<Error>' + '<Message>'.repeat(MB / 9) + '</Error>',
  'unterminated character references': '<Error><Message>' + '&#x1'.repeat(MB / 4) + '</Message></Error>',
  'deeply nested JSON arrays': '['.repeat(MB / 2) + ']'.repeat(MB / 2),
  'deeply nested JSON objects': '{"a":'.repeat(MB / 5),
  'an unterminated message string': '{"message":"' + 'a'.repeat(MB),
  'repeated signature separators': '{"message":"x\\n\\nThe Canonical String for this request should have been\\n' + SEPARATOR.repeat(MB / SEPARATOR.length) + 'x"}',
  'repeated <Error> after an <ErrorResponse>': '<ErrorResponse>' + '<Error><Code>'.repeat(MB / 13),
};

describe('parseAwsError on hostile bodies', () => {
  for (const [name, body] of Object.entries(HOSTILE_BODIES)) {
    it(`parses 1 MB of ${name} with bounded work`, { timeout: 5_000 }, () => {
      expect(body.length).toBeGreaterThan(AWS_ERROR_SCAN_CHARS * 8);
      expect(parseAwsError(403, [['x-amzn-ErrorType', 'Hostile']], body)?.type).toBe('Hostile');
    });
  }

  it('reads only the first AWS_ERROR_SCAN_CHARS characters of a body', () => {
    const late = ' '.repeat(AWS_ERROR_SCAN_CHARS) + '{"message":"too late"}';
    expect(parseAwsError(500, [], late)).toBeUndefined();
    expect(parseAwsError(500, [['x-amzn-ErrorType', 'InternalFailure']], late)).toEqual({ type: 'InternalFailure', message: 'InternalFailure' });
  });

  it('still takes apart a signature mismatch whose canonical request has many long headers', () => {
    const headers = Array.from({ length: 60 }, (_, i) => `x-custom-${i}:${'v'.repeat(300)}`);
    const big = ['POST', '/prod/items', '', ...headers, 'host:abc123.execute-api.ap-northeast-1.amazonaws.com', '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
    const body = JSON.stringify({
      message: `${mismatchMessage}\n\nThe Canonical String for this request should have been\n'${big}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
    });
    expect(body.length).toBeGreaterThan(16 * 1024);
    const info = parseAwsError(403, [['x-amzn-ErrorType', 'InvalidSignatureException']], body);
    expect(info).toEqual({ type: 'InvalidSignatureException', message: mismatchMessage, expectedCanonicalRequest: big, expectedStringToSign: stringToSign });
  });

  it('keeps the partial reading of a mismatch message whose string-to-sign is missing or unquoted', () => {
    const noSts = JSON.stringify({ message: `${mismatchMessage}\n\nThe Canonical String for this request should have been\n'${canonical}'\n` });
    expect(parseAwsError(403, [], noSts)).toEqual({ message: mismatchMessage, expectedCanonicalRequest: canonical });
    const unquoted = JSON.stringify({
      message: `${mismatchMessage}\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\nnot quoted`,
    });
    expect(parseAwsError(403, [], unquoted)).toEqual({ message: mismatchMessage, expectedCanonicalRequest: canonical });
  });
});

describe('diffCanonical', () => {
  it('is empty for identical text', () => {
    expect(diffCanonical(canonical, canonical)).toEqual([]);
  });

  it('lists a changed line with both sides', () => {
    const ours = canonical.replace('a=1&b=2', 'b=2&a=1');
    expect(diffCanonical(ours, canonical)).toEqual([{ line: 3, ours: 'b=2&a=1', theirs: 'a=1&b=2' }]);
  });

  it('shows a header only one side signed as one line, not a cascade', () => {
    const ours = canonical
      .replace('x-amz-date:', 'content-type:application/json\nx-amz-date:')
      .replace('host;x-amz-date', 'content-type;host;x-amz-date');
    expect(diffCanonical(ours, canonical)).toEqual([
      { line: 5, ours: 'content-type:application/json' },
      { line: 8, ours: 'content-type;host;x-amz-date', theirs: 'host;x-amz-date' },
    ]);
    expect(diffCanonical(canonical, ours)).toEqual([
      { line: 5, theirs: 'content-type:application/json' },
      { line: 7, ours: 'host;x-amz-date', theirs: 'content-type;host;x-amz-date' },
    ]);
  });

  it('lists trailing lines only one side has', () => {
    expect(diffCanonical('a\nb', 'a\nb\nc')).toEqual([{ line: 3, theirs: 'c' }]);
    expect(diffCanonical('a\nb\nc', 'a')).toEqual([
      { line: 2, ours: 'b' },
      { line: 3, ours: 'c' },
    ]);
  });
});
