// The corporate proxy, as curl and the AWS CLI read it from the environment: https_proxy/HTTPS_PROXY for https
// URLs, http_proxy/HTTP_PROXY for http ones (lower case first), no_proxy/NO_PROXY to bypass (`*`, a host, a
// .suffix or bare suffix matching subdomains, host:port, an IP address, an IPv4 or IPv6 CIDR). https goes through a CONNECT tunnel, http is forwarded
// with the absolute URL in the request line. Credentials in the proxy URL are sent as Proxy-Authorization and
// masked in every message. Node's own http CONNECT is enough here, so no proxy-agent package: the agents below
// also serve the AWS SDK's STS client (requestHandler httpAgent/httpsAgent).
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { isIP } from 'node:net';
import type { Env } from './profiles';

/** Hides user:password@ in any URL inside a text. */
export function maskUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1***@');
}

const first = (...values: Array<string | undefined>) => values.find((v) => v !== undefined && v.trim() !== '')?.trim();

const ipv4 = (text: string): bigint | undefined =>
  isIP(text) === 4 ? text.split('.').reduce((n, part) => n * 256n + BigInt(part), 0n) : undefined;

/** An IPv6 address as a 128-bit number ("::" expanded, a dotted IPv4 tail taken as its two groups). */
function ipv6(text: string): bigint | undefined {
  if (isIP(text) !== 6) return undefined;
  let groups = text;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(groups);
  if (tail) {
    const v4 = ipv4(tail[1]!)!;
    groups = `${groups.slice(0, -tail[1]!.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, rest] = groups.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const parts = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return parts.reduce((n, part) => (n << 16n) + BigInt(`0x${part}`), 0n);
}

/** An address inside a NO_PROXY CIDR entry of its own family, such as 10.0.0.0/8 or fd00::/8. */
function inCidr(host: string, cidr: string): boolean {
  const [base, bitsText] = cidr.replace(/^\[(.*)\](\/.*)$/, '$1$2').split('/');
  if (!bitsText || !/^\d{1,3}$/.test(bitsText)) return false;
  const bits = BigInt(bitsText);
  for (const [parse, width] of [[ipv4, 32n], [ipv6, 128n]] as const) {
    const address = parse(host);
    const network = parse(base ?? '');
    if (address === undefined || network === undefined) continue;
    if (bits > width) return false;
    return address >> (width - bits) === network >> (width - bits);
  }
  return false;
}

function noProxyMatches(hostname: string, port: number, list: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  for (const raw of list.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    // A bare IPv6 address has colons of its own; only the bracketed form carries a port.
    const m = isIP(entry) === 6 ? [entry, entry, undefined] : /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!m) continue;
    if (m[2] && Number(m[2]) !== port) continue;
    const name = m[1]!.replace(/^\[(.*)\]$/, '$1').replace(/^\*?\./, '');
    if (host === name || (!isIP(host) && host.endsWith(`.${name}`))) return true;
    // The same IPv6 address written another way (::1 and 0:0:0:0:0:0:0:1).
    if (isIP(host) === 6 && ipv6(name) !== undefined && ipv6(name) === ipv6(host)) return true;
  }
  return false;
}

/** The proxy for a URL under this environment, or undefined for a direct connection. */
export function proxyFor(url: string, env: Env): URL | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  const secure = target.protocol === 'https:';
  const proxy = secure ? first(env.https_proxy, env.HTTPS_PROXY) : first(env.http_proxy, env.HTTP_PROXY);
  if (!proxy) return undefined;
  const port = target.port ? Number(target.port) : secure ? 443 : 80;
  const noProxy = first(env.no_proxy, env.NO_PROXY);
  if (noProxy && noProxyMatches(target.hostname, port, noProxy)) return undefined;
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`);
    return parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export const proxyPort = (proxy: URL) => (proxy.port ? Number(proxy.port) : 80);

/** The Proxy-Authorization value for a proxy URL that carries credentials. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined;
  const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(user).toString('base64')}`;
}

/** host:port of a proxy for messages: never its credentials. */
export const proxyLabel = (proxy: URL) => `${proxy.hostname}:${proxyPort(proxy)}`;

export class ProxyError extends Error {
  code = 'EPROXY';
}

/** Opens a CONNECT tunnel to host:port through the proxy; resolves with the raw socket. */
export function openTunnel(proxy: URL, host: string, port: number, timeoutMs = 15_000): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const authority = isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
    const auth = proxyAuthorization(proxy);
    const req = http.request({
      host: proxy.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: proxyPort(proxy),
      method: 'CONNECT',
      path: authority,
      headers: { Host: authority, ...(auth ? { 'Proxy-Authorization': auth } : {}) },
      agent: false,
      timeout: timeoutMs,
    });
    req.once('connect', (res, socket, head) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(new ProxyError(`The proxy ${proxyLabel(proxy)} refused the tunnel to ${authority}: ${res.statusCode} ${res.statusMessage ?? ''}`.trim()));
        return;
      }
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    req.once('timeout', () => req.destroy(Object.assign(new Error(`The proxy ${proxyLabel(proxy)} did not answer CONNECT in time.`), { code: 'ETIMEDOUT' })));
    req.once('error', (err) => reject(Object.assign(err, { message: maskUrlCredentials(err.message) })));
    req.end();
  });
}

type CreateCallback = (err: Error | null, socket?: Duplex) => void;

/** An https agent that tunnels through the proxy (unless NO_PROXY says otherwise); pooled like any https.Agent. */
export class TunnelAgent extends https.Agent {
  constructor(readonly env: Env, opts: https.AgentOptions = {}) {
    super(opts);
  }

  /** A request may pass onProxyConnect and onTunnelTls to learn when its tunnel stood and its TLS (the timings waterfall). */
  override createConnection(
    options: tls.ConnectionOptions & { host?: string; port?: number; onProxyConnect?: () => void; onTunnelTls?: () => void },
    callback: CreateCallback,
  ): Duplex | undefined {
    const host = (options.host ?? 'localhost').replace(/^\[(.*)\]$/, '$1');
    const port = Number(options.port ?? 443);
    const proxy = proxyFor(`https://${isIP(host) === 6 ? `[${host}]` : host}:${port}/`, this.env);
    if (!proxy) return tls.connect(options);
    openTunnel(proxy, host, port).then(
      (socket) => {
        options.onProxyConnect?.();
        const servername = options.servername ?? (isIP(host) ? undefined : host);
        const secure = tls.connect({ ...options, socket, ...(servername ? { servername } : {}) });
        if (options.onTunnelTls) secure.once('secureConnect', options.onTunnelTls);
        callback(null, secure);
      },
      (err: Error) => callback(err),
    );
    return undefined;
  }
}

/** An http agent that forwards through the proxy with the absolute URL in the request line (object headers only). */
export class ForwardAgent extends http.Agent {
  constructor(private readonly env: Env, opts: http.AgentOptions = {}) {
    super(opts);
  }

  addRequest(req: http.ClientRequest, options: http.RequestOptions): void {
    const host = options.host ?? options.hostname ?? 'localhost';
    const port = Number(options.port ?? 80);
    const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
    const proxy = proxyFor(`http://${authority}/`, this.env);
    if (proxy) {
      req.path = `http://${authority}${req.path}`;
      const auth = proxyAuthorization(proxy);
      if (auth) req.setHeader('Proxy-Authorization', auth);
      options = { ...options, host: proxy.hostname, hostname: proxy.hostname, port: proxyPort(proxy) };
    }
    (http.Agent.prototype as unknown as { addRequest(r: http.ClientRequest, o: http.RequestOptions): void }).addRequest.call(this, req, options);
  }
}

/** Agents for the AWS SDK's request handler when the environment names a proxy; undefined otherwise. */
export function sdkProxyAgents(env: Env): { httpAgent: http.Agent; httpsAgent: https.Agent } | undefined {
  if (!first(env.https_proxy, env.HTTPS_PROXY, env.http_proxy, env.HTTP_PROXY)) return undefined;
  return { httpAgent: new ForwardAgent(env, { keepAlive: true }), httpsAgent: new TunnelAgent(env, { keepAlive: true }) };
}
