// Hostile responses cost main nothing: formatting and AWS error parsing run on the app's format worker, so the
// thread that answers IPC keeps ticking (no gap over 200 ms) while a hostile body is handled, and dispose() ends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/errors';
import type { FormattedBody } from '../src/contract';
import type { SendResult } from '../src/models/http';
import { createApp } from './app';
import { startEchoServer, type EchoServer } from './testing/echoServer';
import { startHeartbeat } from './testing/heartbeat';

const MB = 1024 * 1024;
const HOSTILE_ERROR = '<Error>'.repeat(MB / 7);
let server: EchoServer;

beforeAll(async () => {
  server = await startEchoServer(() => ({ status: 403, headers: [['x-amzn-ErrorType', 'HostileException'], ['Content-Type', 'text/xml']], body: HOSTILE_ERROR }));
});
afterAll(() => server.stop());

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('main while a hostile response is handled', () => {
  it('answers response:format for a million levels of nested arrays without blocking its event loop', { timeout: 60_000 }, async () => {
    const app = createApp({ host: 'cli', env: {}, emit: () => {} });
    try {
      await app.registry.invoke('response:format', { source: { kind: 'inline', base64: Buffer.from('[1]').toString('base64') } });
      const body = Buffer.from('['.repeat(MB / 2) + ']'.repeat(MB / 2)).toString('base64');
      const heartbeat = startHeartbeat();
      const formatted = value<FormattedBody>(await app.registry.invoke('response:format', { source: { kind: 'inline', base64: body } }));
      expect(heartbeat.stop()).toBeLessThan(200);
      expect(formatted).toMatchObject({ language: 'json', formatted: true, note: expect.stringMatching(/nested deeper/) });
    } finally {
      await app.dispose();
    }
  });

  it('reads the AWS error of a 1 MB hostile 403 without blocking its event loop', { timeout: 60_000 }, async () => {
    const app = createApp({ host: 'cli', env: {}, emit: () => {} });
    try {
      const heartbeat = startHeartbeat();
      const sent = value<SendResult>(await app.registry.invoke('request:send', { request: { method: 'GET', url: `${server.url}/x` }, auth: { kind: 'none' } }));
      expect(heartbeat.stop()).toBeLessThan(200);
      expect(sent.response.status).toBe(403);
      expect(sent.awsError?.type).toBe('HostileException');
    } finally {
      await app.dispose();
    }
  });
});
