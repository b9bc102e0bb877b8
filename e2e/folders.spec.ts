// A collection kept as files in a folder (issue 6): opened through the folder dialog (the harness answers it), shown
// with its folder badge, and updated in the open window when files change on disk (a git pull, another editor).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFolder } from '../src/formats/folderLayout';
import type { Collection } from '../src/models/workspace';
import { expect, test } from './harness/fixtures';

const collection: Collection = {
  id: 'team',
  name: 'Team API',
  auth: { type: 'none' },
  variables: [],
  items: [
    {
      kind: 'request',
      id: 'list',
      name: 'List orders',
      method: 'GET',
      url: 'https://api.example.com/orders',
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'inherit' },
      signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
      disabledParams: [],
      checks: [],
      captures: [],
    },
  ],
};

test('a folder opened in the sidebar shows its collection and follows a change on disk', async ({ rolecall }) => {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'rolecall-e2e-folder-')), 'api');
  const { files } = writeFolder({ collections: [collection], environments: [] });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  const { page, pageErrors } = await rolecall.open({ chooseFolder: () => root });

  await page.getByRole('button', { name: 'Open folder…' }).click();
  const tree = page.getByRole('tree', { name: 'Collections' });
  const row = tree.getByRole('treeitem', { name: /Team API/ });
  await expect(row).toBeVisible();
  await expect(row).toContainText('folder');
  await expect(tree.getByRole('treeitem', { name: /List orders/ })).toBeVisible();

  // A teammate's request arrives (a git pull): the open window shows it without a restart.
  const file = Object.keys(files).find((p) => p.endsWith('List orders.request.yaml'))!;
  const text = readFileSync(path.join(root, file), 'utf8');
  writeFileSync(path.join(path.dirname(path.join(root, file)), 'Get order.request.yaml'), text.replace('/orders', '/orders/1').replace(/^order: .*$/m, 'order: 2000'));
  await expect(tree.getByRole('treeitem', { name: /Get order/ })).toBeVisible({ timeout: 10_000 });
  expect(pageErrors).toEqual([]);
  rmSync(path.dirname(root), { recursive: true, force: true });
});
