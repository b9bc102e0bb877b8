// A loopback TCP server (127.0.0.1 only) that answers each HTTP request with whatever bytes the fuzz test chose,
// valid HTTP or not: it reads the request head (and a Content-Length body), then writes the planned chunks and
// closes, cuts, or hangs. It never parses more than it must, so any answer can be produced.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  head: string;
  /** Lower-cased header name to value, last one wins. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface Answer {
  /** Written in order, each in its own write (so the client sees the chunk edges). */
  chunks: Buffer[];
  /** close: end the socket; destroy: reset it; hang: leave it open and silent. */
  then: 'close' | 'destroy' | 'hang';
}

export interface RawServer {
  url: string;
  requests: ReceivedRequest[];
  /** What the next requests are answered with. */
  answer: (request: ReceivedRequest) => Answer;
  stop(): Promise<void>;
}

const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

export async function startRawServer(): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const state: RawServer = {
    url: '',
    requests: [],
    answer: () => ({ chunks: [Buffer.from('HTTP/1.1 204 No Content\r\n\r\n')], then: 'close' }),
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffered = Buffer.alloc(0);
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      if (answered) return;
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length > MAX_REQUEST_BYTES) return void socket.destroy();
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0) || 0;
      if (buffered.length < end + 4 + length) return;
      answered = true;
      const request = { head, headers, body: buffered.subarray(end + 4, end + 4 + length) };
      state.requests.push(request);
      const { chunks, then } = state.answer(request);
      for (const c of chunks) if (!socket.destroyed) socket.write(c);
      if (then === 'close') socket.end();
      else if (then === 'destroy') socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
