// A loopback API that needs a session cookie: /login sets it, /me answers 401 without it, /other sets none and
// needs none. The runner tests use it to see that a run keeps the cookies its own responses set and sends them on,
// as newman does, and sends no Cookie header before any response set one.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectionSchema, type Collection } from '../../src/models/workspace';

export interface SessionApi {
  url: string;
  /** Each request's path and the Cookie header it came with (undefined: none), in the order they came. */
  seen: Array<{ path: string; cookie: string | undefined }>;
  stop(): Promise<void>;
}

export const SESSION_COOKIE = 'rc_session=s-41f7';

export async function startSessionApi(): Promise<SessionApi> {
  const seen: SessionApi['seen'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    seen.push({ path, cookie: req.headers.cookie });
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
    if (path === '/other') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** login → me (or the steps given, in order), unsigned, each checking for 200; `baseUrl` is the API's address. */
export function sessionCollection(baseUrl: string, steps: Array<'login' | 'me' | 'other'> = ['login', 'me']): Collection {
  const request = (step: string, i: number) => ({
    kind: 'request' as const,
    id: `r-${i}-${step}`,
    name: step,
    method: 'GET',
    url: `${baseUrl}/${step}`,
    checks: [{ kind: 'status' as const, id: `r-${i}-status`, enabled: true, expect: '200' }],
  });
  return collectionSchema.parse({ id: 'session-api', name: 'Session API', auth: { type: 'none' }, items: steps.map(request) });
}
