import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../../src/models/http';
import { SPOOLED_HEAD_BYTES, trimSpooledHead } from './inlineHead';

function result(body: Buffer, spooled: boolean): SendResult {
  return {
    sent: { request: { method: 'GET', url: 'https://example.com/', headers: [] } },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: '1.1',
      headers: [],
      body: { size: spooled ? body.length * 4 : body.length, headBase64: body.toString('base64'), complete: !spooled, ...(spooled ? { spoolFile: '/spool/x.body' } : {}) },
      timings: { firstByte: 1, total: 2 },
    },
  } as SendResult;
}

describe('trimSpooledHead', () => {
  const head = Buffer.from(Array.from({ length: 1024 * 1024 }, (_, i) => i % 251));

  it('keeps only the first bytes of a spooled body’s head, cut on a whole base64 quad', () => {
    const trimmed = trimSpooledHead(result(head, true)).response.body;
    expect(Buffer.from(trimmed.headBase64, 'base64')).toEqual(head.subarray(0, SPOOLED_HEAD_BYTES));
    expect(trimmed.size).toBe(head.length * 4);
    expect(trimmed.spoolFile).toBe('/spool/x.body');
  });

  it('leaves a body held whole in memory as it is', () => {
    const whole = result(head, false);
    expect(trimSpooledHead(whole)).toBe(whole);
  });
});
