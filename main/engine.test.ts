// The engine as a page reaches it (through the handler registry): body files only through files:choose handles,
// and cancel and timeout apply from the moment a send starts, not only once it reaches the network.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MfaPrompt } from '../src/contract';
import type { Result } from '../src/errors';
import type { ChosenFile, SendResult } from '../src/models/http';
import { createApp } from './app';
import { createEngine } from './engine';
import { parseSendInput } from './engineInput';
import type { BodyFiles } from './services/bodyFiles';
import { startEchoServer, type EchoServer } from './testing/echoServer';
import { within } from './testing/settle';

/** Not valid UTF-8, so a text round trip anywhere would show. */
const UPLOAD = Buffer.concat([Buffer.from('picked bytes'), Buffer.from([0, 0xff])]);
const SECRET_LINE = 'aws_secret_access_key = engineTestSecretNeverSent/0001';
const KEYS_ENV = { AWS_ACCESS_KEY_ID: 'AKIAENGINETESTEXAMPLE', AWS_SECRET_ACCESS_KEY: 'engineTestBaseSecretKey/0000000000000' };
const MFA_ROLE = {
  kind: 'assumeRole',
  base: { kind: 'env' },
  roleArn: 'arn:aws:iam::111111111111:role/R',
  mfaSerial: 'arn:aws:iam::111111111111:mfa/u',
} as const;

let server: EchoServer;
let dir: string;
let credentials: string;
let upload: string;

beforeAll(async () => {
  server = await startEchoServer();
  dir = await mkdtemp(join(tmpdir(), 'rolecall-engine-'));
  credentials = join(dir, 'credentials');
  upload = join(dir, 'upload.bin');
  await writeFile(credentials, `[default]\n${SECRET_LINE}\n`);
  await writeFile(upload, UPLOAD);
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

function appWith(chooseOpenPath?: (opts: { defaultPath?: string; title: string }) => Promise<string | undefined>, prompts: MfaPrompt[] = []) {
  return createApp({
    host: 'browser-test',
    env: KEYS_ENV,
    emit: (_event, payload) => prompts.push(payload as MfaPrompt),
    ...(chooseOpenPath ? { chooseOpenPath } : {}),
  });
}

function errorOf(result: Result<unknown>) {
  expect(result.ok).toBe(false);
  return (result as { ok: false; error: { code: string; message: string; detail?: string } }).error;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('body files a page names', () => {
  it('are refused on send and on sign when main did not hand out a handle for them', async () => {
    const app = appWith();
    const before = server.requests.length;
    const request = { method: 'POST', url: `${server.url}/steal`, body: { kind: 'file', path: credentials } };
    for (const channel of ['request:send', 'request:sign']) {
      const error = errorOf(await app.registry.invoke(channel, { request, auth: { kind: 'none' } }));
      expect(error.code, channel).toBe('FILE_NOT_CONFIRMED');
      expect(error.message, channel).toContain('credentials');
      expect(JSON.stringify(error), channel).not.toContain('engineTestSecret');
    }
    expect(server.requests.length).toBe(before);
  });

  it('never hang main on a FIFO a page names', async () => {
    const fifo = join(dir, 'named-pipe');
    execFileSync('mkfifo', [fifo]);
    const result = await within(appWith().registry.invoke('request:send', { request: { method: 'PUT', url: `${server.url}/p`, body: { kind: 'file', path: fifo } }, auth: { kind: 'none' } }), 2000);
    expect(result).not.toBe('hung');
    expect(errorOf(result as Result<unknown>).code).toBe('FILE_NOT_CONFIRMED');
  });

  it('are refused as multipart file parts too', async () => {
    const app = appWith();
    const before = server.requests.length;
    const body = { kind: 'parts', parts: [{ text: '--b\r\n\r\n' }, { path: credentials }, { text: '\r\n--b--\r\n' }] };
    const error = errorOf(await app.registry.invoke('request:send', { request: { method: 'POST', url: `${server.url}/m`, body }, auth: { kind: 'none' } }));
    expect(error.code).toBe('FILE_NOT_CONFIRMED');
    expect(server.requests.length).toBe(before);
  });

  it('cannot be chosen where the host has no open dialog (CLI, tests)', async () => {
    expect(errorOf(await appWith().registry.invoke('files:choose', {})).code).toBe('FILE_ERROR');
  });
});

describe('body files the user picked', () => {
  it('are sent byte for byte with the handle files:choose returned, whole and as a multipart part', async () => {
    const asked: Array<{ defaultPath?: string; title: string }> = [];
    const app = appWith(async (opts) => {
      asked.push(opts);
      return upload;
    });
    const chosen = await app.registry.invoke('files:choose', { defaultPath: upload });
    expect(chosen.ok).toBe(true);
    const file = (chosen as { value: ChosenFile & { cancelled: false } }).value;
    expect(file).toMatchObject({ cancelled: false, name: 'upload.bin', size: 14, path: upload });
    expect(asked[0]?.defaultPath).toBe(upload);

    const whole = await app.registry.invoke('request:send', {
      request: { method: 'PUT', url: `${server.url}/put`, body: { kind: 'file', path: upload, handle: file.handle } },
      auth: { kind: 'none' },
    });
    expect(whole.ok).toBe(true);
    expect(server.requests.at(-1)?.body.equals(UPLOAD)).toBe(true);

    const parts = { kind: 'parts', parts: [{ text: '<' }, { path: upload, handle: file.handle }, { text: '>' }] };
    expect((await app.registry.invoke('request:send', { request: { method: 'POST', url: `${server.url}/m`, body: parts }, auth: { kind: 'none' } })).ok).toBe(true);
    expect(server.requests.at(-1)?.body.equals(Buffer.concat([Buffer.from('<'), UPLOAD, Buffer.from('>')]))).toBe(true);
  });

  it("do not lend their handle to another path", async () => {
    const app = appWith(async () => upload);
    const file = (await app.registry.invoke('files:choose', {})) as { ok: true; value: ChosenFile };
    const error = errorOf(
      await app.registry.invoke('request:sign', {
        request: { method: 'POST', url: `${server.url}/x`, body: { kind: 'file', path: credentials, handle: file.value.handle } },
        auth: { kind: 'none' },
      }),
    );
    expect(error.code).toBe('FILE_NOT_CONFIRMED');
  });

  it('refuses a FIFO picked in the dialog at once and /dev/zero without reading it', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    for (const picked of [fifo, '/dev/zero']) {
      const app = appWith(async () => picked);
      const result = await within(app.registry.invoke('files:choose', {}), 2000);
      expect(result, picked).not.toBe('hung');
      expect(errorOf(result as Result<unknown>).message, picked).toMatch(/not a regular file/);
    }
  });

  it('reports a cancelled dialog', async () => {
    expect(await appWith(async () => undefined).registry.invoke('files:choose', {})).toEqual({ ok: true, value: { cancelled: true } });
  });
});

describe('cancel and timeout before the request reaches the network', () => {
  it('cancel applies while credentials are resolved (an MFA prompt nobody answers)', async () => {
    const prompts: MfaPrompt[] = [];
    const app = appWith(undefined, prompts);
    const sending = app.registry.invoke('request:send', { request: { method: 'GET', url: `${server.url}/r` }, auth: MFA_ROLE, requestId: 'mfa-wait' });
    await until(() => prompts.length === 1);
    expect(await app.registry.invoke('request:cancel', { requestId: 'mfa-wait' })).toEqual({ ok: true, value: { cancelled: true } });
    const result = await within(sending);
    expect(result).not.toBe('hung');
    expect(errorOf(result as Result<SendResult>).code).toBe('CANCELLED');
    await app.dispose();
  });

  it('the timeout applies while credentials are resolved', async () => {
    const app = appWith();
    const result = await within(app.registry.invoke('request:send', { request: { method: 'GET', url: `${server.url}/r` }, auth: MFA_ROLE, timeoutMs: 150 }));
    expect(result).not.toBe('hung');
    expect(errorOf(result as Result<SendResult>).code).toBe('TIMEOUT');
    await app.dispose();
  });

  it('cancel and the timeout apply while a body file is read (a disk that does not answer)', async () => {
    const reads: AbortSignal[] = [];
    const stalled: BodyFiles = {
      confirm: () => Promise.reject(new Error('not used')),
      read: (_path, _handle, signal) => {
        if (signal) reads.push(signal);
        return new Promise<Buffer>(() => undefined);
      },
    };
    const engine = createEngine({ env: {}, mfa: () => Promise.reject(new Error('no MFA')), bodyFiles: stalled });
    const input = (over: object) =>
      parseSendInput({ request: { method: 'PUT', url: `${server.url}/f`, body: { kind: 'file', path: '/slow/disk/file' } }, auth: { kind: 'none' }, ...over });

    const sending = engine.send(input({ requestId: 'slow-read' })).catch((e: unknown) => e);
    await until(() => reads.length === 1);
    expect(engine.cancel('slow-read')).toBe(true);
    expect(reads[0]?.aborted).toBe(true);
    expect(await within(sending)).toMatchObject({ code: 'CANCELLED' });

    const timed = await within(engine.send(input({ timeoutMs: 150 })).catch((e: unknown) => e));
    expect(timed).toMatchObject({ code: 'TIMEOUT' });
    expect(engine.cancel('slow-read')).toBe(false);
  });
});
