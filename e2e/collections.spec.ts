// Collections, environments and history in the sidebar, driven like a user would (mouse and keyboard) in the built
// renderer, against the real registry and a real conf store in a temporary folder. What the page shows is checked,
// and so is what main stored (workspace:load), and what survives a restart of the app on the same store folder.
import type { Page } from '@playwright/test';
import type { Collection, HistoryEntry, RequestDoc, RequestNode, Workspace } from '../src/models/workspace';
import type { Registry } from '../main/ipc/registry';
import { expect, test, type AwsSetup } from './harness/fixtures';

const SECRET = 'e2eTeamSecretThatMustNeverReachThePage0';

/** A static-keys profile: the inspector can sign a preview without any network. */
const setup: AwsSetup = {
  config: '[profile team]\nregion = eu-west-1\n\n[profile other]\nregion = us-east-1\n',
  credentials: `[team]\naws_access_key_id = AKIAE2ETEAMEXAMPLE01\naws_secret_access_key = ${SECRET}\n\n[other]\naws_access_key_id = AKIAE2EOTHEREXAMPLE1\naws_secret_access_key = ${SECRET}\n`,
  stsEndpoint: 'http://127.0.0.1:9',
};

const tree = (page: Page) => page.getByRole('tree', { name: 'Collections' });
const row = (page: Page, name: string) => tree(page).getByRole('treeitem', { name, exact: true });

async function rowAction(page: Page, name: string, action: string) {
  await row(page, name).hover();
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole('menu', { name: `Actions for ${name}` }).getByRole('menuitem', { name: action, exact: true }).click();
}

async function stored(registry: Registry): Promise<Workspace> {
  const result = await registry.invoke('workspace:load', {});
  if (!result.ok) throw new Error(`workspace:load failed: ${result.error.message}`);
  return result.value as Workspace;
}

const doc = (id: string, name: string, url: string): RequestDoc => ({
  id,
  name,
  method: 'GET',
  url,
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'inherit' },
  signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
  disabledParams: [],
  checks: [],
  captures: [],
});
const request = (id: string, name: string, url: string): RequestNode => ({ ...doc(id, name, url), kind: 'request' });

function teamApi(): Collection {
  return {
    id: 'team',
    name: 'Team API',
    auth: { type: 'none' },
    variables: [],
    items: [
      {
        kind: 'folder',
        id: 'orders',
        name: 'Orders',
        auth: { type: 'inherit' },
        variables: [],
        items: [request('list', 'List orders', 'https://api.example.com/orders'), request('purge', 'Purge', 'https://admin.example.com/purge')],
      },
      request('health', 'health', 'https://api.example.com/health'),
    ],
  };
}

/** Seeds collections through main, then reloads the page so the workspace is read again. */
async function seed(page: Page, registry: Registry, ...collections: Collection[]) {
  for (const collection of collections) {
    const result = await registry.invoke('collections:save', { collection });
    expect(result.ok).toBe(true);
  }
  await page.reload();
  await expect(tree(page)).toBeVisible();
}

test.describe('collections', () => {
  test('a request saved into a folder with inherited auth and variables is all still there after a restart; delete and undo', async ({ rolecall }, testInfo) => {
    const first = await rolecall.open(setup);
    const { page, pageErrors } = first;
    const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
    await expect(sidebar.getByRole('tab', { name: 'Collections' })).toHaveAttribute('aria-selected', 'true');

    // A collection, renamed inline as it is created.
    await sidebar.getByRole('button', { name: 'New collection' }).click();
    await page.getByLabel('New name for New collection', { exact: true }).fill('Team API');
    await page.keyboard.press('Enter');
    await expect(row(page, 'Team API')).toBeVisible();

    // A folder inside it, with a profile as its auth and a variable.
    await rowAction(page, 'Team API', 'New folder');
    await page.getByLabel('New name for New folder', { exact: true }).fill('Orders');
    await page.keyboard.press('Enter');
    await expect(row(page, 'Orders')).toHaveAttribute('aria-level', '2');
    await rowAction(page, 'Orders', 'Settings…');
    const settings = page.getByRole('dialog', { name: 'Folder settings: Orders' });
    await settings.getByLabel('Auth type', { exact: true }).selectOption('profile');
    await settings.getByLabel('Profile', { exact: true }).selectOption('team');
    await expect(settings.getByLabel('Profile', { exact: true })).toContainText('team — static keys, eu-west-1');
    await settings.getByRole('button', { name: '+ Add variable' }).click();
    await settings.getByLabel('Name of variable 1', { exact: true }).fill('stage');
    await settings.getByLabel('Value of variable 1', { exact: true }).fill('prod');
    await page.screenshot({ path: testInfo.outputPath('folder-settings.png') });
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings).toBeHidden();

    // The collection carries a secret variable: masked, revealed on demand.
    await rowAction(page, 'Team API', 'Settings…');
    const collectionSettings = page.getByRole('dialog', { name: 'Collection settings: Team API' });
    await expect(collectionSettings.getByLabel('Auth type', { exact: true }).locator('option[value="inherit"]')).toHaveCount(0);
    await collectionSettings.getByRole('button', { name: '+ Add variable' }).click();
    await collectionSettings.getByLabel('Name of variable 1', { exact: true }).fill('apiKey');
    await collectionSettings.getByLabel('Value of variable 1', { exact: true }).fill('k-123');
    await collectionSettings.getByLabel('Variable 1 is secret', { exact: true }).check();
    await expect(collectionSettings.getByLabel('Value of variable 1', { exact: true })).toHaveAttribute('type', 'password');
    await collectionSettings.getByRole('button', { name: 'Reveal value of variable 1' }).click();
    await expect(collectionSettings.getByLabel('Value of variable 1', { exact: true })).toHaveAttribute('type', 'text');
    await collectionSettings.getByRole('button', { name: 'Save settings' }).click();

    // A new tab's request, saved with Ctrl+S into the folder through the save dialog.
    await page.getByRole('button', { name: 'New request tab' }).click();
    const url = page.getByRole('textbox', { name: 'URL' });
    await url.click();
    await page.keyboard.type('https://abc123.execute-api.eu-west-1.amazonaws.com/{{stage}}/orders');
    await page.keyboard.press('ControlOrMeta+s');
    const save = page.getByRole('dialog', { name: 'Save request' });
    await save.getByLabel('Request name', { exact: true }).fill('List orders');
    await save.getByLabel('Collection', { exact: true }).selectOption({ label: 'Team API' });
    await save.getByLabel('Folder', { exact: true }).selectOption({ label: 'Orders' });
    await save.getByRole('button', { name: 'Save' }).click();
    await expect(save).toBeHidden();
    await expect(row(page, 'List orders')).toHaveAttribute('aria-level', '3');
    await expect(row(page, 'List orders')).toHaveAttribute('aria-selected', 'true');

    // The inspector says where the auth came from, when it shows it.
    const inspector = page.getByRole('region', { name: 'Signing inspector' });
    await expect(inspector).toContainText('folder "Orders"');
    await page.screenshot({ path: testInfo.outputPath('saved-in-folder.png') });

    // Main stored it all.
    const before = await stored(first.registry);
    const team = before.collections.find((c) => c.name === 'Team API');
    expect(team?.variables).toMatchObject([{ key: 'apiKey', value: 'k-123', secret: true }]);
    const folder = team?.items[0];
    expect(folder).toMatchObject({ kind: 'folder', name: 'Orders', auth: { type: 'profile', profile: 'team' }, variables: [{ key: 'stage', value: 'prod' }] });
    expect(folder?.kind === 'folder' && folder.items.map((i) => [i.name, i.kind === 'request' && i.url])).toEqual([
      ['List orders', 'https://abc123.execute-api.eu-west-1.amazonaws.com/{{stage}}/orders'],
    ]);

    // Restart on the same store folder: tree, folder auth, variables and the open tab are back. Open tabs are saved
    // shortly after each change, so wait for that as a user quitting a moment later would.
    await expect.poll(async () => (await stored(first.registry)).tabs.open.map((t) => t.draft.name)).toContain('List orders');
    const { registry } = await rolecall.restart();
    await expect(row(page, 'List orders')).toHaveAttribute('aria-level', '3');
    await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { name: /List orders/ })).toBeVisible();
    await rowAction(page, 'Orders', 'Settings…');
    const reopened = page.getByRole('dialog', { name: 'Folder settings: Orders' });
    await expect(reopened.getByLabel('Auth type', { exact: true })).toHaveValue('profile');
    await expect(reopened.getByLabel('Profile', { exact: true })).toHaveValue('team');
    await expect(reopened.getByLabel('Name of variable 1', { exact: true })).toHaveValue('stage');
    await expect(reopened.getByLabel('Value of variable 1', { exact: true })).toHaveValue('prod');
    await reopened.getByRole('button', { name: 'Cancel' }).click();
    await expect(reopened).toBeHidden();

    // Delete with the keyboard, then undo: the request is back exactly where it was, in the page and in the store.
    await row(page, 'List orders').focus();
    await page.keyboard.press('Delete');
    await expect(row(page, 'List orders')).toHaveCount(0);
    const toast = page.getByRole('status').filter({ hasText: 'Deleted request “List orders”' });
    await expect(toast).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('deleted-with-undo.png') });
    await expect.poll(async () => JSON.stringify((await stored(registry)).collections)).not.toContain('List orders');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(row(page, 'List orders')).toHaveAttribute('aria-level', '3');
    await expect.poll(async () => (await stored(registry)).collections).toEqual(before.collections);

    expect(await page.content()).not.toContain(SECRET);
    expect(pageErrors).toEqual([]);
  });

  test('rename inline, drag to move, keyboard moves, duplicate, filter by name or URL', async ({ rolecall }, testInfo) => {
    const { page, registry, pageErrors } = await rolecall.open(setup);
    await seed(page, registry, teamApi(), { id: 'other', name: 'Other', auth: { type: 'none' }, variables: [], items: [request('ping', 'ping', 'https://other.example.com/ping')] });

    // F2 renames the focused row.
    await row(page, 'health').focus();
    await page.keyboard.press('F2');
    await page.getByLabel('New name for health', { exact: true }).fill('Health check');
    await page.keyboard.press('Enter');
    await expect(row(page, 'Health check')).toBeFocused();

    // Drag onto the middle of a folder: into it, at the end.
    await row(page, 'Health check').dragTo(row(page, 'Orders'));
    await expect(row(page, 'Health check')).toHaveAttribute('aria-level', '3');
    let team = (await stored(registry)).collections.find((c) => c.id === 'team')!;
    expect(team.items.map((i) => i.name)).toEqual(['Orders']);
    expect(team.items[0]?.kind === 'folder' && team.items[0].items.map((i) => i.name)).toEqual(['List orders', 'Purge', 'Health check']);

    // Drag across collections, onto the top half of a row: before it.
    await row(page, 'Purge').dragTo(row(page, 'ping'), { targetPosition: { x: 40, y: 3 } });
    await expect.poll(async () => (await stored(registry)).collections.find((c) => c.id === 'other')?.items.map((i) => i.name)).toEqual(['Purge', 'ping']);

    // Alt+Up moves the focused item up among its siblings.
    await row(page, 'Health check').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => {
      team = (await stored(registry)).collections.find((c) => c.id === 'team')!;
      return team.items[0]?.kind === 'folder' && team.items[0].items.map((i) => i.name);
    }).toEqual(['Health check', 'List orders']);

    // Shift+F10 opens the row's actions menu from the keyboard; Escape closes it and gives focus back.
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Actions for Health check' });
    await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Rename' })).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('row-menu.png') });
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(row(page, 'Health check')).toBeFocused();

    // "Move to…" does what a drag does, from the keyboard.
    await rowAction(page, 'List orders', 'Move to…');
    const move = page.getByRole('dialog', { name: 'Move “List orders”' });
    await move.getByLabel('Destination', { exact: true }).selectOption({ label: 'Other (top level)' });
    await move.getByRole('button', { name: 'Move' }).click();
    await expect.poll(async () => (await stored(registry)).collections.find((c) => c.id === 'other')?.items.map((i) => i.name)).toEqual(['Purge', 'ping', 'List orders']);

    // Duplicate a folder: a copy beside it with fresh ids.
    await rowAction(page, 'Orders', 'Duplicate');
    await expect(row(page, 'Orders copy')).toBeVisible();
    team = (await stored(registry)).collections.find((c) => c.id === 'team')!;
    expect(team.items.map((i) => i.name)).toEqual(['Orders', 'Orders copy']);
    expect(team.items[1]?.id).not.toBe('orders');

    // Filter by URL and by name: matches with their ancestors only.
    const filter = page.getByLabel('Filter collections', { exact: true });
    await filter.fill('admin.example');
    await expect(tree(page).getByRole('treeitem')).toHaveText([/Other/, /Purge/]);
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 request matches');
    await filter.fill('health');
    await expect(tree(page).getByRole('treeitem')).toHaveCount(5); // Team API, Orders, Health check, Orders copy, Health check
    await page.screenshot({ path: testInfo.outputPath('filtered.png') });
    await filter.press('Escape');
    await expect(filter).toHaveValue('');
    await expect(row(page, 'ping')).toBeVisible();

    // Clicking a request opens it in a tab.
    await row(page, 'ping').click();
    await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { name: /ping/ })).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, 'ping')).toHaveAttribute('aria-selected', 'true');
    expect(pageErrors).toEqual([]);
  });

  test('deleting a whole collection can be undone, in its place', async ({ rolecall }) => {
    const { page, registry } = await rolecall.open(setup);
    await seed(page, registry, teamApi(), { id: 'other', name: 'Other', auth: { type: 'none' }, variables: [], items: [] });
    const before = (await stored(registry)).collections;
    await rowAction(page, 'Team API', 'Delete');
    await expect(row(page, 'Team API')).toHaveCount(0);
    await expect.poll(async () => (await stored(registry)).collections.map((c) => c.id)).toEqual(['other']);
    await page.getByRole('status').filter({ hasText: 'Deleted collection “Team API”' }).getByRole('button', { name: 'Undo' }).click();
    await expect(tree(page).getByRole('treeitem').first()).toHaveAccessibleName('Team API');
    await expect.poll(async () => (await stored(registry)).collections).toEqual(before);
  });

  test('10,000 requests: only the rows in view are in the page, and the filter finds the last one', async ({ rolecall }) => {
    const { page, registry } = await rolecall.open(setup);
    const items: RequestNode[] = Array.from({ length: 10_000 }, (_, i) => request(`r${i}`, `item-${i}`, `https://api.example.com/items/${i}`));
    await seed(page, registry, { id: 'big', name: 'Big', auth: { type: 'none' }, variables: [], items });
    await expect(row(page, 'item-0')).toBeVisible();
    const inDom = await tree(page).getByRole('treeitem').count();
    expect(inDom).toBeLessThan(200);
    await page.getByLabel('Filter collections', { exact: true }).fill('items/9999');
    await expect(row(page, 'item-9999')).toBeVisible();
    await expect(tree(page).getByRole('treeitem')).toHaveCount(2);
    // Keyboard: End goes to the last row of the whole tree even though it was never rendered.
    await page.getByLabel('Filter collections', { exact: true }).fill('');
    await row(page, 'item-0').focus();
    await page.keyboard.press('End');
    await expect(row(page, 'item-9999')).toBeFocused();
  });
});

test.describe('environments and history', () => {
  test('environments: create, rename, variables with a masked secret, the active one survives a restart', async ({ rolecall }, testInfo) => {
    const { page, registry, pageErrors } = await rolecall.open(setup);
    const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
    await sidebar.getByRole('tab', { name: 'Environments' }).click();
    const panel = sidebar.getByRole('tabpanel', { name: 'Environments' });
    await expect(panel.getByLabel('Variable resolution order', { exact: true })).toContainText('environment → folder → collection');

    await panel.getByRole('button', { name: 'New environment' }).click();
    await panel.getByLabel('New name for New environment', { exact: true }).fill('stag');
    await page.keyboard.press('Enter');
    await expect(panel.getByLabel('Active environment', { exact: true })).toHaveValue(/.+/);
    await expect(panel.getByLabel('Active environment', { exact: true }).locator('option:checked')).toHaveText('stag');

    const vars = panel.getByRole('table', { name: 'stag variables' });
    await panel.getByRole('button', { name: '+ Add variable' }).click();
    await vars.getByLabel('Name of variable 1', { exact: true }).fill('stage');
    await vars.getByLabel('Value of variable 1', { exact: true }).fill('v1');
    await panel.getByRole('button', { name: '+ Add variable' }).click();
    await vars.getByLabel('Name of variable 2', { exact: true }).fill('token');
    await vars.getByLabel('Variable 2 is secret', { exact: true }).check();
    await vars.getByLabel('Value of variable 2', { exact: true }).fill('s3cr3t-value');
    await expect(vars.getByLabel('Value of variable 2', { exact: true })).toHaveAttribute('type', 'password');

    // Duplicate, then delete the copy.
    await panel.getByRole('button', { name: 'Duplicate stag' }).click();
    await expect(panel.getByRole('button', { name: 'Edit stag copy' })).toBeVisible();
    await panel.getByRole('button', { name: 'Delete stag copy' }).click();
    await expect(panel.getByRole('button', { name: 'Edit stag copy' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('environments.png') });

    await expect
      .poll(async () => {
        const w = await stored(registry);
        return { names: w.environments.map((e) => e.name), vars: w.environments[0]?.variables.map((v) => [v.key, v.value, v.secret]), active: w.activeEnvironmentId === w.environments[0]?.id };
      })
      .toEqual({ names: ['stag'], vars: [['stage', 'v1', false], ['token', 's3cr3t-value', true]], active: true });

    const restarted = await rolecall.restart();
    expect((await stored(restarted.registry)).environments.map((e) => e.name)).toEqual(['stag']);
    await sidebar.getByRole('tab', { name: 'Environments' }).click();
    await expect(panel.getByLabel('Active environment', { exact: true }).locator('option:checked')).toHaveText('stag');
    await expect(panel.getByRole('table', { name: 'stag variables' }).getByLabel('Value of variable 2', { exact: true })).toHaveAttribute('type', 'password');

    // Deleting the active environment can be undone: it comes back, variables and all, and active again.
    const kept = await stored(restarted.registry);
    await panel.getByRole('button', { name: 'Delete stag' }).click();
    await expect(panel.getByRole('button', { name: 'Edit stag' })).toHaveCount(0);
    await expect.poll(async () => { const w = await stored(restarted.registry); return [w.environments.length, w.activeEnvironmentId]; }).toEqual([0, undefined]);
    await panel.getByRole('status').filter({ hasText: 'Deleted environment “stag”' }).getByRole('button', { name: 'Undo' }).click();
    await expect(panel.getByLabel('Active environment', { exact: true }).locator('option:checked')).toHaveText('stag');
    await expect
      .poll(async () => { const w = await stored(restarted.registry); return { environments: w.environments, active: w.activeEnvironmentId }; })
      .toEqual({ environments: kept.environments, active: kept.activeEnvironmentId });
    expect(pageErrors).toEqual([]);
  });

  test('history lists sent requests newest first, reopens one in a tab, and clears', async ({ rolecall }) => {
    const { page, registry } = await rolecall.open(setup);
    const entry = (id: string, at: string, url: string, status?: number, errorCode?: string): HistoryEntry => ({
      id,
      at,
      request: doc(`q-${id}`, `req ${id}`, url),
      resolvedUrl: url,
      ...(status !== undefined ? { status, durationMs: 42 } : {}),
      ...(errorCode ? { errorCode } : {}),
    });
    for (const e of [entry('a', '2024-01-01T10:00:00.000Z', 'https://api.example.com/first', 200), entry('b', '2024-01-01T10:05:00.000Z', 'http://127.0.0.1:9/second', undefined, 'CONNECTION_REFUSED')]) {
      expect((await registry.invoke('history:add', { entry: e })).ok).toBe(true);
    }
    await page.reload();
    const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
    await sidebar.getByRole('tab', { name: /History/ }).click();
    const list = sidebar.getByRole('list', { name: 'History' });
    await expect(list.getByRole('button')).toHaveCount(2);
    await expect(list.getByRole('button').first()).toContainText('http://127.0.0.1:9/second');
    await expect(list.getByRole('button').first()).toContainText('CONNECTION_REFUSED');
    await expect(list.getByRole('button').nth(1)).toContainText('200');

    await list.getByRole('button').nth(1).click();
    await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { name: /req a/ })).toHaveAttribute('aria-selected', 'true');

    await sidebar.getByRole('button', { name: 'Clear history' }).click();
    await sidebar.getByRole('group', { name: 'Confirm clearing history' }).getByRole('button', { name: 'Clear' }).click();
    await expect(list).toHaveCount(0);
    await expect.poll(async () => (await stored(registry)).history.length).toBe(0);
  });
});
