// The workbench's panes resize as a user expects: a separator dragged with the mouse or moved with the keys
// (a WAI-ARIA window splitter: arrows, Home, End) stops at each pane's minimum, says its position in aria-valuenow,
// and the response pane takes its room with the first response and gives it back to a tab without one.
import type { Locator, Page } from '@playwright/test';
import { startEchoServer } from '../main/testing/echoServer';
import { expect, test } from './harness/fixtures';
import { setUrl } from './harness/requestForm';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The pane's outer box (the flex item the separators resize) for a pane id. */
const pane = (page: Page, id: string) => page.locator(`#${id}`);
const width = async (locator: Locator) => (await locator.boundingBox())!.width;
const height = async (locator: Locator) => (await locator.boundingBox())!.height;

async function dragBy(page: Page, handle: Locator, dx: number, dy: number): Promise<void> {
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2);
  await page.mouse.move(x + dx, y + dy);
  await page.mouse.up();
}

test('the sidebar separator drags, stops at the sidebar minimum and says where it is', async ({ rolecall }) => {
  const { page, pageErrors } = await rolecall.open();
  const sidebar = pane(page, 'sidebar-panel');
  const separator = page.getByRole('separator', { name: 'Resize the sidebar' });
  const before = await width(sidebar);
  const windowWidth = page.viewportSize()!.width;
  await expect(separator).toHaveAttribute('aria-valuenow', String(Math.round((before / windowWidth) * 100)));

  await dragBy(page, separator, 120, 0);
  await expect.poll(() => width(sidebar)).toBeCloseTo(before + 120, 0);
  await expect(separator).toHaveAttribute('aria-valuenow', String(Math.round(((before + 120) / windowWidth) * 100)));

  // Far to the left: the sidebar keeps its 250 px; the main pane takes the rest of the window.
  await dragBy(page, separator, -1000, 0);
  await expect.poll(() => width(sidebar)).toBeCloseTo(250, 0);
  expect((await width(sidebar)) + (await width(pane(page, 'main-panel')))).toBeGreaterThan(windowWidth - 6);

  // The size holds as the window narrows: the main pane gives up room, not the sidebar its minimum.
  await page.setViewportSize({ width: 1100, height: page.viewportSize()!.height });
  await expect.poll(() => width(sidebar)).toBeCloseTo(250, 0);
  expect(pageErrors).toEqual([]);
});

test('the keys move the separator between the response and the inspector, Home and End to either minimum', async ({ rolecall }) => {
  const { page, pageErrors } = await rolecall.open();
  const response = pane(page, 'response-panel');
  const inspector = pane(page, 'inspector-panel');
  const group = page.locator('#result-group');
  const separator = page.getByRole('separator', { name: 'Resize the response and the inspector' });
  await expect(separator).toHaveAttribute('aria-orientation', 'horizontal');
  const empty = await height(response);
  const groupHeight = await height(group);

  await separator.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => height(response)).toBeCloseTo(empty + groupHeight * 0.05, 0);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => height(response)).toBeCloseTo(empty, 0);

  // End: the inspector keeps its minimum (10 % of the group); Home: the response its own (the empty pane's height).
  await page.keyboard.press('End');
  await expect.poll(() => height(inspector)).toBeCloseTo(groupHeight * 0.1, 0);
  await page.keyboard.press('Home');
  await expect.poll(() => height(response)).toBeCloseTo(empty, 0);
  expect(pageErrors).toEqual([]);
});

test('the response pane takes its room with the first response and gives it back to a tab without one', async ({ rolecall }) => {
  const echo = await startEchoServer(() => ({ status: 200, headers: [['Content-Type', 'application/json']], body: '{"ok":true}' }));
  try {
    const { page, pageErrors } = await rolecall.open();
    const response = pane(page, 'response-panel');
    const group = page.locator('#result-group');
    const empty = await height(response);
    expect(empty).toBeLessThan((await height(group)) * 0.3);

    await setUrl(page, `${echo.url}/room`);
    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Auth/ }).click();
    await page.getByLabel('Auth', { exact: true }).selectOption('none');
    await page.keyboard.press(`${mod}+Enter`);
    await expect(page.getByLabel('Status')).toContainText('200');
    await expect.poll(async () => (await height(response)) / (await height(group))).toBeGreaterThan(0.57);

    await page.getByRole('button', { name: 'New request tab' }).click();
    await expect.poll(() => height(response)).toBeCloseTo(empty, 0);
    expect(pageErrors).toEqual([]);
  } finally {
    await echo.stop();
  }
});
