import { describe, expect, it } from 'vitest';
import { collectionSchema, type Collection } from '../models/workspace';
import { exportPostmanCollection, POSTMAN_SCHEMA, toPostmanCollection, toPostmanUrl, type PostmanFolder, type PostmanRequestItem } from './postmanExport';

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
    expect(out.variable?.slice(0, 3)).toEqual([
      { key: 'host', value: 'abc123.execute-api.eu-west-1.amazonaws.com', type: 'string' },
      { key: 'apiKey', value: '', type: 'string', description: expect.stringMatching(/Secret in RoleCall/) },
      { key: 'off', value: 'x', type: 'string', disabled: true },
    ]);
    // Postman runs no folder variables: Admin's moves to the collection, still blank.
    expect(folder(out.item, 'Admin')).not.toHaveProperty('variable');
    expect(out.variable?.[3]).toEqual({ key: 'token', value: '', type: 'string', description: expect.stringMatching(/Secret in RoleCall/) });
  });

  it('signs with credential variables declared empty on the collection and explained in its description', () => {
    const keys = [...text.matchAll(/"key":"(accessKey|secretKey|sessionToken)","value":"([^"]*)"/g)];
    expect(keys.length).toBeGreaterThan(0);
    const refs = { accessKey: '{{AWS_ACCESS_KEY_ID}}', secretKey: '{{AWS_SECRET_ACCESS_KEY}}', sessionToken: '{{AWS_SESSION_TOKEN}}' };
    for (const [, key, value] of keys) expect(value).toBe(refs[key as keyof typeof refs]);
    expect(out.variable?.slice(4)).toEqual(
      ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].map((key) => ({ key, value: '', type: 'string', description: expect.stringMatching(/environment.*--env-var/) })),
    );
    expect(out.info.description).toMatch(/\{\{AWS_ACCESS_KEY_ID\}\}.*\{\{AWS_SECRET_ACCESS_KEY\}\}.*\{\{AWS_SESSION_TOKEN\}\}/);
    expect(out.info.description).toMatch(/--env-var AWS_ACCESS_KEY_ID=/);
    expect(out.info.description).toMatch(/profiles.*roles/);
    expect(out.info.description).toMatch(/AWS profile "team"/);
  });

  it('writes awsv4 where RoleCall sets the auth, with the signing most requests below it use', () => {
    expect(out.auth).toEqual({ type: 'awsv4', awsv4: [
      { key: 'accessKey', value: '{{AWS_ACCESS_KEY_ID}}', type: 'string' },
      { key: 'secretKey', value: '{{AWS_SECRET_ACCESS_KEY}}', type: 'string' },
      { key: 'sessionToken', value: '{{AWS_SESSION_TOKEN}}', type: 'string' },
    ] });
    const admin = folder(out.item, 'Admin');
    expect(admin.description).toMatch(/assume role arn:aws:iam::111111111111:role\/Admin from AWS profile "team" with MFA/);
    // Purge and Plain both inherit Admin's auth; a tie goes to the first, Purge's presigned signing.
    expect(admin.auth).toEqual({ type: 'awsv4', awsv4: expect.arrayContaining([
      { key: 'region', value: 'eu-west-1', type: 'string' },
      { key: 'service', value: 'execute-api', type: 'string' },
      { key: 'addAuthDataToQuery', value: true, type: 'boolean' },
    ]) });
    expect(request(admin.item, 'Purge').auth).toBeUndefined();
    // Plain is signed in headers: the same keys with its own signing (region and service detected via {{host}}).
    const plain = request(folder(admin.item, 'Nested').item, 'Plain');
    expect(plain.auth).toEqual({ type: 'awsv4', awsv4: expect.arrayContaining([{ key: 'region', value: 'eu-west-1', type: 'string' }]) });
    expect(JSON.stringify(plain.auth)).not.toContain('addAuthDataToQuery');
    expect(request(out.item, 'Keys').description).toMatch(/stored keys "ci"/);
    const upload = request(out.item, 'Upload');
    expect(upload.auth).toEqual({ type: 'awsv4', awsv4: expect.arrayContaining([{ key: 'region', value: 'us-west-2', type: 'string' }, { key: 'service', value: 's3', type: 'string' }]) });
    expect(upload.description).toMatch(/environment credentials/);
    // Five blocks: collection, Admin, Plain (own signing), Keys and Upload (own identities); none empty.
    expect(text.match(/"type":"awsv4"/g)).toHaveLength(5);
  });

  it('writes one awsv4 block for a collection whose requests all inherit it', () => {
    const flat = collectionSchema.parse({
      id: 'c3',
      name: 'Flat',
      auth: { type: 'profile', profile: 'dev' },
      items: [
        { kind: 'folder', id: 'f', name: 'Orders', items: [1, 2, 3].map((n) => ({ kind: 'request', id: `o${n}`, name: `O${n}`, method: 'GET', url: `https://abc.execute-api.us-east-2.amazonaws.com/prod/orders/${n}` })) },
        { kind: 'request', id: 'p', name: 'Ping', method: 'GET', url: 'https://abc.execute-api.us-east-2.amazonaws.com/prod/ping' },
        { kind: 'request', id: 'n', name: 'Open', method: 'GET', url: 'https://example.com/', auth: { type: 'none' } },
      ],
    });
    const result = exportPostmanCollection(flat);
    const flatText = JSON.stringify(result.collection);
    expect(flatText.match(/"type":"awsv4"/g)).toHaveLength(1);
    expect(result.collection.auth).toEqual({ type: 'awsv4', awsv4: expect.arrayContaining([{ key: 'region', value: 'us-east-2', type: 'string' }, { key: 'service', value: 'execute-api', type: 'string' }]) });
    expect(request(result.collection.item, 'Open').auth).toEqual({ type: 'noauth' });
    expect(folder(result.collection.item, 'Orders')).not.toHaveProperty('auth');
    expect(result.report).toEqual(['Collection: RoleCall signs with AWS profile "dev"; Postman cannot use profiles, environment credentials or roles and signs with the AWS_* variables instead.']);
  });

  it('maps inherit to no auth key and none to noauth', () => {
    expect(folder(folder(out.item, 'Admin').item, 'Nested')).not.toHaveProperty('auth');
    expect(request(out.item, 'Public').auth).toEqual({ type: 'noauth' });
    expect(request(out.item, 'Form').auth).toBeUndefined();
    const open = toPostmanCollection({ ...collection, auth: { type: 'none' }, items: [collection.items[1]!] });
    expect(open.auth).toEqual({ type: 'noauth' });
    // Nothing signs: no credential placeholders, no guide.
    expect(open.variable?.map((v) => v.key)).toEqual(['host', 'apiKey', 'off']);
    expect(open.info.description).toBeUndefined();
  });

  it('reports what Postman cannot express: identities, unsigned payload, content-hash header, presigned bodies', () => {
    const odd = collectionSchema.parse({
      id: 'c4',
      name: 'Odd',
      auth: { type: 'assumeRole', base: { kind: 'env' }, roleArn: 'arn:aws:iam::111111111111:role/Ops' },
      items: [
        { kind: 'request', id: 'u', name: 'Unsigned', method: 'PUT', url: 'https://b.s3.us-east-1.amazonaws.com/k', body: { mode: 'raw', language: 'text', text: 'x' }, signing: { payload: 'unsigned' } },
        { kind: 'request', id: 'q', name: 'Presigned get', method: 'GET', url: 'https://b.s3.us-east-1.amazonaws.com/k?v=1#frag', signing: { mode: 'query', payload: 'unsigned', expiresIn: 300 } },
        { kind: 'request', id: 'x', name: 'Typed expiry', method: 'GET', url: 'https://b.s3.us-east-1.amazonaws.com/k?X-Amz-Expires=60', signing: { mode: 'query' } },
        { kind: 'request', id: 'h', name: 'No hash', method: 'POST', url: 'https://abc.execute-api.us-east-1.amazonaws.com/p', body: { mode: 'raw', language: 'json', text: '{}' }, signing: { contentSha256Header: false } },
        { kind: 'request', id: 'b', name: 'Presigned post', method: 'POST', url: 'https://abc.execute-api.us-east-1.amazonaws.com/p', body: { mode: 'raw', language: 'json', text: '{}' }, signing: { mode: 'query' } },
        { kind: 'request', id: 'c', name: 'Custom host', method: 'GET', url: 'https://api.internal.example/p' },
        { kind: 'request', id: 'n', name: 'Unsigned but open', method: 'PUT', url: 'https://example.com/', auth: { type: 'none' }, signing: { payload: 'unsigned' } },
      ],
    });
    const { collection: doc, report } = exportPostmanCollection(odd);
    expect(report).toEqual([
      expect.stringMatching(/^Collection: RoleCall signs with assume role arn:aws:iam::111111111111:role\/Ops from environment credentials.*temporary credentials/),
      expect.stringMatching(/^Unsigned: unsigned payload is not carried over/),
      expect.stringMatching(/^No hash: Postman sends the X-Amz-Content-Sha256 header anyway/),
      expect.stringMatching(/^Presigned post: a body in query \(presigned\) mode is signed by Postman as if empty/),
      expect.stringMatching(/^Custom host: no region \(Postman uses us-east-1\) and service \(Postman uses execute-api\)/),
    ]);
    // The presign expiry travels in the URL, where Postman's signer reads it; a typed one is kept.
    expect(request(doc.item, 'Presigned get').url).toMatchObject({ raw: 'https://b.s3.us-east-1.amazonaws.com/k?v=1&X-Amz-Expires=300#frag', query: [{ key: 'v', value: '1' }, { key: 'X-Amz-Expires', value: '300' }], hash: 'frag' });
    expect(request(doc.item, 'Typed expiry').url.raw).toBe('https://b.s3.us-east-1.amazonaws.com/k?X-Amz-Expires=60');
    expect(request(doc.item, 'Unsigned but open').url.raw).toBe('https://example.com/');
  });

  it('says that checks and captures are not exported, and writes no test script', () => {
    const checked = collectionSchema.parse({
      id: 'c5',
      name: 'Checked',
      auth: { type: 'none' },
      items: [{
        kind: 'request', id: 'k', name: 'Create', method: 'POST', url: 'https://example.com/orders',
        checks: [{ id: 'a', kind: 'status', expect: '201' }, { id: 'b', kind: 'json', path: '$.id', compare: { op: 'exists' } }],
        captures: [{ id: 'p', variable: 'orderId', from: 'json', path: '$.id' }],
      }],
    });
    const { collection: doc, report } = exportPostmanCollection(checked);
    expect(report).toEqual(['Create: 2 checks and 1 capture not exported (Postman tests are scripts; RoleCall writes none)']);
    expect(JSON.stringify(doc)).not.toContain('"event"');
  });

  it('carries method, headers, url parts and every body mode', () => {
    const purge = request(folder(out.item, 'Admin').item, 'Purge');
    expect(purge.method).toBe('DELETE');
    expect(purge.header).toEqual([
      { key: 'accept', value: 'application/json', type: 'text' },
      { key: 'x-api-key', value: '', type: 'text' },
      { key: 'x-off', value: '1', type: 'text', disabled: true },
    ]);
    // Presigned (query mode): RoleCall's expiry joins the query, before the fragment.
    expect(purge.url).toEqual({
      raw: 'https://admin.example.com:8443/v1/cache?all=true&dry&X-Amz-Expires=900#top',
      protocol: 'https',
      host: ['admin', 'example', 'com'],
      port: '8443',
      path: ['v1', 'cache'],
      query: [{ key: 'all', value: 'true' }, { key: 'dry', value: null }, { key: 'X-Amz-Expires', value: '900' }],
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

describe('descriptions in a Postman export', () => {
  it('come first in the collection, folder and request descriptions, before what RoleCall says about auth', () => {
    const doc = collectionSchema.parse({
      id: 'c',
      name: 'C',
      description: 'Collection docs',
      items: [
        { kind: 'folder', id: 'f', name: 'F', description: 'Folder docs', items: [{ kind: 'request', id: 'r', name: 'R', method: 'GET', url: 'https://example.com/', description: 'Request **docs**' }] },
      ],
    });
    const { collection } = exportPostmanCollection(doc);
    const out = collection as { info: { description?: string }; item: Array<{ description?: string; item: Array<{ request: { description?: string } }> }> };
    expect(out.info.description).toBe('Collection docs');
    expect(out.item[0]!.description).toBe('Folder docs');
    expect(out.item[0]!.item[0]!.request.description).toBe('Request **docs**');
  });
});
