// "Copy as ▾" in the request toolbar: a saved request that uses a secret variable, copied as curl. The snippet
// signs with --aws-sigv4 for the host's region and service and reads the secret from an environment variable; the
// value itself is neither on the clipboard nor on screen.
import type { Collection } from '../src/models/workspace';
import { expect, test } from './harness/fixtures';

const SECRET = 'e2eSecretVariableValueNeverCopied9';
const KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCOPYASKEY';

const collection: Collection = {
  id: 'team',
  name: 'Team API',
  auth: { type: 'profile', profile: 'team' },
  variables: [{ id: 'v1', key: 'apiKey', value: SECRET, enabled: true, secret: true }],
  items: [
    {
      kind: 'request',
      id: 'list',
      name: 'List orders',
      method: 'GET',
      url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders?key={{apiKey}}',
      headers: [{ id: 'h1', key: 'X-Api-Key', value: '{{apiKey}}', enabled: true, secret: false }],
      body: { mode: 'none' },
      auth: { type: 'inherit' },
      signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
      disabledParams: [],
      checks: [],
      captures: [],
    },
  ],
};

test('a request with a secret variable copied as curl: --aws-sigv4 with region and service, the secret as $APIKEY', async ({ rolecall }) => {
  const { page, registry, pageErrors } = await rolecall.open({
    credentials: `[team]\naws_access_key_id = AKIAE2ECOPYASEXAMPLE\naws_secret_access_key = ${KEY}\n`,
  });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  expect((await registry.invoke('collections:save', { collection })).ok).toBe(true);
  await page.reload();
  await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'List orders', exact: true }).click();

  await page.getByRole('button', { name: 'Copy as ▾' }).click();
  await page.getByRole('menu', { name: 'Copy as' }).getByRole('menuitem', { name: 'curl', exact: true }).click();

  const notice = page.locator('.copy-as-notice');
  await expect(notice).toContainText('Copied as curl.');
  await expect(notice.getByRole('list', { name: 'What the snippet cannot do' })).toContainText('Set APIKEY in the environment');
  const copied = await page.evaluate(() => navigator.clipboard.readText());

  await notice.getByRole('button', { name: 'Show' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy as curl' });
  await expect(dialog).toBeVisible();
  const text = await dialog.getByRole('textbox', { name: 'Snippet' }).inputValue();
  expect(text).toBe(copied);
  expect(text).toContain('--aws-sigv4 "aws:amz:eu-west-1:execute-api"');
  expect(text).toContain('$APIKEY');
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(KEY);
  expect(await page.locator('body').innerText()).not.toContain(SECRET);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(pageErrors).toEqual([]);
});
