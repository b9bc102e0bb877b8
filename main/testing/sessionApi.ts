// A loopback API that needs a session cookie: /login sets it, /me answers 401 without it. The runner tests use it
// to see that a run keeps the cookies its own responses set and sends them on, as newman does.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectionSchema, type Collection } from '../../src/models/workspace';

export interface SessionApi {
  url: string;
  stop(): Promise<void>;
}

export const SESSION_COOKIE = 'rc_session=s-41f7';

export async function startSessionApi(): Promise<SessionApi> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/login') {
      res.writeHead(200, { 'set-cookie': `${SESSION_COOKIE}; Path=/; HttpOnly`, 'content-type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    if (path === '/me') {
      const signedIn = (req.headers.cookie ?? '').split(/;\s*/).includes(SESSION_COOKIE);
      res.writeHead(signedIn ? 200 : 401, { 'content-type': 'application/json' });
      res.end(signedIn ? '{"user":"ada"}' : '{"error":"no session"}');
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** login → me, unsigned, each checking its status; `baseUrl` is the API's address. */
export function sessionCollection(baseUrl: string): Collection {
  const request = (id: string, name: string, path: string) => ({
    kind: 'request' as const,
    id,
    name,
    method: 'GET',
    url: `${baseUrl}${path}`,
    checks: [{ kind: 'status' as const, id: `${id}-status`, enabled: true, expect: '200' }],
  });
  return collectionSchema.parse({ id: 'session-api', name: 'Session API', auth: { type: 'none' }, items: [request('r-login', 'login', '/login'), request('r-me', 'me', '/me')] });
}
