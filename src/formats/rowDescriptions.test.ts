// Descriptions on single rows (headers, query params, form fields and parts, Postman path variables) survive
// Postman import and export, the folder layout and RoleCall's own file. Files without any keep their exact bytes
// (folderLayout/roundTrip.test.ts).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { collectionSchema, type Collection, type RequestNode } from '../models/workspace';
import { readFolder, writeFolder } from './folderLayout';
import { exportPostmanCollection, type PostmanRequestItem } from './postmanExport';
import { importPostmanCollection } from './postmanImport';
import { importRoleCallCollection } from './rolecallImport';
import { toRoleCallFile } from './rolecallExport';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

const postman = {
  info: { name: 'Docs', schema: V21 },
  variable: [{ key: 'host', value: 'api.example.com', description: 'Where the API answers' }],
  item: [
    {
      name: 'Get order',
      request: {
        method: 'POST',
        header: [
          { key: 'X-Trace', value: 'abc', description: 'Correlates the logs' },
          { key: 'Accept', value: 'application/json' },
        ],
        url: {
          raw: 'https://api.example.com/orders/:id?expand=items&debug=1',
          protocol: 'https',
          host: ['api', 'example', 'com'],
          path: ['orders', ':id'],
          query: [
            { key: 'expand', value: 'items', description: 'Related records to include' },
            { key: 'debug', value: '1', disabled: true, description: { content: 'Verbose answers', type: 'text/plain' } },
          ],
          variable: [{ key: 'id', value: '42', description: 'The order number' }],
        },
        body: { mode: 'urlencoded', urlencoded: [{ key: 'note', value: 'x', type: 'text', description: 'Free text' }] },
      },
    },
    {
      name: 'Upload',
      request: { method: 'POST', url: 'https://api.example.com/up', body: { mode: 'formdata', formdata: [{ key: 'doc', type: 'text', value: 'v', description: 'The document' }] } },
    },
  ],
};

const imported = (): Collection => {
  let n = 0;
  return importPostmanCollection(postman, { newId: () => `id${++n}` }).collection;
};
const req = (c: Collection, name: string) => c.items.find((i) => i.name === name) as RequestNode;

describe('row descriptions', () => {
  it('are kept from a Postman import on the rows they describe', () => {
    const c = imported();
    const get = req(c, 'Get order');
    expect(get.url).toBe('https://api.example.com/orders/42?expand=items');
    expect(get.headers.map((h) => [h.key, h.description])).toEqual([
      ['X-Trace', 'Correlates the logs'],
      ['Accept', undefined],
    ]);
    expect(get.paramDescriptions).toEqual([
      { key: 'expand', description: 'Related records to include' },
      { key: 'debug', description: 'Verbose answers' },
    ]);
    expect(get.body).toMatchObject({ mode: 'urlencoded', fields: [{ key: 'note', description: 'Free text' }] });
    expect(get.preserved?.fields.pathVariables).toEqual([{ key: 'id', value: '42', description: 'The order number' }]);
    expect(req(c, 'Upload').body).toMatchObject({ mode: 'multipart', parts: [{ key: 'doc', description: 'The document' }] });
    expect(c.variables.map((v) => [v.key, v.description])).toEqual([['host', 'Where the API answers']]);
  });

  it('go back to Postman on the same rows, and come in again the same', () => {
    const out = exportPostmanCollection(imported()).collection;
    const get = out.item[0] as PostmanRequestItem;
    expect(get.request.header).toEqual([
      { key: 'X-Trace', value: 'abc', type: 'text', description: 'Correlates the logs' },
      { key: 'Accept', value: 'application/json', type: 'text' },
    ]);
    expect(get.request.url.query).toEqual([
      { key: 'expand', value: 'items', description: 'Related records to include' },
      { key: 'debug', value: '1', disabled: true, description: 'Verbose answers' },
    ]);
    expect(get.request.url.variable).toEqual([{ key: 'id', value: '42', description: 'The order number' }]);
    expect(get.request.body).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'note', value: 'x', type: 'text', description: 'Free text' }] });
    expect(out.variable).toEqual([{ key: 'host', value: 'api.example.com', type: 'string', description: 'Where the API answers' }]);
    expect((out.item[1] as PostmanRequestItem).request.body).toEqual({ mode: 'formdata', formdata: [{ key: 'doc', type: 'text', value: 'v', description: 'The document' }] });

    let n = 0;
    const again = importPostmanCollection(JSON.parse(JSON.stringify(out)), { newId: () => `id${++n}` }).collection;
    const strip = (c: Collection) => JSON.parse(JSON.stringify(c.items.map((i) => ({ ...i, id: '', auth: undefined, signing: undefined, description: undefined }))));
    expect(strip(again)).toEqual(strip(imported()));
  });

  it('are written to the request file only where present, and read back', () => {
    const collection = collectionSchema.parse(imported());
    const { files } = writeFolder({ collections: [collection], environments: [] });
    const file = parse(files['collections/Docs/Get order.request.yaml']!) as Record<string, unknown>;
    expect(file.headers).toEqual([{ key: 'X-Trace', value: 'abc', description: 'Correlates the logs' }, { key: 'Accept', value: 'application/json' }]);
    expect(file.queryParams).toEqual([
      { key: 'expand', value: 'items', description: 'Related records to include' },
      { key: 'debug', value: '1', description: 'Verbose answers', disabled: true },
    ]);
    expect(file.pathVariables).toEqual([{ key: 'id', value: '42', description: 'The order number' }]);
    expect(file.body).toEqual({ type: 'urlencoded', content: [{ key: 'note', value: 'x', description: 'Free text' }] });

    const read = readFolder(files);
    expect(read.problems).toEqual([]);
    const back = req(read.collections[0]!, 'Get order');
    const before = req(collection, 'Get order');
    expect(back.url).toBe(before.url);
    expect(back.headers.map((h) => h.description)).toEqual(['Correlates the logs', undefined]);
    expect(back.paramDescriptions).toEqual(before.paramDescriptions);
    expect(back.disabledParams).toEqual(before.disabledParams);
    expect(back.body).toMatchObject({ mode: 'urlencoded', fields: [{ key: 'note', description: 'Free text' }] });
    expect(back.preserved?.fields.pathVariables).toEqual([{ key: 'id', value: '42', description: 'The order number' }]);
    expect(req(read.collections[0]!, 'Upload').body).toMatchObject({ mode: 'multipart', parts: [{ description: 'The document' }] });
    expect(writeFolder(read, read.meta).files).toEqual(files);
  });

  it("travel in RoleCall's own file", () => {
    const file = JSON.parse(JSON.stringify(toRoleCallFile(imported())));
    const back = importRoleCallCollection(file).collection;
    const get = req(back, 'Get order');
    expect(get.headers[0]!.description).toBe('Correlates the logs');
    expect(get.paramDescriptions).toEqual([
      { key: 'expand', description: 'Related records to include' },
      { key: 'debug', description: 'Verbose answers' },
    ]);
    expect(req(back, 'Upload').body).toMatchObject({ parts: [{ description: 'The document' }] });
  });
});
