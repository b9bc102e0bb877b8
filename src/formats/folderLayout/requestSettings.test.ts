// A request's timeout and redirect setting survive its git-native file and RoleCall's own export, are written
// deterministically, only when set, under Postman's own key for redirects, and a bad value is named, not fatal.
import { describe, expect, it } from 'vitest';
import { toRoleCallFile } from '../rolecallExport';
import { importRoleCallCollection } from '../rolecallImport';
import { request } from './fixtures/everyFeature';
import { requestFromYaml, requestToYaml } from './requestFile';
import { parseYamlFile, toYamlText } from './yamlText';
import type { FolderProblem } from './types';

function fileText(node: ReturnType<typeof request>): string {
  return toYamlText(requestToYaml(node, node.name, 1000));
}

function readBack(text: string) {
  const problems: FolderProblem[] = [];
  const file = parseYamlFile('collections/c/r.request.yaml', text, problems)!;
  const read = requestFromYaml(file, 'r1', 'r');
  return { node: read.node, problems: file.problems };
}

describe('request settings in the request file', () => {
  it('writes followRedirects (Postman’s key) and rolecall.timeoutMs in settings and reads them back', () => {
    const node = request('r', { settings: { timeoutMs: 120_000, followRedirects: true } });
    const text = fileText(node);
    expect(text).toContain('settings:\n  followRedirects: true\n  rolecall.timeoutMs: 120000\n');
    const { node: back, problems } = readBack(text);
    expect(problems).toEqual([]);
    expect(back.settings).toEqual({ timeoutMs: 120_000, followRedirects: true });
    expect(fileText({ ...back, name: 'r' })).toBe(text);
  });

  it('writes nothing for a request on the defaults, and reads no settings back', () => {
    const text = fileText(request('r'));
    expect(text).not.toContain('settings');
    expect(readBack(text).node.settings).toBeUndefined();
  });

  it('keeps followRedirects: false, which differs from not saying', () => {
    const { node } = readBack(fileText(request('r', { settings: { followRedirects: false } })));
    expect(node.settings).toEqual({ followRedirects: false });
  });

  it('shares settings with the signing options of a request without AWS auth, in a fixed order', () => {
    const node = request('r', { auth: { type: 'none' }, signing: { region: 'eu-west-1', service: '', payload: 'signed', mode: 'header', expiresIn: 900 }, settings: { timeoutMs: 5000 } });
    const text = fileText(node);
    expect(text).toContain('settings:\n  rolecall.region: eu-west-1\n  rolecall.timeoutMs: 5000\n');
    const { node: back } = readBack(text);
    expect(back.signing.region).toBe('eu-west-1');
    expect(back.settings).toEqual({ timeoutMs: 5000 });
  });

  it('names a timeout out of range and a followRedirects that is not a boolean, keeping the rest', () => {
    const text = `$kind: http-request\nurl: https://example.com/\nmethod: GET\nsettings:\n  followRedirects: sometimes\n  rolecall.timeoutMs: 5\n`;
    const { node, problems } = readBack(text);
    expect(node.settings).toBeUndefined();
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('settings.followRedirects: expected true or false'),
      expect.stringContaining('settings.rolecall.timeoutMs: must be whole milliseconds from 100 to 900000'),
    ]);
  });
});

describe('request settings in RoleCall’s export', () => {
  it('round-trips through the exported file', () => {
    const collection = { id: 'c', name: 'C', auth: { type: 'none' as const }, variables: [], items: [request('r', { settings: { timeoutMs: 60_000, followRedirects: true } })] };
    const file = JSON.parse(JSON.stringify(toRoleCallFile(collection)));
    const { collection: back } = importRoleCallCollection(file, { newId: () => 'n' });
    expect(back.items[0]).toMatchObject({ settings: { timeoutMs: 60_000, followRedirects: true } });
  });
});
