import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { parseSendInput } from './engineInput';
import { startEchoServer, type EchoServer } from './testing/echoServer';
import { startLoopbackProxy, type LoopbackProxy } from './testing/loopbackProxy';
import { failure } from './testing/settle';
import { makeTestCertificate } from './testing/testCertificate';
import { closeIdleConnections } from './services/transport';

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIATRUSTTESTEXAMPLE', AWS_SECRET_ACCESS_KEY: 'trustTestSecretKey/00000000000000000000' };

// A private CA (a TLS-inspecting firewall's, say): trusted only through AWS_CA_BUNDLE or a profile's ca_bundle.
describe('TLS trust from AWS_CA_BUNDLE and ca_bundle', () => {
  const made = makeTestCertificate();
  const cert = 'missing' in made ? undefined : made;
  if (!cert) console.warn(`Skipping the CA bundle tests: ${(made as { missing: string }).missing}`);
  let dir: string;
  let server: EchoServer;
  let proxy: LoopbackProxy;
  let files: Record<string, string>;

  beforeAll(async () => {
    if (!cert) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-trust-'));
    const bundle = path.join(dir, 'corp-ca.pem');
    fs.writeFileSync(bundle, cert.ca);
    fs.writeFileSync(path.join(dir, 'config'), `[profile trusted]\nca_bundle = ${bundle}\nregion = us-east-1\n\n[profile untrusted]\nregion = us-east-1\n`);
    const keys = `aws_access_key_id = ${KEYS.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${KEYS.AWS_SECRET_ACCESS_KEY}\n`;
    fs.writeFileSync(path.join(dir, 'credentials'), `[trusted]\n${keys}[untrusted]\n${keys}`);
    files = { HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), bundle };
    server = await startEchoServer(undefined, { tls: { key: cert.key, cert: cert.cert } });
    proxy = await startLoopbackProxy();
  });
  afterEach(() => closeIdleConnections());
  afterAll(async () => {
    await Promise.all([server?.stop(), proxy?.close()]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const send = (env: Record<string, string>, auth: object) =>
    createEngine({ env, mfa: () => Promise.reject(new Error('no MFA')) }).send(
      parseSendInput({ request: { method: 'GET', url: `${server.url}/stage/items` }, auth, signing: { region: 'us-east-1', service: 'execute-api' } }),
    );

  it("trusts the private CA for a profile's ca_bundle, and refuses it without", async () => {
    if (!cert) return;
    const ok = await send(files, { kind: 'profile', profile: 'trusted' });
    expect(ok.result.response.status).toBe(200);
    const err = await failure(send(files, { kind: 'profile', profile: 'untrusted' }));
    expect(err.code).toBe('TLS_ERROR');
    expect(err.message).toContain('secure connection');
  });

  it('trusts it through AWS_CA_BUNDLE, through a CONNECT proxy too', async () => {
    if (!cert) return;
    const env = { ...files, ...KEYS, AWS_CA_BUNDLE: files.bundle! };
    expect((await send(env, { kind: 'env' })).result.response.status).toBe(200);
    const before = proxy.connects.length;
    const proxied = await send({ ...env, HTTPS_PROXY: proxy.url }, { kind: 'env' });
    expect(proxied.result.response.status).toBe(200);
    expect(proxy.connects.length).toBe(before + 1);
    expect((await failure(send({ ...files, ...KEYS, HTTPS_PROXY: proxy.url }, { kind: 'env' }))).code).toBe('TLS_ERROR');
  });

  it('says which bundle cannot be read', async () => {
    if (!cert) return;
    const err = await failure(send({ ...files, ...KEYS, AWS_CA_BUNDLE: path.join(dir, 'missing.pem') }, { kind: 'env' }));
    expect(err.code).toBe('FILE_ERROR');
    expect(err.message).toContain('missing.pem');
  });
});
