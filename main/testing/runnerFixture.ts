// The collection the runner tests and bench run against main/testing/ordersApi.ts: an "orders" folder with
// create (capturing the new id) → get → delete, each with checks, signed with the environment's keys.
import type { Check, Capture } from '../../src/models/checks';
import { collectionSchema, environmentSchema, type Collection, type Environment } from '../../src/models/workspace';

const signing = { region: 'us-east-1', service: 'execute-api' };
let seq = 0;
const id = (prefix: string) => `${prefix}-${++seq}`;

function request(name: string, method: string, url: string, checks: Check[], captures: Capture[] = [], body?: string) {
  return {
    kind: 'request' as const,
    id: id('r'),
    name,
    method,
    url,
    ...(body ? { body: { mode: 'raw', language: 'json', text: body } } : {}),
    signing,
    checks,
    captures,
  };
}

const status = (expect: string): Check => ({ kind: 'status', id: id('c'), enabled: true, expect });

export function ordersCollection(extraChecks: { create?: Check[] } = {}): Collection {
  return collectionSchema.parse({
    id: 'orders-api',
    name: 'Orders API',
    auth: { type: 'env' },
    items: [
      {
        kind: 'folder',
        id: 'f-orders',
        name: 'orders',
        items: [
          request(
            'create order',
            'POST',
            '{{baseUrl}}/orders',
            [status('201'), { kind: 'json', id: id('c'), enabled: true, path: '$.item', compare: { op: 'equals', value: 'book' } }, ...(extraChecks.create ?? [])],
            [{ id: id('k'), enabled: true, variable: 'orderId', from: 'json', path: '$.id' }],
            '{"item":"{{item}}"}',
          ),
          request('get order', 'GET', '{{baseUrl}}/orders/{{orderId}}', [
            status('200'),
            { kind: 'json', id: id('c'), enabled: true, path: '$.status', compare: { op: 'equals', value: 'open' } },
            { kind: 'header', id: id('c'), enabled: true, name: 'content-type', compare: { op: 'contains', value: 'json' } },
          ]),
          request('delete order', 'DELETE', '{{baseUrl}}/orders/{{orderId}}', [status('204')]),
        ],
      },
    ],
  });
}

export function stagEnvironment(baseUrl: string, item = 'book'): Environment {
  return environmentSchema.parse({
    id: 'env-stag',
    name: 'stag',
    variables: [
      { id: 'v1', key: 'baseUrl', value: baseUrl },
      { id: 'v2', key: 'item', value: item },
    ],
  });
}
