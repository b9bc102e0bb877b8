// AWS by default (issue 11): a new request is signed with the default profile without choosing anything, a
// profile added to the AWS config file shows up without a restart (by itself, or on "Reload profiles"), a profile
// picked in a collection is what new requests there start from, and "Stored keys" with none saved explains
// itself instead of showing schema text. Signatures are checked by the loopback verifier, not by RoleCall.
import { appendFile } from 'node:fs/promises';
import { echoResponse, startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { expect, test } from './harness/fixtures';
import { openSection, setUrl } from './harness/requestForm';
import { EXAMPLE_KEYS, verifySigV4 } from './harness/sigv4Verifier';

const OTHER_KEYS = { accessKeyId: 'AKIAOTHEREXAMPLE0001', secretAccessKey: 'other-secret-key-0000000000000000000000' };
const CREDENTIALS = `[default]\naws_access_key_id = ${EXAMPLE_KEYS.accessKeyId}\naws_secret_access_key = ${EXAMPLE_KEYS.secretAccessKey}\n\n[other]\naws_access_key_id = ${OTHER_KEYS.accessKeyId}\naws_secret_access_key = ${OTHER_KEYS.secretAccessKey}\n`;
const RAW_SCHEMA_TEXT = /Too small|expected string|>=1|Invalid input/;

test.describe('AWS by default', () => {
  let echo: EchoServer;
  test.beforeAll(async () => {
    echo = await startEchoServer(async (request) => {
      const verdict = await verifySigV4(request, EXAMPLE_KEYS);
      return verdict.ok ? echoResponse(request) : { status: 403, headers: [['Content-Type', 'text/plain']], body: verdict.reason ?? 'bad signature' };
    });
  });
  test.afterAll(async () => {
    await echo?.stop();
  });

  test('a new request sends signed with the default profile, no auth chosen', async ({ rolecall }, testInfo) => {
    const { page } = await rolecall.open({ credentials: CREDENTIALS });
    await page.getByRole('button', { name: 'New request tab' }).click();
    await setUrl(page, `${echo.url}/stag/items`);
    await openSection(page, 'Auth & signing');
    await expect(page.getByLabel('Auth', { exact: true })).toHaveValue('profile');
    await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('default');
    await page.getByLabel('Region', { exact: true }).fill('us-east-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');

    const before = echo.requests.length;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Status')).toContainText('200');
    expect(echo.requests.length).toBe(before + 1);
    const received = echo.requests.at(-1)!;
    expect(await verifySigV4(received, EXAMPLE_KEYS)).toMatchObject({ ok: true, region: 'us-east-1', service: 'execute-api' });
    await page.screenshot({ path: testInfo.outputPath('default-profile-send.png') });
  });

  test('a profile added to the config file appears without a restart', async ({ rolecall }) => {
    const { page, configFile } = await rolecall.open({ credentials: CREDENTIALS, config: '[default]\nregion = us-east-1\n' });
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('profile');
    const profile = page.getByLabel('Profile', { exact: true });
    await expect(profile.locator('option', { hasText: 'other' })).toHaveCount(1);
    await expect(profile.locator('option', { hasText: 'added-later' })).toHaveCount(0);

    await appendFile(configFile, '\n[profile added-later]\nregion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/Later\nsource_profile = default\n');
    await expect(profile.locator('option', { hasText: 'added-later' })).toHaveCount(1, { timeout: 10_000 });
    await profile.selectOption('added-later');
    await expect(page.getByText('assumes arn:aws:iam::123456789012:role/Later')).toBeVisible();
  });

  test('"Reload profiles" shows a profile added to the file, with no file watcher to do it', async ({ rolecall }) => {
    const { page, configFile, events } = await rolecall.open({ credentials: CREDENTIALS, config: '[default]\nregion = us-east-1\n', awsFilesWatch: false });
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('profile');
    const profile = page.getByLabel('Profile', { exact: true });
    await expect(profile.locator('option', { hasText: 'other' })).toHaveCount(1);

    await appendFile(configFile, '\n[profile reloaded]\nregion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/Reloaded\nsource_profile = default\n');
    await expect(profile.locator('option', { hasText: 'reloaded' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Reload profiles' }).click();
    await expect(profile.locator('option', { hasText: 'reloaded' })).toHaveCount(1);
    await profile.selectOption('reloaded');
    await expect(page.getByText('assumes arn:aws:iam::123456789012:role/Reloaded')).toBeVisible();
    // Main said nothing: the button read the files again.
    expect(events.filter((e) => e.event === 'profiles:changed')).toEqual([]);
  });

  test('a profile picked in a collection is the one its new requests use; another collection keeps the default', async ({ rolecall }) => {
    const { page, registry } = await rolecall.open({ credentials: CREDENTIALS });
    const unsigned = (id: string, name: string, requestId: string) => ({
      id,
      name,
      auth: { type: 'none' },
      items: [{ kind: 'request', id: requestId, name: `${name} ping`, method: 'GET', url: `${echo.url}/stag/${id}`, auth: { type: 'inherit' } }],
    });
    for (const collection of [unsigned('alpha', 'Alpha', 'alpha-ping'), unsigned('beta', 'Beta', 'beta-ping')]) {
      expect((await registry.invoke('collections:save', { collection })).ok).toBe(true);
    }
    await page.reload();
    const tree = page.getByRole('tree', { name: 'Collections' });
    const tabs = page.getByRole('tablist', { name: 'Open requests' });
    const newRequestIn = async (name: string, opened: number) => {
      await tree.getByRole('treeitem', { name, exact: true }).hover();
      await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
      await page.getByRole('menu', { name: `Actions for ${name}` }).getByRole('menuitem', { name: 'New request', exact: true }).click();
      await expect(tabs.getByRole('tab', { name: /New request/ })).toHaveCount(opened);
      await expect(tabs.getByRole('tab', { selected: true })).toContainText('New request');
      await openSection(page, 'Auth & signing');
    };

    // The user picks "other" for a request in Alpha.
    await tree.getByRole('treeitem', { name: 'Alpha ping', exact: true }).click();
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('profile');
    await page.getByLabel('Profile', { exact: true }).selectOption('other');

    // A new request in Alpha starts with it, and its send is signed with other's keys.
    await newRequestIn('Alpha', 1);
    await expect(page.getByLabel('Auth', { exact: true })).toHaveValue('profile');
    await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('other');
    await setUrl(page, `${echo.url}/stag/alpha-new`);
    await page.getByLabel('Region', { exact: true }).fill('us-east-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');
    const before = echo.requests.length;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Status')).toContainText('403');
    expect(echo.requests.length).toBe(before + 1);
    expect(await verifySigV4(echo.requests.at(-1)!, OTHER_KEYS)).toMatchObject({ ok: true, service: 'execute-api' });

    // Beta was never given a pick: its new request signs with the default profile.
    await newRequestIn('Beta', 2);
    await expect(page.getByLabel('Auth', { exact: true })).toHaveValue('profile');
    await expect(page.getByLabel('Profile', { exact: true })).toHaveValue('default');
  });

  test('"Stored keys" with none saved says what to do; sending says it in words, not schema text', async ({ rolecall }) => {
    const { page } = await rolecall.open({ credentials: CREDENTIALS });
    await setUrl(page, `${echo.url}/stag/items`);
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('storedKeys');
    await expect(page.getByRole('note', { name: 'No stored keys' })).toContainText('No keys are stored yet');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const failure = page.getByRole('alert', { name: 'Request failed' });
    await expect(failure).toContainText('The stored keys are not chosen or empty');
    await expect(failure).not.toContainText(RAW_SCHEMA_TEXT);
  });
});
