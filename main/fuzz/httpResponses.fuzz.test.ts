// Fuzzes what a server may answer: status lines valid and not, many, huge, duplicate and malformed headers,
// chunked bodies with bad sizes, gzip/br/deflate that does not decompress, deeply nested JSON, repeated <Error>,
// early closes and silence. Each answer goes through request:send (then response:read and response:format, as the
// viewer does). The answer must be ok or a clear error, nothing may be left unhandled, the event loop is never
// blocked past the bound, and a session token the server echoes (raw, percent-encoded, split across chunks, in an
// API Gateway signature-mismatch body) never reaches an answer, not even inside a base64 body head.
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import type { SendResult } from '../../src/models/http';
import { createApp, type App } from '../app';
import { MAX_BLOCK_MS, measureBlocking } from './eventLoopWatch';
import { clip, confirmedBlock, fuzz, kindOf, secretsIn, type Secret } from './harness';
import type { Rng } from './random';
import { startRawServer, type Answer, type RawServer, type ReceivedRequest } from './rawServer';
import { fuzzTempRoot } from './storeFiles';

const INPUTS = 220;
const TOKEN = 'IQoJb3JpZ2luX2VjEFuzzSessionToken/with+slashes+and/plus//FwoGZXIvYXdzEBYaDFuzzExampleTokenNeverShown0123456789==';
const SECRET_KEY = 'fuzzHttpSecretAccessKey/ExampleOnly+0001';
const SECRETS: Secret[] = [
  { label: 'session token', value: TOKEN },
  { label: 'secret access key', value: SECRET_KEY },
];
const ENV = { AWS_ACCESS_KEY_ID: 'AKIAFUZZHTTPEXAMPLE01', AWS_SECRET_ACCESS_KEY: SECRET_KEY, AWS_SESSION_TOKEN: TOKEN };

/** A response to plan: the parts are text or bytes; `echo` marks where the request's token goes. */
interface Plan {
  description: string;
  build(request: ReceivedRequest): Answer;
  maxInMemoryBytes?: number;
  echoesToken: boolean;
}

const ECHO = '\u0000ECHO\u0000';

function statusLine(rng: Rng, hostile: boolean): string {
  if (!hostile) return `HTTP/1.1 ${rng.pick([200, 200, 201, 204, 301, 304, 400, 403, 404, 500, 503])} ${rng.pick(['OK', 'Forbidden', 'Error', ''])}`;
  return rng.weighted<() => string>([
    [3, () => `HTTP/1.1 ${rng.pick([200, 200, 201, 204, 301, 302, 304, 400, 403, 404, 413, 500, 502, 503])} ${rng.pick(['OK', 'Forbidden', 'Error', ''])}`],
    [2, () => `HTTP/1.0 ${rng.pick([200, 403, 500])} X`],
    [1, () => `HTTP/1.1 ${rng.int(0, 1200)} ${rng.nastyString(10)}`],
    [1, () => `HTTP/1.1 ${rng.word(3)} OK`],
    [1, () => `HTTP/9.9 200 OK`],
    [1, () => rng.pick(['', 'FOO', 'ICY 200 OK', 'HTTP/1.1', 'HTTP/1.1 200\u0000OK', 'HTTP/2 200'])],
    [1, () => `HTTP/1.1 403 ${'r'.repeat(rng.int(1000, 70_000))}`],
    [1, () => `HTTP/1.1 ${rng.pick([100, 101, 103])} Informational`],
  ])();
}

function headerLines(rng: Rng, hostile: boolean): string[] {
  const lines: string[] = [];
  const many = hostile ? rng.weighted<number>([[3, rng.int(0, 12)], [1, rng.int(900, 1100)], [1, rng.int(1500, 3000)]]) : rng.int(0, 12);
  for (let i = 0; i < many; i++) {
    const valid: Array<readonly [number, () => string]> = [
      [8, () => `X-Fuzz-${i}: ${rng.word(rng.int(0, 20))}`],
      [2, () => `Set-Cookie: c${i}=${rng.word(8)}`],
      [1, () => `X-Dup: ${rng.word(4)}`],
    ];
    const invalid: Array<readonly [number, () => string]> = [
      [1, () => `${rng.nastyString(8)}: ${rng.nastyString(12)}`],
      [1, () => rng.pick(['NoColonHere', ' Leading: space', 'Name : v', 'X-Nul: a\u0000b', 'X-Obs: a\r\n folded', ': empty-name', 'X-Utf: 日本語'])],
    ];
    lines.push(rng.weighted(hostile && rng.chance(0.2) ? invalid : valid)());
  }
  if (hostile && rng.chance(0.15)) lines.push(`X-Huge: ${'h'.repeat(rng.int(10_000, 120_000))}`);
  if (rng.chance(0.3)) lines.push(`Content-Type: ${rng.pick(['application/json', 'application/xml', 'text/xml', 'text/html', 'application/x-amz-json-1.1', 'text/plain; charset=utf-16', rng.nastyString(10)])}`);
  if (rng.chance(0.15)) lines.push(`x-amzn-ErrorType: ${rng.pick(['AccessDeniedException', 'IncompleteSignatureException:http://internal.amazon.com/', rng.nastyString(20), 'x'.repeat(5000)])}`);
  return lines;
}

function bodyBytes(rng: Rng, echo: boolean): { text: string; kind: string } {
  const token = echo ? ECHO : 'no-token-here';
  return rng.weighted<() => { text: string; kind: string }>([
    [3, () => ({ text: '', kind: 'empty' })],
    [3, () => ({ text: `{"message":"${rng.word(10)}","__type":"${rng.word(6)}"}`, kind: 'AWS JSON error' })],
    [2, () => {
      const depth = rng.int(100, 6000);
      return { text: `${'['.repeat(depth)}1${']'.repeat(depth)}`, kind: `JSON arrays nested ${depth} deep` };
    }],
    [1, () => {
      const depth = rng.int(100, 3000);
      return { text: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, kind: `JSON objects nested ${depth} deep` };
    }],
    [2, () => {
      const n = rng.int(2000, 15_000);
      return { text: '<Error>'.repeat(n), kind: `<Error> repeated ${n} times, never closed` };
    }],
    [1, () => {
      const n = rng.int(500, 8000);
      return { text: `<Error><Code>SignatureDoesNotMatch</Code><Message>${'<Message>'.repeat(n)}</Message><CanonicalRequest>${'x\n'.repeat(n)}`, kind: `S3-style error with ${n} nested tags` };
    }],
    [2, () => ({ text: `{"message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\\n\\nThe Canonical String for this request should have been\\n'GET\\n/fuzz\\n\\nhost:127.0.0.1\\nx-amz-date:20250101T000000Z\\nx-amz-security-token:${token}\\n\\nhost;x-amz-date;x-amz-security-token\\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\\n\\nThe String-to-Sign should have been\\n'AWS4-HMAC-SHA256\\n20250101T000000Z\\n20250101/us-east-1/execute-api/aws4_request\\nabc'\\n"}`, kind: 'API Gateway signature mismatch quoting the token' })],
    [2, () => ({ text: `<Error><Code>SignatureDoesNotMatch</Code><Message>no</Message><CanonicalRequest>GET\n/\nX-Amz-Security-Token=${echo ? encodeURIComponent(ECHO) : 'none'}\n</CanonicalRequest><StringToSign>x</StringToSign></Error>`, kind: 'S3 signature mismatch with the token percent-encoded' })],
    [1, () => ({ text: `token=${token}&again=${token}`, kind: 'the token twice' })],
    [1, () => ({ text: rng.bytes(rng.int(1, 5000)).toString('latin1'), kind: 'random bytes' })],
    [1, () => ({ text: `${'a'.repeat(rng.int(1000, 300_000))}${token}${'b'.repeat(rng.int(0, 1000))}`, kind: 'a large body with the token late' })],
    [1, () => ({ text: `{"s":"${rng.nastyString(200).replace(/["\\]/g, '')}"}`, kind: 'JSON with odd characters' })],
  ])();
}

function plan(rng: Rng, auth: 'none' | 'env'): Plan {
  const echoesToken = auth === 'env' && rng.chance(0.6);
  const body = bodyBytes(rng, echoesToken);
  // Error bodies are parsed only on 4xx/5xx: usually give them one.
  // Most answers are valid HTTP carrying a hostile body; the rest break one or two things about the message itself.
  const broken = new Set(rng.chance(0.55) ? [] : [rng.pick(['status', 'headers', 'framing', 'encoding', 'ending']), rng.pick(['status', 'headers', 'framing', 'encoding', 'ending', 'none'])]);
  const status = /error|mismatch|token/i.test(body.kind) && rng.chance(0.7) ? `HTTP/1.1 ${rng.pick([400, 403, 500])} Error` : statusLine(rng, broken.has('status'));
  const headers = headerLines(rng, broken.has('headers'));
  if (echoesToken && rng.chance(0.3)) headers.push(`X-Echo-Token: ${ECHO}`);
  const framing = broken.has('framing')
    ? rng.pick(['length too long', 'length too short', 'two lengths', 'chunked with bad sizes'])
    : rng.weighted<string>([[5, 'length'], [3, 'chunked'], [1, 'none']]);
  const encoding = broken.has('encoding') ? rng.pick(['gzip corrupt', 'br corrupt', 'deflate corrupt']) : rng.weighted<string>([[8, 'identity'], [1, 'gzip'], [1, 'deflate'], [1, 'br']]);
  const ending = broken.has('ending') ? rng.pick<Answer['then']>(['destroy', 'hang', 'close']) : 'close';
  const cutAt = broken.has('ending') && rng.chance(0.5) ? rng.next() : undefined;
  const maxInMemoryBytes = rng.chance(0.3) ? rng.pick([1024, 4096, 65_536]) : undefined;
  const chunkSplit = rng.int(1, 64);
  const pickedSeed = rng.int(0, 2 ** 31);
  const description = [
    `status ${clip(JSON.stringify(status), 80)}`,
    `${headers.length} headers ${clip(JSON.stringify(headers.slice(0, 6)), 300)}`,
    `body: ${body.kind} (${body.text.length} chars)`,
    `framing ${framing}, encoding ${encoding}, then ${ending}${cutAt !== undefined ? `, cut at ${cutAt.toFixed(2)}` : ''}`,
    `maxInMemoryBytes ${maxInMemoryBytes ?? 'default'}, auth ${auth}${echoesToken ? ', echoes the token' : ''}`,
  ].join('; ');

  return {
    description,
    maxInMemoryBytes,
    echoesToken,
    build(request) {
      const token = request.headers['x-amz-security-token'] ?? 'no-token-was-sent';
      const fill = (text: string) => text.split(ECHO).join(token).split(encodeURIComponent(ECHO)).join(encodeURIComponent(token));
      let payload = Buffer.from(fill(body.text), 'latin1');
      if (/[^\u0000-\u00ff]/.test(body.text)) payload = Buffer.from(fill(body.text), 'utf8');
      const lines = headers.map(fill);
      if (encoding !== 'identity') {
        const [name, corrupt] = encoding.split(' ') as [string, string | undefined];
        payload = name === 'gzip' ? zlib.gzipSync(payload) : name === 'deflate' ? zlib.deflateSync(payload) : zlib.brotliCompressSync(payload);
        if (corrupt) payload = Buffer.from(payload.map((b, i) => (i % 7 === 3 ? b ^ 0x5a : b)));
        lines.push(`Content-Encoding: ${name}`);
      }
      const chunks: Buffer[] = [];
      if (framing === 'length') lines.push(`Content-Length: ${payload.length}`);
      if (framing === 'length too long') lines.push(`Content-Length: ${payload.length + 100}`);
      if (framing === 'length too short') lines.push(`Content-Length: ${Math.max(0, payload.length - 5)}`);
      if (framing === 'two lengths') lines.push(`Content-Length: ${payload.length}`, `Content-Length: ${payload.length + 1}`);
      if (framing.startsWith('chunked')) lines.push('Transfer-Encoding: chunked');
      chunks.push(Buffer.from(`${status}\r\n${lines.join('\r\n')}${lines.length ? '\r\n' : ''}\r\n`, 'latin1'));
      if (framing.startsWith('chunked')) {
        // Small chunks so an echoed token is split across them.
        for (let at = 0; at < payload.length; at += chunkSplit * 97) {
          const part = payload.subarray(at, at + chunkSplit * 97);
          const size = framing === 'chunked with bad sizes' && (pickedSeed + at) % 3 === 0 ? ['zz', '-1', (part.length + 10).toString(16), ''][(pickedSeed + at) % 4]! : part.length.toString(16);
          chunks.push(Buffer.concat([Buffer.from(`${size}\r\n`), part, Buffer.from('\r\n')]));
        }
        if (framing === 'chunked' || pickedSeed % 2 === 0) chunks.push(Buffer.from('0\r\n\r\n'));
      } else if (payload.length > 0) {
        for (let at = 0; at < payload.length; at += 16 * 1024) chunks.push(payload.subarray(at, at + 16 * 1024));
      }
      let out = chunks;
      if (cutAt !== undefined) {
        const all = Buffer.concat(chunks);
        out = [all.subarray(0, Math.floor(all.length * cutAt))];
      }
      return { chunks: out, then: ending };
    },
  };
}

describe('fuzz: HTTP responses through request:send', () => {
  let server: RawServer;
  let app: App;
  let dir: string;
  beforeAll(async () => {
    server = await startRawServer();
    dir = await mkdtemp(path.join(fuzzTempRoot(), 'rolecall-fuzz-http-'));
    app = createApp({ host: 'browser-test', env: { ...ENV, HOME: dir }, emit: () => {}, spoolDir: path.join(dir, 'spool') });
  });
  afterAll(async () => {
    await app.dispose();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Sends one request answered by `p`, then reads and formats the body as the viewer would. */
  async function exchange(p: Plan, auth: 'none' | 'env', index: number) {
    server.answer = (request) => p.build(request);
    const answers: Array<{ channel: string; result: Result<unknown> }> = [];
    const measured = await measureBlocking(async () => {
      const sent = (await app.registry.invoke('request:send', {
        request: { method: 'GET', url: `${server.url}/fuzz/${index}`, headers: [] },
        auth: auth === 'none' ? { kind: 'none' } : { kind: 'env' },
        signing: { region: 'us-east-1', service: 'execute-api' },
        timeoutMs: 400,
        ...(p.maxInMemoryBytes ? { maxInMemoryBytes: p.maxInMemoryBytes } : {}),
      })) as Result<SendResult>;
      answers.push({ channel: 'request:send', result: sent });
      if (!sent.ok) return;
      const body = sent.value.response.body;
      const source = body.spoolFile ? { kind: 'file', file: body.spoolFile } : { kind: 'inline', base64: body.headBase64 };
      if (body.spoolFile) answers.push({ channel: 'response:read', result: await app.registry.invoke('response:read', { file: body.spoolFile, offset: 0, length: 1024 * 1024 }) });
      answers.push({ channel: 'response:format', result: await app.registry.invoke('response:format', { source }) });
    });
    return { answers, threw: measured.error, blockedMs: measured.blockedMs };
  }

  it(`answers ${INPUTS} generated responses with a clear Result and no secret`, async () => {
    const outcome = await fuzz('HTTP responses', { count: INPUTS, budgetMs: 90_000, secrets: SECRETS }, async ({ rng, index, fail }) => {
      const auth = rng.chance(0.5) ? 'env' : 'none';
      const p = plan(rng, auth);
      const first = await exchange(p, auth, index);
      if (first.threw !== undefined) fail(`an IPC call threw instead of answering a Result (${clip(String(first.threw), 120)})`, p.description);
      for (const { channel, result } of first.answers) {
        if (typeof result?.ok !== 'boolean') fail(`${channel} answered something that is not a Result`, p.description);
        else if (!result.ok && result.error.code === 'INTERNAL') fail(`${channel} failed unexpectedly (INTERNAL: ${clip(result.error.detail ?? '', 100)})`, p.description);
        const leaked = secretsIn(result, SECRETS);
        if (leaked.length > 0) fail(`${channel} answered with a secret (${[...new Set(leaked.map(kindOf))].join('; ')})`, p.description);
      }
      const blocked = await confirmedBlock(first.blockedMs, async () => (await exchange(p, auth, index)).blockedMs);
      if (blocked !== undefined) fail(`request:send and reading the body blocked the event loop for over ${MAX_BLOCK_MS} ms`, `${Math.round(blocked)} ms; ${p.description}`);
    });
    expect(outcome.ran).toBeGreaterThan(0);
    expect(outcome.report).toBe('');
  }, 110_000);
});
