import { describe, expect, it } from 'vitest';
import { sendInputSchema } from './http';
import { REQUEST_DEFAULTS, requestSettingsSchema, sendOptions } from './requestSettings';

const base = { request: { method: 'GET', url: 'https://example.com/' }, auth: { kind: 'none' } };

describe('a request’s settings on the send path', () => {
  it('sends with the request’s timeout and redirect setting', () => {
    const parsed = sendInputSchema.parse({ ...base, ...sendOptions({ timeoutMs: 2500, followRedirects: true }) });
    expect(parsed.timeoutMs).toBe(2500);
    expect(parsed.followRedirects).toBe(true);
  });

  it('leaves request:send’s defaults alone when the request sets nothing, and they are the ones the UI states', () => {
    expect(sendOptions(undefined)).toEqual({});
    const parsed = sendInputSchema.parse({ ...base, ...sendOptions({}) });
    expect({ timeoutMs: parsed.timeoutMs, followRedirects: parsed.followRedirects }).toEqual(REQUEST_DEFAULTS);
  });

  it('refuses a timeout request:send would refuse', () => {
    expect(requestSettingsSchema.safeParse({ timeoutMs: 50 }).success).toBe(false);
    expect(requestSettingsSchema.safeParse({ timeoutMs: 15 * 60 * 1000 + 1 }).success).toBe(false);
    expect(requestSettingsSchema.safeParse({ timeoutMs: 1.5 }).success).toBe(false);
  });
});
