// A request's redirect setting is Postman's protocolProfileBehavior.followRedirects both ways; its timeout has no
// Postman counterpart and the export report says so.
import { describe, expect, it } from 'vitest';
import type { Collection, RequestNode } from '../models/workspace';
import { request } from './folderLayout/fixtures/everyFeature';
import { exportPostmanCollection } from './postmanExport';
import { importPostmanCollection } from './postmanImport';

const collection = (settings: RequestNode['settings']): Collection => ({
  id: 'c',
  name: 'C',
  auth: { type: 'none' },
  variables: [],
  items: [request('Follow', settings ? { settings } : {})],
});

describe('redirects and timeout in Postman collections', () => {
  it('exports followRedirects as the item’s protocolProfileBehavior and imports it back', () => {
    const out = exportPostmanCollection(collection({ followRedirects: true, timeoutMs: 5000 }));
    const item = out.collection.item[0] as { protocolProfileBehavior?: unknown };
    expect(item.protocolProfileBehavior).toEqual({ followRedirects: true });
    expect(out.report.join('\n')).toContain('its timeout (5 s) not exported');
    const back = importPostmanCollection(JSON.parse(JSON.stringify(out.collection)));
    expect(back.collection.items[0]).toMatchObject({ settings: { followRedirects: true } });
  });

  it('writes no protocolProfileBehavior for a request on the defaults', () => {
    const out = exportPostmanCollection(collection(undefined));
    expect(out.collection.item[0]).not.toHaveProperty('protocolProfileBehavior');
  });

  it('imports followRedirects: false and reports the settings it cannot use', () => {
    const doc = {
      info: { name: 'P', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'r', request: { method: 'GET', url: 'https://example.com/' }, protocolProfileBehavior: { followRedirects: false, strictSSL: false } }],
    };
    const back = importPostmanCollection(doc);
    expect(back.collection.items[0]).toMatchObject({ settings: { followRedirects: false } });
    expect(JSON.stringify(back.report)).toContain('other than followRedirects were not imported');
  });
});
