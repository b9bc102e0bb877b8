import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEchoServer, type EchoServer } from '../testing/echoServer';
import { startLoopbackProxy, type LoopbackProxy } from '../testing/loopbackProxy';
import { describeWithMoto } from '../testing/motoSuite';
import { failure } from '../testing/settle';
import { makeTestCertificate, type TestCertificate } from '../testing/testCertificate';
import { createCredentialsService } from './credentials';
import { maskUrlCredentials, proxyFor } from './proxy';
import { closeIdleConnections, sendRaw, type TransportOptions } from './transport';

const PASSWORD = 'pr0xy-S3cret';
const AUTH = `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`;
const SIGNED: Array<[string, string]> = [
  ['X-Amz-Date', '20260101T000000Z'],
  ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc'],
];

describe('proxyFor', () => {
  const env = { HTTPS_PROXY: 'http://p.corp:3128', http_proxy: 'http://plain.corp:8080', NO_PROXY: 'internal.corp, .svc.local,10.0.0.1, api.example:8443' };
  it('picks the proxy by scheme and bypasses NO_PROXY hosts, suffixes and host:port', () => {
    expect(proxyFor('https://sts.amazonaws.com/', env)?.host).toBe('p.corp:3128');
    expect(proxyFor('http://example.com/', env)?.host).toBe('plain.corp:8080');
    expect(proxyFor('https://internal.corp/', env)).toBeUndefined();
    expect(proxyFor('https://a.internal.corp/', env)).toBeUndefined();
    expect(proxyFor('https://x.svc.local/', env)).toBeUndefined();
    expect(proxyFor('https://10.0.0.1/', env)).toBeUndefined();
    expect(proxyFor('https://api.example:8443/', env)).toBeUndefined();
    expect(proxyFor('https://api.example/', env)?.host).toBe('p.corp:3128');
    expect(proxyFor('https://anything/', { ...env, no_proxy: '*' })).toBeUndefined();
    expect(proxyFor('https://x/', {})).toBeUndefined();
    expect(proxyFor('https://192.168.4.7/', { ...env, NO_PROXY: '192.168.0.0/16' })).toBeUndefined();
    expect(proxyFor('https://192.169.4.7/', { ...env, NO_PROXY: '192.168.0.0/16' })?.host).toBe('p.corp:3128');
  });
  it('bypasses IPv6 hosts named in NO_PROXY: a CIDR range, a bare or bracketed address, with or without a port', () => {
    expect(proxyFor('https://[fd00:ec2::254]/', { ...env, NO_PROXY: 'fd00::/8' })).toBeUndefined();
    expect(proxyFor('https://[fe80::1]/', { ...env, NO_PROXY: 'fd00::/8' })?.host).toBe('p.corp:3128');
    expect(proxyFor('https://[2001:db8:1::5]:8443/', { ...env, NO_PROXY: '2001:db8::/32' })).toBeUndefined();
    expect(proxyFor('https://[2001:db9::5]/', { ...env, NO_PROXY: '2001:db8::/32' })?.host).toBe('p.corp:3128');
    expect(proxyFor('https://[::1]/', { ...env, NO_PROXY: '::1' })).toBeUndefined();
    expect(proxyFor('https://[::1]/', { ...env, NO_PROXY: '0:0:0:0:0:0:0:1' })).toBeUndefined();
    expect(proxyFor('https://[::ffff:10.0.0.1]/', { ...env, NO_PROXY: '::ffff:0:0/96' })).toBeUndefined();
    expect(proxyFor('https://[::1]:8443/', { ...env, NO_PROXY: '[::1]:8443' })).toBeUndefined();
    expect(proxyFor('https://[::1]:9443/', { ...env, NO_PROXY: '[::1]:8443' })?.host).toBe('p.corp:3128');
    // An IPv4 range never takes an IPv6 host, nor the other way round; a malformed range takes nothing.
    expect(proxyFor('https://[::ffff:a00:1]/', { ...env, NO_PROXY: '10.0.0.0/8' })?.host).toBe('p.corp:3128');
    expect(proxyFor('https://10.0.0.1/', { ...env, NO_PROXY: '::/0' })?.host).toBe('p.corp:3128');
    expect(proxyFor('https://[fd00::1]/', { ...env, NO_PROXY: 'fd00::/129' })?.host).toBe('p.corp:3128');
  });

  it('masks credentials in any URL of a message', () => {
    expect(maskUrlCredentials(`connect via http://alice:${PASSWORD}@proxy:3128 failed`)).toBe('connect via http://***@proxy:3128 failed');
  });
});

describe('API requests through a loopback proxy', () => {
  let cert: TestCertificate | undefined;
  let tlsServer: EchoServer | undefined;
  let plainServer: EchoServer;
  let proxy: LoopbackProxy;
  const opts = (extra: Partial<TransportOptions>): TransportOptions => ({ timeoutMs: 5000, maxInMemoryBytes: 64 * 1024, ...extra });

  beforeAll(async () => {
    const made = makeTestCertificate();
    if ('missing' in made) console.warn(`Skipping the TLS proxy tests: ${made.missing}`);
    else cert = made;
    if (cert) tlsServer = await startEchoServer(undefined, { tls: { key: cert.key, cert: cert.cert } });
    plainServer = await startEchoServer();
    proxy = await startLoopbackProxy({ requireAuth: AUTH });
  });
  afterEach(() => closeIdleConnections());
  afterAll(async () => {
    await Promise.all([tlsServer?.stop(), plainServer?.stop(), proxy?.close()]);
  });

  const proxyEnv = () => ({ HTTPS_PROXY: `http://alice:${PASSWORD}@127.0.0.1:${new URL(proxy.url).port}`, HTTP_PROXY: `http://alice:${PASSWORD}@127.0.0.1:${new URL(proxy.url).port}` });
  const ca = () => [...tls.rootCertificates, cert!.ca];

  it('tunnels a signed https request with CONNECT, the signed headers unchanged, and times the proxy', async () => {
    if (!cert || !tlsServer) return;
    const before = proxy.connects.length;
    const response = await sendRaw({ method: 'GET', url: `${tlsServer.url}/stage/items?a=1`, headers: SIGNED }, new Uint8Array(), opts({ proxyEnv: proxyEnv(), ca: ca() }));
    expect(response.status).toBe(200);
    expect(proxy.connects.slice(before)).toEqual([`127.0.0.1:${tlsServer.port}`]);
    expect(proxy.authorizations.at(-1)).toBe(AUTH);
    const seen = tlsServer.requests.at(-1)!;
    expect(seen.url).toBe('/stage/items?a=1');
    expect(seen.rawHeaders).toEqual(expect.arrayContaining(['Authorization', SIGNED[1]![1]]));
    expect(seen.rawHeaders.map((h) => h.toLowerCase())).not.toContain('proxy-authorization');
    expect(response.timings.proxy).toBeGreaterThan(0);
    expect(response.timings.tls).toBeGreaterThanOrEqual(response.timings.proxy!);
  });

  it('fails with a TLS error through the tunnel when the CA is not trusted', async () => {
    if (!cert || !tlsServer) return;
    const err = await failure(sendRaw({ method: 'GET', url: `${tlsServer.url}/x`, headers: [] }, new Uint8Array(), opts({ proxyEnv: proxyEnv() })));
    expect(err.code).toBe('TLS_ERROR');
  });

  it('forwards plain http with the absolute URL in the request line', async () => {
    const before = proxy.forwarded.length;
    const response = await sendRaw({ method: 'GET', url: `${plainServer.url}/p?q=1`, headers: SIGNED }, new Uint8Array(), opts({ proxyEnv: proxyEnv() }));
    expect(response.status).toBe(200);
    expect(proxy.forwarded.slice(before)).toEqual([`${plainServer.url}/p?q=1`]);
    expect(plainServer.requests.at(-1)!.url).toBe('/p?q=1');
  });

  it('goes direct when NO_PROXY names the host', async () => {
    const before = proxy.forwarded.length + proxy.connects.length;
    const env = { ...proxyEnv(), NO_PROXY: '127.0.0.1' };
    expect((await sendRaw({ method: 'GET', url: `${plainServer.url}/direct`, headers: [] }, new Uint8Array(), opts({ proxyEnv: env }))).status).toBe(200);
    if (cert && tlsServer) {
      expect((await sendRaw({ method: 'GET', url: `${tlsServer.url}/direct`, headers: [] }, new Uint8Array(), opts({ proxyEnv: env, ca: ca() }))).status).toBe(200);
    }
    expect(proxy.forwarded.length + proxy.connects.length).toBe(before);
  });

  it('never puts the proxy password in an error', async () => {
    const wrong = { HTTPS_PROXY: `http://alice:wrong-${PASSWORD}@127.0.0.1:${new URL(proxy.url).port}` };
    const target = tlsServer?.url ?? 'https://127.0.0.1:9';
    const err = await failure(sendRaw({ method: 'GET', url: `${target}/x`, headers: [] }, new Uint8Array(), opts({ proxyEnv: wrong })));
    expect(err.message).toMatch(/407/);
    expect(JSON.stringify(err)).not.toContain(PASSWORD);
    const dead = { HTTPS_PROXY: `http://alice:${PASSWORD}@127.0.0.1:9` };
    const refused = await failure(sendRaw({ method: 'GET', url: `${target}/x`, headers: [] }, new Uint8Array(), opts({ proxyEnv: dead })));
    expect(JSON.stringify(refused)).not.toContain(PASSWORD);
    expect(refused.message).toContain('proxy');
  });
});

describeWithMoto('STS through a loopback proxy', (moto) => {
  let proxy: LoopbackProxy;
  beforeAll(async () => {
    proxy = await startLoopbackProxy();
  });
  afterAll(() => proxy?.close());

  it('sends GetCallerIdentity to moto through the proxy (plain forwarding)', async () => {
    const user = await moto().createUserWithKeys('proxied', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }],
    });
    const env = { AWS_ACCESS_KEY_ID: user.accessKeyId, AWS_SECRET_ACCESS_KEY: user.secretAccessKey, HTTP_PROXY: proxy.url, AWS_ENDPOINT_URL_STS: moto().endpoint, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' };
    const identity = await createCredentialsService({ env, mfa: () => Promise.reject(new Error('no MFA')) }).whoami({ kind: 'env' });
    expect(identity.arn).toBe('arn:aws:iam::123456789012:user/proxied');
    expect(proxy.forwarded.some((u) => u.startsWith(moto().endpoint))).toBe(true);
  });
});
