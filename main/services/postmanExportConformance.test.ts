// The Postman v2.1 export against Postman's own reading of it.
// 1. Shape. Postman's published JSON Schema (collection/v2.1.0/collection.json) ships in no npm package (checked:
//    newman, postman-collection, postman-runtime and postman-collection-transformer carry only its URL; there is no
//    @postman/collection-schema), and tests run offline, so the shape is checked here against the parts of that
//    schema an export uses, restated in our own words: required fields, the auth type enum and auth-attribute
//    {key, value, type} rows, url object, body modes, variable rows, item vs item-group. Strict objects, so a field
//    the schema does not define fails.
// 2. Postman's SDK (postman-collection, which Postman's runtime and newman load collections with) reads the same
//    document into a Collection with the folders, requests, auth and variables it should have.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportPostmanCollection, POSTMAN_SCHEMA } from '../../src/formats/postmanExport';
import { collectionSchema } from '../../src/models/workspace';

const description = z.string().optional();
const authAttribute = z.object({ key: z.string(), value: z.unknown(), type: z.string().optional() }).strict();
const auth = z.union([
  z.object({ type: z.literal('noauth') }).strict(),
  z.object({ type: z.literal('awsv4'), awsv4: z.array(authAttribute) }).strict(),
]);
const variable = z.object({ key: z.string(), value: z.unknown(), type: z.enum(['string', 'boolean', 'any', 'number']).optional(), disabled: z.boolean().optional(), description }).strict();
const queryParam = z.object({ key: z.string().nullable(), value: z.string().nullable(), disabled: z.boolean().optional(), description }).strict();
const pathVariable = z.object({ key: z.string(), value: z.unknown(), description }).strict();
const url = z
  .object({
    raw: z.string(),
    protocol: z.string().optional(),
    host: z.array(z.string()).optional(),
    port: z.string().optional(),
    path: z.array(z.string()).optional(),
    query: z.array(queryParam).optional(),
    hash: z.string().optional(),
    variable: z.array(pathVariable).optional(),
  })
  .strict();
const header = z.object({ key: z.string(), value: z.string(), type: z.literal('text').optional(), disabled: z.boolean().optional(), description }).strict();
const field = z
  .object({ key: z.string(), value: z.string().optional(), src: z.string().optional(), type: z.enum(['text', 'file']), contentType: z.string().optional(), disabled: z.boolean().optional(), description })
  .strict();
const body = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('raw'), raw: z.string(), options: z.object({ raw: z.object({ language: z.enum(['json', 'text', 'xml']) }).strict() }).strict() }).strict(),
  z.object({ mode: z.literal('urlencoded'), urlencoded: z.array(field) }).strict(),
  z.object({ mode: z.literal('formdata'), formdata: z.array(field) }).strict(),
  z.object({ mode: z.literal('file'), file: z.object({ src: z.string() }).strict() }).strict(),
]);
// Postman's event: listen, and a script whose exec is lines of code.
const event = z.object({ listen: z.enum(['prerequest', 'test']), script: z.object({ type: z.literal('text/javascript'), exec: z.array(z.string()) }).strict() }).strict();
const events = z.array(event).optional();
const request = z.object({ method: z.string().regex(/^[A-Z]+$/), header: z.array(header), url, body: body.optional(), auth: auth.optional(), description }).strict();
type Item = { name: string } & Record<string, unknown>;
const item: z.ZodType<Item> = z.lazy(() =>
  z.union([
    z.object({ name: z.string(), event: events, request, response: z.array(z.unknown()) }).strict(),
    z.object({ name: z.string(), item: z.array(item), event: events, auth: auth.optional(), description }).strict(),
  ]),
) as z.ZodType<Item>;
const v21 = z
  .object({
    info: z.object({ name: z.string(), schema: z.literal(POSTMAN_SCHEMA), description }).strict(),
    item: z.array(item),
    event: events,
    auth: auth.optional(),
    variable: z.array(variable).optional(),
  })
  .strict();

interface SdkAuth {
  type: string;
  parameters(): { get(key: string): unknown };
}
interface SdkItem {
  name: string;
  request?: { method: string; url: { getHost(): string; getPath(): string; query: { count(): number } }; auth?: SdkAuth; body?: { mode: string } };
  items?: { all(): SdkItem[] };
  /** A folder's own auth (an ItemGroup has no getAuth). */
  auth?: SdkAuth;
  /** A request's auth, its own or inherited from the folders and collection above. */
  getAuth(): SdkAuth | undefined;
}
type Obj = Record<string, unknown>;
interface SdkEvents {
  listeners(name: string): Array<{ script: { exec: string[] } }>;
}
interface SdkCollection {
  name: string;
  items: { all(): SdkItem[] };
  variables: { get(key: string): unknown; count(): number };
  auth?: SdkAuth;
  toJSON(): unknown;
}
const sdk = createRequire(import.meta.url)('postman-collection') as { Collection: new (json: unknown) => SdkCollection };

const kept = (script: { type: string; code: string }) => ({ order: [], fields: { scripts: [{ ...script, language: 'text/javascript' }] } });
const fixture = collectionSchema.parse({
  id: 'c',
  name: 'Shop',
  auth: { type: 'profile', profile: 'team' },
  variables: [{ id: 'v', key: 'base', value: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod' }],
  // Scripts kept from a Postman import, as postmanImport.ts keeps them.
  preserved: kept({ type: 'beforeRequest', code: 'pm.variables.set("a", 1);' }),
  items: [
    {
      kind: 'folder',
      id: 'f',
      name: 'Admin',
      auth: { type: 'assumeRole', base: { kind: 'profile', profile: 'team' }, roleArn: 'arn:aws:iam::111111111111:role/Admin' },
      variables: [{ id: 'fv', key: 'section', value: 'admin' }],
      preserved: kept({ type: 'afterResponse', code: 'console.log("folder");' }),
      items: [
        { kind: 'request', id: 'a', name: 'Purge', method: 'DELETE', url: '{{base}}/{{section}}/cache?all=true' },
        { kind: 'request', id: 'p', name: 'Presign', method: 'GET', url: 'https://b.s3.us-east-1.amazonaws.com/k', signing: { mode: 'query', expiresIn: 60 } },
      ],
    },
    {
      kind: 'request',
      id: 'o',
      name: 'Orders',
      method: 'post',
      url: '{{base}}/orders?x=1',
      headers: [{ id: 'h', key: 'X-Trace', value: 't', description: 'Correlates the logs' }],
      paramDescriptions: [{ key: 'x', description: 'The x' }],
      body: { mode: 'raw', language: 'json', text: '{}' },
      preserved: kept({ type: 'afterResponse', code: 'pm.test("created", () => {\n  pm.response.to.have.status(201);\n});' }),
    },
    { kind: 'request', id: 'u', name: 'Form', method: 'PUT', url: '{{base}}/form', body: { mode: 'urlencoded', fields: [{ id: 'f1', key: 'a', value: '1', description: 'The a' }] } },
    { kind: 'request', id: 'm', name: 'Upload', method: 'POST', url: '{{base}}/up', body: { mode: 'multipart', parts: [{ id: 'p1', key: 'f', kind: 'file', value: 'a.bin', description: 'The file' }] },
      preserved: { order: [], fields: { pathVariables: [{ key: 'id', value: '7', description: 'The id' }] } },
    },
    { kind: 'request', id: 'n', name: 'Open', method: 'GET', url: 'https://example.com/', auth: { type: 'none' } },
  ],
});

describe('the Postman v2.1 export as Postman reads it', () => {
  const exported = exportPostmanCollection(fixture).collection;
  const json = JSON.parse(JSON.stringify(exported)) as unknown;

  it('has the v2.1 collection shape', () => {
    const checked = v21.safeParse(json);
    expect(checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('the shape check refuses what v2.1 does not define', () => {
    expect(v21.safeParse({ ...exported, info: { ...exported.info, schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' } }).success).toBe(false);
    expect(v21.safeParse({ ...exported, auth: { type: 'awsv4', awsv4: { accessKey: '' } } }).success).toBe(false);
    expect(v21.safeParse({ ...exported, item: [{ name: 'x', item: [], awsv4: [] }] }).success).toBe(false);
  });

  it('loads in postman-collection with folders, requests, auth and variables', () => {
    const collection = new sdk.Collection(json);
    expect(collection.name).toBe('Shop');
    const top = collection.items.all();
    expect(top.map((i) => i.name)).toEqual(['Admin', 'Orders', 'Form', 'Upload', 'Open']);
    const admin = top[0]!;
    expect(admin.items?.all().map((i) => i.name)).toEqual(['Purge', 'Presign']);

    expect(collection.auth?.type).toBe('awsv4');
    expect(collection.auth?.parameters().get('accessKey')).toBe('{{AWS_ACCESS_KEY_ID}}');
    expect(collection.auth?.parameters().get('region')).toBe('eu-west-1');
    expect(collection.auth?.parameters().get('service')).toBe('execute-api');
    expect(admin.auth?.type).toBe('awsv4');
    expect(admin.auth?.parameters().get('region')).toBe('eu-west-1');

    const purge = admin.items!.all()[0]!;
    // Inherited: the request has none of its own, and Postman finds the folder's.
    expect(purge.request?.auth).toBeUndefined();
    expect(purge.getAuth()?.parameters().get('secretKey')).toBe('{{AWS_SECRET_ACCESS_KEY}}');
    expect(purge.request?.method).toBe('DELETE');
    const presign = admin.items!.all()[1]!;
    expect(presign.request?.auth?.parameters().get('addAuthDataToQuery')).toBe(true);
    expect(presign.request?.auth?.parameters().get('service')).toBe('s3');

    const orders = top[1]!;
    expect(orders.request?.method).toBe('POST');
    expect(orders.request?.url.getHost()).toBe('{{base}}');
    expect(orders.request?.url.getPath()).toBe('/orders');
    expect(orders.request?.url.query.count()).toBe(1);
    expect(orders.request?.body?.mode).toBe('raw');
    expect(orders.getAuth()?.type).toBe('awsv4');
    expect(top[2]!.request?.body?.mode).toBe('urlencoded');
    expect(top[3]!.request?.body?.mode).toBe('formdata');
    expect(top[4]!.request?.auth?.type).toBe('noauth');

    expect(collection.variables.get('base')).toBe('https://abc.execute-api.eu-west-1.amazonaws.com/prod');
    expect(collection.variables.get('section')).toBe('admin');
    expect(collection.variables.get('AWS_SESSION_TOKEN')).toBe('');
  });

  it('loads kept scripts as the events of the collection, folder and request they came from', () => {
    const collection = new sdk.Collection(json) as SdkCollection & { events: SdkEvents };
    const admin = collection.items.all()[0] as SdkItem & { events: SdkEvents };
    const orders = collection.items.all()[1] as SdkItem & { events: SdkEvents };
    const exec = (events: SdkEvents, listen: string) => events.listeners(listen).map((e) => e.script.exec);
    expect(exec(collection.events, 'prerequest')).toEqual([['pm.variables.set("a", 1);']]);
    expect(exec(collection.events, 'test')).toEqual([]);
    expect(exec(admin.events, 'test')).toEqual([['console.log("folder");']]);
    expect(exec(orders.events, 'test')).toEqual([['pm.test("created", () => {', '  pm.response.to.have.status(201);', '});']]);
    expect(exec((collection.items.all()[2] as SdkItem & { events: SdkEvents }).events, 'test')).toEqual([]);
  });

  it('loads the rows\' descriptions where Postman shows them', () => {
    const top = new sdk.Collection(json).toJSON() as { item: Array<{ request?: { header: Obj[]; url: { query?: Obj[]; variable?: Obj[] }; body?: Record<string, Obj[]> } }> };
    // The SDK holds a description as {content, type}.
    const text = (d: unknown) => (d && typeof d === 'object' ? (d as Obj).content : d);
    const orders = top.item[1]!.request!;
    expect(orders.header.map((h) => [h.key, text(h.description)])).toEqual([['X-Trace', 'Correlates the logs']]);
    expect(orders.url.query?.map((q) => [q.key, text(q.description)])).toEqual([['x', 'The x']]);
    expect(top.item[2]!.request!.body!.urlencoded!.map((f) => [f.key, text(f.description)])).toEqual([['a', 'The a']]);
    const upload = top.item[3]!.request!;
    expect(upload.body!.formdata!.map((f) => [f.key, text(f.description)])).toEqual([['f', 'The file']]);
    expect(upload.url.variable?.map((v) => [v.key, v.value, text(v.description)])).toEqual([['id', '7', 'The id']]);
  });
});
