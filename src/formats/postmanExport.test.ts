import { describe, expect, it } from 'vitest';
import { collectionSchema, type Collection } from '../models/workspace';
import { POSTMAN_SCHEMA, toPostmanCollection, toPostmanUrl, type PostmanFolder, type PostmanRequestItem } from './postmanExport';

const SECRET = 'secretVariableValueNeverExported0001';
const FOLDER_SECRET = 'folderSecretNeverExported0001';
const HEADER_SECRET = 'headerSecretNeverExported0001';

const kv = (id: string, key: string, value: string, extra: Record<string, unknown> = {}) => ({ id, key, value, ...extra });

const collection: Collection = collectionSchema.parse({
  id: 'c1',
  name: 'Team API',
  auth: { type: 'profile', profile: 'team' },
  variables: [kv('v1', 'host', 'abc123.execute-api.eu-west-1.amazonaws.com'), kv('v2', 'apiKey', SECRET, { secret: true }), kv('v3', 'off', 'x', { enabled: false })],
  items: [
    {
      kind: 'folder',
      id: 'f1',
      name: 'Admin',
      auth: { type: 'assumeRole', base: { kind: 'profile', profile: 'team' }, roleArn: 'arn:aws:iam::111111111111:role/Admin', mfaSerial: 'arn:aws:iam::111111111111:mfa/me' },
      variables: [kv('fv', 'token', FOLDER_SECRET, { secret: true })],
      items: [
        {
          kind: 'request',
          id: 'r1',
          name: 'Purge',
          method: 'delete',
          url: 'https://admin.example.com:8443/v1/cache?all=true&dry#top',
          headers: [kv('h1', 'accept', 'application/json'), kv('h2', 'x-api-key', HEADER_SECRET, { secret: true }), kv('h3', 'x-off', '1', { enabled: false })],
          body: { mode: 'raw', language: 'json', text: '{"all":true}' },
          signing: { region: 'eu-west-1', service: 'execute-api', mode: 'query' },
        },
        { kind: 'folder', id: 'f2', name: 'Nested', items: [{ kind: 'request', id: 'r2', name: 'Plain', method: 'GET', url: 'https://{{host}}/prod/items' }] },
      ],
    },
    { kind: 'request', id: 'r3', name: 'Public', method: 'GET', url: 'https://example.com/', auth: { type: 'none' } },
    { kind: 'request', id: 'r4', name: 'Keys', method: 'POST', url: '{{base}}/orders', auth: { type: 'storedKeys', name: 'ci' }, body: { mode: 'urlencoded', fields: [kv('u1', 'a', '1'), kv('u2', 'pw', 'formSecret0001', { secret: true })] } },
    { kind: 'request', id: 'r5', name: 'Upload', method: 'PUT', url: 'https://bucket.s3.us-west-2.amazonaws.com/key', auth: { type: 'env' }, body: { mode: 'file', path: '/tmp/a.bin', contentType: 'application/octet-stream' } },
    {
      kind: 'request',
      id: 'r6',
      name: 'Form',
      method: 'POST',
      url: 'https://example.com/form',
      body: { mode: 'multipart', parts: [{ id: 'p1', key: 'doc', kind: 'file', value: '/tmp/doc.pdf', contentType: 'application/pdf' }, { id: 'p2', key: 'note', kind: 'text', value: 'hi' }] },
    },
  ],
});

const folder = (items: unknown[], name: string) => items.find((i) => (i as { name: string }).name === name) as PostmanFolder;
const request = (items: unknown[], name: string) => (items.find((i) => (i as { name: string }).name === name) as PostmanRequestItem).request;

describe('the Postman v2.1 export', () => {
  const out = toPostmanCollection(collection);
  const text = JSON.stringify(out);

  it('declares the v2.1 schema and nests folders in item[]', () => {
    expect(out.info).toMatchObject({ name: 'Team API', schema: POSTMAN_SCHEMA });
    expect(POSTMAN_SCHEMA).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(out.item.map((i) => i.name)).toEqual(['Admin', 'Public', 'Keys', 'Upload', 'Form']);
    const admin = folder(out.item, 'Admin');
    expect(admin.item.map((i) => i.name)).toEqual(['Purge', 'Nested']);
    expect(folder(admin.item, 'Nested').item.map((i) => i.name)).toEqual(['Plain']);
  });

  it('never writes a secret variable value, keeping the key with an empty value', () => {
    for (const secret of [SECRET, FOLDER_SECRET, HEADER_SECRET, 'formSecret0001']) expect(text).not.toContain(secret);
    expect(out.variable).toEqual([
      { key: 'host', value: 'abc123.execute-api.eu-west-1.amazonaws.com', type: 'string' },
      { key: 'apiKey', value: '', type: 'string', description: expect.stringMatching(/Secret in RoleCall/) },
      { key: 'off', value: 'x', type: 'string', disabled: true },
    ]);
    expect(folder(out.item, 'Admin').variable).toEqual([{ key: 'token', value: '', type: 'string', description: expect.any(String) }]);
  });

  it('maps RoleCall AWS identities to awsv4 with empty keys and says what RoleCall used', () => {
    const awsValues = [...text.matchAll(/"key":"(accessKey|secretKey|sessionToken)","value":"([^"]*)"/g)];
    expect(awsValues.length).toBeGreaterThan(0);
    for (const [, , v] of awsValues) expect(v).toBe('');
    expect(out.auth).toEqual({
      type: 'awsv4',
      awsv4: [
        { key: 'accessKey', value: '', type: 'string' },
        { key: 'secretKey', value: '', type: 'string' },
        { key: 'sessionToken', value: '', type: 'string' },
      ],
    });
    expect(out.info.description).toMatch(/AWS profile "team"/);
    const admin = folder(out.item, 'Admin');
    expect(admin.auth?.type).toBe('awsv4');
    expect(admin.description).toMatch(/assume role arn:aws:iam::111111111111:role\/Admin from AWS profile "team" with MFA/);

    const purge = request(admin.item, 'Purge');
    expect(purge.auth).toEqual({
      type: 'awsv4',
      awsv4: expect.arrayContaining([
        { key: 'region', value: 'eu-west-1', type: 'string' },
        { key: 'service', value: 'execute-api', type: 'string' },
        { key: 'addAuthDataToQuery', value: true, type: 'boolean' },
      ]),
    });
    expect(purge.description).toMatch(/assume role/);
    expect(request(out.item, 'Keys').description).toMatch(/stored keys "ci"/);
    // Region and service detected from an AWS host name, as RoleCall would.
    expect(request(out.item, 'Upload').auth).toEqual({ type: 'awsv4', awsv4: expect.arrayContaining([{ key: 'region', value: 'us-west-2', type: 'string' }, { key: 'service', value: 's3', type: 'string' }]) });
    expect(request(out.item, 'Upload').description).toMatch(/environment credentials/);
  });

  it('maps inherit to no auth key and none to noauth', () => {
    const plain = request(folder(folder(out.item, 'Admin').item, 'Nested').item, 'Plain');
    expect(plain.auth).toBeUndefined();
    expect(folder(folder(out.item, 'Admin').item, 'Nested').auth).toBeUndefined();
    expect(request(out.item, 'Public').auth).toEqual({ type: 'noauth' });
    expect(request(out.item, 'Form').auth).toBeUndefined();
    expect(toPostmanCollection({ ...collection, auth: { type: 'none' } }).auth).toEqual({ type: 'noauth' });
  });

  it('carries method, headers, url parts and every body mode', () => {
    const purge = request(folder(out.item, 'Admin').item, 'Purge');
    expect(purge.method).toBe('DELETE');
    expect(purge.header).toEqual([
      { key: 'accept', value: 'application/json', type: 'text' },
      { key: 'x-api-key', value: '', type: 'text' },
      { key: 'x-off', value: '1', type: 'text', disabled: true },
    ]);
    expect(purge.url).toEqual({
      raw: 'https://admin.example.com:8443/v1/cache?all=true&dry#top',
      protocol: 'https',
      host: ['admin', 'example', 'com'],
      port: '8443',
      path: ['v1', 'cache'],
      query: [{ key: 'all', value: 'true' }, { key: 'dry', value: null }],
      hash: 'top',
    });
    expect(purge.body).toEqual({ mode: 'raw', raw: '{"all":true}', options: { raw: { language: 'json' } } });
    expect(request(out.item, 'Keys').body).toEqual({ mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1', type: 'text' }, { key: 'pw', value: '', type: 'text' }] });
    const upload = request(out.item, 'Upload');
    expect(upload.body).toEqual({ mode: 'file', file: { src: '/tmp/a.bin' } });
    expect(upload.header).toEqual([{ key: 'Content-Type', value: 'application/octet-stream', type: 'text' }]);
    expect(request(out.item, 'Form').body).toEqual({
      mode: 'formdata',
      formdata: [
        { key: 'doc', type: 'file', src: '/tmp/doc.pdf', contentType: 'application/pdf' },
        { key: 'note', type: 'text', value: 'hi' },
      ],
    });
    expect(request(out.item, 'Public').body).toBeUndefined();
  });

  it('exports switched-off query params as disabled url.query entries, after the live ones and not in raw', () => {
    const withOff = collectionSchema.parse({
      id: 'c2',
      name: 'Off',
      items: [
        { kind: 'request', id: 'q1', name: 'Some off', method: 'GET', url: 'https://example.com/items?live=1', disabledParams: [{ key: 'limit', value: '10' }, { key: 'debug', value: '' }] },
        { kind: 'request', id: 'q2', name: 'Only off', method: 'GET', url: 'https://example.com/items', disabledParams: [{ key: 'page', value: '2' }] },
      ],
    });
    const items = toPostmanCollection(withOff).item;
    expect(request(items, 'Some off').url).toMatchObject({
      raw: 'https://example.com/items?live=1',
      query: [{ key: 'live', value: '1' }, { key: 'limit', value: '10', disabled: true }, { key: 'debug', value: '', disabled: true }],
    });
    expect(request(items, 'Only off').url).toMatchObject({ raw: 'https://example.com/items', query: [{ key: 'page', value: '2', disabled: true }] });
  });

  it('splits templated URLs without breaking {{variables}}', () => {
    expect(toPostmanUrl('{{base}}/orders')).toEqual({ raw: '{{base}}/orders', host: ['{{base}}'], path: ['orders'] });
    expect(toPostmanUrl('https://{{api.host}}:{{port}}/a/')).toEqual({ raw: 'https://{{api.host}}:{{port}}/a/', protocol: 'https', host: ['{{api.host}}'], port: '{{port}}', path: ['a', ''] });
    expect(toPostmanUrl('http://localhost')).toEqual({ raw: 'http://localhost', protocol: 'http', host: ['localhost'] });
  });
});
