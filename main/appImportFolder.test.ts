// A dropped folder through the handler registry: the page sends the files it read, main previews and commits them
// as one collection; a path that climbs out of the folder, or too much text, is refused before anything is read.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportPreview } from '../src/models/importing';
import { IMPORT_MAX_BYTES } from '../src/models/importing';
import type { RequestDoc, Workspace } from '../src/models/workspace';
import { openTestApp } from './testing/testApp';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function start() {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-import-folder-'));
  dirs.push(dir);
  return openTestApp(dir, {});
}

const folder = (files: Array<{ path: string; text: string }>) => ({ source: { kind: 'folder', name: 'api', files } });

describe('import:preview of a dropped folder', () => {
  it('previews and commits a git-native folder the page read, keeping its scripts and description', async () => {
    const app = await start();
    const shown = await app.registry.invoke(
      'import:preview',
      folder([
        { path: 'collections/Team/get.request.yaml', text: "$kind: http-request\ndescription: Gets it\nurl: 'https://{{host}}/x'\nmethod: GET\nscripts:\n  - type: afterResponse\n    code: pm.test()\n" },
        { path: 'collections/Team/.resources/definition.yaml', text: '$kind: collection\n' },
      ]),
    );
    if (!shown.ok) throw new Error(shown.error.message);
    const preview = shown.value as ImportPreview;
    expect(preview).toMatchObject({ format: 'folder', fileName: 'api', collection: { name: 'Team', requests: 1, folders: 0 } });
    const committed = await app.registry.invoke('import:commit', { previewId: preview.previewId });
    if (!committed.ok) throw new Error(committed.error.message);
    const loaded = await app.registry.invoke('workspace:load', {});
    const team = (loaded.ok ? (loaded.value as Workspace) : undefined)?.collections.find((c) => c.id === (committed.value as ImportCommitResult).collection?.id);
    const got = await app.registry.invoke('requests:get', { collectionId: team!.id, requestId: team!.items[0]!.id });
    const get = got.ok ? (got.value as RequestDoc) : undefined;
    expect(get).toMatchObject({ description: 'Gets it', preserved: { fields: { scripts: [{ type: 'afterResponse', code: 'pm.test()' }] } } });
  });

  it('refuses paths that leave the folder and more text than an import takes', async () => {
    const app = await start();
    for (const path of ['../outside.json', 'a/../../b.json', '/etc/passwd', 'a//b.json']) {
      const refused = await app.registry.invoke('import:preview', folder([{ path, text: '{}' }]));
      expect(refused.ok, path).toBe(false);
    }
    const big = 'x'.repeat(IMPORT_MAX_BYTES / 2 + 1);
    const tooMuch = await app.registry.invoke('import:preview', folder([{ path: 'a.json', text: big }, { path: 'b.json', text: big }]));
    expect(tooMuch.ok).toBe(false);
  });
});
