import { describe, expect, it } from 'vitest';
import { isMasked, parseAuthorization, parseCredential, presignedParams } from './parseAuthorization';

const AUTH =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
  'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';

describe('parseAuthorization', () => {
  it('takes the SigV4 header apart', () => {
    expect(parseAuthorization(AUTH)).toEqual({
      algorithm: 'AWS4-HMAC-SHA256',
      credentialText: 'AKIDEXAMPLE/20150830/us-east-1/service/aws4_request',
      credential: { accessKeyId: 'AKIDEXAMPLE', date: '20150830', region: 'us-east-1', service: 'service', terminator: 'aws4_request' },
      signedHeaders: ['host', 'x-amz-date'],
      signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    });
  });

  it('accepts the fields without spaces after the commas', () => {
    expect(parseAuthorization(AUTH.replace(/, /g, ','))?.signedHeaders).toEqual(['host', 'x-amz-date']);
  });

  it('refuses other schemes and incomplete headers', () => {
    expect(parseAuthorization('Bearer abc')).toBeUndefined();
    expect(parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request')).toBeUndefined();
    expect(parseAuthorization(AUTH.replace('/service/', '/'))).toBeUndefined();
  });
});

describe('parseCredential', () => {
  it('needs all five parts', () => {
    expect(parseCredential('A/20150830/eu-west-1/execute-api/aws4_request')?.service).toBe('execute-api');
    expect(parseCredential('A//eu-west-1/execute-api/aws4_request')).toBeUndefined();
  });
});

describe('presignedParams', () => {
  it('lists the X-Amz-* parameters decoded, in URL order, and nothing else', () => {
    const url =
      'https://h.example/p?a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fs3%2Faws4_request' +
      '&X-Amz-Date=20150830T123600Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=abc';
    expect(presignedParams(url)).toEqual([
      ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
      ['X-Amz-Credential', 'AKID/20150830/us-east-1/s3/aws4_request'],
      ['X-Amz-Date', '20150830T123600Z'],
      ['X-Amz-Expires', '900'],
      ['X-Amz-SignedHeaders', 'host'],
      ['X-Amz-Signature', 'abc'],
    ]);
    expect(presignedParams('not a url')).toEqual([]);
  });
});

describe('isMasked', () => {
  it('recognises main’s mask', () => {
    expect(isMasked('«redacted: session token, 812 chars»')).toBe(true);
    expect(isMasked('IQoJb3JpZ2luX2Vj')).toBe(false);
  });
});
