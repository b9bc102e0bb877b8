// request:receiving through the app, as the window sees it: a send with a requestId whose body is still arriving
// emits the response's head (status, headers, spool file, first screen) before request:send answers, then the bytes so far;
// secrets the server echoes in a header are masked there as in the answer, and nothing follows the answer.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestReceiving } from '../src/contract';
import type { Result } from '../src/errors';
import type { BodyWindow } from '../src/models/bodyView';
import type { SendResult } from '../src/models/http';
import { createApp, type App } from './app';
import { closeIdleConnections } from './services/transport';

const TOKEN = 'IQoJb3JpZ2luX2VjEOr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+receiving==';
const ENV = { AWS_ACCESS_KEY_ID: 'AKIARECEIVINGEXAMPLE', AWS_SECRET_ACCESS_KEY: 'receivingSecretKey/K7MDENG+bPxRfi', AWS_SESSION_TOKEN: TOKEN };
const BODY = 'x'.repeat(300 * 1024);

let server: http.Server;
let base = '';
let dir = '';
let app: App;
const events: RequestReceiving[] = [];
/** Ends the body the server holds back. */
const paused: { finish?: () => void } = {};
const finishBody = () => paused.finish?.();
let headSent: Promise<void>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-app-receiving-'));
  let sent!: () => void;
  headSent = new Promise((resolve) => (sent = resolve));
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Echo-Token': TOKEN, 'Content-Length': String(BODY.length) });
    res.write(BODY.slice(0, 100 * 1024), () => sent());
    paused.finish = () => res.end(BODY.slice(100 * 1024));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = createApp({
    host: 'browser',
    env: ENV,
    emit: (event, payload) => {
      if (event === 'request:receiving') events.push(payload as RequestReceiving);
    },
    spoolDir: path.join(dir, 'spool'),
  });
});

afterAll(async () => {
  closeIdleConnections();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await app.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('request:receiving', () => {
  it('tells the window about a body still arriving before the send answers, masked, and stops at the answer', async () => {
    const input = {
      request: { method: 'GET', url: `${base}/big` },
      auth: { kind: 'env' },
      signing: { region: 'us-east-1', service: 'execute-api' },
      maxInMemoryBytes: 64 * 1024,
      requestId: 'receiving-1',
    };
    let answered = false;
    const answer = app.registry.invoke('request:send', input).then((r) => {
      answered = true;
      return r as Result<SendResult>;
    });
    await headSent;
    for (let i = 0; i < 2000 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(answered).toBe(false);
    const [first] = events;
    expect(first?.requestId).toBe('receiving-1');
    expect(first?.response?.status).toBe(200);
    expect(first?.response?.body.spoolFile).toMatch(/\.body$/);
    expect(first?.received).toBeGreaterThanOrEqual(64 * 1024);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
    // Its first screen comes opened, a view the window follows with bodyView:lines and closes.
    const view = first?.view;
    expect(view?.lines[0]).toMatch(/^x{100}/);
    expect(view?.done).toBe(false);

    finishBody();
    const result = await answer;
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.response.body.size).toBe(BODY.length);
    expect(result.value.response.body.spoolFile).toBe(first?.response?.body.spoolFile);
    let laidOut: BodyWindow | undefined;
    for (let i = 0; i < 2000 && !laidOut?.done; i++) {
      const w = (await app.registry.invoke('bodyView:lines', { viewId: view!.viewId, from: 0, count: 0 })) as Result<BodyWindow>;
      laidOut = w.ok ? w.value : undefined;
      await new Promise((r) => setTimeout(r, 5));
    }
    // The whole body, in lines broken every 4,096 characters.
    expect(laidOut?.totalLines).toBe(BODY.length / 4096);
    expect(laidOut?.failed).toBeUndefined();
    expect((await app.registry.invoke('bodyView:close', { viewId: view!.viewId })).ok).toBe(true);
    const count = events.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(events.length).toBe(count);
  });

  it('is not sent without a requestId (nothing could match it)', async () => {
    events.length = 0;
    delete paused.finish;
    const sending = app.registry.invoke('request:send', { request: { method: 'GET', url: `${base}/again` }, auth: { kind: 'none' }, maxInMemoryBytes: 64 * 1024 });
    for (let i = 0; i < 2000 && !paused.finish; i++) await new Promise((r) => setTimeout(r, 5));
    finishBody();
    expect((await sending).ok).toBe(true);
    expect(events).toEqual([]);
  });
});
