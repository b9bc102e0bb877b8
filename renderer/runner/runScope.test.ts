import { describe, expect, it } from 'vitest';
import type { Collection, RequestNode } from '../../src/models/workspace';
import { chosenItemIds, runScopeOf, scopeRequests } from './runScope';

const request = (id: string, method = 'GET'): RequestNode => ({
  kind: 'request',
  id,
  name: id,
  method,
  url: `https://x/${id}`,
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'inherit' },
  signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
  disabledParams: [],
  checks: [],
  captures: [],
});

const collection: Collection = {
  id: 'c',
  name: 'Team',
  auth: { type: 'none' },
  variables: [],
  items: [
    { kind: 'folder', id: 'orders', name: 'Orders', auth: { type: 'inherit' }, variables: [], items: [request('create', 'POST'), { kind: 'folder', id: 'admin', name: 'Admin', auth: { type: 'inherit' }, variables: [], items: [request('purge', 'DELETE')] }, request('get')] },
    request('health'),
  ],
};

describe('what Run… offers', () => {
  it('lists a folder’s requests in run order with the subfolders below it', () => {
    const scope = runScopeOf({ kind: 'folder', key: 'k', depth: 1, collectionId: 'c', folder: collection.items[0] as never, expanded: true }, [collection])!;
    expect(scope.name).toBe('Orders');
    expect(scopeRequests(scope)).toEqual([
      { id: 'create', name: 'create', where: '', method: 'POST' },
      { id: 'purge', name: 'purge', where: 'Admin', method: 'DELETE' },
      { id: 'get', name: 'get', where: '', method: 'GET' },
    ]);
  });

  it('runs the folder itself when all of it is chosen, else the chosen requests, and the whole collection as no ids', () => {
    const folder = { collection, folderId: 'orders', name: 'Orders' };
    const all = scopeRequests(folder);
    expect(chosenItemIds(folder, all, new Set(['create', 'purge', 'get']))).toEqual(['orders']);
    expect(chosenItemIds(folder, all, new Set(['get', 'create']))).toEqual(['create', 'get']);
    const whole = { collection, name: 'Team' };
    const every = scopeRequests(whole);
    expect(every.map((r) => r.id)).toEqual(['create', 'purge', 'get', 'health']);
    expect(chosenItemIds(whole, every, new Set(every.map((r) => r.id)))).toEqual([]);
  });

  it('has nothing to offer once the collection is gone', () => {
    expect(runScopeOf({ kind: 'collection', key: 'k', depth: 0, collection, expanded: true, count: 4 }, [])).toBeUndefined();
  });
});
