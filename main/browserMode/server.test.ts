// Browser mode's server in-process on a free 127.0.0.1 port: what it refuses (no token, a rebound Host, another
// Origin, paths outside the bundle) and that, with the token, the contract's channels and events work over the one
// socket, the page carries the desktop CSP, and the token is in neither the served files nor the store.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { MfaPrompt } from '../../src/contract';
import type { Result } from '../../src/errors';
import { openConfStore } from '../services/confStore';
import { within } from '../testing/settle';
import { BOOTSTRAP_PATH, startBrowserServer, type BrowserServer } from './server';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be whatever an attacker's browser would send. */
function send(port: number, method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: pathname, headers, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens the socket with the given headers: resolves open, or the HTTP status the upgrade was refused with. */
function connect(port: number, headers: Record<string, string>): Promise<{ ws?: WebSocket; refused?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers, handshakeTimeout: 5000 });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ refused: -1 }));
  });
}

interface Download {
  url: string;
  name: string;
}

function caller(ws: WebSocket) {
  let next = 1;
  const events: Array<{ event: string; payload: unknown }> = [];
  const picks: Array<{ pickId: string; title: string }> = [];
  const downloads: Download[] = [];
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: Result<unknown>; downloads?: Download[]; event?: string; payload?: unknown; pick?: { pickId: string; title: string } };
    if (message.event) events.push({ event: message.event, payload: message.payload });
    else if (message.pick) picks.push(message.pick);
    else if (message.id !== undefined && message.result) {
      downloads.push(...(message.downloads ?? []));
      waiting.get(message.id)?.(message.result);
    }
  });
  return {
    events,
    picks,
    downloads,
    /** Waits (bounded) for main to ask this page for a file. */
    async nextPick(): Promise<{ pickId: string; title: string }> {
      for (let i = 0; i < 100 && !picks.length; i += 1) await new Promise((r) => setTimeout(r, 20));
      const pick = picks.shift();
      if (!pick) throw new Error('main never asked for a file');
      return pick;
    },
    call: (channel: string, request: unknown) =>
      new Promise<Result<unknown>>((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, request }));
      }),
  };
}

describe('browser mode server', () => {
  let dir: string;
  let storeDir: string;
  let server: BrowserServer;
  let token: string;
  let own: Record<string, string>;
  let cookie: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rolecall-browser-'));
    const renderer = path.join(dir, 'renderer');
    await mkdir(path.join(renderer, 'assets'), { recursive: true });
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>RoleCall</title><script type="module" src="./assets/app.js"></script></head><body></body></html>');
    await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log("app")');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the bundle');
    await writeFile(path.join(dir, 'config'), '[profile caller]\nregion = us-east-1\n\n[profile mfa]\nrole_arn = arn:aws:iam::111111111111:role/Mfa\nsource_profile = caller\nmfa_serial = arn:aws:iam::123456789012:mfa/browser\n');
    await writeFile(path.join(dir, 'credentials'), '[caller]\naws_access_key_id = AKIABROWSEREXAMPLE01\naws_secret_access_key = browserModeSecretKey/0001\n');
    const bundled = await build({ entryPoints: [path.join(__dirname, 'bootstrap.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
    storeDir = path.join(dir, 'store');
    const store = openConfStore(storeDir);
    server = await startBrowserServer({
      rendererDir: renderer,
      bootstrapJs: bundled.outputFiles[0]!.text,
      app: {
        env: { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') },
        stsEndpoint: 'http://127.0.0.1:9',
        spoolDir: path.join(dir, 'spool'),
        store: store.backend,
        collectionFiles: store.collectionFiles,
        folderWatch: false,
      },
    });
    token = new URL(server.launchUrl).hash.replace('#token=', '');
    own = { host: `127.0.0.1:${server.port}`, origin: server.origin };
    const session = await send(server.port, 'POST', '/session', { ...own, 'content-type': 'application/json' }, JSON.stringify({ token }));
    expect(session.status).toBe(204);
    cookie = String(session.headers['set-cookie']?.[0]).split(';')[0]!;
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints one URL on 127.0.0.1 with a 32-byte token in its fragment', () => {
    const url = new URL(server.launchUrl);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('sets the session as an HttpOnly, SameSite=Strict cookie, and never for a wrong token or another Origin', async () => {
    const session = await send(server.port, 'POST', '/session', own, JSON.stringify({ token }));
    expect(String(session.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const wrong = await send(server.port, 'POST', '/session', own, JSON.stringify({ token: `${token}x` }));
    expect([wrong.status, wrong.headers['set-cookie']]).toEqual([403, undefined]);
    const foreign = await send(server.port, 'POST', '/session', { ...own, origin: 'https://evil.example' }, JSON.stringify({ token }));
    expect([foreign.status, foreign.headers['set-cookie']]).toEqual([403, undefined]);
    const rebound = `evil.example:${server.port}`;
    const rebind = await send(server.port, 'POST', '/session', { host: rebound, origin: `http://${rebound}` }, JSON.stringify({ token }));
    expect([rebind.status, rebind.headers['set-cookie']]).toEqual([403, undefined]);
    const noOrigin = await send(server.port, 'POST', '/session', { host: own.host! }, JSON.stringify({ token }));
    expect(noOrigin.status).toBe(403);
  });

  it('refuses the socket without the session, with a wrong Host, or from another Origin', async () => {
    expect((await connect(server.port, own)).refused).toBe(401);
    expect((await connect(server.port, { ...own, cookie: `rolecall-session-${server.port}=${token}` })).refused).toBe(401);
    expect((await connect(server.port, { ...own, cookie, host: `evil.example:${server.port}` })).refused).toBe(403);
    // DNS rebinding proper: the attacker's page is same-origin with the name it rebound, so Origin matches Host.
    const rebound = `evil.example:${server.port}`;
    expect((await connect(server.port, { cookie, host: rebound, origin: `http://${rebound}` })).refused).toBe(403);
    expect((await connect(server.port, { ...own, cookie, origin: 'https://evil.example' })).refused).toBe(403);
    expect((await connect(server.port, { host: own.host!, cookie })).refused).toBe(403);
  });

  it('refuses plain HTTP under a rebound Host name and sends no CORS headers', async () => {
    const rebound = await send(server.port, 'GET', '/', { host: `evil.example:${server.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('RoleCall');
    const page = await send(server.port, 'GET', '/', { host: `localhost:${server.port}`, origin: 'https://evil.example' });
    expect(page.status).toBe(200);
    expect(Object.keys(page.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('serves the index with the desktop CSP plus its own socket, and the bootstrap ahead of the app', async () => {
    const page = await send(server.port, 'GET', '/', own);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body.indexOf(BOOTSTRAP_PATH)).toBeGreaterThan(-1);
    expect(page.body.indexOf(BOOTSTRAP_PATH)).toBeLessThan(page.body.indexOf('./assets/app.js'));
    const script = await send(server.port, 'GET', '/assets/app.js', own);
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('makes the page once and serves that to every load', async () => {
    const first = await send(server.port, 'GET', '/index.html', own);
    const file = path.join(dir, 'renderer', 'index.html');
    const original = await readFile(file, 'utf8');
    await writeFile(file, '<!doctype html><title>changed</title>');
    try {
      const again = await send(server.port, 'GET', '/', own);
      expect([again.status, again.body]).toEqual([200, first.body]);
      expect(String(again.headers['content-security-policy'])).toContain(`ws://127.0.0.1:${server.port}`);
    } finally {
      await writeFile(file, original);
    }
  });

  it('refuses paths outside the bundle', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '//secret.txt']) {
      const reply = await send(server.port, 'GET', p, own);
      expect(reply.status, p).toBe(404);
      expect(reply.body, p).not.toContain('outside the bundle');
    }
  });

  it('answers app:info and profiles:list over the socket, and carries an MFA prompt and its answer', async () => {
    const { ws } = await connect(server.port, { ...own, cookie });
    expect(ws).toBeDefined();
    const api = caller(ws!);
    const info = await api.call('app:info', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'browser' } });
    const profiles = await api.call('profiles:list', {});
    expect(profiles.ok && (profiles.value as { profiles: Array<{ name: string }> }).profiles.map((p) => p.name)).toEqual(expect.arrayContaining(['caller', 'mfa']));

    const identity = api.call('credentials:whoami', { auth: { kind: 'profile', profile: 'mfa' } });
    let prompt: MfaPrompt | undefined;
    for (let i = 0; i < 100 && !prompt; i += 1) {
      prompt = api.events.find((e) => e.event === 'mfa:prompt')?.payload as MfaPrompt | undefined;
      if (!prompt) await new Promise((r) => setTimeout(r, 50));
    }
    expect(prompt?.mfaSerial).toBe('arn:aws:iam::123456789012:mfa/browser');
    expect(await api.call('mfa:answer', { promptId: prompt!.promptId, cancel: true })).toEqual({ ok: true, value: { accepted: true } });
    const answered = await within(identity, 10_000);
    expect(answered !== 'hung' && answered.ok).toBe(false);
    expect(answered).not.toBe('hung');
    ws!.close();
  });

  it('keeps the token out of the served page and script and out of every store file', async () => {
    const { ws } = await connect(server.port, { ...own, cookie });
    const api = caller(ws!);
    expect((await api.call('tabs:save', { open: [] })).ok).toBe(true);
    ws!.close();
    for (const p of ['/', '/index.html', BOOTSTRAP_PATH, '/assets/app.js']) expect((await send(server.port, 'GET', p, own)).body, p).not.toContain(token);
    const files = (await readdir(storeDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(await readFile(path.join(f.parentPath, f.name), 'utf8'), f.name).not.toContain(token);
  });

  it('degrades the desktop-only features with a message: stored keys, save and open dialogs', async () => {
    const { ws } = await connect(server.port, { ...own, cookie });
    const api = caller(ws!);
    const keys = await api.call('keys:save', { name: 'team', accessKeyId: 'AKIABROWSEREXAMPLE02', secretAccessKey: 'browserKeyThatMustNotBeStored/02' });
    expect(keys.ok ? '' : `${keys.error.code}: ${keys.error.message} ${keys.error.detail}`).toMatch(/^CREDENTIALS_ERROR: .*will not store them.*use an AWS profile/);
    const folder = await api.call('folders:open', {});
    expect(folder.ok ? '' : `${folder.error.code}: ${folder.error.message}`).toMatch(/^FILE_ERROR: Start RoleCall with `rolecall ui --folder PATH` to open a collection folder in the browser.*No folder is open now\.$/);
    ws!.close();
    const files = (await readdir(storeDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    for (const f of files) expect(await readFile(path.join(f.parentPath, f.name), 'utf8'), f.name).not.toContain('browserKeyThatMustNotBeStored');
  });

  it('saves a body as a one-time browser download of exactly those bytes, and names the download in the result', async () => {
    const { ws } = await connect(server.port, { ...own, cookie });
    const api = caller(ws!);
    const bytes = Buffer.from([0, 1, 2, 0xff, 0x41]);
    const saved = await api.call('response:save', { source: { kind: 'inline', base64: bytes.toString('base64') }, suggestedName: '../../body ü.bin' });
    expect(saved).toEqual({ ok: true, value: { cancelled: false, path: "your browser's downloads (body ü.bin)" } });
    expect(api.downloads.map((d) => d.name)).toEqual(['body ü.bin']);
    const url = api.downloads[0]!.url;
    // Without the session cookie it is not there; with it, once.
    expect((await send(server.port, 'GET', url, own)).status).toBe(404);
    const got = await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: url, headers: { ...own, cookie }, timeout: 5000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(got.status).toBe(200);
    expect(got.body.equals(bytes)).toBe(true);
    expect(got.headers['content-disposition']).toBe(`attachment; filename="body _.bin"; filename*=UTF-8''${encodeURIComponent('body ü.bin')}`);
    expect((await send(server.port, 'GET', url, { ...own, cookie })).status).toBe(404);
    ws!.close();
  });

  it('takes a body file as an upload to the page that asked, and hands out a handle for the uploaded bytes only', async () => {
    const { ws } = await connect(server.port, { ...own, cookie });
    const api = caller(ws!);
    const chosen = api.call('files:choose', { title: 'Pick the body' });
    const pick = await api.nextPick();
    expect(pick.title).toBe('Pick the body');
    // Another origin, or no session, cannot fill the pick; an unknown pick is not there.
    const upload = `/upload/${pick.pickId}?name=${encodeURIComponent('data.bin')}`;
    expect((await send(server.port, 'POST', upload, { ...own, cookie, origin: 'https://evil.example' }, 'evil')).status).toBe(403);
    expect((await send(server.port, 'POST', upload, own, 'evil')).status).toBe(403);
    expect((await send(server.port, 'POST', `/upload/nope?name=x`, { ...own, cookie }, 'x')).status).toBe(404);
    expect((await send(server.port, 'POST', upload, { ...own, cookie }, 'picked bytes')).status).toBe(204);
    const result = await within(chosen, 5000);
    expect(result).toMatchObject({ ok: true, value: { cancelled: false, name: 'data.bin', size: 12 } });
    const file = (result as { value: { path: string; handle: string } }).value;
    expect(await readFile(file.path, 'utf8')).toBe('picked bytes');
    // One upload per pick.
    expect((await send(server.port, 'POST', upload, { ...own, cookie }, 'again')).status).toBe(404);

    // The user closes the picker: the call ends as cancelled; a page that goes away cancels too.
    const cancelled = api.call('files:choose', {});
    ws!.send(JSON.stringify({ pickCancelled: (await api.nextPick()).pickId }));
    expect(await within(cancelled, 5000)).toEqual({ ok: true, value: { cancelled: true } });
    // An import from a file is the same upload.
    const imported = api.call('import:preview', { source: { kind: 'dialog' } });
    const importPick = await api.nextPick();
    const curl = "curl 'https://abc.execute-api.us-east-1.amazonaws.com/prod/items'";
    expect((await send(server.port, 'POST', `/upload/${importPick.pickId}?name=items.sh`, { ...own, cookie }, curl)).status).toBe(204);
    expect(await within(imported, 5000)).toMatchObject({ ok: true, value: { cancelled: false } });
    ws!.close();
  });

  it('refuses a frame of another origin at the registry too', async () => {
    const foreign = await server.app.registry.invoke('app:info', {}, { senderUrl: 'https://evil.example/' });
    expect(foreign.ok ? '' : foreign.error.code).toBe('FORBIDDEN_SENDER');
  });
});
