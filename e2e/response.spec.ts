// The response viewer and the signing inspector in a real browser: bodies from a loopback server, sent from the UI
// as a user would. A 20 MB JSON document opens windowed (laid out in main) and is searched to its end, HTML stays text, binary shows as hex,
// and API Gateway's signature-mismatch answer is diffed against what RoleCall signed.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { startEchoServer, type EchoServer, type RecordedRequest } from '../main/testing/echoServer';
import { expect, test, type AwsSetup } from './harness/fixtures';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const MARKER = 'rolecall-end-marker-7f3a9c';
const BIG_BYTES = 20 * 1024 * 1024;

/** A JSON array of ~20 MB whose last element holds MARKER. */
function bigJson(): string {
  const items: string[] = [];
  let size = 0;
  for (let i = 0; size < BIG_BYTES; i++) {
    const item = JSON.stringify({ id: i, name: `item-${i}`, tags: ['alpha', 'beta'], detail: { ok: i % 2 === 0, score: i * 1.5 } });
    items.push(item);
    size += item.length + 1;
  }
  items.push(JSON.stringify({ id: 'last', marker: MARKER }));
  return `[${items.join(',')}]`;
}

const HTML = '<!doctype html><html><head><title>Injected</title><script>window.__bodyRan = true; document.title = "pwned";</script></head>' +
  '<body><h1 id="injected-heading">Hello from the body</h1><img src="x" onerror="window.__bodyRan = true"></body></html>';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * What API Gateway answers when it computes another canonical request: here, as behind a custom domain whose base
 * path mapping adds the stage, AWS's path is "/prod" + ours. Built from the bytes received, like AWS does.
 */
function signatureMismatch(request: RecordedRequest) {
  const raw = request.rawHeaders;
  const headers = new Map<string, string[]>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), raw[i + 1]!.trim().replace(/\s+/g, ' ')]);
  }
  const auth = headers.get('authorization')?.[0] ?? '';
  const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const scope = /Credential=[^/]+\/([^,]+)/.exec(auth)?.[1] ?? '';
  const [path, query = ''] = request.url.split('?');
  const canonical = [
    request.method,
    `/prod${path}`,
    query.split('&').filter(Boolean).sort().join('&'),
    ...signed.map((name) => `${name}:${(headers.get(name) ?? []).join(',')}`),
    '',
    signed.join(';'),
    headers.get('x-amz-content-sha256')?.[0] ?? sha256(request.body),
  ].join('\n');
  const date = headers.get('x-amz-date')?.[0] ?? '';
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonical)].join('\n');
  const message =
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
    'Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n' +
    `'${canonical}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`;
  return {
    status: 403,
    statusText: 'Forbidden',
    headers: [
      ['Content-Type', 'application/json'],
      ['x-amzn-ErrorType', 'InvalidSignatureException'],
    ] as Array<[string, string]>,
    body: JSON.stringify({ message }),
  };
}

const url = (page: Page) => page.getByRole('textbox', { name: 'URL' });
const response = (page: Page) => page.getByRole('region', { name: 'Response' });

async function openSection(page: Page, name: 'Auth & signing') {
  await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: new RegExp(`^${name.replace('&', '\\&')}`) }).click();
}

/** Types the URL, chooses the auth, and sends with the keyboard shortcut. */
async function send(page: Page, target: string, auth: 'none' | 'default') {
  await url(page).fill(target);
  await expect(url(page)).toHaveText(target);
  await openSection(page, 'Auth & signing');
  if (auth === 'none') {
    await page.getByLabel('Auth', { exact: true }).selectOption('none');
  } else {
    await page.getByLabel('Auth', { exact: true }).selectOption('profile');
    await page.getByLabel('Profile', { exact: true }).selectOption('default');
    await page.getByLabel('Region', { exact: true }).fill('us-east-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');
  }
  await url(page).click();
  await page.keyboard.press(`${mod}+Enter`);
}

const STATIC_KEYS: AwsSetup = {
  config: '[default]\nregion = us-east-1\n',
  credentials: '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n',
  stsEndpoint: 'http://127.0.0.1:9',
};

test.describe('response viewer', () => {
  let server: EchoServer;
  let big: string;

  test.beforeAll(async () => {
    big = bigJson();
    server = await startEchoServer((request) => {
      if (request.url.startsWith('/big')) return { status: 200, headers: [['Content-Type', 'application/json']], body: big };
      if (request.url.startsWith('/page')) return { status: 200, headers: [['Content-Type', 'text/html; charset=utf-8']], body: HTML };
      if (request.url.startsWith('/blob')) return { status: 200, headers: [['Content-Type', 'application/octet-stream']], generatedBytes: 200_000 };
      if (request.url.startsWith('/items')) return signatureMismatch(request);
      return { status: 404, body: 'not found' };
    });
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('a 20 MB JSON response opens, stays out of the DOM, and search finds the marker at its end', async ({ rolecall }, testInfo) => {
    test.setTimeout(120_000);
    const { page, pageErrors } = await rolecall.open(STATIC_KEYS);
    await send(page, `${server.url}/big`, 'none');

    await expect(response(page).getByLabel('Status')).toHaveText(/^200/, { timeout: 60_000 });
    await expect(response(page).getByLabel('Size')).toContainText('MB');
    const body = response(page).getByRole('textbox', { name: 'Response body' });
    await expect(body).toBeVisible({ timeout: 60_000 });
    // The first screen shows while main is still laying the rest out; the progress line goes when it is done.
    await expect(body).toContainText('"id": 0');
    await expect(response(page).getByText(/^Laying out the body/)).toHaveCount(0, { timeout: 60_000 });

    await response(page).getByRole('button', { name: 'Search', exact: true }).click();
    const find = response(page).getByRole('searchbox', { name: 'Find' });
    await expect(find).toBeFocused();
    await find.fill(MARKER);
    await find.press('Enter');

    const selected = response(page).locator('mark.wb-match-selected');
    await expect(selected).toBeVisible();
    await expect(selected).toHaveText(MARKER);
    // The match is on one of the last lines: a few hundred thousand lines down.
    const line = Number((await response(page).getByRole('status').filter({ hasText: 'Match on line' }).textContent())?.match(/\d+/)?.[0]);
    expect(line).toBeGreaterThan(100_000);
    // Only a screenful of the document is in the DOM.
    expect(await response(page).locator('[data-body-scroller] .wb-line').count()).toBeLessThan(500);
    await page.screenshot({ path: testInfo.outputPath('big-json-search.png') });
    expect(pageErrors).toEqual([]);
  });

  test('Ctrl+F opens the search in the body', async ({ rolecall }) => {
    const { page } = await rolecall.open(STATIC_KEYS);
    await send(page, `${server.url}/page`, 'none');
    const body = response(page).getByRole('textbox', { name: 'Response body' });
    await expect(body).toContainText('Hello from the body');
    await body.click();
    await page.keyboard.press(`${mod}+f`);
    await expect(response(page).getByRole('searchbox', { name: 'Find' })).toBeFocused();
  });

  test('an HTML response is shown as text and none of it runs or enters the page', async ({ rolecall }, testInfo) => {
    const { page, pageErrors } = await rolecall.open(STATIC_KEYS);
    const title = await page.title();
    await send(page, `${server.url}/page`, 'none');

    const body = response(page).getByRole('textbox', { name: 'Response body' });
    await expect(body).toContainText('<script>window.__bodyRan = true; document.title = "pwned";</script>');
    await expect(body).toContainText('<h1 id="injected-heading">Hello from the body</h1>');
    await response(page).getByRole('tab', { name: 'Raw' }).click();
    await expect(response(page).getByRole('textbox', { name: 'Raw response body' })).toContainText('onerror="window.__bodyRan = true"');

    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__bodyRan)).toBeUndefined();
    await expect(page.locator('#injected-heading')).toHaveCount(0);
    await expect(page.locator('img[onerror]')).toHaveCount(0);
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('__bodyRan')))).toBe(false);
    await page.screenshot({ path: testInfo.outputPath('html-as-text.png') });
    expect(pageErrors).toEqual([]);
  });

  test('a binary response opens in the hex view, a page at a time', async ({ rolecall }, testInfo) => {
    const { page, pageErrors } = await rolecall.open(STATIC_KEYS);
    await send(page, `${server.url}/blob`, 'none');

    await expect(response(page).getByRole('tab', { name: 'Hex' })).toHaveAttribute('aria-selected', 'true');
    const dump = response(page).getByRole('table', { name: 'Hex dump' });
    // Byte i of the generated body is i mod 251.
    await expect(dump.getByRole('row').first()).toHaveText(/00000000\s*00 01 02 03 04 05 06 07\s+08 09 0a 0b 0c 0d 0e 0f/);
    await expect(response(page).getByText(/page 1 of 4/)).toBeVisible();

    await response(page).getByRole('button', { name: 'Next page' }).click();
    await expect(response(page).getByText(/page 2 of 4/)).toBeVisible();
    // 0x10000 = 65536; 65536 mod 251 = 25 = 0x19.
    await expect(dump.getByRole('row').first()).toHaveText(/^00010000\s*19 1a 1b/);

    await response(page).getByLabel('Go to offset').fill('0x30010');
    await response(page).getByRole('button', { name: 'Go', exact: true }).click();
    await expect(dump.getByRole('row').filter({ hasText: /^00030010/ })).toBeVisible();
    // Virtualized: a 64 KiB page is 4096 rows, only those in view are drawn.
    expect(await dump.getByRole('row').count()).toBeLessThan(200);
    await page.screenshot({ path: testInfo.outputPath('binary-hex.png') });
    expect(pageErrors).toEqual([]);
  });

  test('API Gateway’s signature mismatch shows its message and where its canonical request differs from ours', async ({ rolecall }, testInfo) => {
    const { page, pageErrors } = await rolecall.open(STATIC_KEYS);
    await send(page, `${server.url}/items?b=2&a=1`, 'default');

    await expect(response(page).getByLabel('Status')).toHaveText(/^403/);
    const aws = response(page).getByRole('region', { name: 'AWS error' });
    await expect(aws).toContainText('InvalidSignatureException');
    await expect(aws).toContainText('The request signature we calculated does not match the signature you provided.');

    const diff = aws.getByRole('table', { name: 'Canonical request differences' });
    const rows = diff.locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('/items');
    await expect(rows.first()).toContainText('/prod/items');

    // The inspector shows what was sent and signed, with the Authorization header taken apart.
    const inspector = page.getByRole('region', { name: 'Signing inspector' });
    await expect(inspector.getByLabel('Canonical request text')).toContainText('GET\n/items\na=1&b=2\n');
    await expect(inspector.getByLabel('Credential parts').getByLabel('access key id')).toContainText('AKIDEXAMPLE');
    await expect(inspector.getByLabel('Credential parts').getByLabel('service')).toContainText('execute-api');
    await expect(inspector.getByLabel('Signing summary').getByLabel('Region')).toContainText('us-east-1');
    await page.screenshot({ path: testInfo.outputPath('signature-mismatch.png') });
    expect(pageErrors).toEqual([]);
  });
});
