import { describe, expect, it } from 'vitest';
import { collectionSchema } from '../models/workspace';
import { exportCollection } from './collectionExport';
import { exportPostmanCollection } from './postmanExport';

const collection = collectionSchema.parse({
  id: 'c1',
  name: 'Team API',
  auth: { type: 'profile', profile: 'api' },
  items: [{ kind: 'request', id: 'r1', name: 'List', method: 'GET', url: 'https://abc.execute-api.eu-west-1.amazonaws.com/orders' }],
});

describe('exportCollection', () => {
  it('returns what Postman cannot express with a Postman export, the same lines the document carries', () => {
    const postman = exportCollection(collection, 'postman');
    expect(postman.report).toEqual(exportPostmanCollection(collection).report);
    expect(postman.report?.some((line) => line.startsWith('Collection: RoleCall signs with AWS profile "api"'))).toBe(true);
    expect(JSON.parse(postman.text)).toEqual(exportPostmanCollection(collection).collection);
  });

  it('has no report for RoleCall’s own format, which keeps everything', () => {
    expect(exportCollection(collection, 'rolecall').report).toBeUndefined();
  });
});
