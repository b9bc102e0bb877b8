// Importing a real-world Postman collection from the sidebar: "Import…", main's open dialog (the harness answers
// with a file from ../shared/interop/postman-collections), the preview with what was mapped and the warnings, then
// the collection in the tree and in the store.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { countItems } from '../src/collectionTree';
import type { Workspace } from '../src/models/workspace';
import { expect, test } from './harness/fixtures';

const FILE = path.resolve(__dirname, '../../shared/interop/postman-collections/tfm-aws_TFM-AWS-LAMBDAS.postman_collection.json');

test('a Postman collection picked with Import… is previewed, then imported into the tree', async ({ rolecall }) => {
  if (!existsSync(FILE)) {
    if (process.env.CI === 'true') throw new Error(`The shared Postman collections are missing at ${FILE}; CI needs them.`);
    test.skip(true, `${FILE} is missing (it sits beside the repo, under shared/interop)`);
    return;
  }
  const titles: string[] = [];
  const { page, registry, pageErrors } = await rolecall.open({
    chooseOpenPath: (opts) => {
      titles.push(opts.title);
      return FILE;
    },
  });

  await page.getByRole('button', { name: 'Import…' }).click();
  const start = page.getByRole('dialog', { name: 'Import' });
  await start.getByRole('button', { name: 'Choose file…' }).click();
  // Main asks for the path when the page's call reaches it, which can be after the click has returned.
  await expect.poll(() => titles).toEqual(['Import a collection, environment or curl command']);

  const dialog = page.getByRole('dialog', { name: 'Import “tfm-aws_TFM-AWS-LAMBDAS.postman_collection.json”' });
  await expect(dialog.getByRole('status')).toContainText('Postman Collection v2.1: collection TFM-AWS-LAMBDAS with 17 requests in 5 folders');
  await expect(dialog.getByRole('region', { name: 'Mapped', exact: true })).toContainText('AWS Signature (awsv4) auth became AWS auth');
  await expect(dialog.getByRole('region', { name: 'Warnings', exact: true })).toContainText('{{AWS_ACCESS}}');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  const tree = page.getByRole('tree', { name: 'Collections' });
  await expect(tree.getByRole('treeitem', { name: 'TFM-AWS-LAMBDAS', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Imported collection “TFM-AWS-LAMBDAS”' })).toBeVisible();

  const loaded = await registry.invoke('workspace:load', {});
  const workspace = (loaded.ok ? loaded.value : undefined) as Workspace | undefined;
  expect(workspace?.collections.map((c) => c.name)).toEqual(['TFM-AWS-LAMBDAS']);
  expect(countItems(workspace?.collections[0]?.items ?? [])).toEqual({ requests: 17, folders: 5 });
  expect(pageErrors).toEqual([]);
});
