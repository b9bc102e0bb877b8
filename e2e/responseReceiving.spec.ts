// Issue 12 in a real browser: a large body's first screen shows while the body is still arriving. The loopback
// server sends the headers and the first part, then holds the rest until the test lets it go: meanwhile the viewer
// says "Receiving…", shows the first lines and scrolls them, and a search says "Searching…" without a count; once
// the body is in, the time and size appear and the search counts every match. A connection dropped mid-body
// shows an error, not a cut body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test, type AwsSetup } from './harness/fixtures';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const ITEMS = 20_000;
const BODY = JSON.stringify(Array.from({ length: ITEMS }, (_, i) => ({ id: i, name: `item-${i}`, tags: ['alpha', 'beta'] })));
const HEAD = 200 * 1024;
const NO_KEYS: AwsSetup = { config: '[default]\nregion = us-east-1\n', credentials: '', stsEndpoint: 'http://127.0.0.1:9' };

const url = (page: Page) => page.getByRole('textbox', { name: 'URL' });
const response = (page: Page) => page.getByRole('region', { name: 'Response' });

async function send(page: Page, target: string) {
  await url(page).fill(target);
  await expect(url(page)).toHaveText(target);
  await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Auth/ }).click();
  await page.getByLabel('Auth', { exact: true }).selectOption('none');
  await url(page).click();
  await page.keyboard.press(`${mod}+Enter`);
}

test.describe('a body still arriving', () => {
  let server: http.Server;
  let base = '';
  /** What the test does with the held-back rest of the body. */
  const held: { reply?: http.ServerResponse } = {};
  const heldReply = () => held.reply;

  test.beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(BODY.length) });
      res.write(BODY.slice(0, HEAD));
      held.reply = res;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('shows its first screen and says so, counts search matches only once it is all in', async ({ rolecall }, testInfo) => {
    const { page, pageErrors } = await rolecall.open(NO_KEYS);
    delete held.reply;
    await send(page, `${base}/slow`);

    await expect(response(page).getByLabel('Receiving')).toContainText('Receiving…');
    const body = response(page).getByRole('textbox', { name: 'Response body' });
    await expect(body).toContainText('"name": "item-0"');
    await expect(response(page).getByLabel('Time')).toHaveCount(0);
    await expect(response(page).getByText(/^The body is still arriving/)).toBeVisible();

    await response(page).getByRole('button', { name: 'Search', exact: true }).click();
    const find = response(page).getByRole('searchbox', { name: 'Find' });
    await find.fill('"item-');
    await find.press('Enter');
    const status = response(page).getByRole('search').getByRole('status');
    await expect(status).toHaveText('Searching…');
    await page.screenshot({ path: testInfo.outputPath('receiving.png') });

    heldReply()?.end(BODY.slice(HEAD));
    await expect(response(page).getByLabel('Time')).toBeVisible({ timeout: 30_000 });
    await expect(response(page).getByLabel('Size')).toContainText('MB');
    await expect(response(page).getByLabel('Receiving')).toHaveCount(0);
    await expect(status).toHaveText(`Match on line 4 · 1 of ${ITEMS}`, { timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  });

  test('a connection dropped mid-body shows the error, not the part that came', async ({ rolecall }) => {
    const { page, pageErrors } = await rolecall.open(NO_KEYS);
    delete held.reply;
    await send(page, `${base}/cut`);
    await expect(response(page).getByRole('textbox', { name: 'Response body' })).toContainText('"name": "item-0"');

    heldReply()?.socket?.destroy();
    await expect(response(page).getByText(/closed the connection before answering in full/)).toBeVisible({ timeout: 30_000 });
    await expect(response(page).getByRole('textbox', { name: 'Response body' })).toHaveCount(0);
    await expect(response(page).getByLabel('Status')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });
});
