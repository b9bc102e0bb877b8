import { describe, expect, it } from 'vitest';
import { collectionSchema } from '../models/workspace';
import { IMPORT_MAX_BYTES, importAny } from './importAny';
import { ImportError } from './importResult';
import { toRoleCallFile } from './rolecallExport';

const v21 = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    info: { name: 'Orders', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [{ name: 'F', item: [{ name: 'List', request: { method: 'GET', url: 'https://api.example.com/orders' } }] }],
    ...extra,
  });

const refused = (text: string): string => {
  try {
    importAny(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return (err as Error).message;
  }
  throw new Error('imported');
};

describe('importAny recognises what it is given', () => {
  it('a Postman v2.1 collection, with a byte-order mark and surrounding blanks', () => {
    const out = importAny(`\uFEFF\n  ${v21()}\n`);
    expect(out.format).toBe('postman-collection');
    expect(out.formatLabel).toBe('Postman Collection v2.1');
    expect(out.collection?.name).toBe('Orders');
    expect(out.collection?.items[0]).toMatchObject({ kind: 'folder', name: 'F', items: [{ kind: 'request', name: 'List', method: 'GET' }] });
  });

  it('a Postman v2.0 collection by its schema', () => {
    const text = JSON.stringify({ info: { name: 'Old', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' }, item: [] });
    expect(importAny(text).formatLabel).toBe('Postman Collection v2.0');
  });

  it('refuses Postman v1 with the importer\'s clear message', () => {
    expect(refused(JSON.stringify({ id: 'x', name: 'v1', order: [], requests: [] }))).toMatch(/v1 is not supported/);
  });

  it('a Postman environment, its secrets emptied', () => {
    const out = importAny(JSON.stringify({ name: 'stag', values: [{ key: 'host', value: 'h', enabled: true }, { key: 'pw', value: 'hunter2hunter2', type: 'secret' }], _postman_variable_scope: 'environment' }));
    expect(out.format).toBe('postman-environment');
    expect(out.collection).toBeUndefined();
    expect(out.environment?.variables.map((v) => [v.key, v.value, v.secret])).toEqual([['host', 'h', false], ['pw', '', true]]);
  });

  it('RoleCall\'s own export, read back with new ids and the same content', () => {
    const original = collectionSchema.parse({
      id: 'c1',
      name: 'Team API',
      auth: { type: 'storedKeys', name: 'ci' },
      variables: [{ id: 'v1', key: 'host', value: 'api.example.com' }],
      items: [{ kind: 'folder', id: 'f1', name: 'F', items: [{ kind: 'request', id: 'r1', name: 'R', method: 'POST', url: 'https://{{host}}/', headers: [{ id: 'h1', key: 'X-A', value: '1' }], signing: { region: 'eu-west-1', service: 'execute-api' } }] }],
    });
    const out = importAny(JSON.stringify(toRoleCallFile(original)));
    expect(out.format).toBe('rolecall');
    const c = out.collection!;
    expect(c.id).not.toBe('c1');
    expect(c.items[0]!.id).not.toBe('f1');
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'id' ? undefined : v)));
    expect(strip(c)).toEqual(strip(original));
  });

  it('refuses a RoleCall file whose collection is not valid, saying where', () => {
    expect(refused(JSON.stringify({ format: 'rolecall-collection', version: 2, collection: { id: 'c', name: 5 } }))).toMatch(/not valid/);
  });

  it('a curl command, as a collection of one request; its literal keys are offered, never in the collection', () => {
    const out = importAny("curl -X POST 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/items' -H 'Content-Type: application/json' -d '{\"a\":1}' --aws-sigv4 'aws:amz:eu-west-1:execute-api' --user 'AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'");
    expect(out.format).toBe('curl');
    const request = out.collection!.items[0]!;
    expect(request).toMatchObject({ kind: 'request', method: 'POST', auth: { type: 'profile', profile: '' }, signing: { region: 'eu-west-1', service: 'execute-api' } });
    expect(out.offeredKeys).toHaveLength(1);
    expect(out.offeredKeys[0]!.usedBy).toEqual([request.id]);
    expect(JSON.stringify(out.collection)).not.toContain('wJalrXUtnFEMI');
  });

  it('imports OpenAPI 3 (JSON or YAML) as a collection, and refuses Swagger 2.0 clearly', () => {
    const json = importAny(JSON.stringify({ openapi: '3.0.1', info: { title: 'x' }, paths: { '/items': { get: { tags: ['items'] } } } }));
    expect(json).toMatchObject({ format: 'openapi', formatLabel: 'OpenAPI 3.0.1', offeredKeys: [] });
    expect(json.collection?.items[0]).toMatchObject({ kind: 'folder', name: 'items', items: [{ kind: 'request', method: 'GET', url: '{{baseUrl}}/items' }] });
    const yaml = importAny('openapi: "3.1.0"\ninfo:\n  title: API\npaths:\n  /a:\n    post: {}\n');
    expect(yaml).toMatchObject({ format: 'openapi', formatLabel: 'OpenAPI 3.1.0', collection: { name: 'API' } });
    expect(refused('openapi: 3.0.1\ninfo:\n  title: API\npaths: {}\n')).toMatch(/no operations/);
    expect(refused(JSON.stringify({ swagger: '2.0', paths: {} }))).toMatch(/Swagger 2\.0 \(OpenAPI 2\) is not supported/);
  });

  it('points a git-native request file at "Open folder…"', () => {
    expect(refused('$kind: http-request\nmethod: GET\nurl: https://x\n')).toMatch(/Open folder/);
  });

  it('says clearly what is wrong with garbage, empty, broken JSON, arrays and oversized text', () => {
    expect(refused('hello world, not a collection')).toMatch(/cannot tell what this is/);
    expect(refused('   \n ')).toMatch(/empty/);
    expect(refused('{"info": ')).toMatch(/not valid JSON/);
    expect(refused('[1,2]')).toMatch(/an array/);
    expect(refused(JSON.stringify({ hello: 'world' }))).toMatch(/not a Postman collection/);
    expect(refused(' '.repeat(IMPORT_MAX_BYTES + 1))).toMatch(/larger than 20 MiB/);
  });
});
