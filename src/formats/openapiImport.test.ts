import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Collection, FolderNode, ItemNode, RequestNode } from '../models/workspace';
import { ImportError } from './importResult';
import { importOpenApi, OPENAPI_LIMITS } from './openapiImport';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const YAML_TEXT = fixture('apigateway-orders.openapi.yaml');
const JSON_TEXT = fixture('apigateway-orders.openapi.json');

const counter = () => {
  let n = 0;
  return () => `id${++n}`;
};
const requests = (items: ItemNode[]): RequestNode[] => items.flatMap((i) => (i.kind === 'folder' ? requests(i.items) : [i]));
const byName = (c: Collection, name: string) => requests(c.items).find((r) => r.name === name)!;
const vars = (c: Collection) => Object.fromEntries(c.variables.map((v) => [v.key, v.value]));
const refused = (input: unknown): string => {
  try {
    importOpenApi(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as Error).message;
  }
  throw new Error('imported');
};
const minimal = (extra: Record<string, unknown>) => ({ openapi: '3.0.3', info: { title: 'T' }, ...extra });

describe('importOpenApi: an API Gateway export', () => {
  for (const [label, text] of [['YAML', YAML_TEXT], ['JSON', JSON_TEXT]] as const) {
    it(`${label}: folders by tag or first path segment, one request per operation`, () => {
      const { collection } = importOpenApi(text, { newId: counter() });
      expect(collection.name).toBe('orders-api');
      expect(collection.items.map((i) => [i.kind, i.name])).toEqual([['folder', 'orders'], ['folder', 'health']]);
      const orders = collection.items[0] as FolderNode;
      expect(orders.items.map((r) => [r.name, (r as RequestNode).method, (r as RequestNode).url])).toEqual([
        ['List orders', 'GET', '{{baseUrl}}/orders?limit=20'],
        ['Create an order', 'POST', '{{baseUrl}}/orders'],
        ['Replace an order', 'PUT', '{{baseUrl}}/orders/{{orderId}}'],
      ]);
      expect((collection.items[1] as FolderNode).items).toMatchObject([{ name: 'health', method: 'GET', url: '{{baseUrl}}/health' }]);
    });

    it(`${label}: the server and the stage as variables, path params as variables with their example`, () => {
      const { collection } = importOpenApi(text, { newId: counter() });
      expect(vars(collection)).toEqual({
        baseUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/{{stage}}',
        stage: 'prod',
        orderId: 'ord-42',
      });
    });

    it(`${label}: required query params in the URL, optional ones disabled, header params from a $ref`, () => {
      const { collection } = importOpenApi(text, { newId: counter() });
      const list = byName(collection, 'List orders');
      expect(list.disabledParams).toEqual([{ key: 'status', value: 'open' }]);
      expect(list.headers.map((h) => [h.key, h.value, h.enabled])).toEqual([['X-Request-Id', 'req-1', true]]);
    });

    it(`${label}: bodies from the example (pretty JSON) or a skeleton of the $ref schema`, () => {
      const { collection, report } = importOpenApi(text, { newId: counter() });
      const create = byName(collection, 'Create an order');
      expect(create.body).toEqual({ mode: 'raw', language: 'json', text: '{\n  "sku": "BOOK-1",\n  "quantity": 2\n}' });
      expect(create.headers.map((h) => [h.key, h.value])).toEqual([['Content-Type', 'application/json']]);
      const replace = byName(collection, 'Replace an order');
      expect(replace.body.mode === 'raw' && JSON.parse(replace.body.text)).toEqual({ sku: 'string', quantity: 0, gift: false, address: { city: 'Lyon' } });
      expect(report.mapped.join('\n')).toMatch(/skeleton built from the schema/);
    });

    it(`${label}: sigv4 becomes AWS auth for execute-api in the server's region; unsecured operations have none`, () => {
      const { collection, report } = importOpenApi(text, { newId: counter() });
      expect(collection.auth).toEqual({ type: 'none' });
      for (const name of ['List orders', 'Create an order', 'Replace an order']) {
        const r = byName(collection, name);
        expect(r.auth).toEqual({ type: 'profile', profile: '' });
        expect(r.signing).toMatchObject({ region: 'eu-west-1', service: 'execute-api', mode: 'header' });
      }
      expect(byName(collection, 'health')).toMatchObject({ auth: { type: 'inherit' }, signing: { region: '', service: '' } });
      expect(report.mapped.join('\n')).toMatch(/SigV4 security became AWS auth/);
      expect(report.notMapped.join('\n')).toMatch(/x-amazon-apigateway-integration/);
    });
  }

  it('reads the YAML and JSON forms to the same collection', () => {
    expect(importOpenApi(YAML_TEXT, { newId: counter() }).collection).toEqual(importOpenApi(JSON_TEXT, { newId: counter() }).collection);
  });
});

describe('importOpenApi: security', () => {
  const op = (extra: Record<string, unknown> = {}) => ({ responses: {}, ...extra });
  it('document-wide sigv4 is written once on the collection; x-amazon-apigateway-auth AWS_IAM signs; other schemes are reported', () => {
    const { collection, report } = importOpenApi(
      minimal({
        servers: [{ url: 'https://api.example.com/v1' }],
        security: [{ sigv4: [] }],
        paths: {
          '/a': { get: op() },
          '/b': { get: op({ security: [{ key: [] }] }) },
          '/c': { get: op({ security: [], 'x-amazon-apigateway-auth': { type: 'AWS_IAM' } }) },
        },
        components: { securitySchemes: { sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' }, key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } },
      }),
    );
    expect(collection.auth).toEqual({ type: 'profile', profile: '' });
    expect(requests(collection.items).map((r) => [r.url, r.auth.type, r.signing.service, r.signing.region])).toEqual([
      ['{{baseUrl}}/a', 'inherit', 'execute-api', ''],
      ['{{baseUrl}}/b', 'none', '', ''],
      ['{{baseUrl}}/c', 'inherit', 'execute-api', ''],
    ]);
    expect(report.notMapped.join('\n')).toMatch(/Security scheme "key" \(apiKey\) is not one RoleCall signs with/);
    expect(report.warnings.join('\n')).toMatch(/names no AWS region/);
  });
});

describe('importOpenApi: $ref handling and bounds', () => {
  it('a recursive schema gives a finite skeleton; a $ref chain back to itself is reported and left out', () => {
    const { collection, report } = importOpenApi(
      minimal({
        servers: [{ url: 'https://api.example.com' }],
        paths: {
          '/tree': {
            post: {
              parameters: [{ $ref: '#/components/parameters/Loop' }, { name: 'q', in: 'query', required: true, schema: { type: 'string' } }],
              requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } },
            },
          },
        },
        components: {
          parameters: { Loop: { $ref: '#/components/parameters/Again' }, Again: { $ref: '#/components/parameters/Loop' } },
          schemas: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } },
        },
      }),
    );
    const tree = requests(collection.items)[0]!;
    expect(tree.url).toBe('{{baseUrl}}/tree?q=');
    expect(tree.body.mode === 'raw' && JSON.parse(tree.body.text)).toEqual({ name: 'string', children: [{}] });
    expect(report.warnings.join('\n')).toMatch(/\$ref "#\/components\/parameters\/Loop" leads back to itself/);
  });

  it('an external $ref is reported as not mapped, never fetched', () => {
    const { collection, report } = importOpenApi(
      minimal({ paths: { '/x': { post: { requestBody: { $ref: 'https://example.com/bodies.yaml#/Order' }, parameters: [{ $ref: './params.yaml#/Id' }] } } } }),
    );
    expect(requests(collection.items)[0]).toMatchObject({ method: 'POST', body: { mode: 'none' }, headers: [] });
    expect(report.notMapped.join('\n')).toMatch(/External \$ref "https:\/\/example.com\/bodies.yaml#\/Order" was not followed/);
    expect(report.notMapped.join('\n')).toMatch(/External \$ref ".\/params.yaml#\/Id"/);
  });

  it('a document with no servers: {{baseUrl}} is empty and the user is told to set it', () => {
    const { collection, report } = importOpenApi('openapi: 3.1.0\ninfo:\n  title: Bare\npaths:\n  /ping:\n    get:\n      summary: Ping\n', { newId: counter() });
    expect(vars(collection)).toEqual({ baseUrl: '' });
    expect(collection.items).toMatchObject([{ kind: 'folder', name: 'ping', items: [{ name: 'Ping', url: '{{baseUrl}}/ping' }] }]);
    expect(report.warnings.join('\n')).toMatch(/names no server: set \{\{baseUrl\}\}/);
  });

  it('caps the operations imported and says how many were left out', () => {
    const paths = Object.fromEntries(Array.from({ length: OPENAPI_LIMITS.operations + 3 }, (_, i) => [`/p${i}`, { get: {} }]));
    const { collection, report } = importOpenApi(minimal({ paths }), { newId: counter() });
    expect(requests(collection.items)).toHaveLength(OPENAPI_LIMITS.operations);
    expect(report.warnings.join('\n')).toMatch(/3 more were left out/);
  });

  it('stops YAML alias bombs, and names malformed documents clearly', () => {
    const bomb = ['openapi: 3.0.0', 'a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`), 'paths: {}'].join('\n');
    expect(refused(bomb)).toMatch(/could not be read|not valid YAML/);
    expect(refused('openapi: 3.0.0\npaths:\n  /a: [\n')).toMatch(/not valid YAML \(line \d+\)/);
    expect(refused('{"openapi": "3.0.0", ')).toMatch(/not valid JSON/);
    expect(refused({ swagger: '2.0', paths: {} })).toMatch(/Swagger 2\.0 .* is not supported/);
    expect(refused({ openapi: '4.0', paths: {} })).toMatch(/not an OpenAPI 3 document/);
    expect(refused({ openapi: '3.0.0' })).toMatch(/no "paths"/);
    expect(refused({ openapi: '3.0.0', paths: {} })).toMatch(/no operations/);
    expect(importOpenApi({ openapi: '3.0.0', paths: { '/a': { get: {} } }, info: { title: 'x'.repeat(600) }, servers: 'nope' }).collection.name).toHaveLength(512);
  });
});
