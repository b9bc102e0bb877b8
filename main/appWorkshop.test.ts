// The policy:workshop channel as the renderer calls it: input checked by the contract, a URL that names no API and
// an auth without credentials refused with a readable error before anything is resolved or sent.
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app';

describe('policy:workshop channel', () => {
  const app = createApp({ host: 'cli', env: {}, emit: () => {} });
  afterAll(() => app.dispose());

  it('refuses a scope it does not know', async () => {
    const r = await app.registry.invoke('policy:workshop', { auth: { kind: 'env' }, request: { method: 'GET', url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/x' }, scope: 'everything' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
  });

  it('asks for the API id, stage and region behind a custom domain, before resolving credentials', async () => {
    const r = await app.registry.invoke('policy:workshop', { auth: { kind: 'env' }, request: { method: 'GET', url: 'https://server.stag.example.com/hoge' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('custom domain') });
  });

  it('needs credentials', async () => {
    const r = await app.registry.invoke('policy:workshop', { auth: { kind: 'none' }, request: { method: 'GET', url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/x' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('needs credentials') });
  });
});
