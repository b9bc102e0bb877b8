// A Postman git-native folder opened in RoleCall, one request edited and saved through the app's channels (the
// contract's schemas included): the request file changes in its URL line only, and its scripts, path variables,
// description and saved examples (inline and as example files) are all still there.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import type { Result } from '../../src/errors';
import type { Collection, RequestDoc, Workspace } from '../../src/models/workspace';
import { createProcessCipher } from '../testing/processCipher';
import { createMemoryBackend } from './workspaceStore';

const REQUEST = 'collections/Shop/get-order.request.yaml';
const EXAMPLE = 'collections/Shop/.resources/get-order.resources/examples/found.example.yaml';
const requestText = [
  '$kind: http-request',
  'name: Get order',
  'description: |-',
  '  Returns one order.',
  '',
  '  <script>alert(1)</script> stays text.',
  "url: 'https://{{host}}/orders/:id'",
  'method: GET',
  'pathVariables:',
  '  - key: id',
  "    value: '42'",
  'scripts:',
  '  - type: beforeRequest',
  "    code: pm.variables.set('x', 1)",
  '    language: text/javascript',
  'examples:',
  '  - name: Found',
  'order: 1000',
  '',
].join('\n');
const exampleText = '$kind: http-example\nname: Found\nresponse:\n  statusCode: 200\n';

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

let dir: string;
let root: string;
let app: App | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-preserved-'));
  root = path.join(dir, 'api');
  for (const [rel, text] of [
    [REQUEST, requestText],
    [EXAMPLE, exampleText],
  ] as const) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
});

afterEach(async () => {
  await app?.dispose();
  app = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('a git-native request saved in RoleCall', () => {
  it('differs on disk only in the URL line, and its example file is untouched', async () => {
    app = createApp({
      host: 'browser-test',
      env: {},
      store: createMemoryBackend(),
      cipher: createProcessCipher(),
      spoolDir: path.join(dir, 'spool'),
      chooseFolder: async () => root,
      folderWatch: false,
      emit: () => undefined,
    });
    ok(await app.registry.invoke('folders:open', {}));
    const w = ok<Workspace>(await app.registry.invoke('workspace:load', {}));
    const { source: _source, ...collection } = w.collections.find((c) => c.source?.kind === 'folder')!;
    const req = ok<RequestDoc>(await app.registry.invoke('requests:get', { collectionId: collection.id, requestId: collection.items[0]!.id }));
    expect(req.description).toContain('<script>alert(1)</script> stays text.');
    const edited: Collection = { ...collection, items: [{ ...req, kind: 'request', url: 'https://{{host}}/v2/orders/:id' }] };
    ok(await app.registry.invoke('collections:save', { collection: edited }));

    const after = await readFile(path.join(root, REQUEST), 'utf8');
    expect(after).toBe(requestText.replace("url: 'https://{{host}}/orders/:id'", "url: 'https://{{host}}/v2/orders/:id'"));
    expect(after).not.toBe(requestText);
    expect(await readFile(path.join(root, EXAMPLE), 'utf8')).toBe(exampleText);
  });
});
