import { describe, expect, it } from 'vitest';
import { signRequest } from '../main/services/signer';
import type { AppError } from './errors';
import { SECRET_MASK } from './effectiveRequest';
import { maskError, maskSendResult, maskSignResult, secretForms } from './maskSignResult';
import type { SendResult, SignResult } from './models/http';
import type { KeyValue } from './models/workspace';
import type { VariableScope } from './variables';

const kv = (key: string, value: string, extra: Partial<KeyValue> = {}): KeyValue => ({ id: `v-${key}`, key, value, enabled: true, secret: false, ...extra });

const scopes = (...variables: KeyValue[]): VariableScope[] => [{ label: 'environment "stag"', variables }];

/** Signs with the real signer, as main does for the preview and the send. */
async function signed(url: string, headers: Array<[string, string]>): Promise<SignResult> {
  return signRequest({
    request: { method: 'GET', url, headers, body: new Uint8Array() },
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    signing: { region: 'us-east-1', service: 'execute-api', payload: 'signed', mode: 'header', expiresIn: 900, signingDate: '2015-08-30T12:36:00Z' },
  });
}

describe('maskSignResult', () => {
  it('masks a secret variable in the URL, the headers and the canonical request', async () => {
    const result = await signed('https://api.example.com/items?k=very-secret-value&sort=asc', [['X-Token', 'very-secret-value']]);
    expect(JSON.stringify(result)).toContain('very-secret-value');

    const masked = maskSignResult(result, scopes(kv('token', 'very-secret-value', { secret: true }), kv('sort', 'asc')));
    expect(JSON.stringify(masked)).not.toContain('very-secret-value');
    expect(masked.request.url).toBe(`https://api.example.com/items?k=${SECRET_MASK}&sort=asc`);
    expect(masked.request.headers).toContainEqual(['X-Token', SECRET_MASK]);
    expect(masked.explanation?.canonicalRequest).toContain(`k=${SECRET_MASK}&sort=asc`);
    expect(masked.explanation?.canonicalRequest).toContain(`x-token:${SECRET_MASK}`);
    // What is not secret, and what SigV4 computed from the real value, is left as main sent it.
    expect(masked.explanation?.signature).toBe(result.explanation?.signature);
    expect(masked.explanation?.stringToSign).toBe(result.explanation?.stringToSign);
  });

  it('finds a secret in the encoded forms SigV4 gives it (spaces, slashes, plus signs)', async () => {
    const secret = 'p@ss word/+x  y';
    const result = await signed(`https://api.example.com/a/${secret}?k=${secret}`, [['X-Token', secret]]);
    const masked = maskSignResult(result, scopes(kv('token', secret, { secret: true })));
    for (const form of secretForms(scopes(kv('token', secret, { secret: true })))) {
      expect(JSON.stringify(masked)).not.toContain(JSON.stringify(form).slice(1, -1));
    }
    expect(masked.explanation?.canonicalRequest).not.toMatch(/p%40ss|ss%20word|x y/);
    expect(masked.request.url).not.toContain('word');
  });

  it('leaves the result as is when no secret variable is in scope, or the secret is disabled or empty', async () => {
    const result = await signed('https://api.example.com/items?k=plain', []);
    expect(maskSignResult(result, scopes(kv('k', 'plain')))).toBe(result);
    expect(maskSignResult(result, scopes(kv('k', 'plain', { secret: true, enabled: false }), kv('e', '', { secret: true })))).toBe(result);
  });
});

describe('maskSendResult', () => {
  it('masks what was sent and AWS’s canonical request and message in an error answer', () => {
    const sent: SignResult = {
      request: { method: 'GET', url: 'https://api.example.com/?k=s3cr3t-value', headers: [['x-token', 's3cr3t-value']] },
    };
    const result: SendResult = {
      sent,
      response: {
        status: 403,
        statusText: 'Forbidden',
        httpVersion: '1.1',
        headers: [],
        body: { size: 0, headBase64: '', complete: true },
        timings: { firstByte: 1, total: 2 },
      },
      awsError: {
        type: 'SignatureDoesNotMatch',
        message: 'The Canonical String for this request should have been\nGET\n/\nk=s3cr3t-value',
        expectedCanonicalRequest: 'GET\n/\nk=s3cr3t-value\nx-token:s3cr3t-value\n',
        expectedStringToSign: 'AWS4-HMAC-SHA256\n20150830T123600Z',
      },
    };
    const masked = maskSendResult(result, scopes(kv('token', 's3cr3t-value', { secret: true })));
    expect(JSON.stringify(masked)).not.toContain('s3cr3t-value');
    expect(masked.awsError?.expectedCanonicalRequest).toBe(`GET\n/\nk=${SECRET_MASK}\nx-token:${SECRET_MASK}\n`);
    expect(masked.awsError?.type).toBe('SignatureDoesNotMatch');
    expect(masked.response).toBe(result.response);
  });

  it('masks a secret in the URLs of the redirects the answer came after', () => {
    const result: SendResult = {
      sent: { request: { method: 'GET', url: 'https://api.example.com/a', headers: [] } },
      response: {
        redirects: [{ status: 302, method: 'GET', url: 'https://api.example.com/b?k=s3cr3t-value', signing: 'resigned' }],
        status: 200,
        statusText: 'OK',
        httpVersion: '1.1',
        headers: [],
        body: { size: 0, headBase64: '', complete: true },
        timings: { firstByte: 1, total: 2 },
      },
    };
    const masked = maskSendResult(result, scopes(kv('token', 's3cr3t-value', { secret: true })));
    expect(masked.response.redirects).toEqual([{ status: 302, method: 'GET', url: `https://api.example.com/b?k=${SECRET_MASK}`, signing: 'resigned' }]);
    expect(masked.response.status).toBe(200);
  });

  it('masks a secret quoted in the refusal explanation (path, resource, checks)', () => {
    const result: SendResult = {
      sent: { request: { method: 'GET', url: 'https://a.execute-api.eu-west-1.amazonaws.com/prod/s3cr3t-value', headers: [] } },
      response: { status: 403, statusText: 'Forbidden', httpVersion: '1.1', headers: [], body: { size: 0, headBase64: '', complete: true }, timings: { firstByte: 1, total: 2 } },
      refusal: {
        id: 'apigw.access-denied',
        family: 'apiGateway',
        title: 't',
        explanation: 'on arn:aws:execute-api:eu-west-1:1:a/prod/GET/s3cr3t-value',
        checks: ['does /prod/s3cr3t-value exist?'],
        fixes: ['f'],
        likelihood: [],
        resource: 'arn:aws:execute-api:eu-west-1:1:a/prod/GET/s3cr3t-value',
        awsText: 'User: x is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:eu-west-1:1:a/prod/GET/s3cr3t-value',
        status: 403,
      },
    };
    const masked = maskSendResult(result, scopes(kv('token', 's3cr3t-value', { secret: true })));
    expect(JSON.stringify(masked)).not.toContain('s3cr3t-value');
    expect(masked.refusal?.checks).toEqual([`does /prod/${SECRET_MASK} exist?`]);
    expect(masked.refusal?.status).toBe(403);
  });
});

describe('maskSendResult and the clock', () => {
  it('masks a secret quoted in the refused first attempt of a clock-skew retry', () => {
    const result: SendResult = {
      sent: { request: { method: 'GET', url: 'https://a.execute-api.eu-west-1.amazonaws.com/prod/x', headers: [] } },
      response: { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [], body: { size: 0, headBase64: '', complete: true }, timings: { firstByte: 1, total: 2 } },
      clockSkew: { offsetMs: 432_000, source: 'aws-message', retried: true, refused: { status: 403, message: 'Signature expired for /prod/s3cr3t-value' } },
    };
    const masked = maskSendResult(result, scopes(kv('token', 's3cr3t-value', { secret: true })));
    expect(JSON.stringify(masked)).not.toContain('s3cr3t-value');
    expect(masked.clockSkew?.offsetMs).toBe(432_000);
  });
});

describe('maskError', () => {
  it('masks a secret quoted in an error’s message or detail', () => {
    const error: AppError = { code: 'CONNECTION_REFUSED', message: 'Nothing answers at host-s3cr3t', detail: 'connect ECONNREFUSED host-s3cr3t:443' };
    const masked = maskError(error, scopes(kv('h', 's3cr3t', { secret: true })));
    expect(masked).toEqual({ code: 'CONNECTION_REFUSED', message: `Nothing answers at host-${SECRET_MASK}`, detail: `connect ECONNREFUSED host-${SECRET_MASK}:443` });
  });
});
