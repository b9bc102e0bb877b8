import { createHash, createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoleCallError } from '../../src/errors';
import { MOTO_MISSING, START_TIMEOUT_MS, startMoto, xmlValue, type MotoServer } from '../testing/moto';
import { EXAMPLE_KEYS, verifySigV4 } from '../../e2e/harness/sigv4Verifier';
import type { RecordedRequest } from '../testing/echoServer';
import { signRequest, type SignParams } from './signer';

const KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const TOKEN = 'IQoJb3JpZ2luX2VjEOr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token/with+plus==';
const API = 'https://a1b2c3.execute-api.ap-northeast-1.amazonaws.com';
const DATE = '2015-08-30T12:36:00Z';

function params(over: {
  url?: string;
  method?: string;
  headers?: Array<[string, string]>;
  body?: string;
  credentials?: SignParams['credentials'];
  signing?: Partial<SignParams['signing']>;
}): SignParams {
  return {
    request: {
      method: over.method ?? 'GET',
      url: over.url ?? `${API}/stag/hoge`,
      headers: over.headers ?? [],
      body: new TextEncoder().encode(over.body ?? ''),
    },
    credentials: over.credentials ?? KEYS,
    signing: { payload: 'signed', mode: 'header', expiresIn: 900, signingDate: DATE, ...over.signing },
  };
}

const header = (headers: Array<[string, string]>, name: string) =>
  headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const lines = (canonical: string) => canonical.split('\n');

/** An independent SigV4 key derivation and signature, to check what the signer produced. */
function expectedSignature(secret: string, scope: string, stringToSign: string): string {
  const [date, region, service] = scope.split('/');
  let key: Buffer = createHmac('sha256', `AWS4${secret}`).update(date!).digest();
  for (const part of [region!, service!, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

async function expectFailure(p: SignParams): Promise<RoleCallError> {
  const err = await signRequest(p).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RoleCallError);
  return err as RoleCallError;
}

describe('signRequest: region and service', () => {
  it('detects them from the host', async () => {
    const { explanation } = await signRequest(params({}));
    expect(explanation).toMatchObject({
      region: 'ap-northeast-1',
      regionSource: 'detected',
      service: 'execute-api',
      serviceSource: 'detected',
      credentialScope: '20150830/ap-northeast-1/execute-api/aws4_request',
    });
  });

  it('lets explicit values win over detection', async () => {
    const { explanation } = await signRequest(params({ signing: { region: 'eu-west-1', service: 'lambda' } }));
    expect(explanation).toMatchObject({ region: 'eu-west-1', regionSource: 'explicit', service: 'lambda', serviceSource: 'explicit' });
  });

  it('asks for the region, then the service, on a custom domain', async () => {
    const custom = 'https://server.stag.example.com/hoge';
    const noRegion = await expectFailure(params({ url: custom }));
    expect(noRegion.code).toBe('REGION_REQUIRED');
    expect(noRegion.message).toContain('server.stag.example.com');
    const noService = await expectFailure(params({ url: custom, signing: { region: 'ap-northeast-1' } }));
    expect(noService.code).toBe('SERVICE_REQUIRED');
    const { explanation } = await signRequest(params({ url: custom, signing: { region: 'ap-northeast-1', service: 'execute-api' } }));
    expect(explanation.credentialScope).toBe('20150830/ap-northeast-1/execute-api/aws4_request');
  });

  it('rejects a URL that is not http(s)', async () => {
    expect((await expectFailure(params({ url: 'ftp://x/' }))).code).toBe('INVALID_URL');
  });
});

describe('signRequest: the explanation is what was signed', () => {
  it('holds a canonical request, string to sign and signature that agree with an independent computation', async () => {
    const { request, explanation } = await signRequest(params({ method: 'POST', body: '{"a":1}', headers: [['Content-Type', 'application/json']] }));
    const sts = lines(explanation.stringToSign);
    expect(sts).toEqual([
      'AWS4-HMAC-SHA256',
      '20150830T123600Z',
      '20150830/ap-northeast-1/execute-api/aws4_request',
      sha256(explanation.canonicalRequest),
    ]);
    expect(explanation.signature).toBe(expectedSignature(KEYS.secretAccessKey, explanation.credentialScope, explanation.stringToSign));
    expect(explanation.payloadHash).toBe(sha256('{"a":1}'));
    expect(explanation.signedHeaders).toEqual(['content-type', 'host', 'x-amz-date']);
    expect(header(request.headers, 'authorization')).toEqual([
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${explanation.credentialScope}, SignedHeaders=content-type;host;x-amz-date, Signature=${explanation.signature}`,
    ]);
    expect(explanation.accessKeyId).toBe('AKIDEXAMPLE');
    expect(JSON.stringify(explanation)).not.toContain(KEYS.secretAccessKey);
  });

  it('uses a fixed signing date given as ISO-8601, SigV4 compact form or Date', async () => {
    for (const signingDate of ['2015-08-30T12:36:00Z', '2015-08-30T14:36:00+02:00', '20150830T123600Z', new Date(Date.UTC(2015, 7, 30, 12, 36))]) {
      const { request, explanation } = await signRequest(params({ signing: { signingDate } }));
      expect(explanation.amzDate).toBe('20150830T123600Z');
      expect(header(request.headers, 'x-amz-date')).toEqual(['20150830T123600Z']);
    }
    expect((await expectFailure(params({ signing: { signingDate: 'yesterday' } }))).code).toBe('INVALID_INPUT');
  });
});

describe('signRequest: payload options', () => {
  it('signs UNSIGNED-PAYLOAD for execute-api and says so in a signed x-amz-content-sha256 header, which a verifier accepts', async () => {
    const { request, explanation } = await signRequest(params({ method: 'PUT', body: 'data', signing: { payload: 'unsigned' } }));
    expect(explanation.payloadHash).toBe('UNSIGNED-PAYLOAD');
    expect(lines(explanation.canonicalRequest).at(-1)).toBe('UNSIGNED-PAYLOAD');
    expect(header(request.headers, 'x-amz-content-sha256')).toEqual(['UNSIGNED-PAYLOAD']);
    expect(explanation.signedHeaders).toContain('x-amz-content-sha256');
    // Without the header a server hashes the body it received and the signature cannot match.
    const url = new URL(request.url);
    const received: RecordedRequest = {
      method: request.method,
      url: `${url.pathname}${url.search}`,
      httpVersion: '1.1',
      rawHeaders: request.headers.flat(),
      body: Buffer.from('data'),
      remotePort: 0,
    };
    expect(await verifySigV4(received, EXAMPLE_KEYS)).toMatchObject({ ok: true, service: 'execute-api' });
  });

  it('sends the unsigned-payload header for any service even when the header option is off', async () => {
    for (const url of ['https://abc123.lambda-url.eu-west-1.on.aws/', 'https://search-x.eu-west-1.es.amazonaws.com/i/_doc']) {
      const { request, explanation } = await signRequest(params({ url, method: 'POST', body: '{}', signing: { payload: 'unsigned', contentSha256Header: false } }));
      expect(header(request.headers, 'x-amz-content-sha256'), url).toEqual(['UNSIGNED-PAYLOAD']);
      expect(explanation.signedHeaders, url).toContain('x-amz-content-sha256');
    }
  });

  it('adds x-amz-content-sha256 when asked, signed and sent', async () => {
    const { request, explanation } = await signRequest(params({ method: 'POST', body: 'hello', signing: { contentSha256Header: true } }));
    expect(header(request.headers, 'x-amz-content-sha256')).toEqual([sha256('hello')]);
    expect(explanation.signedHeaders).toContain('x-amz-content-sha256');
  });

  it('adds it by default for s3 and aoss only, and never when turned off', async () => {
    const s3 = await signRequest(params({ url: 'https://bucket.s3.eu-west-1.amazonaws.com/key' }));
    expect(header(s3.request.headers, 'x-amz-content-sha256')).toEqual([sha256('')]);
    const aoss = await signRequest(params({ url: 'https://abc.us-east-1.aoss.amazonaws.com/i/_doc', method: 'POST', body: '{}' }));
    expect(header(aoss.request.headers, 'x-amz-content-sha256')).toEqual([sha256('{}')]);
    const api = await signRequest(params({}));
    expect(header(api.request.headers, 'x-amz-content-sha256')).toEqual([]);
    const off = await signRequest(params({ url: 'https://bucket.s3.eu-west-1.amazonaws.com/key', signing: { contentSha256Header: false } }));
    expect(header(off.request.headers, 'x-amz-content-sha256')).toEqual([]);
  });

  it('sends UNSIGNED-PAYLOAD in the header when both are asked', async () => {
    const { request, explanation } = await signRequest(
      params({ url: 'https://bucket.s3.eu-west-1.amazonaws.com/key', method: 'PUT', body: 'x', signing: { payload: 'unsigned' } }),
    );
    expect(header(request.headers, 'x-amz-content-sha256')).toEqual(['UNSIGNED-PAYLOAD']);
    expect(explanation.payloadHash).toBe('UNSIGNED-PAYLOAD');
  });

  it("matches AWS's published S3 GET Object example", async () => {
    const { request } = await signRequest({
      request: { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: [['Range', 'bytes=0-9']], body: new Uint8Array() },
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      signing: { payload: 'signed', mode: 'header', expiresIn: 900, signingDate: '20130524T000000Z' },
    });
    expect(header(request.headers, 'authorization')[0]).toMatch(
      /SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41$/,
    );
  });
});

describe('signRequest: session token', () => {
  it('signs and sends x-amz-security-token once, replacing a typed one', async () => {
    const { request, explanation } = await signRequest(
      params({ credentials: { ...KEYS, sessionToken: TOKEN }, headers: [['X-Amz-Security-Token', 'stale-token-value']] }),
    );
    expect(header(request.headers, 'x-amz-security-token')).toEqual([TOKEN]);
    expect(explanation.signedHeaders).toContain('x-amz-security-token');
    expect(explanation.canonicalRequest).toContain(`x-amz-security-token:${TOKEN}\n`);
  });

  it('replaces typed Authorization and X-Amz-Date instead of sending two', async () => {
    const { request } = await signRequest(params({ headers: [['Authorization', 'Bearer x'], ['X-Amz-Date', '19990101T000000Z']] }));
    expect(header(request.headers, 'authorization')).toHaveLength(1);
    expect(header(request.headers, 'authorization')[0]).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(header(request.headers, 'x-amz-date')).toEqual(['20150830T123600Z']);
  });
});

describe('signRequest: query mode (presigned URL)', () => {
  it('puts the X-Amz-* parameters in the URL, with the expiry and the token, and no Authorization header', async () => {
    const { request, explanation } = await signRequest(
      params({ url: `${API}/stag/hoge?b=2&a=1`, credentials: { ...KEYS, sessionToken: TOKEN }, signing: { mode: 'query', expiresIn: 300 } }),
    );
    const url = new URL(request.url);
    expect(request.url.startsWith(`${API}/stag/hoge?b=2&a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&`)).toBe(true);
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20150830/ap-northeast-1/execute-api/aws4_request');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20150830T123600Z');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(TOKEN);
    expect(url.searchParams.get('X-Amz-Signature')).toBe(explanation.signature);
    expect(header(request.headers, 'authorization')).toEqual([]);
    expect(explanation.mode).toBe('query');
    expect(lines(explanation.canonicalRequest)[2]).toContain(`X-Amz-Security-Token=${encodeURIComponent(TOKEN)}`);
    expect(explanation.signature).toBe(expectedSignature(KEYS.secretAccessKey, explanation.credentialScope, explanation.stringToSign));
  });

  it("matches AWS's published S3 presigned URL example", async () => {
    const { request } = await signRequest({
      request: { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: [], body: new Uint8Array() },
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      signing: { payload: 'signed', mode: 'query', expiresIn: 86400, signingDate: '20130524T000000Z' },
    });
    expect(request.url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z' +
        '&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
        '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
    expect(request.headers).toEqual([['host', 'examplebucket.s3.amazonaws.com']]);
  });

  it('replaces stale X-Amz-* parameters of a pasted presigned URL instead of duplicating them', async () => {
    const { request } = await signRequest(
      params({ url: `${API}/p?X-Amz-Signature=old&keep=1&x-amz-date=old`, signing: { mode: 'query', expiresIn: 60 } }),
    );
    const url = new URL(request.url);
    expect(url.searchParams.getAll('X-Amz-Signature')).toHaveLength(1);
    expect(url.searchParams.getAll('x-amz-date')).toEqual([]);
    expect(request.url).toContain('/p?keep=1&X-Amz-Algorithm=');
  });

  it('refuses an expiry beyond 7 days', async () => {
    expect((await expectFailure(params({ signing: { mode: 'query', expiresIn: 604801 } }))).code).toBe('INVALID_INPUT');
  });
});

describe('signRequest: paths', () => {
  it('normalises and double-encodes for execute-api', async () => {
    const { explanation } = await signRequest(params({ url: `${API}/stag//a/./b/../c%2Fd` }));
    expect(lines(explanation.canonicalRequest)[1]).toBe('/stag/a/c%252Fd');
  });

  it('neither normalises nor double-encodes for s3', async () => {
    const { request, explanation } = await signRequest(params({ url: 'https://bucket.s3.us-east-1.amazonaws.com/a//b/./c/../d%2Fe f' }));
    expect(lines(explanation.canonicalRequest)[1]).toBe('/a//b/./c/../d%2Fe%20f');
    expect(request.url).toBe('https://bucket.s3.us-east-1.amazonaws.com/a//b/./c/../d%2Fe f');
  });
});

describe('signRequest: the wire is what was typed', () => {
  it('keeps odd paths and queries byte for byte and signs their canonical form', async () => {
    const { request, explanation } = await signRequest(params({ url: `${API}/a b/%2F?x=1&x=0&empty=&flag&sp=a%20b&plus=a+b` }));
    expect(request.url).toBe(`${API}/a b/%2F?x=1&x=0&empty=&flag&sp=a%20b&plus=a+b`);
    const [, path, query] = lines(explanation.canonicalRequest);
    expect(path).toBe('/a%20b/%252F');
    expect(query).toBe('empty=&flag=&plus=a%2Bb&sp=a%20b&x=0&x=1');
  });

  it('keeps an empty query, a fragment-free URL and the default port out of the host', async () => {
    const { request } = await signRequest(params({ url: `${API}:443/p?#frag` }));
    expect(request.url).toBe(`${API}/p?`);
    expect(header(request.headers, 'host')).toEqual(['a1b2c3.execute-api.ap-northeast-1.amazonaws.com']);
  });

  it('keeps a non-default port in the host header', async () => {
    const { request, explanation } = await signRequest(params({ url: 'http://127.0.0.1:4566/x', signing: { region: 'us-east-1', service: 'sts' } }));
    expect(header(request.headers, 'host')).toEqual(['127.0.0.1:4566']);
    expect(explanation.canonicalRequest).toContain('\nhost:127.0.0.1:4566\n');
  });

  it('sends duplicate headers as typed and signs them joined, in order', async () => {
    const typed: Array<[string, string]> = [
      ['My-Header', 'b'],
      ['Other', ' a   b '],
      ['my-header', 'a'],
      ['Folded', 'one\r\n   two'],
    ];
    const { request, explanation } = await signRequest(params({ headers: typed }));
    expect(request.headers.slice(0, 4)).toEqual([
      ['My-Header', 'b'],
      ['Other', ' a   b '],
      ['my-header', 'a'],
      ['Folded', 'one two'],
    ]);
    expect(request.headers.slice(4).map(([n]) => n)).toEqual(['host', 'x-amz-date', 'authorization']);
    expect(explanation.canonicalRequest).toContain('\nmy-header:b,a\n');
    expect(explanation.canonicalRequest).toContain('\nother:a b\n');
    expect(explanation.canonicalRequest).toContain('\nfolded:one two\n');
  });

  it('sends Date, User-Agent and proxy or sec- headers as typed but signs none of them, as the AWS SDKs do', async () => {
    const typed: Array<[string, string]> = [['Date', 'Sun, 30 Aug 2015 12:36:00 GMT'], ['User-Agent', 'rc'], ['Proxy-X', '1'], ['Sec-Fetch-Mode', 'cors'], ['X-Kept', 'k']];
    const { request, explanation } = await signRequest(params({ headers: typed }));
    expect(request.headers.slice(0, 5)).toEqual(typed);
    expect(explanation.signedHeaders).toEqual(['host', 'x-amz-date', 'x-kept']);
  });

  it('keeps a typed Host header and does not add a second', async () => {
    const { request } = await signRequest(params({ headers: [['Host', 'api.example.com']] }));
    expect(header(request.headers, 'host')).toEqual(['api.example.com']);
  });

  it('refuses header values HTTP would send differently from how they are signed', async () => {
    expect((await expectFailure(params({ headers: [['X-Name', 'café']] }))).code).toBe('INVALID_INPUT');
    expect((await expectFailure(params({ headers: [['Bad Name', 'x']] }))).code).toBe('INVALID_INPUT');
  });
});

describe('signRequest: signatures made at the same time', () => {
  it('records each call\'s own canonical request and string to sign, as when made one by one', async () => {
    const variants = [
      params({ url: `${API}/stag/a?x=1`, credentials: { ...KEYS, sessionToken: TOKEN } }),
      params({ url: `${API}/stag/b`, method: 'POST', body: '{"b":2}', credentials: { ...KEYS, sessionToken: TOKEN } }),
      params({ url: `${API}/stag/c`, signing: { region: 'eu-west-1' } }),
      params({ url: `${API}/stag/a?x=1`, credentials: { accessKeyId: 'AKIDOTHER', secretAccessKey: 'other' } }),
    ];
    const oneByOne = [];
    for (const v of variants) oneByOne.push(await signRequest(v));
    const together = await Promise.all([...variants, ...variants].map((v) => signRequest(v)));
    expect(together).toEqual([...oneByOne, ...oneByOne]);
    expect(new Set(oneByOne.map((r) => r.explanation.canonicalRequest)).size).toBe(variants.length);
    for (const { explanation } of oneByOne) {
      expect(explanation.signature).toBe(expectedSignature(explanation.accessKeyId === 'AKIDOTHER' ? 'other' : KEYS.secretAccessKey, explanation.credentialScope, explanation.stringToSign));
    }
  });
});

/** Sends a signed request as it is: the path and query as given, each header line as given. */
function send(request: { method: string; url: string; headers: Array<[string, string]> }, body = ''): Promise<{ status: number; text: string }> {
  const origin = /^https?:\/\/[^/?#]+/.exec(request.url)![0];
  return new Promise((resolve, reject) => {
    const req = httpRequest(origin, { method: request.method, path: request.url.slice(origin.length) || '/' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    const grouped = new Map<string, string[]>();
    for (const [name, value] of request.headers) grouped.set(name.toLowerCase(), [...(grouped.get(name.toLowerCase()) ?? []), value]);
    for (const [name, values] of grouped) req.setHeader(name, values.length === 1 ? values[0]! : values);
    req.end(body);
  });
}

describe('signRequest against moto_server, which checks signatures with botocore', () => {
  // moto rebuilds a request from its parsed form and path, so it can check only a POSTed form with its body hash in
  // x-amz-content-sha256 and no query string; the SigV4 suite covers the rest.
  let moto: MotoServer | null = null;
  beforeAll(async () => {
    moto = await startMoto();
  }, START_TIMEOUT_MS + 5000);
  afterAll(async () => {
    await moto?.stop();
  });

  async function callerIdentity(credentials: SignParams['credentials'], headers: Array<[string, string]> = []) {
    const form = 'Action=GetCallerIdentity&Version=2011-06-15';
    const { request } = await signRequest({
      request: {
        method: 'POST',
        url: `${moto!.endpoint}/`,
        headers: [['Content-Type', 'application/x-www-form-urlencoded'], ...headers],
        body: new TextEncoder().encode(form),
      },
      credentials,
      signing: { region: 'us-east-1', service: 'sts', payload: 'signed', mode: 'header', expiresIn: 900, contentSha256Header: true },
    });
    return send(request, form);
  }

  it('is answered with long-term keys, with duplicate headers, and with a session token', async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const keys = { accessKeyId: moto.admin.accessKeyId, secretAccessKey: moto.admin.secretAccessKey };
    expect((await callerIdentity(keys)).text).toContain(`<Arn>${moto.admin.arn}</Arn>`);
    expect((await callerIdentity(keys, [['X-Dup', 'b'], ['Accept', '*/*'], ['x-dup', 'a']])).text).toContain(`<Arn>${moto.admin.arn}</Arn>`);

    const assumed = await moto.query('sts', { Action: 'AssumeRole', RoleArn: 'arn:aws:iam::111111111111:role/Invoker', RoleSessionName: 'rolecall' });
    const temporary = {
      accessKeyId: xmlValue(assumed, 'AccessKeyId')!,
      secretAccessKey: xmlValue(assumed, 'SecretAccessKey')!,
      sessionToken: xmlValue(assumed, 'SessionToken')!,
    };
    expect((await callerIdentity(temporary)).text).toContain('arn:aws:sts::111111111111:assumed-role/Invoker/rolecall');
  });

  it('is refused when the secret is wrong: the server really checks', async (ctx) => {
    if (!moto) return ctx.skip(MOTO_MISSING);
    const refused = await callerIdentity({ accessKeyId: moto.admin.accessKeyId, secretAccessKey: `${moto.admin.secretAccessKey}x` });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('SignatureDoesNotMatch');
  });
});
