// Browser mode's stand-in for the Electron preload, served as /rolecall-bootstrap.js and run before the renderer's
// module script: installs window.rolecall, built with the contract's own createApi, over one WebSocket to the
// server that served the page. The launch token arrives in the URL fragment (never sent to a server by the browser),
// is traded once for an HttpOnly session cookie, and is removed from the address bar before the app starts.
import { API_GLOBAL, createApi, createEventHub } from '../../src/api';
import type { EventName } from '../../src/contract';
import type { Result } from '../../src/errors';

type Pending = (result: Result<unknown>) => void;

const events = createEventHub();
const pending = new Map<number, Pending>();
let nextId = 1;

function takeToken(): string | undefined {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return undefined;
  // Out of the address bar and history before any other script can read it.
  history.replaceState(history.state, '', location.pathname + location.search);
  return decodeURIComponent(match[1] ?? '');
}

async function exchange(token: string | undefined): Promise<void> {
  if (!token) return; // A reload: the session cookie from the first exchange is still there.
  const response = await fetch('/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error('the launch link is not valid for this RoleCall (start `rolecall ui` again)');
}

function failAll(message: string): void {
  for (const [id, settle] of pending) {
    pending.delete(id);
    settle({ ok: false, error: { code: 'NETWORK_ERROR', message } } as Result<unknown>);
  }
}

function connect(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
    socket.onopen = () => resolve(socket);
    socket.onerror = () => reject(new Error('RoleCall refused the connection: open the link `rolecall ui` printed'));
    socket.onclose = () => failAll('The connection to RoleCall closed: is `rolecall ui` still running?');
    socket.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as { id?: number; result?: Result<unknown>; event?: EventName; payload?: unknown };
      if (typeof data.id === 'number' && data.result) {
        const settle = pending.get(data.id);
        pending.delete(data.id);
        settle?.(data.result);
      } else if (data.event) {
        events.emit(data.event, data.payload);
      }
    };
  });
}

const ready = exchange(takeToken()).then(connect);
// Reported once here; each call then resolves to a Result saying the same.
ready.catch((err: Error) => console.error(`RoleCall: ${err.message}`));

const api = createApi(async (channel, request) => {
  let socket: WebSocket;
  try {
    socket = await ready;
  } catch (err) {
    return { ok: false, error: { code: 'NETWORK_ERROR', message: (err as Error).message } } as Result<unknown>;
  }
  if (socket.readyState !== WebSocket.OPEN) {
    return { ok: false, error: { code: 'NETWORK_ERROR', message: 'The connection to RoleCall closed: is `rolecall ui` still running?' } } as Result<unknown>;
  }
  const id = nextId++;
  return new Promise<Result<unknown>>((resolve) => {
    pending.set(id, resolve);
    socket.send(JSON.stringify({ id, channel, request }));
  });
}, events.subscribe);

// Like contextBridge.exposeInMainWorld: a frozen object on a property the page cannot replace.
Object.defineProperty(window, API_GLOBAL, { value: Object.freeze(api), enumerable: true });
