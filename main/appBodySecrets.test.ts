// A server that echoes the session token (API Gateway quotes the canonical request, token included, in its
// SignatureDoesNotMatch body) must not hand it to the page: not in the body head, not in a spooled body read in
// slices, formatted or saved. Checked through the app's channels, as the renderer sees them.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/errors';
import type { SendResult } from '../src/models/http';
import { createApp, type App } from './app';
import { closeIdleConnections } from './services/transport';

const TOKEN = 'IQoJb3JpZ2luX2VjEOr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+abc/def+ghi==';
const SECRET = 'bodySecretKeyNeverInAnyBody/K7MDENG+bPxRfi';
const ENV = { AWS_ACCESS_KEY_ID: 'AKIABODYSECRETEXAMPLE', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN };

const percent = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** Every form the token takes in a body we can think of, and which must therefore never reach the page. */
const FORMS = [
  TOKEN,
  percent(TOKEN),
  percent(TOKEN).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
  TOKEN.replace(/\//g, '\\/'),
  JSON.stringify(TOKEN).slice(1, -1),
  SECRET,
  percent(SECRET),
];

function leaks(text: string): string[] {
  return FORMS.filter((form) => text.includes(form));
}

/** The body echoing the token in every form, as API Gateway's canonical request and a JSON echo would. */
function echoText(): string {
  return [
    'The canonical string for this request should have been',
    `'GET\n/\n\nhost:127.0.0.1\nx-amz-security-token:${TOKEN}\n'`,
    `query: X-Amz-Security-Token=${percent(TOKEN)}&lower=${percent(TOKEN).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`,
    `json: {"token":"${TOKEN.replace(/\//g, '\\/')}","secret":"${SECRET}"}`,
    '',
  ].join('\n');
}

let server: http.Server;
let base = '';
let dir = '';
let app: App;
const saved: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-body-secrets-'));
  server = http.createServer((req, res) => {
    if (req.url === '/small') {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end(echoText());
      return;
    }
    // 300 KiB of filler with the echo in the middle, written in two pieces cut inside the token, with a pause
    // between them so that they arrive as separate chunks.
    const filler = 'x'.repeat(150 * 1024);
    const whole = Buffer.from(`${filler}${echoText()}${filler}${echoText()}`);
    const cut = filler.length + echoText().indexOf(TOKEN) + 20;
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(whole.length) });
    res.write(whole.subarray(0, cut));
    setTimeout(() => res.end(whole.subarray(cut)), 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = createApp({
    host: 'browser',
    env: ENV,
    emit: () => {},
    spoolDir: path.join(dir, 'spool'),
    chooseSavePath: async (name) => {
      const target = path.join(dir, `saved-${saved.length}-${name}`);
      saved.push(target);
      return target;
    },
  });
});

afterAll(async () => {
  closeIdleConnections();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await app.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}\n${result.error.detail ?? ''}`);
  return result.value as T;
}

async function send(pathName: string): Promise<SendResult> {
  const input = { request: { method: 'GET', url: `${base}${pathName}` }, auth: { kind: 'env' }, signing: { region: 'us-east-1', service: 'execute-api' }, maxInMemoryBytes: 64 * 1024 };
  return value<SendResult>(await app.registry.invoke('request:send', input));
}

describe('secrets a server echoes in the body', () => {
  it('are masked in a small body held in memory, in every encoding', async () => {
    const result = await send('/small');
    expect(result.response.body.complete).toBe(true);
    const body = Buffer.from(result.response.body.headBase64, 'base64').toString('utf8');
    expect(body).toContain('x-amz-security-token:');
    expect(body).toContain('redacted');
    expect(leaks(body)).toEqual([]);
    expect(leaks(JSON.stringify(result))).toEqual([]);
    // The size still says how much came, and the mask keeps every other byte where it was.
    expect(result.response.body.size).toBe(Buffer.byteLength(echoText()));
  });

  it('are masked in a spooled body, even cut across chunks: read, format and save', async () => {
    const result = await send('/large');
    const { body } = result.response;
    expect(body.complete).toBe(false);
    expect(body.spoolFile).toBeTruthy();
    expect(leaks(JSON.stringify(result))).toEqual([]);
    expect(leaks(Buffer.from(body.headBase64, 'base64').toString('utf8'))).toEqual([]);

    let text = '';
    for (let offset = 0, eof = false, n = 0; !eof && n < 100; n++) {
      const slice = value<{ base64: string; eof: boolean }>(await app.registry.invoke('response:read', { file: body.spoolFile, offset, length: 64 * 1024 }));
      const bytes = Buffer.from(slice.base64, 'base64');
      text += bytes.toString('latin1');
      offset += bytes.length;
      eof = slice.eof;
    }
    expect(text.length).toBe(body.size);
    expect(text).toContain('x-amz-security-token:');
    expect(leaks(text)).toEqual([]);

    const formatted = await app.registry.invoke('response:format', { source: { kind: 'file', file: body.spoolFile } });
    expect(leaks(JSON.stringify(formatted))).toEqual([]);

    value(await app.registry.invoke('response:save', { source: { kind: 'file', file: body.spoolFile }, suggestedName: 'body.txt' }));
    const written = fs.readFileSync(saved.at(-1)!, 'latin1');
    expect(written.length).toBe(body.size);
    expect(leaks(written)).toEqual([]);
  });
});
