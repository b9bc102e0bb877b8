// Nothing a Postman git-native file holds is lost when RoleCall saves it: descriptions are modelled, and scripts,
// path variables, inline examples and keys RoleCall does not know are carried through, each where the file had it.
import { describe, expect, it } from 'vitest';
import type { Collection, FolderNode, RequestNode } from '../../models/workspace';
import { PRESERVED_MAX_CHARS } from '../../models/preserved';
import { readFolder, writeFolder, type FolderFiles } from './index';

const REQUEST = 'collections/Shop/get-order.request.yaml';
const DEFINITION = 'collections/Shop/.resources/definition.yaml';
const FOLDER_DEFINITION = 'collections/Shop/Admin/.resources/definition.yaml';

const requestText = [
  '$kind: http-request',
  'name: Get order',
  'description: |-',
  '  Returns one order.',
  '',
  '  **Markdown** with <b>tags</b> kept as text.',
  "url: 'https://{{host}}/orders/:id'",
  'method: GET',
  'headers:',
  '  - key: Accept',
  '    value: application/json',
  'pathVariables:',
  '  - key: id',
  "    value: '42'",
  '    description: The order id',
  'scripts:',
  '  - type: afterResponse',
  '    code: |-',
  '      pm.test("ok", () => {',
  '        pm.response.to.have.status(200);',
  '      });',
  '    language: text/javascript',
  'examples:',
  '  - name: Found',
  '    response:',
  '      statusCode: 200',
  '      body: \'{"id":42}\'',
  'order: 2000',
  'x-team-owner: payments',
  '',
].join('\n');

const definitionText = [
  '$kind: collection',
  'description: The shop API, as the payments team keeps it.',
  'variables:',
  '  - key: host',
  '    value: shop.example.com',
  'scripts:',
  '  - type: beforeRequest',
  "    code: console.log('collection')",
  '    language: text/javascript',
  '',
].join('\n');

const folderDefinitionText = ['$kind: collection', 'description: Admin only.', 'order: 3000', 'x-owner: ops', ''].join('\n');

const files = (): FolderFiles => ({ [REQUEST]: requestText, [DEFINITION]: definitionText, [FOLDER_DEFINITION]: folderDefinitionText });

function changedLines(before: string, after: string): Array<[string | undefined, string | undefined]> {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: Array<[string | undefined, string | undefined]> = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push([a[i], b[i]]);
  return out;
}

const requestIn = (c: Collection) => c.items.find((i): i is RequestNode => i.kind === 'request')!;
const folderIn = (c: Collection) => c.items.find((i): i is FolderNode => i.kind === 'folder')!;

describe('a git-native file saved in RoleCall keeps what RoleCall does not model', () => {
  it('changes only the URL line when only the URL was edited', () => {
    const read = readFolder(files());
    expect(read.problems).toEqual([]);
    const collection = read.collections[0]!;
    const req = requestIn(collection);
    const edited: Collection = { ...collection, items: collection.items.map((i) => (i.id === req.id ? { ...req, url: 'https://{{host}}/v2/orders/:id' } : i)) };
    const out = writeFolder({ collections: [edited], environments: [] }, read.meta).files;
    expect(changedLines(requestText, out[REQUEST]!)).toEqual([["url: 'https://{{host}}/orders/:id'", "url: 'https://{{host}}/v2/orders/:id'"]]);
    expect(out[DEFINITION]).toBe(definitionText);
    expect(out[FOLDER_DEFINITION]).toBe(folderDefinitionText);
  });

  it('writes every file back byte for byte when nothing was edited', () => {
    const read = readFolder(files());
    expect(writeFolder({ collections: read.collections, environments: [] }, read.meta).files).toEqual(files());
  });

  it('reads descriptions as fields and keeps the rest as data, never as a script to run', () => {
    const collection = readFolder(files()).collections[0]!;
    const req = requestIn(collection);
    expect(req.description).toBe('Returns one order.\n\n**Markdown** with <b>tags</b> kept as text.');
    expect(req.preserved?.fields).toEqual({
      pathVariables: [{ key: 'id', value: '42', description: 'The order id' }],
      scripts: [{ type: 'afterResponse', code: 'pm.test("ok", () => {\n  pm.response.to.have.status(200);\n});', language: 'text/javascript' }],
      examples: [{ name: 'Found', response: { statusCode: 200, body: '{"id":42}' } }],
      'x-team-owner': 'payments',
    });
    expect(collection.description).toBe('The shop API, as the payments team keeps it.');
    expect(Object.keys(collection.preserved?.fields ?? {})).toEqual(['scripts']);
    expect(folderIn(collection).description).toBe('Admin only.');
    expect(folderIn(collection).preserved?.fields).toEqual({ 'x-owner': 'ops' });
  });

  it('writes a description edited in RoleCall, and drops one cleared', () => {
    const read = readFolder(files());
    const collection = read.collections[0]!;
    const req = requestIn(collection);
    const withDoc = (description: string | undefined): Collection => ({
      ...collection,
      items: collection.items.map((i) => (i.id === req.id ? { ...req, description } : i)),
    });
    const edited = writeFolder({ collections: [withDoc('One line')], environments: [] }, read.meta).files[REQUEST]!;
    expect(changedLines(requestText, edited).length).toBeGreaterThan(0);
    expect(edited).toContain('name: Get order\ndescription: One line\nurl:');
    const cleared = writeFolder({ collections: [withDoc(undefined)], environments: [] }, read.meta).files[REQUEST]!;
    expect(cleared).not.toContain('description: |-');
    expect(cleared).toContain('scripts:');
  });

  it('puts a field added in RoleCall where the writer usually puts it', () => {
    const read = readFolder(files());
    const collection = read.collections[0]!;
    const req = requestIn(collection);
    const withBody: RequestNode = { ...req, method: 'POST', body: { mode: 'raw', language: 'json', text: '{}' } };
    const out = writeFolder({ collections: [{ ...collection, items: collection.items.map((i) => (i.id === req.id ? withBody : i)) }], environments: [] }, read.meta).files[REQUEST]!;
    const keys = out.split('\n').filter((l) => /^[$\w-]+:/.test(l)).map((l) => l.split(':')[0]);
    expect(keys).toEqual(['$kind', 'name', 'description', 'url', 'method', 'headers', 'body', 'pathVariables', 'scripts', 'examples', 'order', 'x-team-owner']);
  });

  it('a file RoleCall wrote itself carries nothing extra', () => {
    const read = readFolder(files());
    const rewritten = writeFolder({ collections: read.collections.map((c) => ({ ...c, preserved: undefined, items: [] })), environments: [] }).files;
    const again = readFolder(rewritten).collections[0]!;
    expect(again.preserved).toBeUndefined();
    expect(again.description).toBe('The shop API, as the payments team keeps it.');
  });

  it("keeps Postman's settings RoleCall does not use beside those it does, in their order", () => {
    const text = [
      '$kind: http-request',
      'url: https://example.com/a',
      'method: GET',
      'settings:',
      '  strictSSL: false',
      '  followRedirects: false',
      '  protocolVersion: http2',
      'order: 1000',
      '',
    ].join('\n');
    const path = 'collections/C/r.request.yaml';
    const read = readFolder({ [path]: text });
    const collection = read.collections[0]!;
    const req = requestIn(collection);
    const edit = (node: RequestNode) => writeFolder({ collections: [{ ...collection, items: [node] }], environments: [] }, read.meta).files[path]!;
    expect(changedLines(text, edit({ ...req, url: 'https://example.com/b' }))).toEqual([['url: https://example.com/a', 'url: https://example.com/b']]);
    // Redirects followed again (RoleCall's default, so no key): the settings RoleCall does not use stay.
    const { settings: _settings, ...followed } = req;
    expect(edit(followed)).toContain('settings:\n  strictSSL: false\n  protocolVersion: http2\n');
  });

  it('does not keep more than its bound, and says so', () => {
    const huge = `${requestText}x-huge: '${'a'.repeat(PRESERVED_MAX_CHARS)}'\n`;
    const read = readFolder({ [REQUEST]: huge });
    expect(requestIn(read.collections[0]!).preserved).toBeUndefined();
    expect(read.problems).toEqual([expect.objectContaining({ path: REQUEST, message: expect.stringMatching(/larger than .* not written back/) })]);
  });
});
