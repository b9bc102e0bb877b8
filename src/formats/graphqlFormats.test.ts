// A GraphQL body through every format RoleCall writes: the folder layout (same bytes each time), the RoleCall
// export and Postman's graphql body mode.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Collection, RequestBody } from '../models/workspace';
import { request } from './folderLayout/fixtures/everyFeature';
import { readFolder, writeFolder } from './folderLayout/index';
import { exportPostmanCollection } from './postmanExport';
import { importPostmanCollection } from './postmanImport';
import { toRoleCallFile } from './rolecallExport';
import { importRoleCallCollection } from './rolecallImport';

const BODY: RequestBody = {
  mode: 'graphql',
  query: 'query Get($id: ID!) {\n  getItem(id: $id) { id name }\n}',
  variables: '{ "id": "{{itemId}}" }',
  operationName: 'Get',
};

const collection = (body: RequestBody = BODY): Collection => ({
  id: 'c1',
  name: 'AppSync',
  auth: { type: 'profile', profile: 'dev' },
  variables: [],
  items: [request('Get item', { method: 'POST', url: 'https://abc.appsync-api.eu-west-1.amazonaws.com/graphql', body })],
});

const bodyOf = (c: Collection) => {
  const item = c.items[0]!;
  return item.kind === 'request' ? item.body : undefined;
};

describe('a GraphQL body in the folder layout', () => {
  it('is written as body type graphql, read back the same, and written again byte for byte', () => {
    const first = writeFolder({ collections: [collection()], environments: [] });
    const path = Object.keys(first.files).find((p) => p.endsWith('.request.yaml'))!;
    expect(parse(first.files[path]!).body).toEqual({
      type: 'graphql',
      content: { query: BODY.query, variables: (BODY as { variables: string }).variables, operationName: 'Get' },
    });
    const read = readFolder(first.files);
    expect(read.problems).toEqual([]);
    expect(bodyOf(read.collections[0]!)).toEqual(BODY);
    expect(writeFolder(read, read.meta).files).toEqual(first.files);
    expect(writeFolder({ collections: [collection()], environments: [] }).files).toEqual(first.files);
  });

  it('without an operation name writes none and reads none', () => {
    const body: RequestBody = { mode: 'graphql', query: '{ a }', variables: '' };
    const read = readFolder(writeFolder({ collections: [collection(body)], environments: [] }).files);
    expect(bodyOf(read.collections[0]!)).toEqual(body);
  });
});

describe('a GraphQL body in exports', () => {
  it('survives the RoleCall export', () => {
    const back = importRoleCallCollection(JSON.parse(JSON.stringify(toRoleCallFile(collection()))));
    expect(bodyOf(back.collection)).toEqual(BODY);
  });

  it("is Postman's graphql body mode and imports back as the same GraphQL body", () => {
    const text = JSON.stringify(exportPostmanCollection(collection()).collection);
    const items = (JSON.parse(text) as { item: Array<{ request: { body: unknown } }> }).item;
    expect(items[0]!.request.body).toEqual({ mode: 'graphql', graphql: { query: BODY.query, variables: '{ "id": "{{itemId}}" }', operationName: 'Get' } });
    const back = importPostmanCollection(JSON.parse(text) as unknown);
    expect(bodyOf(back.collection)).toEqual(BODY);
  });
});
