// A loopback stand-in for a SigV4-protected REST API with state, for runner tests and the runner bench: orders are
// created (POST /orders, 201 with the new id), read (GET /orders/ID) and deleted (DELETE /orders/ID, 204). Every
// request's signature is checked against the known keys first (e2e/harness/sigv4Verifier, independent of
// RoleCall's signer); a request that fails the check gets API Gateway's 403.
import { verifySigV4, type VerifyKeys } from '../../e2e/harness/sigv4Verifier';
import { startEchoServer, type CannedResponse, type EchoServer, type RecordedRequest } from './echoServer';

export interface OrdersApi extends EchoServer {
  /** Orders that exist now, by id. */
  orders: Map<string, { item: string }>;
  /** Requests refused for their signature. */
  stats: { refused: number };
}

const json = (status: number, value: unknown, headers: Array<[string, string]> = []): CannedResponse => ({
  status,
  headers: [['Content-Type', 'application/json'], ...headers],
  body: JSON.stringify(value),
});

export async function startOrdersApi(keys: VerifyKeys, opts: { verify?: boolean } = {}): Promise<OrdersApi> {
  const orders = new Map<string, { item: string }>();
  let next = 1;
  const stats = { refused: 0 };
  const handle = async (request: RecordedRequest): Promise<CannedResponse> => {
    if (opts.verify !== false) {
      const verdict = await verifySigV4(request, keys);
      if (!verdict.ok) {
        stats.refused++;
        return json(403, { message: `The request signature we calculated does not match the signature you provided. (${verdict.reason})` }, [['x-amzn-ErrorType', 'InvalidSignatureException']]);
      }
    }
    const path = request.url.split('?')[0]!;
    const id = /^\/orders\/([^/]+)$/.exec(path)?.[1];
    if (request.method === 'POST' && path === '/orders') {
      let item = '';
      try {
        item = String((JSON.parse(request.body.toString('utf8')) as { item?: unknown }).item ?? '');
      } catch {
        return json(400, { message: 'body is not JSON' });
      }
      const newId = `o-${next++}`;
      orders.set(newId, { item });
      return json(201, { id: newId, item }, [['Location', `/orders/${newId}`]]);
    }
    if (id && request.method === 'GET') return orders.has(id) ? json(200, { id, ...orders.get(id), status: 'open' }) : json(404, { message: `no order ${id}` });
    if (id && request.method === 'DELETE') return orders.delete(id) ? { status: 204 } : json(404, { message: `no order ${id}` });
    return json(404, { message: 'no such route' });
  };
  const server = await startEchoServer(handle);
  return Object.assign(server, { orders, stats });
}
