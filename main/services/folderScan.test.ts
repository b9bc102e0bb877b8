// The bounded read of an opened collection folder: only the layout's YAML files, within the caps, no links out.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FOLDER_LIMITS, isFolderFilePath, scanFolder } from './folderScan';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'rolecall-scan-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const put = async (rel: string, text = 'name: x\n') => {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), text);
};

it('reads only *.yaml files under collections/ and environments/', async () => {
  await put('collections/api/a.request.yaml');
  await put('collections/api/.resources/definition.yaml');
  await put('collections/api/notes.md');
  await put('environments/dev.environment.yaml');
  await put('src/app.yaml');
  await put('secrets.yaml');
  const scan = await scanFolder(root);
  expect(Object.keys(scan.files).sort()).toEqual(['collections/api/.resources/definition.yaml', 'collections/api/a.request.yaml', 'environments/dev.environment.yaml']);
});

it('stops at the file count and skips files over the size cap, saying so', async () => {
  for (let i = 0; i < 5; i++) await put(`collections/api/r${i}.request.yaml`);
  await put('collections/api/zz-big.request.yaml', 'x'.repeat(200));
  const scan = await scanFolder(root, { ...FOLDER_LIMITS, files: 3, fileBytes: 100 });
  expect(Object.keys(scan.files)).toHaveLength(3);
  expect(scan.problems.some((p) => /More than 3 files/.test(p.message))).toBe(true);
  const sized = await scanFolder(root, { ...FOLDER_LIMITS, fileBytes: 100 });
  expect(sized.problems).toEqual([expect.objectContaining({ path: 'collections/api/zz-big.request.yaml' })]);
});

it('accepts for writing only relative .yaml paths under the two top folders', () => {
  expect(isFolderFilePath('collections/api/a.request.yaml')).toBe(true);
  for (const bad of ['../x.yaml', 'collections/../../etc/x.yaml', '/etc/x.yaml', 'src/x.yaml', 'collections/a.txt', 'collections\\a.yaml', 'collections//a.yaml']) {
    expect(isFolderFilePath(bad)).toBe(false);
  }
});
