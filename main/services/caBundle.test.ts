// The agents every AWS SDK client RoleCall makes goes out with (STS, IAM, API Gateway): one function, so the
// proxy and the CA bundle's trust are the same for all of them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { sdkAgents } from './caBundle';
import { TunnelAgent } from './proxy';

const dir = mkdtempSync(path.join(os.tmpdir(), 'rolecall-ca-'));
const bundle = path.join(dir, 'ca.pem');
// Only the PEM framing is checked when the bundle is read; the agent is never connected here.
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
writeFileSync(bundle, PEM);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const caOf = (agent: unknown) => (agent as { options: { ca?: string[] } }).options.ca;

describe('sdkAgents', () => {
  it('gives none without a proxy or a bundle, and the proxy agents with a proxy', () => {
    expect(sdkAgents({}, undefined)).toEqual({});
    const proxied = sdkAgents({ HTTPS_PROXY: 'http://127.0.0.1:3128' }, undefined);
    expect(proxied.httpsAgent).toBeInstanceOf(TunnelAgent);
    expect(caOf(proxied.httpsAgent)).toBeUndefined();
  });

  it("trusts the bundle on top of Node's roots, straight or through the proxy's tunnel", () => {
    const straight = sdkAgents({}, bundle);
    expect(straight.httpsAgent).toBeInstanceOf(https.Agent);
    expect(straight.httpsAgent).not.toBeInstanceOf(TunnelAgent);
    expect(caOf(straight.httpsAgent)).toEqual([...tls.rootCertificates, PEM]);

    const env = { HTTPS_PROXY: 'http://127.0.0.1:3128' };
    const tunnelled = sdkAgents(env, bundle);
    expect(tunnelled.httpsAgent).toBeInstanceOf(TunnelAgent);
    expect((tunnelled.httpsAgent as TunnelAgent).env).toBe(env);
    expect(caOf(tunnelled.httpsAgent)).toEqual([...tls.rootCertificates, PEM]);
    expect(tunnelled.httpAgent).toBeDefined();
  });

  it('names a bundle it cannot use', () => {
    expect(() => sdkAgents({}, path.join(dir, 'missing.pem'))).toThrow(/CA bundle named by AWS_CA_BUNDLE or ca_bundle/);
  });
});
