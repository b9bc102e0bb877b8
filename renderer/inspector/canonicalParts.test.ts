import { describe, expect, it } from 'vitest';
import { labelCanonicalRequest, labelStringToSign } from './canonicalParts';

const CANONICAL = [
  'GET',
  '/stag/items',
  'limit=20&page=2',
  'host:abc.execute-api.eu-west-1.amazonaws.com',
  'x-amz-date:20150830T123600Z',
  '',
  'host;x-amz-date',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
].join('\n');

describe('labelCanonicalRequest', () => {
  it('labels every line of the canonical request', () => {
    expect(labelCanonicalRequest(CANONICAL).map((l) => l.part)).toEqual([
      'method', 'path', 'query', 'header', 'header', 'blank', 'signedHeaders', 'payloadHash',
    ]);
  });

  it('handles an empty query line', () => {
    const lines = labelCanonicalRequest(CANONICAL.replace('limit=20&page=2', ''));
    expect(lines[2]).toEqual({ part: 'query', label: 'Query', text: '' });
    expect(lines.at(-1)?.label).toBe('Payload hash');
  });

  it('does not invent a payload hash in text that is not a canonical request', () => {
    expect(labelCanonicalRequest('a\nb\nc\nd').map((l) => l.part)).toEqual(['method', 'path', 'query', 'header']);
  });
});

describe('labelStringToSign', () => {
  it('labels the four lines', () => {
    const sts = 'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59';
    expect(labelStringToSign(sts).map((l) => l.label)).toEqual(['Algorithm', 'Request date', 'Credential scope', 'Canonical request hash']);
  });
});
