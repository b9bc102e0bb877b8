import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RoleCallApi } from '../../src/contract';
import { parseAwsError } from '../../src/awsErrorResponse';
import { explainRefusal } from '../../src/diagnosis/explainRefusal';
import { API, RECORDED, signedGet } from '../../src/diagnosis/fixtures/recordedRefusals';
import type { SendResult } from '../../src/models/http';
import { ErrorView } from './ErrorView';
import { RefusalExplainer } from './RefusalExplainer';
import { ResponseViewer } from './ResponseViewer';

/** A send result as main builds it from a recorded refusal. */
function resultFor(name: string, canonicalRequest?: string): SendResult {
  const recorded = RECORDED.find((r) => r.name === name)!;
  const input = canonicalRequest ? { ...recorded.input, request: signedGet(`${API}/prod/hoge`, { canonicalRequest }) } : recorded.input;
  const awsError = parseAwsError(input.status, input.headers, input.bodyText);
  const refusal = explainRefusal({ ...input, ...(awsError ? { awsError } : {}) });
  const body = new TextEncoder().encode(input.bodyText);
  return {
    sent: {
      request: { method: 'GET', url: input.request.url, headers: [] },
      ...(canonicalRequest
        ? {
            explanation: {
              algorithm: 'AWS4-HMAC-SHA256',
              canonicalRequest,
              stringToSign: '',
              credentialScope: '20240101/ap-northeast-1/execute-api/aws4_request',
              signedHeaders: ['host', 'x-amz-date'],
              signature: '0'.repeat(64),
              amzDate: '20240101T000000Z',
              region: 'ap-northeast-1',
              regionSource: 'detected',
              service: 'execute-api',
              serviceSource: 'detected',
              payloadHash: 'e3b0',
              mode: 'header',
              accessKeyId: 'ASIAEXAMPLE',
            },
          }
        : {}),
    },
    response: {
      status: input.status,
      statusText: 'Forbidden',
      httpVersion: '1.1',
      headers: input.headers,
      body: { size: body.length, headBase64: btoa(String.fromCharCode(...body)), complete: true },
      timings: { firstByte: 1, total: 2 },
    },
    ...(awsError ? { awsError } : {}),
    ...(refusal ? { refusal } : {}),
  };
}

const api = {} as RoleCallApi;

describe('RefusalExplainer', () => {
  it('shows the cause, who was refused doing what, checks, fixes and AWS’s text in the response viewer', () => {
    const html = renderToString(<ResponseViewer api={api} result={resultFor('Resource policy does not allow the caller (capital M)')} />);
    expect(html).toContain('Why AWS said no');
    expect(html).toContain('No policy allows this caller to invoke the API');
    expect(html).toContain('arn:aws:sts::222222222222:assumed-role/APIGatewayInvokerRole/rolecall-1');
    expect(html).toContain('execute-api:Invoke');
    expect(html).toContain('arn:aws:execute-api:ap-northeast-1:111111111111:abc123/prod/GET/hoge');
    expect(html).toContain('What to check');
    expect(html).toContain('How to fix it');
    expect(html).toContain('What AWS said');
    expect(html).toContain('<strong>AccessDeniedException</strong>');
    expect(html).toContain('is not authorized to perform: execute-api:Invoke on resource');
    expect(html).toContain('apigw.access-denied');
    expect(html).toContain('req-1111');
  });

  it('keeps the canonical-request diff under a signature mismatch', () => {
    const ours = ['GET', '/prod/hoge', 'a=1', 'host:abc123.execute-api.ap-northeast-1.amazonaws.com', 'x-amz-date:20240101T000000Z', '', 'host;x-amz-date', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'].join('\n');
    const html = renderToString(<ResponseViewer api={api} result={resultFor('Signature mismatch (canonical request in the body)', ours)} />);
    expect(html).toContain('AWS computed a different signature');
    expect(html).toContain('different query string');
    expect(html).toContain('Canonical request differences');
    expect(html).toContain('<code>a=1</code>');
  });

  it('renders AWS’s text as text, never as markup', () => {
    const html = renderToString(
      <RefusalExplainer
        refusal={{ id: 'aws.refused', family: 'aws', title: 't', explanation: 'e', checks: ['c'], fixes: ['f'], likelihood: [], awsText: '<img src=x onerror=alert(1)>' }}
      />,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('explains a refused AssumeRole in the error view', () => {
    const html = renderToString(
      <ErrorView
        error={{
          code: 'STS_ACCESS_DENIED',
          message: 'arn:aws:iam::111111111111:role/Api refused the AssumeRole.',
          detail: 'User: arn:aws:iam::222222222222:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/Api',
          awsCode: 'AccessDenied',
        }}
      />,
    );
    expect(html).toContain('The role does not trust this caller');
    expect(html).toContain('sts:AssumeRole');
    expect(html).toContain('the role&#x27;s trust policy');
    // AWS's text once, in the error's detail.
    expect(html.split('is not authorized to perform: sts:AssumeRole').length - 1).toBe(1);
  });

  it('names the role the send asked for when STS\'s text does not (moto, older AWS answers)', () => {
    const html = renderToString(
      <ErrorView
        error={{
          code: 'STS_ACCESS_DENIED',
          message: 'arn:aws:iam::111111111111:role/Api refused the AssumeRole.',
          detail: 'User: arn:aws:iam::222222222222:user/dev is not authorized to perform: sts:AssumeRole',
          awsCode: 'AccessDenied',
        }}
        assumeRole={{ roleArn: 'arn:aws:iam::111111111111:role/Api', externalId: false }}
      />,
    );
    expect(html).toMatch(/<dt>Resource<\/dt><dd[^>]*>(<code>)?arn:aws:iam::111111111111:role\/Api/);
    expect(html).toContain('No MFA was sent');
  });
});
