// What the window hands main to keep: secret variable values masked in headers and text bodies, a binary body that
// holds one left out, the body cut to 1 MiB; and a kept response turned back into what the viewer shows.
import { describe, expect, it } from 'vitest';
import type { StoredResponse } from '../../src/models/historyResponse';
import { HISTORY_RESPONSE_BODY_BYTES } from '../../src/models/historyResponseLimits';
import type { SendResult } from '../../src/models/http';
import type { VariableScope } from '../../src/variables';
import { base64ToBytes } from '../viewer/base64';
import { bytesToBase64, keptAsSendResult, keptResponseInput } from './keptResponse';

const SECRET = 'apiKeyValueThatIsSecret1234';
const scopes: VariableScope[] = [{ label: 'environment "stag"', variables: [{ id: 'v', key: 'apiKey', value: SECRET, enabled: true, secret: true }] }];

const result = (body: Uint8Array | string, headers: Array<[string, string]> = [], size?: number): SendResult => {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    sent: { request: { method: 'GET', url: 'https://api.example.com/echo', headers: [] } },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: '1.1',
      headers,
      body: { size: size ?? bytes.length, headBase64: bytesToBase64(bytes), complete: size === undefined },
      timings: { firstByte: 1, total: 12 },
    },
  };
};
const text = (base64: string) => new TextDecoder().decode(base64ToBytes(base64));

describe('the response kept with a history entry', () => {
  it('masks a secret variable’s value echoed in the body and the headers', () => {
    const input = keptResponseInput(result(`{"echo":{"x-api-key":"${SECRET}"}}`, [['x-echo', SECRET]]), scopes);
    expect(text(input.bodyBase64)).toBe('{"echo":{"x-api-key":"••••••"}}');
    expect(input.headers).toEqual([['x-echo', '••••••']]);
    expect(JSON.stringify(input)).not.toContain(SECRET);
  });

  it('leaves out a body that is not text and holds a secret value', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode(SECRET), 0xc3]);
    const input = keptResponseInput(result(bytes), scopes);
    expect(input.bodyBase64).toBe('');
    expect(input.withheld).toMatch(/secret variable/);
  });

  it('keeps the first 1 MiB of a longer body and its whole size', () => {
    const input = keptResponseInput(result(new Uint8Array(HISTORY_RESPONSE_BODY_BYTES + 100).fill(0x61), [], 3 * HISTORY_RESPONSE_BODY_BYTES), []);
    expect(base64ToBytes(input.bodyBase64).length).toBe(HISTORY_RESPONSE_BODY_BYTES);
    expect(input.size).toBe(3 * HISTORY_RESPONSE_BODY_BYTES);
  });

  it('hands main a spooled body’s file and the forms to mask, not the few KiB this window holds', () => {
    const spooled = result('first bytes', [], 5 * HISTORY_RESPONSE_BODY_BYTES);
    spooled.response.body.spoolFile = '/spool/rolecall-body-1';
    const input = keptResponseInput(spooled, scopes);
    expect(input).toMatchObject({ bodyBase64: '', spoolFile: '/spool/rolecall-body-1', size: 5 * HISTORY_RESPONSE_BODY_BYTES });
    expect(input.maskForms).toContain(SECRET);
  });

  it('becomes a result the viewer shows: whole when kept whole, marked incomplete when cut', () => {
    const kept: StoredResponse = { entryId: 'h', at: '2026-01-01T00:00:00.000Z', status: 404, statusText: 'Not Found', httpVersion: '1.1', headers: [['a', 'b']], bodyBase64: bytesToBase64(new TextEncoder().encode('nope')), size: 4, truncated: false, durationMs: 7 };
    const shown = keptAsSendResult(kept, { method: 'GET', url: 'https://x/y' });
    expect(shown.response).toMatchObject({ status: 404, statusText: 'Not Found', headers: [['a', 'b']], body: { size: 4, complete: true }, timings: { total: 7 } });
    const cut = keptAsSendResult({ ...kept, size: 10_000, truncated: true }, { method: 'GET', url: 'https://x/y' });
    expect(cut.response.body).toMatchObject({ size: 10_000, complete: false });
    expect(cut.response.body.spoolFile).toBeUndefined();
  });
});
