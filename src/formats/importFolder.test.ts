import { describe, expect, it } from 'vitest';
import { collectionSchema, type FolderNode, type RequestNode } from '../models/workspace';
import { ImportError } from './importResult';
import { FOLDER_IMPORT_MAX_FILES, importFolderFiles } from './importFolder';

const ids = () => {
  let n = 0;
  return { newId: () => `n${++n}` };
};
const request = (url: string) => `$kind: http-request\nurl: ${url}\nmethod: GET\nscripts:\n  - type: afterResponse\n    code: pm.test()\n`;
const postman = (name: string) =>
  JSON.stringify({ info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [{ name: 'r', request: { method: 'GET', url: 'https://example.com/' } }] });

describe('a dropped folder', () => {
  it('reads a git-native folder wherever its collections/ sits, with fresh ids and what RoleCall does not model kept', () => {
    const outcome = importFolderFiles(
      'repo',
      {
        'postman/collections/Shop/get.request.yaml': request('https://shop.example.com/items'),
        'postman/collections/Shop/.resources/definition.yaml': '$kind: collection\ndescription: The shop\n',
        'postman/environments/Dev.environment.yaml': 'name: Dev\nvalues:\n  - key: host\n    value: dev\n    enabled: true\n',
        'README.md': '# not ours',
      },
      ids(),
    );
    expect(outcome.format).toBe('folder');
    expect(collectionSchema.safeParse(outcome.collection).success).toBe(true);
    expect(outcome.collection).toMatchObject({ id: expect.stringMatching(/^n\d+$/), name: 'Shop', description: 'The shop' });
    const [get] = outcome.collection!.items as RequestNode[];
    expect(get).toMatchObject({ id: expect.stringMatching(/^n\d+$/), url: 'https://shop.example.com/items', preserved: { fields: { scripts: [{ type: 'afterResponse', code: 'pm.test()' }] } } });
    expect(outcome.environment).toMatchObject({ name: 'Dev', variables: [expect.objectContaining({ key: 'host', value: 'dev' })] });
  });

  it('reads one collection directory dropped by itself, named after the folder', () => {
    const outcome = importFolderFiles('Orders', { 'list.request.yaml': request('https://o.example.com/'), 'Admin/delete.request.yaml': request('https://o.example.com/x') }, ids());
    expect(outcome.collection?.name).toBe('Orders');
    expect(outcome.collection?.items.map((i) => i.name).sort()).toEqual(['Admin', 'list']);
  });

  it('imports a folder of Postman and OpenAPI files as one collection with a folder for each, and reports what it could not', () => {
    const outcome = importFolderFiles(
      'exports',
      {
        'a.postman_collection.json': postman('Alpha'),
        'b/openapi.yaml': 'openapi: 3.0.0\ninfo: {title: Beta, version: "1"}\npaths:\n  /x:\n    get: {}\n',
        'broken.json': '{nope',
        'photo.png': 'binary',
      },
      ids(),
    );
    expect(outcome.collection?.name).toBe('exports');
    expect((outcome.collection!.items as FolderNode[]).map((f) => [f.kind, f.name])).toEqual([
      ['folder', 'Alpha'],
      ['folder', 'Beta'],
    ]);
    expect(outcome.report.warnings.join('\n')).toContain('broken.json was not imported');
    expect(outcome.report.mapped.join('\n')).not.toContain('photo.png');
  });

  it('refuses a folder with nothing to import, or too many files', () => {
    expect(() => importFolderFiles('x', { 'notes.txt': 'hello' })).toThrow(ImportError);
    const many = Object.fromEntries(Array.from({ length: FOLDER_IMPORT_MAX_FILES + 1 }, (_, i) => [`f${i}.json`, '{}']));
    expect(() => importFolderFiles('x', many)).toThrow(/more than/);
  });
});
