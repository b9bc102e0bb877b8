import { describe, expect, it } from 'vitest';
import { collectionSchema, WORKSPACE_VERSION } from '../models/workspace';
import { exportCollection } from './collectionExport';
import { toRoleCallFile } from './rolecallExport';
import { importRoleCallCollection } from './rolecallImport';

const SECRET = 'secretValueNeverInAnExport0001';

const collection = collectionSchema.parse({
  id: 'c1',
  name: 'Team API',
  auth: { type: 'storedKeys', name: 'ci' },
  variables: [{ id: 'v1', key: 'host', value: 'api.example.com' }, { id: 'v2', key: 'apiKey', value: SECRET, secret: true }],
  items: [{ kind: 'folder', id: 'f1', name: 'F', variables: [{ id: 'v3', key: 'token', value: SECRET, secret: true }], items: [{ kind: 'request', id: 'r1', name: 'R', method: 'GET', url: 'https://{{host}}/' }] }],
});

describe('the RoleCall collection file', () => {
  it('is the collection with its format and version, secret values emptied and keys kept', () => {
    const file = toRoleCallFile(collection);
    expect(file.format).toBe('rolecall-collection');
    expect(file.version).toBe(WORKSPACE_VERSION);
    expect(JSON.stringify(file)).not.toContain(SECRET);
    expect(file.collection.variables).toEqual([collection.variables[0], { ...collection.variables[1], value: '' }]);
    const folder = file.collection.items[0]!;
    expect(folder.kind === 'folder' && folder.variables[0]).toEqual({ id: 'v3', key: 'token', value: '', enabled: true, secret: true });
    // What it empties is a copy: the workspace's collection is untouched.
    expect(collection.variables[1]!.value).toBe(SECRET);
    expect(collectionSchema.parse(file.collection)).toEqual(file.collection);
  });

  it('is written as indented JSON with a name that says the format', () => {
    const own = exportCollection(collection, 'rolecall');
    expect(own.fileName).toBe('Team API.rolecall.json');
    expect(JSON.parse(own.text)).toEqual(toRoleCallFile(collection));
    const postman = exportCollection(collection, 'postman');
    expect(postman.fileName).toBe('Team API.postman_collection.json');
    for (const { text } of [own, postman]) expect(text).not.toContain(SECRET);
  });

  it('carries checks and captures out and back in', () => {
    const withChecks = collectionSchema.parse({
      id: 'c2',
      name: 'Checked',
      items: [{
        kind: 'request', id: 'r1', name: 'Create', method: 'POST', url: 'https://h.example/orders',
        checks: [{ id: 'k1', kind: 'status', expect: '201' }, { id: 'k2', kind: 'json', path: '$.id', compare: { op: 'matches', pattern: '^ord-' }, enabled: false }],
        captures: [{ id: 'p1', variable: 'orderId', from: 'json', path: '$.id' }],
      }],
    });
    const own = exportCollection(withChecks, 'rolecall');
    const back = importRoleCallCollection(JSON.parse(own.text), { newId: (() => { let n = 0; return () => `n${++n}`; })() });
    const request = back.collection.items[0]!;
    expect(request.kind === 'request' && request.checks).toEqual(withChecks.items[0]!.kind === 'request' && withChecks.items[0]!.checks);
    expect(request.kind === 'request' && request.captures).toEqual([{ id: 'p1', enabled: true, variable: 'orderId', from: 'json', path: '$.id' }]);
  });
});
