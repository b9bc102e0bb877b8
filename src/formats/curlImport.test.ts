import { describe, expect, it } from 'vitest';
import { requestDocSchema, type RequestAuth, type RequestBody } from '../models/workspace';
import { importCurlCommand } from './curlImport';
import { ImportError } from './importResult';

const ids = () => {
  let n = 0;
  return { newId: () => `id${++n}` };
};
const parse = (command: string) => importCurlCommand(command, ids());

interface Expected {
  method: string;
  url: string;
  headers?: Array<[string, string]>;
  body?: RequestBody;
  auth?: RequestAuth;
  region?: string;
  service?: string;
}

const AK = 'AKIAIOSFODNN7EXAMPLE';
const SK = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const FORM = ['Content-Type', 'application/x-www-form-urlencoded'] as [string, string];
const raw = (language: 'json' | 'text' | 'xml', text: string): RequestBody => ({ mode: 'raw', language, text });

// Real-world forms: browser DevTools "Copy as cURL" (bash and cmd), AWS docs, API docs, hand-typed shell lines.
const CASES: Array<[string, string, Expected]> = [
  ['bare URL', 'curl https://example.com', { method: 'GET', url: 'https://example.com' }],
  [
    'POST JSON, hand-typed',
    `curl -X POST https://api.example.com/items -H 'Content-Type: application/json' -d '{"name":"a"}'`,
    { method: 'POST', url: 'https://api.example.com/items', headers: [['Content-Type', 'application/json']], body: raw('json', '{"name":"a"}') },
  ],
  [
    'Chrome "Copy as cURL (bash)" GET',
    `curl 'https://api.example.com/v1/items?page=2' \\
  -H 'accept: application/json, text/plain, */*' \\
  -H 'accept-language: en-GB,en;q=0.9' \\
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36' \\
  --compressed`,
    {
      method: 'GET',
      url: 'https://api.example.com/v1/items?page=2',
      headers: [['accept', 'application/json, text/plain, */*'], ['accept-language', 'en-GB,en;q=0.9'], ['user-agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36']],
    },
  ],
  [
    "Chrome bash POST with $'...' data (a quote and an escaped newline)",
    `curl 'https://api.example.com/notes' \\
  -H 'content-type: application/json' \\
  --data-raw $'{"text":"it\\'s here","lines":"a\\\\nb"}'`,
    { method: 'POST', url: 'https://api.example.com/notes', headers: [['content-type', 'application/json']], body: raw('json', `{"text":"it's here","lines":"a\\nb"}`) },
  ],
  [
    'Chrome "Copy as cURL (cmd)" POST',
    `curl ^"https://api.example.com/v1/items?page=2^&size=10^" ^
  -H ^"accept: application/json^" ^
  -H ^"content-type: application/json^" ^
  --data-raw ^"^{^\\^"name^\\^":^\\^"a b^\\^"^}^" ^
  --compressed`,
    {
      method: 'POST',
      url: 'https://api.example.com/v1/items?page=2&size=10',
      headers: [['accept', 'application/json'], ['content-type', 'application/json']],
      body: raw('json', '{"name":"a b"}'),
    },
  ],
  ['cmd: a newline inside data (^ + two newlines)', 'curl ^"https://x.example.com/^" --data-raw ^"line1^\n\nline2^"', { method: 'POST', url: 'https://x.example.com/', headers: [FORM], body: raw('text', 'line1\nline2') }],
  // The C runtime keeps backslashes that do not precede a quote, so curl.exe gets them as typed.
  ['cmd: backslashes before a quote escape it, others are literal', 'curl ^"https://x.example.com/^" -d ^"C:\\data ^\\^"x^\\^" \\\\^\\^"y^"', { method: 'POST', url: 'https://x.example.com/', headers: [FORM], body: raw('text', 'C:\\data "x" \\"y') }],
  ['cmd: percent before a letter (%^)', 'curl ^"https://x.example.com/a%^20b?q=%^41^" ^\r\n  -H ^"accept: */*^"', { method: 'GET', url: 'https://x.example.com/a%20b?q=%41', headers: [['accept', '*/*']] }],
  [
    'cmd typed by hand: plain double quotes with \\"',
    'curl -X POST "https://api.example.com/x" -H "Content-Type: application/json" -d "{\\"a\\":1}"',
    { method: 'POST', url: 'https://api.example.com/x', headers: [['Content-Type', 'application/json']], body: raw('json', '{"a":1}') },
  ],
  ['curl.exe on Windows', 'curl.exe -s "https://example.com/health"', { method: 'GET', url: 'https://example.com/health' }],
  [
    'Firefox "Copy as cURL (POSIX)": method after the URL',
    `curl 'https://api.example.com/login' -X POST -H 'Accept: */*' -H 'Content-Type: application/json' --data-raw '{"user":"me"}'`,
    { method: 'POST', url: 'https://api.example.com/login', headers: [['Accept', '*/*'], ['Content-Type', 'application/json']], body: raw('json', '{"user":"me"}') },
  ],
  [
    'AWS docs: --aws-sigv4 with keys from the environment',
    `curl --aws-sigv4 "aws:amz:us-east-1:execute-api" \\
     --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \\
     https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets`,
    { method: 'GET', url: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets', auth: { type: 'env' }, region: 'us-east-1', service: 'execute-api' },
  ],
  [
    'AWS docs: session token header from the environment',
    `curl --aws-sigv4 "aws:amz:eu-west-1:lambda" --user "\${AWS_ACCESS_KEY_ID}:\${AWS_SECRET_ACCESS_KEY}" -H "x-amz-security-token: $AWS_SESSION_TOKEN" -H 'Content-Type: application/json' -d '{"ping":true}' https://xyz.lambda-url.eu-west-1.on.aws/`,
    { method: 'POST', url: 'https://xyz.lambda-url.eu-west-1.on.aws/', headers: [['Content-Type', 'application/json']], body: raw('json', '{"ping":true}'), auth: { type: 'env' }, region: 'eu-west-1', service: 'lambda' },
  ],
  [
    'OpenSearch: typed keys and token are offered, not kept',
    `curl --aws-sigv4 'aws:amz:eu-west-1:es' --user '${AK}:${SK}' -H 'x-amz-security-token: FwoGZXIvYXdzEXAMPLETOKEN' -X GET 'https://search-logs.eu-west-1.es.amazonaws.com/_cat/indices?v'`,
    { method: 'GET', url: 'https://search-logs.eu-west-1.es.amazonaws.com/_cat/indices?v', auth: { type: 'profile', profile: '' }, region: 'eu-west-1', service: 'es' },
  ],
  [
    '--aws-sigv4 without region and service',
    `curl --aws-sigv4 aws:amz https://sqs.ap-south-1.amazonaws.com/?Action=ListQueues`,
    { method: 'GET', url: 'https://sqs.ap-south-1.amazonaws.com/?Action=ListQueues', auth: { type: 'profile', profile: '' }, region: '', service: '' },
  ],
  [
    'DevTools copy of an already-signed request (Amplify app)',
    `curl 'https://abc.execute-api.eu-west-2.amazonaws.com/prod/orders' \\
  -H 'authorization: AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE12/20240101/eu-west-2/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef' \\
  -H 'x-amz-date: 20240101T120000Z' \\
  -H 'x-amz-security-token: IQoJb3JpZ2luEXAMPLE' \\
  -H 'accept: application/json'`,
    { method: 'GET', url: 'https://abc.execute-api.eu-west-2.amazonaws.com/prod/orders', headers: [['accept', 'application/json']], auth: { type: 'profile', profile: '' }, region: 'eu-west-2', service: 'execute-api' },
  ],
  ['several -d joined with &, form content type added', `curl https://example.com/form -d 'a=1' -d 'b=2'`, { method: 'POST', url: 'https://example.com/form', headers: [FORM], body: raw('text', 'a=1&b=2') }],
  ['-G moves data into the query', `curl -G https://example.com/search -d 'q=hello' -d 'limit=5'`, { method: 'GET', url: 'https://example.com/search?q=hello&limit=5' }],
  ['--get onto a URL that has a query', `curl --get 'https://example.com/s?a=1' --data b=2`, { method: 'GET', url: 'https://example.com/s?a=1&b=2' }],
  [
    '--data-urlencode encodes the value',
    `curl https://example.com/api --data-urlencode 'q=hello world' --data-urlencode 'tag=a&b' --data-urlencode '=x y'`,
    { method: 'POST', url: 'https://example.com/api', headers: [FORM], body: raw('text', 'q=hello%20world&tag=a%26b&x%20y') },
  ],
  [
    '-F multipart with a file and a text part',
    `curl -F 'file=@/tmp/photo.jpg;type=image/jpeg' -F 'caption=Sunset' https://upload.example.com/`,
    {
      method: 'POST',
      url: 'https://upload.example.com/',
      body: { mode: 'multipart', parts: [{ id: 'id1', key: 'file', enabled: true, kind: 'file', value: '/tmp/photo.jpg', contentType: 'image/jpeg' }, { id: 'id2', key: 'caption', enabled: true, kind: 'text', value: 'Sunset' }] },
    },
  ],
  ['-d @file is a file body by path', `curl -H 'Content-Type: application/json' -d @payload.json https://example.com/import`, { method: 'POST', url: 'https://example.com/import', headers: [['Content-Type', 'application/json']], body: { mode: 'file', path: 'payload.json' } }],
  ['--data-binary @file', `curl --data-binary @archive.zip https://example.com/up`, { method: 'POST', url: 'https://example.com/up', headers: [FORM], body: { mode: 'file', path: 'archive.zip' } }],
  ['-T uploads with PUT', `curl -T ./big.bin https://bucket.s3.us-west-2.amazonaws.com/key`, { method: 'PUT', url: 'https://bucket.s3.us-west-2.amazonaws.com/key', body: { mode: 'file', path: './big.bin' } }],
  ['-u without SigV4 is dropped', `curl -u admin:hunter2 https://intranet.example.com/x`, { method: 'GET', url: 'https://intranet.example.com/x', auth: { type: 'inherit' } }],
  ['-I is HEAD', 'curl -I https://example.com/', { method: 'HEAD', url: 'https://example.com/' }],
  ['combined short flags and ignored options', `curl -sSLk -o /dev/null -w '%{http_code}' --max-time 10 https://example.com/`, { method: 'GET', url: 'https://example.com/' }],
  ['-XPUT attached', `curl -XPUT -HContent-Type:text/plain -dhello https://example.com/t`, { method: 'PUT', url: 'https://example.com/t', headers: [['Content-Type', 'text/plain']], body: raw('text', 'hello') }],
  ['--url and --request', 'curl --request DELETE --url https://example.com/items/7', { method: 'DELETE', url: 'https://example.com/items/7' }],
  ['a shell prompt and no scheme', '$ curl example.com/path', { method: 'GET', url: 'http://example.com/path' }],
  ['a pipe after the command', `curl -s 'https://example.com/a.json' | jq .`, { method: 'GET', url: 'https://example.com/a.json' }],
  ['a bearer token is emptied', `curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' https://example.com/me`, { method: 'GET', url: 'https://example.com/me', headers: [['Authorization', '']] }],
  [
    '--json sets JSON headers',
    `curl --json '{"a":1}' https://example.com/j`,
    { method: 'POST', url: 'https://example.com/j', headers: [['Content-Type', 'application/json'], ['Accept', 'application/json']], body: raw('json', '{"a":1}') },
  ],
  [
    '-A, -e and -b become headers',
    `curl -A 'my-agent/1.0' -e https://ref.example.com/ -b 'session=abc; theme=dark' https://example.com/`,
    { method: 'GET', url: 'https://example.com/', headers: [['User-Agent', 'my-agent/1.0'], ['Referer', 'https://ref.example.com/'], ['Cookie', 'session=abc; theme=dark']] },
  ],
  ['CRLF continuations and tabs', 'curl \\\r\n\t-X PATCH \\\r\n\t-d x=1 \\\r\n\thttps://example.com/p', { method: 'PATCH', url: 'https://example.com/p', headers: [FORM], body: raw('text', 'x=1') }],
  [
    'bash double quotes: \\" \\\\ \\$ kept, other backslashes literal',
    'curl -H "Content-Type: application/json" -d "{\\"msg\\":\\"say \\\\\\"hi\\\\\\" \\$HOME \\d\\"}" https://example.com/',
    { method: 'POST', url: 'https://example.com/', headers: [['Content-Type', 'application/json']], body: raw('json', '{"msg":"say \\"hi\\" $HOME \\d"}') },
  ],
  ["$'...' escapes: \\t, \\x41, \\u00e9, \\'", `curl --data-raw $'a\\tb\\x41\\u00e9\\'' https://example.com/`, { method: 'POST', url: 'https://example.com/', headers: [FORM], body: raw('text', "a\tbAé'") }],
  ['"Name;" sends an empty header', `curl -H 'X-Empty;' https://example.com/`, { method: 'GET', url: 'https://example.com/', headers: [['X-Empty', '']] }],
  ['XML content type picks the xml language', `curl -H "Content-Type: application/xml" -d '<a/>' https://example.com/x`, { method: 'POST', url: 'https://example.com/x', headers: [['Content-Type', 'application/xml']], body: raw('xml', '<a/>') }],
  ['Chrome cmd GET with a cookie', 'curl ^"https://example.com/^" -b ^"sid=abc^" -H ^"accept: text/html^"', { method: 'GET', url: 'https://example.com/', headers: [['Cookie', 'sid=abc'], ['accept', 'text/html']] }],
];

describe('curl commands as RoleCall requests', () => {
  it('has at least 30 real-world forms', () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)('%s', (_name, command, expected) => {
    const { request } = parse(command);
    expect(requestDocSchema.safeParse(request).success).toBe(true);
    expect(request.method).toBe(expected.method);
    expect(request.url).toBe(expected.url);
    expect(request.headers.map((h) => [h.key, h.value])).toEqual(expected.headers ?? []);
    expect(request.headers.every((h) => h.enabled)).toBe(true);
    expect(request.body).toEqual(expected.body ?? { mode: 'none' });
    expect(request.auth).toEqual(expected.auth ?? { type: 'inherit' });
    expect(request.signing).toMatchObject({ region: expected.region ?? '', service: expected.service ?? '' });
  });
});

describe('keys and credentials', () => {
  it('offers --user keys given with --aws-sigv4, with the session token header, and keeps none of them', () => {
    const result = parse(`curl --aws-sigv4 'aws:amz:eu-west-1:es' --user '${AK}:${SK}' -H 'x-amz-security-token: FwoGZXIvYXdzEXAMPLETOKEN' https://search-logs.eu-west-1.es.amazonaws.com/`);
    expect(result.offeredKeys).toEqual([{ name: 'curl', accessKeyId: AK, secretAccessKey: SK, sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN', usedBy: [result.request.id] }]);
    const kept = JSON.stringify({ request: result.request, report: result.report });
    for (const secret of [AK, SK, 'FwoGZXIvYXdzEXAMPLETOKEN']) expect(kept).not.toContain(secret);
    expect(result.report.warnings.join('\n')).toMatch(/--user keys were not copied into the request/);
  });

  it('keeps no basic-auth password and no bearer token, and says so', () => {
    const basic = parse('curl -u admin:hunter2 https://intranet.example.com/x');
    expect(JSON.stringify(basic)).not.toContain('hunter2');
    expect(basic.report.warnings.join()).toMatch(/--user credentials were not imported/);
    const bearer = parse(`curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' https://example.com/me`);
    expect(JSON.stringify(bearer)).not.toContain('eyJhbGci');
    expect(bearer.report.warnings.join()).toMatch(/Credential header values \(Authorization\) were emptied/);
  });

  it('tells the user to choose a profile when keys come from other shell variables', () => {
    const { request, report } = parse('curl --aws-sigv4 aws:amz:us-east-1:s3 --user "$KEY:$SECRET" https://b.s3.amazonaws.com/');
    expect(request.auth).toEqual({ type: 'profile', profile: '' });
    expect(report.warnings.join()).toMatch(/shell variables RoleCall cannot read: choose a profile/);
  });
});

describe('the report', () => {
  it('lists ignored options, the ignored tail and the added scheme', () => {
    const { report } = parse(`curl -sSLk --compressed -o out.json example.com/a | jq .`);
    expect(report.notMapped).toContain('Options with no RoleCall equivalent were ignored: -s, -S, -L, -k, --compressed, -o');
    expect(report.notMapped).toContain('What followed the command was ignored: | jq .');
    expect(report.mapped).toContain('The URL had no scheme; http:// was added, as curl does');
  });

  it('says file bodies must be picked again', () => {
    expect(parse('curl -F f=@a.txt https://example.com/').report.warnings).toContain('A file to send is named by its path only: pick the file again before sending');
  });
});

describe('what cannot be imported', () => {
  const message = (command: string) => {
    try {
      parse(command);
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      return (err as Error).message;
    }
    throw new Error('parsed');
  };
  it('gives a clear error for each', () => {
    expect(message('wget https://example.com')).toBe('This is not a curl command: it should start with "curl".');
    expect(message('')).toBe('This is not a curl command: it should start with "curl".');
    expect(message('curl -H "Accept: x"')).toBe('This curl command has no URL.');
    expect(message("curl 'https://example.com")).toBe('This curl command cannot be read: a single quote is never closed.');
    expect(message('curl "https://example.com')).toBe('This curl command cannot be read: a double quote is never closed.');
    expect(message('curl https://example.com -H')).toBe('The curl option -H needs a value.');
    expect(message('curl -X "GET /" https://example.com')).toBe('"GET /" is not an HTTP method RoleCall can send.');
  });
});
