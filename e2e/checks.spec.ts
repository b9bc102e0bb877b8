// Checks in the window: add checks and a capture in the Checks tab, send to a loopback server, see one pass and one
// fail with the actual value, the summary beside the status, and the captured id used by the next request.
import type { Page } from '@playwright/test';
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { expect, test } from './harness/fixtures';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const url = (page: Page) => page.getByRole('textbox', { name: 'URL', exact: true });
const response = (page: Page) => page.getByRole('region', { name: 'Response' });

async function section(page: Page, name: 'Checks' | 'Auth & signing') {
  await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: new RegExp(`^${name.replace('&', '\\&')}`) }).click();
}

async function sendTo(page: Page, target: string) {
  await url(page).fill(target);
  await expect(url(page)).toHaveText(target);
  await url(page).click();
  await page.keyboard.press(`${mod}+Enter`);
}

test.describe('checks', () => {
  let server: EchoServer;

  test.beforeAll(async () => {
    server = await startEchoServer((request) =>
      request.url === '/orders'
        ? { status: 201, headers: [['Content-Type', 'application/json']], body: JSON.stringify({ id: 'ord-42', count: 3 }) }
        : { status: 200, headers: [['Content-Type', 'application/json']], body: JSON.stringify({ path: request.url }) },
    );
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('a check added in the tab passes, another fails with the actual value, and a capture feeds the next request', async ({ rolecall }) => {
    const { page, pageErrors } = await rolecall.open({ config: '[default]\nregion = us-east-1\n' });
    await section(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('none');

    await section(page, 'Checks');
    await page.getByRole('button', { name: 'Add check' }).click();
    await page.getByLabel('Check 1 expected status').fill('201');
    await page.getByRole('button', { name: 'Add check' }).click();
    await page.getByLabel('Check 2 kind').selectOption('json');
    await page.getByLabel('Check 2 JSON path').fill('$.id');
    await page.getByLabel('Check 2 comparison').selectOption('equals');
    await page.getByLabel('Check 2 value').fill('ord-7');
    await page.getByRole('button', { name: 'Add capture' }).click();
    await page.getByLabel('Capture 1 variable').fill('orderId');

    await sendTo(page, `${server.url}/orders`);
    await expect(response(page).getByLabel('Status')).toHaveText(/^201/);
    await expect(response(page).getByLabel('Checks')).toHaveText('1/2 checks passed');
    await expect(page.getByLabel('Check 1 result')).toContainText('✓ passed');
    await expect(page.getByLabel('Check 1 result')).toContainText('actual: 201');
    await expect(page.getByLabel('Check 2 result')).toContainText('✗ failed');
    await expect(page.getByLabel('Check 2 result')).toContainText('actual: ord-42');
    await expect(page.getByLabel('Capture 1 result')).toContainText('captured {{orderId}} = ord-42');
    await expect(page.getByLabel('Captured this session')).toContainText('ord-42');

    // The captured value resolves in the next request, before any environment.
    await sendTo(page, `${server.url}/orders/{{orderId}}`);
    await expect(response(page).getByLabel('Status')).toHaveText(/^200/);
    expect(server.requests.at(-1)?.url).toBe('/orders/ord-42');

    // The environments panel shows it too, as overriding the environment, and clears it there.
    const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
    await sidebar.getByRole('tab', { name: 'Environments' }).click();
    const captured = sidebar.getByRole('tabpanel', { name: 'Environments' }).getByRole('region', { name: 'Captured values' });
    await expect(captured).toContainText('orderId');
    await expect(captured).toContainText('ord-42');
    await captured.getByRole('button', { name: 'Clear captured orderId' }).click();
    await expect(captured).toHaveCount(0);
    await expect(page.getByText('Nothing captured yet.', { exact: false })).toBeVisible();
    expect(pageErrors).toEqual([]);
  });
});
