import { afterEach, describe, expect, it } from 'vitest';
import { parseAwsError } from '../../src/awsErrorResponse';
import { startHeartbeat } from '../testing/heartbeat';
import { formatBody } from './bodyFormat';
import { createFormatPool, type FormatPool } from './formatPool';

const bytes = (text: string) => new TextEncoder().encode(text);
const MB = 1024 * 1024;
const pools: FormatPool[] = [];
const pool = (options: Parameters<typeof createFormatPool>[0] = {}) => {
  const created = createFormatPool(options);
  pools.push(created);
  return created;
};

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.dispose()));
});

describe('the format pool', () => {
  it('formats bodies and parses AWS errors on a worker thread, with the same results as in-thread', async () => {
    const p = pool();
    expect(p.threaded).toBe(true);
    const json = bytes('{"a":[1,2,{"b":"caf\\u00e9"}],"n":12345678901234567890}');
    expect(await p.format(json)).toEqual(formatBody(json));
    expect(await p.format(bytes('<R><A>1</A></R>'), 'application/xml')).toEqual(formatBody(bytes('<R><A>1</A></R>'), 'application/xml'));
    const xml = '<ErrorResponse><Error><Code>ExpiredToken</Code><Message>expired</Message></Error></ErrorResponse>';
    expect(await p.awsError(400, [], xml)).toEqual(parseAwsError(400, [], xml));
    expect(await p.awsError(200, [], xml)).toBeUndefined();
  });

  it('keeps main\'s event loop answering (no gap over 200 ms) while it formats and parses hostile bodies', { timeout: 60_000 }, async () => {
    const p = pool();
    await p.awsError(403, [], '<Error><Code>Warm</Code></Error>'); // the worker's start-up is not the subject
    const heartbeat = startHeartbeat();
    const results = await Promise.all([
      p.format(bytes('['.repeat(MB / 2) + ']'.repeat(MB / 2))),
      p.format(bytes('<a>'.repeat(MB / 3)), 'application/xml'),
      p.format(bytes('<'.repeat(MB)), 'application/xml'),
      p.awsError(403, [['x-amzn-ErrorType', 'Hostile']], '<Error>'.repeat(MB / 7)),
    ]);
    expect(heartbeat.stop()).toBeLessThan(200);
    expect(results[0]).toMatchObject({ formatted: true, note: expect.stringMatching(/nested deeper/) });
    expect(results[3]).toMatchObject({ type: 'Hostile' });
  });

  it('answers "could not format: it took too long" past the time limit, then runs the next job on a new worker', async () => {
    const p = pool({ formatTimeoutMs: 1 });
    const body = bytes(JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ i }))));
    const out = await p.format(body, 'application/json');
    expect(out).toMatchObject({ formatted: false, binary: false, language: 'json', note: 'Could not format: it took too long. Shown as received.' });
    expect(out.text).toBe(new TextDecoder().decode(body));
    expect(await p.awsError(403, [], '{"__type":"Next","message":"still answering"}')).toEqual({ type: 'Next', message: 'still answering' });
  });

  it('ends every job when disposed, and answers later calls without a worker', async () => {
    const p = pool();
    const pending = p.format(bytes(JSON.stringify(Array.from({ length: 300_000 }, (_, i) => [i]))));
    await p.dispose();
    expect(await pending).toMatchObject({ formatted: false, note: expect.stringMatching(/closing/) });
    expect(await p.awsError(403, [], '{"message":"late"}')).toBeUndefined();
  });

  it('runs jobs in-thread when the worker bundle is missing, rather than failing every format', async () => {
    const p = pool({ script: '/nonexistent/formatWorker.cjs' });
    expect(p.threaded).toBe(false);
    expect((await p.format(bytes('[1]'))).text).toBe('[\n  1\n]');
  });
});
