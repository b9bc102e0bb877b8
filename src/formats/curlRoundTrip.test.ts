// "Copy as curl" read back by the curl importer: what RoleCall writes, RoleCall reads as the same request.
import { describe, expect, it } from 'vitest';
import { credentialHeaderNames } from '../credentialGuard';
import type { AuthChoice } from '../models/auth';
import { copyAs, type CopyAsInput } from './copyAs/copyAs';
import { sigv4QueryOrder } from './copyAs/curl';
import { importCurlCommand } from './curlImport';

const API = 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items';
const HOSTILE = `{"a":"it's \\"q\\" $HOME \`id\` $(rm -rf x) \${X:+y} \\\\ !h; | & > < # {b}","n":"line\\nnext\\ttab"}`;

interface Expected {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body?: string;
  auth: { type: string };
  region: string;
  service: string;
}

const CASES: Array<[string, CopyAsInput, Expected]> = [
  [
    'GET with a query, environment credentials',
    { request: { method: 'GET', url: `${API}?b=2&a=1&flag`, headers: [['Accept', 'application/json']] }, auth: { kind: 'env' } },
    { method: 'GET', url: sigv4QueryOrder(`${API}?b=2&a=1&flag`), headers: [['Accept', 'application/json']], auth: { type: 'env' }, region: 'eu-west-1', service: 'execute-api' },
  ],
  [
    'POST JSON with shell-hostile characters',
    {
      request: { method: 'POST', url: API, headers: [['Content-Type', 'application/json'], ['X-Note', `it's "odd" $PATH; echo hi & >x`]], body: { kind: 'text', text: HOSTILE } },
      auth: { kind: 'env' },
    },
    {
      method: 'POST',
      url: API,
      headers: [['Content-Type', 'application/json'], ['X-Note', `it's "odd" $PATH; echo hi & >x`]],
      body: HOSTILE,
      auth: { type: 'env' },
      region: 'eu-west-1',
      service: 'execute-api',
    },
  ],
  [
    'PUT with a method curl would not pick and a region set by hand',
    { request: { method: 'PUT', url: 'https://api.example.com/v1/x', headers: [['Content-Type', 'text/plain']], body: { kind: 'text', text: 'hello' } }, auth: { kind: 'env' }, signing: { region: 'us-east-2', service: 'lambda' } },
    { method: 'PUT', url: 'https://api.example.com/v1/x', headers: [['Content-Type', 'text/plain']], body: 'hello', auth: { type: 'env' }, region: 'us-east-2', service: 'lambda' },
  ],
  [
    'profile auth (filled into the environment by the comment line)',
    { request: { method: 'DELETE', url: `${API}/7` }, auth: { kind: 'profile', profile: 'dev' } },
    { method: 'DELETE', url: `${API}/7`, headers: [], auth: { type: 'env' }, region: 'eu-west-1', service: 'execute-api' },
  ],
  [
    'assumed role (the comment line assumes it into the environment)',
    {
      request: { method: 'GET', url: API },
      auth: { kind: 'assumeRole', base: { kind: 'profile', profile: 'dev' }, roleArn: 'arn:aws:iam::111111111111:role/R', externalId: 'ext-42' } satisfies AuthChoice,
    },
    { method: 'GET', url: API, headers: [], auth: { type: 'env' }, region: 'eu-west-1', service: 'execute-api' },
  ],
  [
    'a secret variable in the URL, a header and the body (read back as the $NAME it is read from)',
    {
      request: { method: 'POST', url: `${API}?key=sk-LIVE-123`, headers: [['Content-Type', 'application/json'], ['X-Api-Key', 'Key sk-LIVE-123']], body: { kind: 'text', text: '{"k":"sk-LIVE-123"}' } },
      auth: { kind: 'env' },
      secrets: [{ name: 'apiKey', value: 'sk-LIVE-123' }],
    },
    {
      method: 'POST',
      url: `${API}?key=$APIKEY`,
      headers: [['Content-Type', 'application/json'], ['X-Api-Key', 'Key $APIKEY']],
      body: '{"k":"$APIKEY"}',
      auth: { type: 'env' },
      region: 'eu-west-1',
      service: 'execute-api',
    },
  ],
  [
    'unsigned POST with no Content-Type (curl is told to send none)',
    { request: { method: 'POST', url: 'https://example.com/hook?b=2&a=1', body: { kind: 'text', text: 'a=1&b=2' } }, auth: { kind: 'none' } },
    { method: 'POST', url: 'https://example.com/hook?b=2&a=1', headers: [], body: 'a=1&b=2', auth: { type: 'inherit' }, region: '', service: '' },
  ],
];

describe('Copy as curl, then import the curl command', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    const { text } = copyAs('curl', input);
    const { request, report } = importCurlCommand(text);
    expect(request.method).toBe(expected.method);
    expect(request.url).toBe(expected.url);
    expect(request.headers.map((h) => [h.key, h.value])).toEqual(expected.headers);
    expect(request.body).toEqual(expected.body === undefined ? { mode: 'none' } : { mode: 'raw', language: expect.any(String), text: expected.body });
    expect(request.auth).toEqual(expected.auth);
    expect(request.signing).toMatchObject({ region: expected.region, service: expected.service });
    expect(report.notMapped).toEqual([]);
    expect(JSON.stringify(request)).not.toContain('sk-LIVE-123');
  });

  it('drops the session token header the command adds only when $AWS_SESSION_TOKEN is set, and saves no credential header', () => {
    const { text } = copyAs('curl', { request: { method: 'GET', url: API }, auth: { kind: 'env' } });
    expect(text).toContain('${AWS_SESSION_TOKEN:+-H "x-amz-security-token: $AWS_SESSION_TOKEN"}');
    const { request, report } = importCurlCommand(text);
    expect(request.url).toBe(API);
    expect(request.headers).toEqual([]);
    expect(credentialHeaderNames(request.headers)).toEqual([]);
    expect(report.mapped.join('\n')).toMatch(/environment credentials/);
    expect(report.warnings.join('\n')).not.toMatch(/Credential header values/);
  });
});
