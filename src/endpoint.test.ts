import { describe, expect, it } from 'vitest';
import { RoleCallError } from './errors';
import { detectEndpoint, parseRequestUrl } from './endpoint';

describe('detectEndpoint', () => {
  it.each([
    ['https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com/stag/hoge', 'ap-northeast-1', 'execute-api', 'execute-api'],
    ['https://a1b2c3d4e5-vpce-0abc.execute-api.eu-west-1.vpce.amazonaws.com/prod', 'eu-west-1', 'execute-api', 'execute-api'],
    ['https://abc123.execute-api.cn-north-1.amazonaws.com.cn/prod', 'cn-north-1', 'execute-api', 'execute-api'],
    ['https://abcdefghijklmnop.lambda-url.us-west-2.on.aws/', 'us-west-2', 'lambda', 'lambda-url'],
    ['https://search-logs-abc123.eu-central-1.es.amazonaws.com/_search', 'eu-central-1', 'es', 'opensearch'],
    ['https://vpc-logs-abc123.us-gov-west-1.es.amazonaws.com/', 'us-gov-west-1', 'es', 'opensearch'],
    ['https://x1y2z3.us-east-1.aoss.amazonaws.com/index', 'us-east-1', 'aoss', 'opensearch-serverless'],
    ['https://x1y2z3.us-east-1.aoss-fips.amazonaws.com/', 'us-east-1', 'aoss', 'opensearch-serverless'],
    ['https://s3.amazonaws.com/bucket/key', 'us-east-1', 's3', 's3'],
    ['https://my.bucket.s3.amazonaws.com/key', 'us-east-1', 's3', 's3'],
    ['https://bucket.s3.eu-west-3.amazonaws.com/key', 'eu-west-3', 's3', 's3'],
    ['https://s3.eu-west-3.amazonaws.com/bucket', 'eu-west-3', 's3', 's3'],
    ['https://bucket.s3-eu-west-1.amazonaws.com/key', 'eu-west-1', 's3', 's3'],
    ['https://bucket.s3.dualstack.ap-south-1.amazonaws.com/key', 'ap-south-1', 's3', 's3'],
    ['https://s3-fips.us-east-2.amazonaws.com/bucket', 'us-east-2', 's3', 's3'],
    ['https://ap-111122223333.s3-accesspoint.us-west-2.amazonaws.com/k', 'us-west-2', 's3', 's3'],
    ['https://s3.cn-northwest-1.amazonaws.com.cn/bucket', 'cn-northwest-1', 's3', 's3'],
    ['https://iam.amazonaws.com/', 'us-east-1', 'iam', 'global'],
    ['https://sts.amazonaws.com/', 'us-east-1', 'sts', 'global'],
    ['https://sts.ap-northeast-1.amazonaws.com/', 'ap-northeast-1', 'sts', 'regional'],
    ['https://sts-fips.us-east-1.amazonaws.com/', 'us-east-1', 'sts', 'regional'],
    ['https://dynamodb.eu-north-1.amazonaws.com/', 'eu-north-1', 'dynamodb', 'regional'],
    ['https://lambda.us-east-1.api.aws/', 'us-east-1', 'lambda', 'regional'],
    ['https://email.eu-west-1.amazonaws.com/', 'eu-west-1', 'ses', 'regional'],
    ['https://runtime.sagemaker.us-east-1.amazonaws.com/', 'us-east-1', 'sagemaker', 'regional'],
    ['https://abc.appsync-api.eu-west-2.amazonaws.com/graphql', 'eu-west-2', 'appsync', 'appsync'],
    ['HTTPS://ABC.Execute-Api.US-EAST-1.AmazonAWS.com.:8443/x', 'us-east-1', 'execute-api', 'execute-api'],
  ])('reads %s', (url, region, service, kind) => {
    expect(detectEndpoint(url)).toEqual({ region, service, kind });
  });

  it.each([
    'https://server.stag.example.com/hoge',
    'http://127.0.0.1:4566/',
    'http://localhost:3000/',
    'https://d111111abcdef8.cloudfront.net/',
    'https://unknown.amazonaws.com/',
    'https://my-lb-1234.us-east-1.elb.amazonaws.com/',
    'https://abc.execute-api.example.com/',
    'not a url',
  ])('says nothing about a custom domain: %s', (url) => {
    expect(detectEndpoint(url)).toEqual({ kind: 'custom' });
  });

  it('accepts a URL object', () => {
    expect(detectEndpoint(new URL('https://abc.execute-api.eu-west-1.amazonaws.com/'))).toMatchObject({ region: 'eu-west-1' });
  });
});

describe('parseRequestUrl', () => {
  it('keeps the path and query exactly as typed, drops the fragment', () => {
    const parsed = parseRequestUrl('  https://Example.COM:443/a b/%2F/./x?x=1&x=0&empty=&ሴ#frag ');
    expect(parsed.origin).toBe('https://example.com');
    expect(parsed.path).toBe('/a b/%2F/./x');
    expect(parsed.query).toBe('x=1&x=0&empty=&ሴ');
    expect(parsed.url.hostname).toBe('example.com');
  });

  it('tells "no query" from an empty one and defaults the path to /', () => {
    expect(parseRequestUrl('http://h:8080').path).toBe('/');
    expect(parseRequestUrl('http://h:8080').query).toBeUndefined();
    expect(parseRequestUrl('http://h?').query).toBe('');
    expect(parseRequestUrl('http://h?a=1').path).toBe('/');
    expect(parseRequestUrl('http://h:8080').origin).toBe('http://h:8080');
  });

  it.each([
    ['ftp://example.com/', /http:\/\/ or https:\/\//],
    ['example.com/path', /http:\/\/ or https:\/\//],
    ['', /http:\/\/ or https:\/\//],
    ['https:///path', /no host/],
    ['https://user:pw@example.com/', /credentials/],
    ['https://exa mple.com/', /host name/],
    ['https://example.com:99999/', /not valid/],
    ['https://example.com/a\nb', /control character/],
  ])('rejects %j with INVALID_URL', (raw, message) => {
    let caught: unknown;
    try {
      parseRequestUrl(raw);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RoleCallError);
    expect((caught as RoleCallError).code).toBe('INVALID_URL');
    expect((caught as RoleCallError).message).toMatch(message);
  });
});
