import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import { isLoopbackHost, isPlainHttpElsewhere } from '../../src/plainHttp';
import { createApp } from '../app';

describe('plain http', () => {
  it('is this machine for localhost, 127.0.0.0/8 and ::1 only', () => {
    for (const host of ['localhost', 'LOCALHOST', 'api.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['example.com', '10.0.0.1', '128.0.0.1', '127.0.0.1.nip.io', 'localhost.example.com', '::2']) expect(isLoopbackHost(host), host).toBe(false);
    expect(isPlainHttpElsewhere('http://api.example.com/x')).toBe(true);
    expect(isPlainHttpElsewhere('HTTP://10.1.2.3:8080/')).toBe(true);
    expect(isPlainHttpElsewhere('http://127.0.0.1:9000/')).toBe(false);
    expect(isPlainHttpElsewhere('http://[::1]:9000/')).toBe(false);
    expect(isPlainHttpElsewhere('https://api.example.com/')).toBe(false);
    expect(isPlainHttpElsewhere('{{base}}/x')).toBe(false);
  });

  describe('through the app', () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIAPLAINHTTPEXAMPLE', AWS_SECRET_ACCESS_KEY: 'plainHttpSecretKeyExample/0123456789abc' };
    const app = createApp({ host: 'browser', env, emit: () => {} });
    const sign = (url: string, extra: Record<string, unknown> = {}) =>
      app.registry.invoke('request:sign', { request: { method: 'GET', url }, auth: { kind: 'env' }, signing: { region: 'us-east-1', service: 'execute-api' }, ...extra }) as Promise<Result<unknown>>;
    const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

    it('refuses to sign or send a signed request over plain http to another machine', async () => {
      expect(code(await sign('http://api.example.com/orders'))).toBe('INSECURE_HTTP');
      const sent = await app.registry.invoke('request:send', { request: { method: 'GET', url: 'http://api.example.com/orders' }, auth: { kind: 'env' }, signing: { region: 'us-east-1', service: 'execute-api' } });
      expect(code(sent as Result<unknown>)).toBe('INSECURE_HTTP');
    });

    it('allows it when asked, over loopback, over https, and for unsigned requests', async () => {
      expect(code(await sign('http://api.example.com/orders', { allowPlainHttp: true }))).toBe('ok');
      expect(code(await sign('http://127.0.0.1:8080/orders'))).toBe('ok');
      expect(code(await sign('http://localhost:8080/orders'))).toBe('ok');
      expect(code(await sign('https://api.example.com/orders'))).toBe('ok');
      const unsigned = await app.registry.invoke('request:sign', { request: { method: 'GET', url: 'http://api.example.com/' }, auth: { kind: 'none' } });
      expect(code(unsigned as Result<unknown>)).toBe('ok');
    });
  });
});
