import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Collection, Environment, FolderNode, ItemNode, KeyValue } from '../../models/workspace';
import { everyFeatureCollection, everyFeatureEnvironments, request, SECRET_VALUES } from './fixtures/everyFeature';
import { readFolder, writeFolder } from './index';

/** The input as a folder can hold it: secret values blanked, every id dropped (ids come back from paths). */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (!value || typeof value !== 'object') return value;
  const row = value as Partial<KeyValue>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'id' || v === undefined) continue;
    out[k] = k === 'value' && row.secret === true ? '' : comparable(v);
  }
  return out;
}

const input = () => ({ collections: [everyFeatureCollection()], environments: everyFeatureEnvironments() });

function changedPaths(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((p) => a[p] !== b[p]).sort();
}

describe('folder layout round trip', () => {
  it('reads back what it wrote, every feature, and writes it again byte for byte', () => {
    const first = writeFolder(input());
    const read = readFolder(first.files);
    expect(read.problems).toEqual([]);
    expect(comparable(read.collections)).toEqual(comparable(input().collections));
    expect(comparable(read.environments)).toEqual(comparable(input().environments));

    const again = writeFolder(read, read.meta);
    expect(again.files).toEqual(first.files);
    // Writing the same input twice, with or without the meta of the first write, gives the same bytes.
    expect(writeFolder(input()).files).toEqual(first.files);
    expect(writeFolder(input(), first.meta).files).toEqual(first.files);
    // Reading again gives the same ids.
    expect(readFolder(first.files).collections).toEqual(read.collections);
  });

  it('lays files out as Postman git-native folders', () => {
    const { files } = writeFolder(input());
    expect(Object.keys(files).sort()).toEqual([
      'collections/Orders API/.resources/definition.yaml',
      'collections/Orders API/123.request.yaml',
      'collections/Orders API/Admin/.resources/definition.yaml',
      'collections/Orders API/Admin/Empty/.resources/definition.yaml',
      'collections/Orders API/Admin/Nested- deep-er/.resources/definition.yaml',
      'collections/Orders API/Admin/Nested- deep-er/Delete order.request.yaml',
      'collections/Orders API/Admin/Upload file.request.yaml',
      'collections/Orders API/Create order.request.yaml',
      'collections/Orders API/Form.request.yaml',
      'collections/Orders API/Get.request.yaml',
      'collections/Orders API/List orders.request.yaml',
      'collections/Orders API/Multipart.request.yaml',
      'collections/Orders API/Text.request.yaml',
      'collections/Orders API/XML.request.yaml',
      'collections/Orders API/a-b- c-.request.yaml',
      'collections/Orders API/get (2).request.yaml',
      'collections/Orders API/true.request.yaml',
      'environments/Dev.environment.yaml',
      'environments/Prod - EU.environment.yaml',
    ]);
    expect(files['collections/Orders API/List orders.request.yaml']).toBe(
      [
        '$kind: http-request',
        'order: 1000',
        "url: 'https://{{host}}/orders?limit=10&q={{query}}'",
        'method: GET',
        'headers:',
        '  - key: Accept',
        '    value: application/json',
        '  - key: X-Debug',
        "    value: 'true'",
        '    disabled: true',
        'queryParams:',
        '  - key: page',
        "    value: '2'",
        '    disabled: true',
        '',
      ].join('\n'),
    );
    const create = files['collections/Orders API/Create order.request.yaml']!;
    expect(create).toContain('body:\n  type: json\n  content: |-\n    {\n      "item": "{{item}}",\n');
    expect(files['collections/Orders API/get (2).request.yaml']).toContain('name: get\n');
    expect(files['collections/Orders API/123.request.yaml']).not.toContain('name:');
    expect(files['collections/Orders API/true.request.yaml']).toContain("content: 'yes'");
    for (const [path, text] of Object.entries(files)) {
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), path).toBe(true);
      expect(text.includes('\r\n'), path).toBe(false);
    }
  });

  it('writes AWS auth as awsv4 with region and service, never keys', () => {
    const { files } = writeFolder(input());
    const create = parse(files['collections/Orders API/Create order.request.yaml']!);
    expect(create.auth.type).toBe('awsv4');
    expect(create.auth.credentials.slice(0, 3)).toEqual([
      { key: 'region', value: 'us-west-2' },
      { key: 'service', value: 'execute-api' },
      { key: 'addAuthDataToQuery', value: false },
    ]);
    expect(create.auth.credentials).toContainEqual({ key: 'rolecall.profile', value: 'prod' });
    const form = parse(files['collections/Orders API/Form.request.yaml']!);
    expect(form.auth.credentials).toContainEqual({ key: 'addAuthDataToQuery', value: true });
    for (const [path, text] of Object.entries(files)) {
      const doc = parse(text);
      for (const block of [doc.auth].filter(Boolean)) {
        const keys = (block.credentials ?? []).map((c: { key: string }) => c.key);
        expect(keys.filter((k: string) => ['accessKey', 'secretKey', 'sessionToken'].includes(k)), path).toEqual([]);
      }
    }
    // inherit is no auth key; none is noauth.
    expect(parse(files['collections/Orders API/List orders.request.yaml']!).auth).toBeUndefined();
    expect(parse(files['collections/Orders API/Text.request.yaml']!).auth).toEqual({ type: 'noauth' });
  });

  it('never writes a secret value, a credential header or a machine path', () => {
    const collection: Collection = {
      ...everyFeatureCollection(),
      items: [
        request('Leaky', {
          url: 'https://h/x?X-Amz-Signature=abcdef0123&X-Amz-Credential=AKIAEXAMPLE%2F2024',
          headers: [
            { id: 'h1', key: 'Authorization', value: 'AWS4-HMAC-SHA256 Credential=AKIASECRETHEADER', enabled: true, secret: false },
            { id: 'h2', key: 'X-Api-Key', value: 'header-SECRET-7', enabled: true, secret: true },
          ],
          body: { mode: 'file', path: '/home/alice/private/data.bin' },
        }),
        request('Windows', {
          body: { mode: 'multipart', parts: [{ id: 'p', key: 'f', enabled: true, kind: 'file', value: 'C:\\Users\\alice\\pic.png' }] },
        }),
      ],
    };
    const { files } = writeFolder({ collections: [collection], environments: everyFeatureEnvironments() });
    const all = Object.values(files).join('\n');
    for (const secret of [...SECRET_VALUES, 'header-SECRET-7', 'AKIASECRETHEADER', 'abcdef0123', 'AKIAEXAMPLE', '/home/alice', 'Users\\alice', 'C:']) {
      expect(all).not.toContain(secret);
    }
    expect(files['collections/Orders API/Leaky.request.yaml']).toContain('content: data.bin');
    expect(files['collections/Orders API/Windows.request.yaml']).toContain('value: pic.png');
    const read = readFolder(files);
    expect(read.secretNames).toEqual(
      expect.arrayContaining([
        { collectionId: read.collections[0]!.id, name: 'apiKey' },
        { environmentId: read.environments[0]!.id, name: 'password' },
      ]),
    );
  });

  it('reports secret variables of collections, folders and environments by name', () => {
    const { files } = writeFolder(input());
    const read = readFolder(files);
    const admin = read.collections[0]!.items.find((i) => i.name === 'Admin')!;
    expect(read.secretNames).toEqual([
      { collectionId: read.collections[0]!.id, name: 'apiKey' },
      { collectionId: read.collections[0]!.id, itemId: admin.id, name: 'adminToken' },
      { environmentId: read.environments[0]!.id, name: 'password' },
    ]);
  });
});

describe('folder layout ids and names', () => {
  it('keeps the app\'s ids when read with the meta of its last write', () => {
    const first = writeFolder(input());
    const read = readFolder(first.files, first.meta);
    expect(read.collections[0]!.id).toBe('col-1');
    expect(read.collections[0]!.items.map((i) => i.id).slice(0, 3)).toEqual(['r-List orders', 'f-admin', 'r-Create order']);
    expect(read.environments.map((e) => e.id)).toEqual(['env-dev', 'env-prod']);
    expect(read.meta).toEqual(first.meta);
  });

  it('reads a collection without auth as none, and a renamed collection keeps its directory', () => {
    const collection: Collection = { ...everyFeatureCollection(), auth: { type: 'none' } };
    const first = writeFolder({ collections: [collection], environments: [] });
    expect(first.files['collections/Orders API/.resources/definition.yaml']).not.toContain('auth');
    const read = readFolder(first.files);
    expect(read.collections[0]!.auth).toEqual({ type: 'none' });
    read.collections[0]!.name = 'Orders API v2';
    const next = writeFolder(read, read.meta);
    expect(changedPaths(first.files, next.files)).toEqual(['collections/Orders API/.resources/definition.yaml']);
    expect(readFolder(next.files).collections[0]!.name).toBe('Orders API v2');
  });

  it('gives two collections or environments with clashing names their own directories and files', () => {
    const a = everyFeatureCollection();
    const b = { ...everyFeatureCollection(), id: 'col-2', name: 'orders api' };
    const envs = [everyFeatureEnvironments()[0]!, { ...everyFeatureEnvironments()[0]!, id: 'env-3', name: 'DEV' }];
    const { files } = writeFolder({ collections: [a, b], environments: envs });
    expect(Object.keys(files).filter((p) => p.endsWith('.resources/definition.yaml') && p.split('/').length === 4)).toEqual([
      'collections/Orders API/.resources/definition.yaml',
      'collections/orders api (2)/.resources/definition.yaml',
    ]);
    expect(Object.keys(files).filter((p) => p.startsWith('environments/'))).toEqual(['environments/Dev.environment.yaml', 'environments/DEV (2).environment.yaml']);
    const read = readFolder(files);
    expect(read.collections.map((c) => c.name).sort()).toEqual(['Orders API', 'orders api']);
    expect(read.environments.map((e) => e.name)).toEqual(['DEV', 'Dev']);
  });
});

describe('folder layout diffs', () => {
  const setup = () => {
    const first = writeFolder(input());
    const read = readFolder(first.files);
    return { first, read };
  };
  const topLevel = (collections: Collection[]) => collections[0]!.items;

  it('an edited request changes exactly its own file', () => {
    const { first, read } = setup();
    const items = topLevel(read.collections);
    const index = items.findIndex((i) => i.name === 'Create order');
    items[index] = { ...(items[index] as Extract<ItemNode, { kind: 'request' }>), url: 'https://{{host}}/orders/v2' };
    const next = writeFolder(read, read.meta);
    expect(changedPaths(first.files, next.files)).toEqual(['collections/Orders API/Create order.request.yaml']);
  });

  it('a renamed request keeps its file and says its new name', () => {
    const { first, read } = setup();
    const items = topLevel(read.collections);
    const index = items.findIndex((i) => i.name === 'Form');
    items[index] = { ...items[index]!, name: 'Login form' } as ItemNode;
    const next = writeFolder(read, read.meta);
    expect(changedPaths(first.files, next.files)).toEqual(['collections/Orders API/Form.request.yaml']);
    expect(next.files['collections/Orders API/Form.request.yaml']).toContain('name: Login form\n');
  });

  it('an insertion in the middle adds one file and changes no other', () => {
    const { first, read } = setup();
    const items = topLevel(read.collections);
    items.splice(2, 0, request('Inserted'));
    const admin = items.find((i) => i.name === 'Admin') as FolderNode;
    admin.items.splice(1, 0, request('Also inserted'));
    const next = writeFolder(read, read.meta);
    expect(changedPaths(first.files, next.files)).toEqual([
      'collections/Orders API/Admin/Also inserted.request.yaml',
      'collections/Orders API/Inserted.request.yaml',
    ]);
    // Placed between its neighbours when read back.
    const again = readFolder(next.files);
    expect(topLevel(again.collections).map((i) => i.name).slice(1, 4)).toEqual(['Admin', 'Inserted', 'Create order']);
    expect((topLevel(again.collections)[1] as FolderNode).items.map((i) => i.name)).toEqual(['Nested: deep/er', 'Also inserted', 'Upload file', 'Empty']);
  });

  it('a moved request rewrites only that request', () => {
    const { first, read } = setup();
    const items = topLevel(read.collections);
    const [moved] = items.splice(items.findIndex((i) => i.name === 'Text'), 1);
    items.unshift(moved!);
    const next = writeFolder(read, read.meta);
    expect(changedPaths(first.files, next.files)).toEqual(['collections/Orders API/Text.request.yaml']);
    expect(topLevel(readFolder(next.files).collections)[0]!.name).toBe('Text');
  });

  it('an environment edit changes its file only; a deleted request drops its file only', () => {
    const { first, read } = setup();
    (read.environments[0]!.variables as KeyValue[])[0]!.value = 'other.example.com';
    const items = topLevel(read.collections);
    items.splice(items.findIndex((i) => i.name === 'XML'), 1);
    const next = writeFolder(read as { collections: Collection[]; environments: Environment[] }, read.meta);
    expect(changedPaths(first.files, next.files)).toEqual(['collections/Orders API/XML.request.yaml', 'environments/Dev.environment.yaml']);
    expect(next.files['collections/Orders API/XML.request.yaml']).toBeUndefined();
  });
});
