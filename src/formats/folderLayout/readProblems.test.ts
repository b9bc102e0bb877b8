import { describe, expect, it } from 'vitest';
import type { RequestNode } from '../../models/workspace';
import { everyFeatureCollection, everyFeatureEnvironments, request } from './fixtures/everyFeature';
import { readFolder, writeFolder } from './index';
import { LIMITS } from './types';

const written = () => writeFolder({ collections: [everyFeatureCollection()], environments: everyFeatureEnvironments() }).files;
const names = (read: ReturnType<typeof readFolder>) => read.collections[0]!.items.map((i) => i.name);

describe('reading a folder with broken files', () => {
  it('names a request file with merge-conflict markers by its line, and loads the rest', () => {
    const files = written();
    const path = 'collections/Orders API/Create order.request.yaml';
    files[path] = files[path]!.replace('method: POST\n', '<<<<<<< HEAD\nmethod: POST\n=======\nmethod: PUT\n>>>>>>> feature\n');
    const read = readFolder(files);
    expect(read.problems).toEqual([{ path, line: 4, message: expect.stringContaining('Merge conflict marker (<<<<<<<)') }]);
    expect(names(read)).not.toContain('Create order');
    expect(names(read)).toContain('List orders');
    expect(names(read)).toHaveLength(everyFeatureCollection().items.length - 1);
    expect(read.environments).toHaveLength(2);
  });

  it('never overwrites an unreadable file, nor gives its name to a new request', () => {
    const files = written();
    const path = 'collections/Orders API/Create order.request.yaml';
    files[path] = files[path]!.replace('method: POST\n', '<<<<<<< HEAD\nmethod: POST\n=======\nmethod: PUT\n>>>>>>> feature\n');
    const read = readFolder(files);
    expect(read.meta.unreadable).toEqual([path]);
    read.collections[0]!.items.push(request('Create order'));
    const next = writeFolder(read, read.meta);
    expect(next.files[path]).toBeUndefined();
    expect(next.files['collections/Orders API/Create order (2).request.yaml']).toContain('name: Create order\n');
    expect(next.meta.unreadable).toEqual([path]);
    // Once resolved (the service hands the file back), it reads again.
    const resolved = readFolder({ ...next.files, [path]: written()[path]! }, next.meta);
    expect(resolved.problems).toEqual([]);
    expect(resolved.meta.unreadable).toBeUndefined();
  });

  it.each([
    ['a value that holds a mapping', '$kind: http-request\norder: 1\nurl: https://x: y\nmethod: GET\n', 3],
    ['a key given twice', '$kind: http-request\nurl: x\nmethod: GET\nurl: y\n', 4],
    ['a tab as indentation', '$kind: http-request\nbody:\n  type: text\n\tcontent: x\n', 4],
    ['a misindented entry', '$kind: http-request\nheaders:\n  - key: a\n    value: b\n   bad: c\nmethod: GET\n', 5],
    ['an unclosed list', '$kind: http-request\nheaders: [a, b\nmethod: GET\n', 3],
  ])('names bad YAML by its line: %s', (_what, text, line) => {
    const files = written();
    const path = 'collections/Orders API/Form.request.yaml';
    files[path] = text;
    const read = readFolder(files);
    expect(read.problems).toEqual([{ path, line, message: expect.stringMatching(/^Not valid YAML: /) }]);
    expect(names(read)).not.toContain('Form');
    expect(names(read)).toContain('Create order');
  });

  it('keeps a folder whose definition is broken, with its requests', () => {
    const files = written();
    const path = 'collections/Orders API/Admin/.resources/definition.yaml';
    files[path] = 'order: [1000\n';
    const read = readFolder(files);
    expect(read.problems.map((p) => p.path)).toEqual([path]);
    const admin = read.collections[0]!.items.find((i) => i.name === 'Admin');
    expect(admin?.kind === 'folder' && admin.items.map((i) => i.name)).toEqual(['Nested: deep/er', 'Upload file', 'Empty']);
  });

  it('reports wrong-shaped fields by path and line and keeps the rest of the request', () => {
    const files = {
      'collections/C/R.request.yaml': [
        '$kind: http-request',
        'order: first',
        'url: https://h/x',
        'method: GET',
        'headers: {a: b}',
        'body:',
        '  type: json',
        '  content: \'{"a":1}\'',
        'auth:',
        '  type: bearer',
        '',
      ].join('\n'),
    };
    const read = readFolder(files);
    const request = read.collections[0]!.items[0] as RequestNode;
    expect(request).toMatchObject({ name: 'R', url: 'https://h/x', headers: [], body: { mode: 'raw', language: 'json', text: '{"a":1}' }, auth: { type: 'none' } });
    expect(read.problems).toEqual([
      { path: 'collections/C/R.request.yaml', line: 10, message: expect.stringContaining('auth.type: auth type "bearer" is not supported') },
      { path: 'collections/C/R.request.yaml', line: 5, message: 'headers: expected a list; ignored' },
      { path: 'collections/C/R.request.yaml', line: 2, message: 'order: expected a number; ignored' },
    ]);
  });

  it('bounds what it reads: file count, file size and depth', () => {
    const deep = `collections/C/${Array.from({ length: LIMITS.depth + 1 }, (_, i) => `d${i}`).join('/')}/R.request.yaml`;
    const files = {
      [deep]: '$kind: http-request\nurl: x\n',
      'collections/C/Big.request.yaml': `$kind: http-request\nurl: ${'x'.repeat(LIMITS.fileChars + 1)}\n`,
      'collections/C/Ok.request.yaml': '$kind: http-request\nurl: x\n',
      'collections/C/../escape.request.yaml': '$kind: http-request\n',
    };
    const read = readFolder(files);
    expect(names(read)).toEqual(['Ok']);
    expect(read.problems.map((p) => p.path).sort()).toEqual(['collections/C/../escape.request.yaml', 'collections/C/Big.request.yaml', deep]);
  });

  it('ignores what is not its own: examples, scripts, other files', () => {
    const files = {
      'collections/C/.resources/definition.yaml': '$kind: collection\n',
      'collections/C/.resources/R.resources/examples/ok.example.yaml': 'not: [valid\n',
      'collections/C/R.request.yaml': '$kind: http-request\nurl: x\n',
      'collections/C/README.md': '# hi\n',
      'README.md': 'x',
      '.git/config': 'x',
    };
    const read = readFolder(files);
    expect(read.problems).toEqual([]);
    expect(names(read)).toEqual(['R']);
  });
});

describe('reading Postman git-native files', () => {
  it('reads a plain awsv4 request as AWS auth to choose a profile for, with its region and service', () => {
    const files = {
      'collections/Postman API/.resources/definition.yaml': [
        '$kind: collection',
        'name: Postman API',
        'variables:',
        '  - key: baseUrl',
        '    value: https://abc.execute-api.us-east-1.amazonaws.com/prod',
        'auth:',
        '  type: awsv4',
        '  credentials:',
        '    - key: accessKey',
        "      value: '{{AWS_ACCESS_KEY_ID}}'",
        '    - key: region',
        '      value: eu-central-1',
        '    - key: service',
        '      value: execute-api',
        '',
      ].join('\n'),
      'collections/Postman API/Get items.request.yaml': [
        '$kind: http-request',
        'order: 2000',
        "url: '{{baseUrl}}/items?limit=5'",
        'method: GET',
        'queryParams:',
        '  - key: limit',
        "    value: '5'",
        '  - key: page',
        "    value: '1'",
        '  - key: sort',
        '    value: asc',
        '    disabled: true',
        'pathVariables: []',
        '',
      ].join('\n'),
      'collections/Postman API/Signed.request.yaml': [
        '$kind: http-request',
        'order: 1000',
        'url: https://s3.amazonaws.com/b',
        'method: PUT',
        'auth:',
        '  type: awsv4',
        '  credentials:',
        '    - {key: accessKey, value: AKIAIOSFODNN7EXAMPLE}',
        '    - {key: secretKey, value: wJalrXUtnFEMI}',
        '    - {key: region, value: us-west-2}',
        '    - {key: service, value: s3}',
        '    - {key: addAuthDataToQuery, value: true}',
        '',
      ].join('\n'),
    };
    const read = readFolder(files);
    const [collection] = read.collections;
    expect(collection!.auth).toEqual({ type: 'profile', profile: '' });
    const [signed, get] = collection!.items as RequestNode[];
    expect(signed).toMatchObject({ name: 'Signed', auth: { type: 'profile', profile: '' }, signing: { region: 'us-west-2', service: 's3', mode: 'query' } });
    expect(get).toMatchObject({
      name: 'Get items',
      auth: { type: 'inherit' },
      url: '{{baseUrl}}/items?limit=5&page=1',
      disabledParams: [{ key: 'sort', value: 'asc' }],
      signing: { region: 'eu-central-1', service: 'execute-api', mode: 'header' },
    });
    // Kept, not reported as lost: written back as read (preserved.test.ts).
    expect(get!.preserved?.fields).toEqual({ pathVariables: [] });
    expect(read.problems.map((p) => `${p.path.split('/').pop()}: ${p.message.split(';')[0]}`)).toEqual([
      'definition.yaml: auth.credentials: AWS keys in this file are not used and are never written back: choose a profile or stored keys',
      'Signed.request.yaml: auth.credentials: AWS keys in this file are not used and are never written back: choose a profile or stored keys',
    ]);
    const out = writeFolder(read, read.meta).files;
    expect(Object.values(out).join('')).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(Object.values(out).join('')).not.toContain('wJalrXUtnFEMI');
  });

  it('reads a committed secret value but never writes it back', () => {
    const files = { 'environments/Dev.environment.yaml': 'name: Dev\nvalues:\n  - key: token\n    value: abc-SECRET\n    enabled: true\n    type: secret\n' };
    const read = readFolder(files);
    expect(read.environments[0]!.variables[0]).toMatchObject({ key: 'token', value: 'abc-SECRET', secret: true });
    expect(read.secretNames).toEqual([{ environmentId: read.environments[0]!.id, name: 'token' }]);
    expect(read.problems[0]).toMatchObject({ line: 4, message: expect.stringContaining('a secret value is committed') });
    expect(Object.values(writeFolder(read, read.meta).files).join('')).not.toContain('abc-SECRET');
  });
});
