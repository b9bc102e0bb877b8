import { describe, expect, it } from 'vitest';
import { collectionSchema, type FolderNode, type ItemNode, type RequestNode } from '../models/workspace';
import { IMPORT_LIMITS, ImportError } from './importResult';
import { importPostmanEnvironment } from './postmanEnvironment';
import { importPostmanCollection } from './postmanImport';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const V20 = 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json';
const ids = () => {
  let n = 0;
  return { newId: () => `id${++n}` };
};
const run = (doc: unknown) => importPostmanCollection(doc, ids());
const collectionOf = (item: unknown[], extra: Record<string, unknown> = {}) => ({ info: { name: 'C', schema: V21 }, item, ...extra });
const req = (name: string, request: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ name, request: { method: 'GET', header: [], url: 'https://example.com/', ...request }, ...extra });
const awsv4 = (attrs: Record<string, unknown>) => ({ type: 'awsv4', awsv4: Object.entries(attrs).map(([key, value]) => ({ key, value, type: typeof value === 'boolean' ? 'boolean' : 'string' })) });
const find = (items: ItemNode[], name: string): ItemNode => {
  for (const item of items) {
    if (item.name === name) return item;
    if (item.kind === 'folder') {
      try {
        return find(item.items, name);
      } catch {
        /* keep looking */
      }
    }
  }
  throw new Error(`no ${name}`);
};
const request = (items: ItemNode[], name: string) => find(items, name) as RequestNode;
const folder = (items: ItemNode[], name: string) => find(items, name) as FolderNode;
const only = (doc: unknown) => run(doc).collection.items[0] as RequestNode;

describe('auth inheritance', () => {
  const doc = collectionOf(
    [
      {
        name: 'Signed',
        auth: awsv4({ accessKey: '{{ak}}', secretKey: '{{sk}}', region: 'eu-west-1', service: 's3', addAuthDataToQuery: true }),
        item: [
          req('inherits folder', {}),
          { name: 'Inner', item: [req('inherits two up', {}), req('says inherit', { auth: { type: 'inherit' } })] },
          req('opts out', { auth: { type: 'noauth' } }),
          req('own', { auth: awsv4({ accessKey: '{{ak}}', secretKey: '{{sk}}', region: 'us-west-2', service: 'execute-api' }) }),
        ],
      },
      { name: 'Open', auth: { type: 'noauth' }, item: [req('open child', {})] },
      { name: 'Bearer', auth: { type: 'bearer', bearer: [{ key: 'token', value: 'abc' }] }, item: [req('bearer child', {})] },
      req('top', {}),
    ],
    { auth: awsv4({ accessKey: '{{ak}}', secretKey: '{{sk}}', region: 'ap-south-1', service: 'lambda' }) },
  );
  const { collection, report } = run(doc);

  it('keeps "absent = inherit" and "noauth = none" at every level', () => {
    expect(collection.auth).toEqual({ type: 'profile', profile: '' });
    expect(folder(collection.items, 'Signed').auth).toEqual({ type: 'profile', profile: '' });
    expect(folder(collection.items, 'Inner').auth).toEqual({ type: 'inherit' });
    expect(request(collection.items, 'inherits folder').auth).toEqual({ type: 'inherit' });
    expect(request(collection.items, 'says inherit').auth).toEqual({ type: 'inherit' });
    expect(request(collection.items, 'opts out').auth).toEqual({ type: 'none' });
    expect(folder(collection.items, 'Open').auth).toEqual({ type: 'none' });
    expect(request(collection.items, 'top').auth).toEqual({ type: 'inherit' });
  });

  it('writes the nearest awsv4\'s region, service and presign mode onto each request it covers', () => {
    const signing = (name: string) => request(collection.items, name).signing;
    expect(signing('inherits folder')).toMatchObject({ region: 'eu-west-1', service: 's3', mode: 'query' });
    expect(signing('inherits two up')).toMatchObject({ region: 'eu-west-1', service: 's3', mode: 'query' });
    expect(signing('says inherit')).toMatchObject({ region: 'eu-west-1', service: 's3', mode: 'query' });
    expect(signing('own')).toMatchObject({ region: 'us-west-2', service: 'execute-api', mode: 'header' });
    expect(signing('top')).toMatchObject({ region: 'ap-south-1', service: 'lambda', mode: 'header' });
    expect(signing('opts out')).toMatchObject({ region: '', service: '', mode: 'header' });
    expect(signing('open child')).toMatchObject({ region: '', service: '' });
  });

  it('turns auth RoleCall cannot sign with into "none" and says so', () => {
    expect(folder(collection.items, 'Bearer').auth).toEqual({ type: 'none' });
    expect(request(collection.items, 'bearer child').signing.region).toBe('');
    expect(report.notMapped.join('\n')).toContain('Auth type "bearer" is not one RoleCall signs with: it became "no auth" ("Bearer")');
    expect(JSON.stringify(collection)).not.toContain('abc');
  });
});

describe('awsv4 keys', () => {
  it('offers typed keys once per distinct set, with every item that used them, and never stores them', () => {
    const keys = { accessKey: 'AKIAIOSFODNN7EXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
    const { collection, offeredKeys, report } = run(
      collectionOf(
        [req('a', { auth: awsv4(keys) }), req('b', { auth: awsv4(keys) }), req('c', { auth: awsv4({ ...keys, sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN' }) })],
        { info: { name: 'Team', schema: V21 } },
      ),
    );
    const [a, b, c] = collection.items;
    expect(offeredKeys).toEqual([
      { name: 'Team', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: keys.secretKey, usedBy: [a!.id, b!.id] },
      { name: 'Team 2', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: keys.secretKey, sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN', usedBy: [c!.id] },
    ]);
    const kept = JSON.stringify({ collection, report });
    expect(kept).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(kept).not.toContain(keys.secretKey);
    expect(kept).not.toContain('FwoGZXIvYXdzEXAMPLETOKEN');
  });

  it('tells the user to choose a profile when keys come from variables, are missing or incomplete', () => {
    const warnings = (attrs: Record<string, unknown>) => run(collectionOf([req('r', { auth: awsv4(attrs) })])).report.warnings.join('\n');
    expect(warnings({ accessKey: '{{AWS_ACCESS_KEY_ID}}', secretKey: '{{AWS_SECRET_ACCESS_KEY}}' })).toContain(
      'AWS keys come from variables ({{AWS_ACCESS_KEY_ID}}, {{AWS_SECRET_ACCESS_KEY}}); RoleCall never signs with keys from variables: choose a profile or stored keys ("r")',
    );
    expect(warnings({ region: 'eu-west-1' })).toContain('AWS Signature auth has no keys: choose a profile or stored keys');
    expect(warnings({ accessKey: 'AKIAIOSFODNN7EXAMPLE' })).toContain('AWS keys are incomplete');
  });

  it('reads region and service absent as "detect from the URL", noting Postman\'s defaults', () => {
    const { collection, report } = run(collectionOf([req('r', { auth: awsv4({}) })]));
    expect((collection.items[0] as RequestNode).signing).toMatchObject({ region: '', service: '' });
    expect(report.notMapped.join('\n')).toMatch(/No AWS region set \(Postman would use us-east-1\)/);
    expect(report.notMapped.join('\n')).toMatch(/No AWS service set \(Postman would use execute-api\)/);
  });

  it('reads addAuthDataToQuery written as a string, in the v2.0 object form', () => {
    const r = only({ info: { name: 'C', schema: V20 }, item: [req('r', { auth: { type: 'awsv4', awsv4: { region: 'eu-west-1', service: 's3', addAuthDataToQuery: 'true' } } })] });
    expect(r.signing).toMatchObject({ region: 'eu-west-1', service: 's3', mode: 'query' });
  });
});

describe('requests', () => {
  it('keeps disabled headers and query params disabled, enabled params in the URL, path variables filled', () => {
    const r = only(
      collectionOf([
        req('r', {
          header: [
            { key: 'Accept', value: 'application/json' },
            { key: 'X-Debug', value: '1', disabled: true },
          ],
          url: {
            raw: 'https://api.example.com/users/:id/items/:kind?limit=10&debug=true#top',
            protocol: 'https',
            host: ['api', 'example', 'com'],
            path: ['users', ':id', 'items', ':kind'],
            query: [{ key: 'limit', value: '10' }, { key: 'debug', value: 'true', disabled: true }, { key: 'flag', value: null }],
            variable: [{ key: 'id', value: '42' }, { key: 'kind', value: '' }],
          },
        }),
      ]),
    );
    expect(r.url).toBe('https://api.example.com/users/42/items/{{kind}}?limit=10&flag#top');
    expect(r.disabledParams).toEqual([{ key: 'debug', value: 'true' }]);
    expect(r.headers.map((h) => [h.key, h.value, h.enabled])).toEqual([
      ['Accept', 'application/json', true],
      ['X-Debug', '1', false],
    ]);
  });

  it('builds the URL from its parts when raw is empty, and reads headers given as one string', () => {
    const r = only(collectionOf([req('r', { header: 'Accept: text/plain\nX-A: b', url: { raw: '', protocol: 'http', host: ['localhost'], port: '8080', path: ['a', 'b'], query: [{ key: 'q', value: '1' }] } })]));
    expect(r.url).toBe('http://localhost:8080/a/b?q=1');
    expect(r.headers.map((h) => `${h.key}=${h.value}`)).toEqual(['Accept=text/plain', 'X-A=b']);
  });

  it('takes a request given as a bare URL string as a GET', () => {
    expect(only(collectionOf([{ name: 'r', request: 'https://example.com/x' }]))).toMatchObject({ method: 'GET', url: 'https://example.com/x' });
  });

  it('keeps folder and collection variables, disabled ones disabled, secret-looking ones empty', () => {
    const { collection, report } = run(
      collectionOf([{ name: 'F', variable: [{ key: 'stage', value: 'prod' }], item: [] }], {
        variable: [
          { key: 'host', value: 'api.example.com', type: 'string' },
          { key: 'off', value: 'x', disabled: true },
          { key: 'apiSecret', value: 'letmein', type: 'string' },
          { key: 'count', value: 3, type: 'number' },
        ],
      }),
    );
    expect(collection.variables.map((v) => [v.key, v.value, v.enabled, v.secret])).toEqual([
      ['host', 'api.example.com', true, false],
      ['off', 'x', false, false],
      ['apiSecret', '', true, true],
      ['count', '3', true, false],
    ]);
    expect(folder(collection.items, 'F').variables.map((v) => v.key)).toEqual(['stage']);
    expect(report.warnings.join('\n')).toContain('Secret variables "apiSecret" were marked secret and left empty');
    expect(JSON.stringify(collection)).not.toContain('letmein');
  });

  it('empties credential headers typed into a request, naming them but not their values', () => {
    const { collection, report } = run(collectionOf([req('r', { header: [{ key: 'Authorization', value: 'Bearer sekrit-token-value' }, { key: 'X-Amz-Security-Token', value: '{{token}}' }] })]));
    const r = collection.items[0] as RequestNode;
    expect(r.headers.map((h) => [h.key, h.value])).toEqual([
      ['Authorization', ''],
      ['X-Amz-Security-Token', '{{token}}'],
    ]);
    expect(report.warnings.join('\n')).toContain('Credential header values (Authorization) were emptied');
    expect(JSON.stringify(report)).not.toContain('sekrit');
  });

  it('keeps descriptions and scripts as notes, reported as not run', () => {
    const script = (listen: string, exec: string[]) => ({ listen, script: { type: 'text/javascript', exec } });
    const { collection, notes, report } = run(
      collectionOf([req('r', { description: 'Lists things' }, { event: [script('prerequest', ['pm.environment.set("t", Date.now());']), script('test', ['pm.test("ok", () => {', '});'])] })], {
        event: [script('prerequest', [''])],
      }),
    );
    expect(notes).toEqual([
      { itemId: collection.items[0]!.id, path: 'r', description: 'Lists things', prerequest: 'pm.environment.set("t", Date.now());', test: 'pm.test("ok", () => {\n});' },
    ]);
    expect(report.notMapped).toContain('Pre-request scripts were kept with their items, never run, and go back to Postman on export ("r")');
    expect(report.notMapped).toContain('Test scripts were kept with their items, never run, and go back to Postman on export ("r")');
  });

  it('gives descriptions to their items and keeps scripts with them as Postman git-native scripts', () => {
    const script = (listen: string, exec: string[]) => ({ listen, script: { type: 'text/javascript', exec } });
    const { collection, report } = run(
      collectionOf(
        [
          { name: 'F', description: { content: 'Folder *docs*', type: 'text/markdown' }, item: [req('r', { description: 'Lists <b>things</b>' }, { event: [script('test', ['pm.test("ok", () => {', '});'])] })] },
        ],
        { info: { name: 'C', schema: V21, description: 'The collection' }, event: [script('prerequest', ['console.log(1)'])] },
      ),
    );
    expect(collectionSchema.safeParse(collection).success).toBe(true);
    expect(collection.description).toBe('The collection');
    expect(collection.preserved?.fields).toEqual({ scripts: [{ type: 'beforeRequest', code: 'console.log(1)', language: 'text/javascript' }] });
    expect(folder(collection.items, 'F').description).toBe('Folder *docs*');
    const r = request(collection.items, 'r');
    expect(r.description).toBe('Lists <b>things</b>');
    expect(r.preserved?.fields).toEqual({ scripts: [{ type: 'afterResponse', code: 'pm.test("ok", () => {\n});', language: 'text/javascript' }] });
    expect(report.mapped.join('\n')).toContain('Descriptions became the items\' descriptions (the Docs tab)');
  });
});

describe('bodies', () => {
  const body = (b: unknown, header: unknown[] = []) => run(collectionOf([req('r', { method: 'POST', body: b, header })]));
  const bodyOf = (b: unknown, header: unknown[] = []) => (body(b, header).collection.items[0] as RequestNode).body;

  it('raw keeps its language; without one, the Content-Type decides; other languages become text', () => {
    expect(bodyOf({ mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } })).toEqual({ mode: 'raw', language: 'json', text: '{"a":1}' });
    expect(bodyOf({ mode: 'raw', raw: '<a/>', options: { raw: { language: 'xml' } } })).toEqual({ mode: 'raw', language: 'xml', text: '<a/>' });
    expect(bodyOf({ mode: 'raw', raw: '{"a":1}' }, [{ key: 'Content-Type', value: 'application/json' }])).toMatchObject({ language: 'json' });
    expect(bodyOf({ mode: 'raw', raw: 'hello' })).toEqual({ mode: 'raw', language: 'text', text: 'hello' });
    const js = body({ mode: 'raw', raw: 'let a', options: { raw: { language: 'javascript' } } });
    expect((js.collection.items[0] as RequestNode).body).toMatchObject({ language: 'text', text: 'let a' });
    expect(js.report.notMapped.join()).toContain('Raw bodies in javascript were imported as text');
  });

  it('urlencoded keeps every field, disabled ones disabled', () => {
    const b = bodyOf({ mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1', type: 'text' }, { key: 'b', value: '2', disabled: true }] });
    expect(b.mode === 'urlencoded' && b.fields.map((f) => [f.key, f.value, f.enabled])).toEqual([
      ['a', '1', true],
      ['b', '2', false],
    ]);
  });

  it('formdata keeps text parts and file parts by path only (several files, none), with a warning', () => {
    const { collection, report } = body({
      mode: 'formdata',
      formdata: [
        { key: 'note', value: 'hi', type: 'text' },
        { key: 'doc', src: '/home/me/doc.pdf', type: 'file', contentType: 'application/pdf' },
        { key: 'many', src: ['a.png', 'b.png'], type: 'file' },
        { key: 'none', src: null, type: 'file', disabled: true },
      ],
    });
    const b = (collection.items[0] as RequestNode).body;
    expect(b.mode === 'multipart' && b.parts.map((p) => [p.key, p.kind, p.value, p.enabled, p.contentType])).toEqual([
      ['note', 'text', 'hi', true, undefined],
      ['doc', 'file', '/home/me/doc.pdf', true, 'application/pdf'],
      ['many', 'file', 'a.png', true, undefined],
      ['many', 'file', 'b.png', true, undefined],
      ['none', 'file', '', false, undefined],
    ]);
    expect(report.warnings.join('\n')).toContain('A file to send is named by its path only: pick the file again before sending');
  });

  it('graphql becomes a GraphQL body: query, variables text and operation name as Postman held them', () => {
    expect(bodyOf({ mode: 'graphql', graphql: { query: 'query { me { id } }', variables: '{"x": 1}' } })).toEqual({
      mode: 'graphql',
      query: 'query { me { id } }',
      variables: '{"x": 1}',
    });
    expect(bodyOf({ mode: 'graphql', graphql: { query: '{ a }', variables: { y: 2 }, operationName: 'A' } })).toEqual({
      mode: 'graphql',
      query: '{ a }',
      variables: '{\n  "y": 2\n}',
      operationName: 'A',
    });
  });

  it('file and binary become a file body by path', () => {
    expect(bodyOf({ mode: 'file', file: { src: '/tmp/data.bin' } })).toEqual({ mode: 'file', path: '/tmp/data.bin' });
    expect(bodyOf({ mode: 'binary', binary: { src: 'C:\\data\\x.zip' } })).toEqual({ mode: 'file', path: 'C:\\data\\x.zip' });
  });

  it('a disabled body, an empty raw body and an unknown mode are no body', () => {
    expect(bodyOf({ mode: 'raw', raw: 'x', disabled: true })).toEqual({ mode: 'none' });
    expect(bodyOf({ mode: 'raw', raw: '' })).toEqual({ mode: 'none' });
    expect(bodyOf({ mode: 'websocket' })).toEqual({ mode: 'none' });
  });
});

describe('what cannot be imported', () => {
  it('refuses v1 collections with the way out', () => {
    expect(() => run({ id: 'x', name: 'old', order: [], requests: [] })).toThrow('Postman Collection v1 is not supported; open it in Postman and export as v2.1.');
  });

  it('gives a clear error, never a crash, for malformed input', () => {
    const message = (input: unknown) => {
      try {
        run(input);
      } catch (err) {
        expect(err).toBeInstanceOf(ImportError);
        return (err as ImportError).message;
      }
      throw new Error('imported');
    };
    expect(message('{not json')).toMatch(/^This file is not JSON/);
    expect(message([])).toBe('A Postman collection is a JSON object; this file holds an array.');
    expect(message(null)).toBe('A Postman collection is a JSON object; this file holds null.');
    expect(message({ item: [] })).toBe('This is not a Postman collection: it has no "info" object.');
    expect(message({ info: { name: 'x', schema: V21 }, item: 'nope' })).toBe('This is not a Postman v2 collection: "item" is missing or not a list.');
    expect(message({ name: 'env', values: [] })).toBe('This is a Postman environment, not a collection: import it as an environment.');
  });

  it('survives garbage inside a valid shell: wrong types everywhere still give a valid collection', () => {
    const { collection, report } = run(
      collectionOf([
        42,
        null,
        { name: 'no request' },
        { name: 'weird', request: { method: 'GET /x', header: 7, url: { raw: 5, query: 'x' }, body: { mode: 3 }, auth: { type: 'awsv4', awsv4: 'x' } } },
        { name: { a: 1 }, item: [null] },
      ]),
    );
    expect(collectionSchema.safeParse(collection).success).toBe(true);
    expect(report.warnings.join('\n')).toMatch(/Method "GET \/X" is not a method RoleCall can send/);
  });

  it('turns anything unforeseen into an ImportError, and prints no cyclic value', () => {
    const hostile = collectionOf([
      {
        get name(): string {
          throw new RangeError('boom');
        },
        request: {},
      },
    ]);
    expect(() => run(hostile)).toThrow(ImportError);
    expect(() => run(hostile)).toThrow('This Postman collection could not be read.');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(run(collectionOf([], { variable: [{ key: 'loop', value: cyclic }] })).collection.variables[0]).toMatchObject({ key: 'loop', value: '' });
  });

  it('caps the number of items and the folder depth', () => {
    const many = collectionOf(Array.from({ length: IMPORT_LIMITS.items + 5 }, (_, i) => req(`r${i}`, {})));
    const wide = run(many);
    expect(wide.collection.items).toHaveLength(IMPORT_LIMITS.items);
    expect(wide.report.warnings.join()).toContain(`Only the first ${IMPORT_LIMITS.items} folders and requests were imported; 5 more were left out`);

    let nested: Record<string, unknown> = { name: 'leaf', item: [req('deep', {})] };
    for (let i = 0; i < 5000; i++) nested = { name: `f${i}`, item: [nested] };
    const deep = run(collectionOf([nested]));
    let depth = 0;
    for (let items = deep.collection.items; items[0]?.kind === 'folder'; items = (items[0] as FolderNode).items) depth++;
    expect(depth).toBe(IMPORT_LIMITS.depth);
    expect(deep.report.warnings.join()).toContain(`Folders nested deeper than ${IMPORT_LIMITS.depth} levels were left out`);
  });
});

describe('Postman environments', () => {
  it('become a RoleCall environment, secret values marked secret and left empty', () => {
    const { environment, report } = importPostmanEnvironment(
      {
        id: 'e', name: 'Staging', _postman_variable_scope: 'environment',
        values: [
          { key: 'URL', value: 'https://abc.execute-api.eu-west-1.amazonaws.com/stage', enabled: true, type: 'default' },
          { key: 'AWS_REGION', value: 'eu-west-1', enabled: false, type: 'default' },
          { key: 'apiKey', value: 'hunter2hunter2', enabled: true, type: 'secret' },
          { key: 'AWS_SECRET', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', enabled: true, type: 'default' },
        ],
      },
      ids(),
    );
    expect(environment.name).toBe('Staging');
    expect(environment.variables.map((v) => [v.key, v.value, v.enabled, v.secret])).toEqual([
      ['URL', 'https://abc.execute-api.eu-west-1.amazonaws.com/stage', true, false],
      ['AWS_REGION', 'eu-west-1', false, false],
      ['apiKey', '', true, true],
      ['AWS_SECRET', '', true, true],
    ]);
    expect(report.warnings).toEqual(['Secret variables "apiKey", "AWS_SECRET" were marked secret and left empty: type their values in RoleCall ("Staging")']);
    expect(JSON.stringify({ environment, report })).not.toMatch(/hunter2|wJalr/);
  });

  it('refuses a collection or anything else, saying what it is', () => {
    expect(() => importPostmanEnvironment({ info: { name: 'c' }, item: [] })).toThrow('This is a Postman collection, not an environment: import it as a collection.');
    expect(() => importPostmanEnvironment({ name: 'x' })).toThrow('This is not a Postman environment: "values" is missing or not a list.');
    expect(() => importPostmanEnvironment('[1')).toThrow(/^This file is not JSON/);
  });
});
