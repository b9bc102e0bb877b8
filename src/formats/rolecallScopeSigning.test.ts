// RoleCall's own export keeps a collection's and a folder's region and service (issue 11), and reads them back.
import { describe, expect, it } from 'vitest';
import { collectionSchema } from '../models/workspace';
import { exportCollection } from './collectionExport';
import { importRoleCallCollection } from './rolecallImport';

describe('region and service of a scope in a RoleCall export', () => {
  it('survive export and import', () => {
    const collection = collectionSchema.parse({
      id: 'c1',
      name: 'Custom domain',
      signing: { region: 'ap-northeast-1', service: 'execute-api' },
      items: [{ kind: 'folder', id: 'f1', name: 'EU', signing: { region: 'eu-west-1', service: '' }, items: [] }],
    });
    const { text } = exportCollection(collection, 'rolecall');
    const back = importRoleCallCollection(JSON.parse(text)).collection;
    expect(back.signing).toEqual({ region: 'ap-northeast-1', service: 'execute-api' });
    expect(back.items[0]).toMatchObject({ signing: { region: 'eu-west-1', service: '' } });
  });
});
