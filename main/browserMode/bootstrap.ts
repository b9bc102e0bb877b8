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
      const data = JSON.parse(String(message.data)) as {
        id?: number;
        result?: Result<unknown>;
        downloads?: Array<{ url: string; name: string }>;
        event?: EventName;
        payload?: unknown;
        seq?: number;
        pick?: { pickId: string; title: string };
      };
      if (typeof data.id === 'number' && data.result) {
        for (const d of data.downloads ?? []) download(d.url, d.name);
        const settle = pending.get(data.id);
        pending.delete(data.id);
        settle?.(data.result);
      } else if (data.event) {
        const listeners = events.emit(data.event, data.payload);
        if (typeof data.seq === 'number') socket.send(JSON.stringify({ delivered: data.seq, listeners }));
      } else if (data.pick) {
        pickFile(socket, data.pick.pickId, data.pick.title);
      }
    };
  });
}

/** A file main saved for this page: the browser's own download (its save dialog or downloads folder). */
function download(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * main asked for a file (files:choose, an import): the browser's file picker, then the picked bytes go to main as an
 * upload for that one request. The click that made the call is still the page's user activation, so the picker opens.
 */
function pickFile(socket: WebSocket, pickId: string, title: string): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.hidden = true;
  input.title = title;
  const cancel = () => socket.send(JSON.stringify({ pickCancelled: pickId }));
  input.addEventListener('cancel', () => {
    input.remove();
    cancel();
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (!file) return cancel();
    // A failed upload is answered by main (a file over the size cap says so); only a dead connection cancels here.
    fetch(`/upload/${encodeURIComponent(pickId)}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    }).catch(cancel);
  });
  document.body.append(input);
  input.click();
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
