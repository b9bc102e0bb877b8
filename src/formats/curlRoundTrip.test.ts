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

// Bodies that are not text: a file, a multipart form with a file part, bytes. Each is written in a form curl runs
// as printed and the importer reads back: --data-binary @file, -F/--form-string, and bytes as a file to write first.
describe('Copy as curl with a file or binary body, then import it', () => {
  const signedPost = (body: CopyAsInput['request']['body'], headers: Array<[string, string]> = []): CopyAsInput => ({
    request: { method: 'POST', url: API, headers, body },
    auth: { kind: 'env' },
  });

  it('a file body is --data-binary @file and comes back as the same file body', () => {
    const { text } = copyAs('curl', signedPost({ kind: 'file', path: '/data/my photo.png' }, [['Content-Type', 'image/png']]));
    expect(text).toContain(`--data-binary @'/data/my photo.png'`);
    const { request, report } = importCurlCommand(text);
    expect(request.body).toEqual({ mode: 'file', path: '/data/my photo.png' });
    expect(request.headers.map((h) => [h.key, h.value])).toEqual([['Content-Type', 'image/png']]);
    expect(report.notMapped).toEqual([]);
  });

  const boundary = '----RoleCallFormBoundaryr1';
  const form = (): CopyAsInput['request']['body'] => ({
      kind: 'parts',
      parts: [
        {
          text:
            `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n@not a file; <b>\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"a":1}\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        },
        { path: '/tmp/report.pdf' },
        { text: `\r\n--${boundary}\r\nContent-Disposition: form-data; name="raw"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n` },
        { path: '/tmp/x.bin' },
        { text: `\r\n--${boundary}--\r\n` },
      ],
    });
  const formType: Array<[string, string]> = [['Content-Type', `multipart/form-data; boundary=${boundary}`]];
  const expectSameForm = (text: string) => {
    const { request, report } = importCurlCommand(text);
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual([]);
    expect(request.body.mode).toBe('multipart');
    const parts = request.body.mode === 'multipart' ? request.body.parts.map(({ id: _id, ...p }) => p) : [];
    expect(parts).toEqual([
      { key: 'note', kind: 'text', value: '@not a file; <b>', enabled: true },
      { key: 'meta', kind: 'text', value: '{"a":1}', contentType: 'application/json', enabled: true },
      { key: 'upload', kind: 'file', value: '/tmp/report.pdf', contentType: 'application/pdf', enabled: true },
      { key: 'raw', kind: 'file', value: '/tmp/x.bin', contentType: 'application/octet-stream', enabled: true },
    ]);
    expect(report.notMapped).toEqual([]);
  };

  it('an unsigned multipart form is written with --form-string and -F and comes back as the same parts', () => {
    const { text } = copyAs('curl', { ...signedPost(form(), formType), auth: { kind: 'none' } });
    expect(text).not.toContain('<(');
    expect(text).not.toContain(boundary);
    expect(text).toContain(`--form-string 'note=@not a file; <b>'`);
    expect(text).toContain(`-F 'upload=@/tmp/report.pdf;type=application/pdf'`);
    expectSameForm(text);
  });

  it('a signed multipart form keeps its framed bytes (curl cannot sign -F) and comes back as the same parts', () => {
    const { text } = copyAs('curl', signedPost(form(), formType));
    expect(text).toContain(`--data-binary @<(printf %s`);
    expect(text).toContain(`cat /tmp/report.pdf`);
    expectSameForm(text);
  });

  it('bytes (a text holding NUL) come back as the same text', () => {
    const bytes = 'head\u0000tail é';
    const { text } = copyAs('curl', signedPost({ kind: 'text', text: bytes }, [['Content-Type', 'application/octet-stream']]));
    const { request, report } = importCurlCommand(text);
    expect(request.body).toEqual({ mode: 'raw', language: 'text', text: bytes });
    expect(report.notMapped).toEqual([]);
  });
});

describe('a process substitution in a pasted curl command', () => {
  it('is never run: bytes that are not text, or any other command, are reported and left out', () => {
    const binary = importCurlCommand(`curl https://example.com/x --data-binary @<(printf %s '/w==' | base64 -d)`);
    expect(binary.request.body).toEqual({ mode: 'none' });
    expect(binary.report.notMapped.join('\n')).toMatch(/not text and was not imported/);
    const other = importCurlCommand(`curl https://example.com/x --data-binary @<(cat /etc/passwd; rm -rf ~)`);
    expect(other.request.body).toEqual({ mode: 'none' });
    expect(other.report.notMapped.join('\n')).toMatch(/RoleCall does not run commands/);
  });
});
