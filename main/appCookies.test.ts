// The workspace cookie jar through request:send, as the window uses it: a loopback server sets and echoes cookies;
// the jar keeps them (redirect hops too), sends them back (before signing, so a signed request still verifies),
// shows the window names but not values, and keeps them on disk only encrypted.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CookieList } from '../src/models/cookies';
import type { SendResult, SignResult } from '../src/models/http';
import { EXAMPLE_KEYS, header, verifySigV4 } from '../e2e/harness/sigv4Verifier';
import type { App } from './app';
import { startEchoServer, type EchoServer, type RecordedRequest } from './testing/echoServer';
import { createProcessCipher } from './testing/processCipher';
import { openTestApp } from './testing/testApp';

const SESSION = 'sess-7f3a9c1e5b';

let server: EchoServer;
beforeAll(async () => {
  server = await startEchoServer((req: RecordedRequest) => {
    const path = req.url.split('?')[0];
    if (path === '/login') return { status: 200, headers: [['Set-Cookie', `sid=${SESSION}; Path=/; HttpOnly`]], body: 'ok' };
    if (path === '/hop') return { status: 302, headers: [['Set-Cookie', 'hop=went-through; Path=/'], ['Location', '/landing']] };
    if (path === '/go') return { status: 302, headers: [['Location', decodeURIComponent(req.url.split('?to=')[1] ?? '')]] };
    return { status: 200, body: `cookie: ${header(req, 'cookie') ?? '(none)'}` };
  });
});
afterAll(async () => {
  await server.stop();
});

let dir: string;
const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(options: Parameters<typeof openTestApp>[1] = {}): Promise<App> {
  dir ||= await mkdtemp(join(tmpdir(), 'rolecall-cookies-'));
  const app = openTestApp(dir, { awsFilesWatch: false, folderWatch: false, ...options });
  apps.push(app);
  return app;
}

const plain = (path: string, headers: Array<[string, string]> = []) => ({
  request: { method: 'GET', url: `${server.url}${path}`, headers, body: { kind: 'none' } },
  auth: { kind: 'none' },
});

async function send(app: App, input: unknown): Promise<SendResult> {
  const result = await app.registry.invoke('request:send', input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as SendResult;
}
async function call<T>(app: App, channel: string, input: unknown = {}): Promise<T> {
  const result = await app.registry.invoke(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
const lastCookie = () => header(server.requests.at(-1)!, 'cookie');

async function filesText(root: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return text;
}

describe('the cookie jar through request:send', () => {
  it('keeps what a response sets and sends it next time, the value masked in what the window is shown', async () => {
    const app = await open({ cipher: createProcessCipher() });
    await send(app, plain('/login'));
    const next = await send(app, plain('/me'));
    expect(lastCookie()).toBe(`sid=${SESSION}`);
    expect(next.sent.request.headers).toContainEqual(['Cookie', `sid=«redacted: cookie, ${SESSION.length} chars»`]);
    const list = await call<CookieList>(app, 'cookies:list');
    expect(list.cookies.map((c) => [c.domain, c.path, c.name, c.httpOnly])).toEqual([['127.0.0.1', '/', 'sid', true]]);
    expect(JSON.stringify(list)).not.toContain(SESSION);
    expect(await call(app, 'cookies:reveal', { domain: '127.0.0.1', path: '/', name: 'sid' })).toEqual({ value: SESSION });
  });

  it('lets a typed Cookie header win for its own names and merges the rest into it', async () => {
    const app = await open();
    await send(app, plain('/login'));
    await call(app, 'cookies:set', { domain: '127.0.0.1', name: 'theme', value: 'dark' });
    await send(app, plain('/me', [['Cookie', 'sid=typed']]));
    expect(lastCookie()).toBe('sid=typed; theme=dark');
  });

  it('keeps a cookie a redirect hop sets and sends it on the next hop', async () => {
    const app = await open();
    const result = await send(app, { ...plain('/hop'), followRedirects: true });
    expect(result.response.status).toBe(200);
    expect(server.requests.at(-1)!.url).toBe('/landing');
    expect(lastCookie()).toBe('hop=went-through');
  });

  it('sends a redirect to another host only that host\'s cookies, never the first host\'s', async () => {
    const other = await startEchoServer((req: RecordedRequest) => ({ status: 200, body: `cookie: ${header(req, 'cookie') ?? '(none)'}` }));
    try {
      const elsewhere = other.url.replace('127.0.0.1', 'localhost');
      const app = await open();
      await send(app, plain('/login'));
      await call(app, 'cookies:set', { domain: 'localhost', name: 'theirs', value: 'local' });
      const result = await send(app, { ...plain(`/go?to=${encodeURIComponent(`${elsewhere}/landing`)}`), followRedirects: true });
      expect(result.response.status).toBe(200);
      expect(other.requests.map((r) => [r.url, header(r, 'cookie')])).toEqual([['/landing', 'theirs=local']]);
    } finally {
      await other.stop();
    }
  });

  it('adds the cookie before signing, so a signed request with a jar cookie verifies', async () => {
    const app = await open({ env: { AWS_ACCESS_KEY_ID: EXAMPLE_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: EXAMPLE_KEYS.secretAccessKey } });
    await send(app, plain('/login'));
    const signed = await send(app, {
      ...plain('/me'),
      auth: { kind: 'env' },
      signing: { region: 'eu-west-1', service: 'execute-api', payload: 'signed', mode: 'header', expiresIn: 900 },
    });
    const received = server.requests.at(-1)!;
    expect(header(received, 'cookie')).toBe(`sid=${SESSION}`);
    const verdict = await verifySigV4(received, EXAMPLE_KEYS);
    expect(verdict.reason).toBeUndefined();
    expect(verdict.ok).toBe(true);
    expect(verdict.signedHeaders).toContain('cookie');
    expect(JSON.stringify(signed.sent)).not.toContain(SESSION);
    expect(signed.sent.explanation?.canonicalRequest).toContain('cookie:sid=«redacted: cookie');
    const preview = await call<SignResult>(app, 'request:sign', { ...plain('/me'), auth: { kind: 'env' }, signing: { region: 'eu-west-1', service: 'execute-api', payload: 'signed', mode: 'header', expiresIn: 900 } });
    expect(preview.request.headers).toContainEqual(['Cookie', `sid=«redacted: cookie, ${SESSION.length} chars»`]);
    expect(preview.explanation?.signedHeaders).toContain('cookie');
    expect(JSON.stringify(preview)).not.toContain(SESSION);
  });

  it('edits, deletes and clears through the channels, and the next send follows', async () => {
    const app = await open();
    await send(app, plain('/login'));
    await call(app, 'cookies:set', { domain: '127.0.0.1', path: '/', name: 'sid', value: 'edited', hostOnly: true, previous: { domain: '127.0.0.1', path: '/', name: 'sid' } });
    await send(app, plain('/me'));
    expect(lastCookie()).toBe('sid=edited');
    expect(await call(app, 'cookies:delete', { domain: '127.0.0.1', path: '/', name: 'sid' })).toEqual({ deleted: true });
    await send(app, plain('/login'));
    expect(await call(app, 'cookies:clear', { domain: '127.0.0.1' })).toEqual({ cleared: 1 });
    await send(app, plain('/me'));
    expect(lastCookie()).toBeUndefined();
    await send(app, plain('/login'));
    expect(await call(app, 'cookies:clear', {})).toEqual({ cleared: 1 });
    expect((await call<CookieList>(app, 'cookies:list')).cookies).toEqual([]);
  });

  it('refuses a malformed cookie with a sentence, not schema text', async () => {
    const app = await open();
    const result = await app.registry.invoke('cookies:set', { domain: '127.0.0.1', name: 'bad name', value: 'x' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(/cookie name has no spaces/);
  });
});

describe('the jar at rest', () => {
  it('is written encrypted: the store files never hold a cookie value, and a restart gets the jar back', async () => {
    const cipher = createProcessCipher();
    const first = await open({ cipher });
    await send(first, plain('/login'));
    await first.dispose();
    apps.splice(apps.indexOf(first), 1);
    const onDisk = await filesText(dir);
    expect(onDisk).toContain('cookieJar');
    expect(onDisk).not.toContain(SESSION);
    const again = await open({ cipher });
    expect((await call<CookieList>(again, 'cookies:list')).persisted).toBe(true);
    await send(again, plain('/me'));
    expect(lastCookie()).toBe(`sid=${SESSION}`);
  });

  it('without encryption stays in memory only', async () => {
    const first = await open();
    await send(first, plain('/login'));
    expect((await call<CookieList>(first, 'cookies:list')).persisted).toBe(false);
    await first.dispose();
    apps.splice(apps.indexOf(first), 1);
    expect(await filesText(dir)).not.toContain(SESSION);
    const again = await open();
    expect((await call<CookieList>(again, 'cookies:list')).cookies).toEqual([]);
  });
});
