// The workbench's layout, keyboard help, theme and accessibility (issue 11): 20 tabs stay usable (scrolling row,
// the active one in view, a list menu), a 1024 px window clips nothing, axe-core finds no violation on any main
// screen in light or dark, and the shortcut help opens from the keyboard. Screenshots of each main screen in both
// themes go to the test's output folder, and to e2e/tour/ (the README's tour) when UPDATE_TOUR=1.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { Collection } from '../src/models/workspace';
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { axeViolations } from './harness/axe';
import { expect, test, type AwsSetup } from './harness/fixtures';
import { requestNode } from './harness/requestNode';

const setup: AwsSetup = {
  config: '[default]\nregion = eu-west-1\n',
  credentials: '[default]\naws_access_key_id = AKIAE2ELAYOUTEXAMPLE\naws_secret_access_key = e2eLayoutSecretNeverShown000000000000000\n',
  stsEndpoint: 'http://127.0.0.1:9',
};

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const openTabs = (page: Page) => page.getByRole('tablist', { name: 'Open requests' });
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Sidebar' });

const request = (id: string, name: string, url: string) =>
  requestNode(id, name, url, { signing: { region: 'eu-west-1', service: 'execute-api', payload: 'signed', mode: 'header', expiresIn: 900 } });

const teamApi = (base: string): Collection => ({
  id: 'team',
  name: 'Team API',
  auth: { type: 'profile', profile: 'default' },
  variables: [],
  items: [
    { kind: 'folder', id: 'orders', name: 'Orders', auth: { type: 'inherit' }, variables: [], items: [request('list', 'List orders', `${base}/orders`)] },
    request('health', 'Health', `${base}/health`),
  ],
});

/** Each screen checked in both themes: axe, and a screenshot for the tour. */
async function checkScreen(page: Page, screen: string, testInfo: TestInfo, found: Map<string, string[]>) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const violations = await axeViolations(page);
    if (violations.length) found.set(`${screen} (${scheme})`, violations);
    const file = `layout-${screen}-${scheme}.png`;
    await page.screenshot({ path: testInfo.outputPath(file) });
    if (process.env.UPDATE_TOUR === '1') await copyFile(testInfo.outputPath(file), path.join(__dirname, 'tour', file));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Visible controls and headings that are cut off: outside the window, or past the edge of an ancestor that hides
 * its overflow (a scrolling ancestor is fine: the user can scroll to them).
 */
async function clippedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const selector = 'button, input, select, textarea, [role="tab"], [role="separator"], h1, h2, h3, label, summary, a';
    const viewport = { right: window.innerWidth, bottom: window.innerHeight };
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1 || !el.checkVisibility({ visibilityProperty: true })) continue;
      const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
      let scrolled = false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        const overflow = style.overflowX + ' ' + style.overflowY;
        if (/auto|scroll/.test(overflow)) {
          scrolled = true;
          break;
        }
        if (/hidden|clip/.test(overflow)) {
          const box = up.getBoundingClientRect();
          if (rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > box.bottom + 1) {
            out.push(`${name} cut by ${up.tagName.toLowerCase()}.${up.className}`);
          }
          break;
        }
      }
      if (!scrolled && (rect.left < 0 || rect.top < 0 || rect.right > viewport.right + 0.5 || rect.bottom > viewport.bottom + 0.5)) {
        out.push(`${name} outside the window (${Math.round(rect.left)},${Math.round(rect.top)} to ${Math.round(rect.right)},${Math.round(rect.bottom)})`);
      }
    }
    return out;
  });
}

/** Tabs of a tab row that lie past the visible box of the row or of any ancestor that scrolls or clips them. */
/** Tabs not wholly inside what their row's ancestors leave visible (any that clip or scroll), or whose label is cut. */
function tabsOutsideVisibleBox(row: Element): string[] {
  let visible = row.getBoundingClientRect();
  for (let up = row.parentElement; up && up !== document.body; up = up.parentElement) {
    const style = getComputedStyle(up);
    if (!/auto|scroll|hidden|clip/.test(style.overflowX)) continue;
    const box = up.getBoundingClientRect();
    visible = new DOMRect(Math.max(visible.left, box.left), visible.top, Math.min(visible.right, box.right) - Math.max(visible.left, box.left), visible.height);
  }
  const out: string[] = [];
  for (const tab of Array.from(row.querySelectorAll<HTMLElement>('[role="tab"]'))) {
    const rect = tab.getBoundingClientRect();
    const name = tab.getAttribute('aria-label') ?? tab.textContent?.trim() ?? '';
    if (rect.left < visible.left - 0.5 || rect.right > visible.right + 0.5) out.push(`tab "${name}" outside ${visible.left}–${visible.right} (${rect.left}–${rect.right})`);
    if (tab.scrollWidth > tab.clientWidth + 1) out.push(`tab "${name}" label cut (${tab.scrollWidth} > ${tab.clientWidth})`);
  }
  return out;
}

function tabsOutsideTheirRow(row: Element): string[] {
  const out: string[] = [];
  for (const tab of Array.from(row.querySelectorAll<HTMLElement>('[role="tab"]'))) {
    const rect = tab.getBoundingClientRect();
    for (let up: Element | null = row; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (up !== row && !/auto|scroll|hidden|clip/.test(style.overflowX + ' ' + style.overflowY)) continue;
      const box = up.getBoundingClientRect();
      if (rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > box.bottom + 1) {
        out.push(`tab "${tab.textContent?.trim() ?? ''}" past ${up.tagName.toLowerCase()}.${up.className}`);
        break;
      }
    }
  }
  return out;
}

test.describe('layout, keyboard help, theme and accessibility', () => {
  let server: EchoServer;
  test.beforeAll(async () => {
    server = await startEchoServer();
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('20 open tabs: one row that scrolls, the active tab always in view, and a list menu to reach any of them', async ({ rolecall }) => {
    const { page, pageErrors } = await rolecall.open(setup);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(openTabs(page).getByRole('tab')).toHaveCount(1);
    for (let i = 2; i <= 20; i++) await page.getByRole('button', { name: 'New request tab' }).click();
    const tabs = openTabs(page).getByRole('tab');
    await expect(tabs).toHaveCount(20);

    // One row: every tab at the same height, each wide enough to read its method and a title.
    const boxes = await tabs.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, width: r.width })));
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
    for (const box of boxes) expect(box.width).toBeGreaterThan(100);
    // The row scrolls, and the newest (active) tab is in view at its end.
    expect(await openTabs(page).evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(tabs.nth(19)).toHaveAttribute('aria-selected', 'true');
    await expect(tabs.nth(19)).toBeInViewport({ ratio: 1 });
    await expect(tabs.nth(0)).not.toBeInViewport({ ratio: 1 });

    // The first tab by keyboard (Home): it scrolls into view.
    await tabs.nth(19).focus();
    await page.keyboard.press('Home');
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(tabs.nth(0)).toBeInViewport({ ratio: 1 });

    // Rename the 12th so the menu can be read by name, then pick it from the list menu.
    await tabs.nth(11).click();
    await page.getByRole('textbox', { name: 'Request name' }).fill('The twelfth');
    await tabs.nth(0).click();
    await page.getByRole('button', { name: 'All open tabs: 20' }).click();
    const menu = page.getByRole('menu', { name: 'Open tabs' });
    await expect(menu.getByRole('menuitemradio')).toHaveCount(20);
    await expect(menu.getByRole('menuitemradio').first()).toBeFocused();
    await expect(menu.getByRole('menuitemradio', { checked: true })).toHaveCount(1);
    await menu.getByRole('menuitemradio', { name: /The twelfth/ }).click();
    await expect(menu).toHaveCount(0);
    await expect(openTabs(page).getByRole('tab', { name: /The twelfth/ })).toHaveAttribute('aria-selected', 'true');
    await expect(openTabs(page).getByRole('tab', { name: /The twelfth/ })).toBeInViewport({ ratio: 1 });

    // By keyboard: arrows move, Escape closes and gives focus back to the button.
    const button = page.getByRole('button', { name: 'All open tabs: 20' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(menu.getByRole('menuitemradio', { name: /The twelfth/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitemradio').nth(12)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(button).toBeFocused();

    // Ctrl+W closes the active tab; the close mark closes one with the mouse, without switching to it first.
    await page.keyboard.press(`${mod}+w`);
    await page.getByRole('dialog', { name: 'Save changes?' }).getByRole('button', { name: 'Discard' }).click();
    await expect(tabs).toHaveCount(19);
    await tabs.nth(3).hover();
    await tabs.nth(3).locator('.tab-close').click();
    await expect(tabs).toHaveCount(18);
    expect(pageErrors).toEqual([]);
  });

  test('at 1024 px nothing is clipped, and with no response yet the inspector is in view', async ({ rolecall }, testInfo) => {
    const { page, registry, pageErrors } = await rolecall.open(setup);
    expect((await registry.invoke('collections:save', { collection: teamApi(server.url) })).ok).toBe(true);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.reload();
    await expect(page.getByRole('tree', { name: 'Collections' })).toBeVisible();

    // No response: the inspector's tabs and its first lines are in the window.
    await expect(page.getByRole('tablist', { name: 'Inspector' })).toBeInViewport({ ratio: 1 });
    const inspector = await page.getByRole('tablist', { name: 'Inspector' }).boundingBox();
    expect(inspector?.y ?? 768).toBeLessThan(768 / 2);
    expect(await clippedElements(page)).toEqual([]);
    // Every sidebar tab is wholly inside the sidebar's visible box, its label not cut (Environments sat at the edge).
    const sidebarTabs = sidebar(page).getByRole('tablist', { name: 'Sidebar sections' });
    await expect(sidebarTabs.getByRole('tab')).toHaveCount(3);
    expect(await sidebarTabs.evaluate(tabsOutsideVisibleBox)).toEqual([]);

    await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'Health', exact: true }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Status')).toHaveText(/^200/);
    expect(await clippedElements(page)).toEqual([]);
    // Every request section tab (Params … Docs) is wholly in view, none pushed out of a scrolled row.
    const sections = page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab');
    await expect(sections).toHaveCount(7);
    for (const tab of await sections.all()) await expect(tab).toBeInViewport({ ratio: 1 });
    expect(await page.getByRole('tablist', { name: 'Request sections' }).evaluate(tabsOutsideTheirRow)).toEqual([]);
    // With a history count beside "History" too.
    await expect(sidebarTabs.getByRole('tab', { name: /History/ })).toContainText('1');
    expect(await sidebarTabs.evaluate(tabsOutsideVisibleBox)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('layout-1024.png') });
    if (process.env.UPDATE_TOUR === '1') await copyFile(testInfo.outputPath('layout-1024.png'), path.join(__dirname, 'tour', 'layout-1024.png'));

    // The environments table: the Name column resizes by keyboard, and values get the rest of the row.
    await sidebar(page).getByRole('tab', { name: 'Environments' }).click();
    await sidebar(page).getByRole('button', { name: 'New environment' }).click();
    await page.keyboard.press('Enter');
    await sidebar(page).getByRole('button', { name: '+ Add variable' }).click();
    const resizer = sidebar(page).getByRole('separator', { name: 'Width of the Name column' });
    const value = sidebar(page).getByLabel('Value of variable 1');
    const before = (await value.boundingBox())?.width ?? 0;
    await resizer.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(resizer).toHaveAttribute('aria-valuenow', '20');
    expect((await value.boundingBox())?.width ?? 0).toBeGreaterThan(before);
    expect(await clippedElements(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('keyboard shortcut help: ? outside text fields and Ctrl+/ anywhere; theme chosen in Settings is kept', async ({ rolecall }) => {
    const { page, pageErrors } = await rolecall.open(setup);
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

    await page.getByRole('tab', { name: /Untitled request/ }).focus();
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    await expect(help.getByRole('table', { name: 'Anywhere' })).toContainText('Send the request');
    await expect(help.getByRole('table', { name: 'Collection tree' })).toContainText('Rename the row');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);

    // In a text field ? is a character.
    await page.getByRole('textbox', { name: 'Request name' }).fill('');
    await page.getByRole('textbox', { name: 'Request name' }).press('?');
    await expect(page.getByRole('textbox', { name: 'Request name' })).toHaveValue('?');
    await expect(help).toHaveCount(0);
    // Ctrl+/ works from a text field too.
    await page.getByRole('textbox', { name: 'Request name' }).press(`${mod}+/`);
    await expect(help).toBeVisible();
    await help.getByRole('button', { name: 'Close' }).click();

    // Theme: follows the OS by default, and a choice in Settings wins over it and survives a reload.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
    await settings.getByRole('radio', { name: 'Light', exact: true }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await settings.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await expect(page.getByRole('tablist', { name: 'Open requests' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const background = await page.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(246, 247, 249)');
    // Browser mode on another port is another origin, with an empty localStorage: the choice is kept by main too.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.getByRole('tablist', { name: 'Open requests' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(pageErrors).toEqual([]);
  });

  test('axe-core finds no violations on any main screen, light or dark', async ({ rolecall }, testInfo) => {
    test.slow();
    const { page, registry, pageErrors } = await rolecall.open(setup);
    expect((await registry.invoke('collections:save', { collection: teamApi(server.url) })).ok).toBe(true);
    const environment = {
      id: 'stag',
      name: 'Staging',
      variables: [
        { id: 'a', key: 'base', value: server.url, enabled: true, secret: false },
        { id: 'b', key: 'apiKey', value: 'e2e-layout-secret-value', enabled: true, secret: true },
      ],
    };
    expect((await registry.invoke('environments:save', { environments: [environment], activeEnvironmentId: 'stag' })).ok).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await expect(page.getByRole('tree', { name: 'Collections' })).toBeVisible();
    const found = new Map<string, string[]>();

    await checkScreen(page, 'workbench-empty', testInfo, found);
    await checkScreen(page, 'collections', testInfo, found);

    await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'Health', exact: true }).click();
    await expect(openTabs(page).getByRole('tab', { name: /Health/ })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' }).getByLabel('Status')).toHaveText(/^200/);
    await checkScreen(page, 'response', testInfo, found);

    for (const name of ['Chain', 'Policies'] as const) {
      await page.getByRole('tablist', { name: 'Inspector' }).getByRole('tab', { name }).click();
      await checkScreen(page, `inspector-${name.toLowerCase()}`, testInfo, found);
    }

    await sidebar(page).getByRole('tab', { name: /History/ }).click();
    await expect(sidebar(page).getByRole('list', { name: 'History' })).toBeVisible();
    await checkScreen(page, 'history', testInfo, found);

    await sidebar(page).getByRole('tab', { name: 'Environments' }).click();
    await expect(sidebar(page).getByRole('table', { name: 'Staging variables' })).toBeVisible();
    await checkScreen(page, 'environments', testInfo, found);

    await sidebar(page).getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByRole('dialog', { name: 'Import' })).toBeVisible();
    await checkScreen(page, 'import', testInfo, found);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Import' })).toHaveCount(0);

    await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'Team API', exact: true }).hover();
    await page.getByRole('button', { name: 'Actions for Team API', exact: true }).click();
    await page.getByRole('menu', { name: 'Actions for Team API' }).getByRole('menuitem', { name: 'Export…' }).click();
    await expect(page.getByRole('dialog', { name: 'Export “Team API”' })).toBeVisible();
    await checkScreen(page, 'export', testInfo, found);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await checkScreen(page, 'shortcuts', testInfo, found);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await checkScreen(page, 'settings', testInfo, found);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Settings' })).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Profiles' }).click();
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    await checkScreen(page, 'profiles', testInfo, found);

    // The runner, last: its dialog stays open over the workbench once a run has finished.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Workbench' }).click();
    await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'Orders', exact: true }).hover();
    await page.getByRole('button', { name: 'Actions for Orders', exact: true }).click();
    await page.getByRole('menu', { name: 'Actions for Orders' }).getByRole('menuitem', { name: 'Run…', exact: true }).click();
    const run = page.getByRole('dialog', { name: 'Run “Orders”' });
    await run.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(run.getByRole('status', { name: 'Run progress' })).toHaveText('All passed: 1 passed, 0 failed');
    await checkScreen(page, 'runner', testInfo, found);

    expect(Object.fromEntries(found)).toEqual({});
    expect(pageErrors).toEqual([]);
  });
});
