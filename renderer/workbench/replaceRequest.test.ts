import { describe, expect, it } from 'vitest';
import { collectionSchema, requestDocSchema, type Collection } from '../../src/models/workspace';
import { replaceRequest, toDoc } from './replaceRequest';

const req = (id: string, name = id) => ({ ...requestDocSchema.parse({ id, name, method: 'GET', url: `https://h/${id}` }), kind: 'request' as const });

const collection: Collection = collectionSchema.parse({
  id: 'c',
  name: 'C',
  items: [req('top'), { kind: 'folder', id: 'f1', name: 'F1', items: [{ kind: 'folder', id: 'f2', name: 'F2', items: [req('deep'), req('other')] }] }],
});

describe('replaceRequest', () => {
  it('replaces a nested request in place, keeping its id and the rest of the tree', () => {
    const updated = replaceRequest(collection, 'deep', { ...toDoc(req('ignored')), name: 'renamed', url: 'https://h/new' });
    const f2 = (updated?.items[1] as { items: Array<{ items: unknown[] }> }).items[0]!;
    expect(f2.items).toEqual([{ ...req('deep', 'renamed'), url: 'https://h/new' }, req('other')]);
    expect(updated?.items[0]).toBe(collection.items[0]);
    expect(collectionSchema.safeParse(updated).success).toBe(true);
  });

  it('saves the switched-off query params with the request', () => {
    const disabledParams = [{ key: 'debug', value: '1' }];
    const updated = replaceRequest(collection, 'top', { ...toDoc(req('top')), disabledParams });
    const saved = collectionSchema.parse(updated).items[0];
    expect(saved?.kind === 'request' && saved.disabledParams).toEqual(disabledParams);
  });

  it('returns undefined when the request is gone', () => {
    expect(replaceRequest(collection, 'missing', toDoc(req('x')))).toBeUndefined();
  });

  it('toDoc drops the tree tag', () => {
    expect(toDoc(req('top'))).not.toHaveProperty('kind');
  });
});
