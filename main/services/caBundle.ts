// Extra certificate authorities for HTTPS, as the AWS SDKs and the CLI take them: AWS_CA_BUNDLE, else the
// profile's ca_bundle (stsEndpoint.ts picks the path). The bundle is added to Node's own roots rather than replacing
// them, and since an explicit `ca` also replaces what Node loaded from NODE_EXTRA_CA_CERTS at start, that file is
// added back too. A file is read again only when its stat changes. The one place that also builds the agents of the
// AWS SDK clients RoleCall makes itself (STS in credentials.ts, IAM and API Gateway in policyFetch.ts), so their
// proxy and trust cannot drift apart.
import fs from 'node:fs';
import type { Agent } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { appError } from '../../src/errors';
import type { Env } from './profiles';
import { sdkProxyAgents, TunnelAgent } from './proxy';

const cache = new Map<string, { stamp: string; pem: string }>();

function readPem(path: string, what: string): string {
  try {
    const s = fs.statSync(path);
    const stamp = `${s.ino}:${s.size}:${s.mtimeMs}`;
    const hit = cache.get(path);
    if (hit?.stamp === stamp) return hit.pem;
    const pem = fs.readFileSync(path, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw Object.assign(new Error('no PEM certificate in the file'), { code: 'EBADPEM' });
    cache.set(path, { stamp, pem });
    return pem;
  } catch (err) {
    throw appError('FILE_ERROR', `The CA bundle ${what} (${path}) cannot be used.`, (err as Error).message);
  }
}

/** Node's roots plus the bundle (and NODE_EXTRA_CA_CERTS), or undefined when no bundle is configured. */
export function trustedCas(bundlePath: string | undefined, env: Env = process.env): string[] | undefined {
  if (!bundlePath) return undefined;
  const extra = env.NODE_EXTRA_CA_CERTS ? [readPem(env.NODE_EXTRA_CA_CERTS, 'in NODE_EXTRA_CA_CERTS')] : [];
  return [...tls.rootCertificates, ...extra, readPem(bundlePath, 'named by AWS_CA_BUNDLE or ca_bundle')];
}

/** An SDK client's agents: the environment's proxy (proxy.ts), and for https the bundle's CAs too when one is named. */
export function sdkAgents(env: Env, bundlePath: string | undefined): { httpAgent?: Agent; httpsAgent?: Agent } {
  const proxied = sdkProxyAgents(env);
  const ca = trustedCas(bundlePath, env);
  if (!ca) return proxied ?? {};
  return { ...proxied, httpsAgent: proxied ? new TunnelAgent(env, { ca }) : new https.Agent({ ca }) };
}
