// The inspector shows the clock offset a signature was dated with, and nothing about clocks without one.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SignResult, SigningExplanation } from '../../src/models/http';
import { SigningInspector } from './SigningInspector';

const explanation: SigningExplanation = {
  algorithm: 'AWS4-HMAC-SHA256',
  canonicalRequest: 'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  stringToSign: 'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nabc',
  credentialScope: '20150830/us-east-1/service/aws4_request',
  signedHeaders: ['host', 'x-amz-date'],
  signature: 'a'.repeat(64),
  amzDate: '20150830T123600Z',
  region: 'us-east-1',
  regionSource: 'detected',
  service: 'service',
  serviceSource: 'detected',
  payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  mode: 'header',
  accessKeyId: 'AKIDEXAMPLE',
};

function signed(extra: Partial<SigningExplanation>): SignResult {
  return { request: { method: 'GET', url: 'https://example.amazonaws.com/', headers: [['x-amz-date', '20150830T123600Z']] }, explanation: { ...explanation, ...extra } };
}

/** The text a reader sees: tags dropped, React's comment markers and entities undone. */
function text(html: string): string {
  return html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');
}

describe('the signing inspector and the clock', () => {
  it('shows the offset in use and where it came from', () => {
    const html = text(renderToString(<SigningInspector stage="sent" signed={signed({ clockOffsetMs: 432_000, clockOffsetSource: 'date-header' })} />));
    expect(html).toContain("Clock offset +7 min 12 s (from AWS's Date header)");
    expect(html).toContain("This computer's clock is 7 min 12 s behind AWS's.");
  });

  it('says nothing about the clock when none was corrected', () => {
    expect(renderToString(<SigningInspector stage="preview" signed={signed({})} />)).not.toContain('Clock offset');
  });
});
