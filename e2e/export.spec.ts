// Exporting a collection from its row menu: the format dialog, main's save prompt (the harness answers with a
// file in a temporary folder), and the file itself, read back from disk: Postman v2.1, secrets left empty, and the
// dialog's list of what Postman cannot express. An environment exported from its row as a Postman environment.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Collection } from '../src/models/workspace';
import { expect, test } from './harness/fixtures';

const SECRET = 'e2eSecretVariableValueNeverExported0';

const collection: Collection = {
  id: 'team',
  name: 'Team API',
  auth: { type: 'profile', profile: 'team' },
  variables: [
    { id: 'v1', key: 'host', value: 'api.example.com', enabled: true, secret: false },
    { id: 'v2', key: 'apiKey', value: SECRET, enabled: true, secret: true },
  ],
  items: [
    {
      kind: 'request',
      id: 'list',
      name: 'List orders',
      method: 'GET',
      url: 'https://{{host}}/orders',
      headers: [],
      body: { mode: 'none' },
      auth: { type: 'inherit' },
      signing: { region: 'eu-west-1', service: 'execute-api', payload: 'signed', mode: 'header', expiresIn: 900 },
      disabledParams: [],
      checks: [],
      captures: [],
    },
  ],
};

async function openRowMenu(page: Page, name: string) {
  const row = page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name, exact: true });
  await row.hover();
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  return page.getByRole('menu', { name: `Actions for ${name}` });
}

test('a collection exported to Postman v2.1 from its row menu is written with secret values empty', async ({ rolecall }) => {
  const { page, registry, savedDir, pageErrors } = await rolecall.open();
  expect((await registry.invoke('collections:save', { collection })).ok).toBe(true);
  await page.reload();

  await (await openRowMenu(page, 'Team API')).getByRole('menuitem', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export “Team API”' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /Postman Collection v2\.1/ }).check();
  await dialog.getByRole('button', { name: 'Export' }).click();

  const file = path.join(savedDir, 'Team API.postman_collection.json');
  await expect(dialog.getByRole('status')).toContainText(file);
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(SECRET);
  const written = JSON.parse(text);
  expect(written.info).toMatchObject({ name: 'Team API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' });
  expect(written.variable).toContainEqual(expect.objectContaining({ key: 'apiKey', value: '' }));
  expect(written.variable).toContainEqual(expect.objectContaining({ key: 'host', value: 'api.example.com' }));
  // Auth is written once, on the collection, with the request's signing; keys are variables set once, never values.
  expect(written.item[0].request.auth).toBeUndefined();
  expect(written.auth.awsv4).toContainEqual({ key: 'region', value: 'eu-west-1', type: 'string' });
  expect(written.auth.awsv4.filter((a: { key: string }) => ['accessKey', 'secretKey', 'sessionToken'].includes(a.key)).map((a: { value: string }) => a.value)).toEqual([
    '{{AWS_ACCESS_KEY_ID}}',
    '{{AWS_SECRET_ACCESS_KEY}}',
    '{{AWS_SESSION_TOKEN}}',
  ]);
  const report = dialog.getByRole('region', { name: 'What Postman cannot express' });
  await expect(report).toContainText('Postman cannot express:');
  await expect(report.getByRole('listitem')).toHaveText(['Collection: RoleCall signs with AWS profile "team"; Postman cannot use profiles, environment credentials or roles and signs with the AWS_* variables instead.']);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The RoleCall format, the default choice, through the same dialog.
  await (await openRowMenu(page, 'Team API')).getByRole('menuitem', { name: 'Export…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('Team API.rolecall.json');
  await expect(page.getByRole('dialog').getByText('Postman cannot express:')).toHaveCount(0);
  const own = JSON.parse(readFileSync(path.join(savedDir, 'Team API.rolecall.json'), 'utf8'));
  expect(own).toMatchObject({ format: 'rolecall-collection', collection: { id: 'team', name: 'Team API' } });
  expect(JSON.stringify(own)).not.toContain(SECRET);
  expect(pageErrors).toEqual([]);
});

test('an environment exported from its row is a Postman environment with secret values blank', async ({ rolecall }) => {
  const { page, registry, savedDir, pageErrors } = await rolecall.open();
  const environment = {
    id: 'stag',
    name: 'Staging',
    variables: [
      { id: 'a', key: 'base', value: 'https://abc.execute-api.eu-west-1.amazonaws.com/stage', enabled: true, secret: false },
      { id: 'b', key: 'apiKey', value: SECRET, enabled: true, secret: true },
    ],
  };
  expect((await registry.invoke('environments:save', { environments: [environment], activeEnvironmentId: 'stag' })).ok).toBe(true);
  await page.reload();

  const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
  await sidebar.getByRole('tab', { name: 'Environments' }).click();
  const panel = sidebar.getByRole('tabpanel', { name: 'Environments' });
  await panel.getByRole('button', { name: 'Export Staging…', exact: true }).click();

  const file = path.join(savedDir, 'Staging.postman_environment.json');
  await expect(panel.getByRole('status')).toContainText(file);
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(SECRET);
  expect(JSON.parse(text)).toEqual({
    name: 'Staging',
    values: [
      { key: 'base', value: 'https://abc.execute-api.eu-west-1.amazonaws.com/stage', enabled: true, type: 'default' },
      { key: 'apiKey', value: '', enabled: true, type: 'secret' },
    ],
    _postman_variable_scope: 'environment',
  });
  expect(pageErrors).toEqual([]);
});
