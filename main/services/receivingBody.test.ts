// Issue 12: a large body's first screen while the rest is still arriving. The transport tells its caller once the
// head is on disk (onReceiving) while sendRaw is still pending; a body view follows the growing spool file, and its
// line count and searches are final only once the whole body is in. A body cut short fails, never "completes".
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBodyViews, type BodyViews } from './bodyView/bodyViews';
import { growingBodyOf, RECEIVING_HEAD_BYTES } from './growingBody';
import { closeIdleConnections, sendRaw, type ReceivingNotice } from './transport';

let dir: string;
let views: BodyViews;
let server: http.Server | undefined;
// The layout as the app runs it, on its worker (which sleeps on the growing body), besides in this thread.
let workerDir: string;
const workerScript = () => path.join(workerDir, 'layoutWorker.cjs');

beforeAll(() => {
  workerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-layout-worker-'));
  buildSync({ entryPoints: [path.join(__dirname, 'bodyView', 'layoutWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerScript(), logLevel: 'warning' });
});
afterAll(() => fs.rmSync(workerDir, { recursive: true, force: true }));

function setUp(onWorker: boolean) {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-receiving-'));
    fs.chmodSync(dir, 0o700);
    views = createBodyViews({ spoolDir: dir, layoutScript: onWorker ? workerScript() : path.join(dir, 'no-worker.cjs') });
  });
}
afterEach(async () => {
  await views.dispose();
  closeIdleConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const ITEMS = 8000;
const body = JSON.stringify(Array.from({ length: ITEMS }, (_, i) => ({ id: i, name: `item-${i}` })));
const HEAD = 80 * 1024;

/** A server that sends the headers and the first HEAD bytes, then waits for the test: `finish` or `cut`. */
async function pausingServer() {
  let reply: http.ServerResponse | undefined;
  let headSent!: () => void;
  const paused = new Promise<void>((resolve) => (headSent = resolve));
  server = http.createServer((_req, res) => {
    reply = res;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
    res.write(body.slice(0, HEAD), () => headSent());
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/big`,
    paused,
    finish: () => reply!.end(body.slice(HEAD)),
    cut: () => reply!.socket?.destroy(),
  };
}

/** Sends, resolving `notice` on the early notice; `settled` says whether sendRaw has answered yet. */
function send(url: string, maxInMemoryBytes: number, signal?: AbortSignal) {
  let noticed!: (n: ReceivingNotice) => void;
  const notice = new Promise<ReceivingNotice>((resolve) => (noticed = resolve));
  const state = { settled: false };
  const answer = sendRaw({ method: 'GET', url, headers: [] }, new Uint8Array(), { timeoutMs: 10_000, maxInMemoryBytes, spoolDir: dir, onReceiving: noticed, ...(signal ? { signal } : {}) });
  void answer.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return { notice, answer, state };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 4000; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('never reached');
}

describe.each([
  ['in this thread', false],
  ['on the layout worker', true],
])('a body still arriving, laid out %s', (_where, onWorker) => {
  setUp(onWorker);
  it('is answered early with its head, and its view reaches the whole body with final counts only after the end', async () => {
    const s = await pausingServer();
    const sending = send(s.url, 128 * 1024);
    const notice = await sending.notice;
    await s.paused;
    expect(sending.state.settled).toBe(false);
    expect(notice.response.status).toBe(200);
    expect(notice.received()).toBeGreaterThanOrEqual(RECEIVING_HEAD_BYTES);
    const file = notice.response.body.spoolFile;
    expect(growingBodyOf(file)?.state()).toBe('receiving');

    const first = await views.open({ file, mode: 'pretty', contentType: 'application/json', lines: 4 });
    expect(first.lines).toEqual(['[', '  {', '    "id": 0,', '    "name": "item-0"']);
    // Lines past the first screen's preview (at most 1,000) are laid out from what has arrived, the body still held.
    const beyond = await until(
      () => views.lines({ viewId: first.viewId, from: 2001, count: 4 }),
      (w) => w.lines.length === 4,
    );
    expect(beyond.lines).toEqual(['  {', '    "id": 500,', '    "name": "item-500"', '  },']);
    expect(beyond.done).toBe(false);
    const { searchId } = views.search({ viewId: first.viewId, query: 'item-', matchCase: false });
    // The layout takes in all that has arrived and waits; neither the count nor the search is final meanwhile.
    const stalled = await until(
      () => views.lines({ viewId: first.viewId, from: 0, count: 0 }),
      (w) => w.totalLines > 1000,
    );
    expect(stalled.done).toBe(false);
    expect(views.match({ viewId: first.viewId, searchId }).done).toBe(false);
    expect(sending.state.settled).toBe(false);

    s.finish();
    const response = await sending.answer;
    expect(response.body.size).toBe(Buffer.byteLength(body));
    expect(response.body.complete).toBe(false);
    expect(response.body.spoolFile).toBe(file);
    expect(growingBodyOf(file)).toBeUndefined();

    const done = await until(() => views.lines({ viewId: first.viewId, from: 0, count: 0 }), (w) => w.done);
    expect(done.failed).toBeUndefined();
    expect(done.totalLines).toBe(ITEMS * 4 + 2);
    const end = await views.lines({ viewId: first.viewId, from: done.totalLines - 2, count: 10 });
    expect(end.lines).toEqual(['  }', ']']);
    const found = await until(async () => views.match({ viewId: first.viewId, searchId }), (m) => m.done);
    expect(found.count).toBe(ITEMS);
  });

  it('fails the send and the view when the connection drops mid-body, rather than showing a cut body as complete', async () => {
    const s = await pausingServer();
    const sending = send(s.url, 128 * 1024);
    const notice = await sending.notice;
    await s.paused;
    const file = notice.response.body.spoolFile;
    const first = await views.open({ file, mode: 'pretty', lines: 4 });
    expect(first.done).toBe(false);
    const { searchId } = views.search({ viewId: first.viewId, query: 'item-', matchCase: false });

    s.cut();
    await expect(sending.answer).rejects.toMatchObject({ code: 'CONNECTION_RESET' });
    const w = await until(() => views.lines({ viewId: first.viewId, from: 0, count: 0 }), (x) => x.done);
    expect(w.failed).toMatch(/stopped before the whole body arrived/);
    expect(growingBodyOf(file)).toBeUndefined();
    // No count of the part that came is ever given as the search's answer.
    const searched = await until(
      async () => {
        try {
          return views.match({ viewId: first.viewId, searchId });
        } catch (err) {
          return err as Error;
        }
      },
      (m) => m instanceof Error || m.done,
    );
    expect(searched).toBeInstanceOf(Error);
    expect((searched as Error).message).toMatch(/could not read the body/);
  });

  it('fails the view of a send cancelled mid-body, and removes its file', async () => {
    const s = await pausingServer();
    const controller = new AbortController();
    const sending = send(s.url, 128 * 1024, controller.signal);
    const notice = await sending.notice;
    await s.paused;
    const file = notice.response.body.spoolFile;
    const first = await views.open({ file, mode: 'pretty', lines: 4 });

    controller.abort();
    await expect(sending.answer).rejects.toMatchObject({ code: 'CANCELLED' });
    const w = await until(() => views.lines({ viewId: first.viewId, from: 0, count: 0 }), (x) => x.done);
    expect(w.failed).toMatch(/stopped before the whole body arrived/);
    await until(async () => fs.existsSync(file), (exists) => !exists);
  });

  it('answers a body that ends up within the in-memory limit from memory, its early file removed', async () => {
    const s = await pausingServer();
    const sending = send(s.url, 1024 * 1024);
    const notice = await sending.notice;
    await s.paused;
    s.finish();
    const response = await sending.answer;
    expect(response.body.complete).toBe(true);
    expect(response.body.spoolFile).toBeUndefined();
    expect(Buffer.from(response.body.headBase64, 'base64').toString('utf8')).toBe(body);
    expect(fs.existsSync(notice.response.body.spoolFile)).toBe(false);
  });
});
