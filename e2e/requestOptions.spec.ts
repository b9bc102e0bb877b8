// What a request inherits and keeps (issue 11): region and service set on a collection and a folder sign the requests
// under them (a custom domain says neither), redirects are followed only when the request's Settings say so (each
// hop signed again for its own path), and a Markdown description is kept as text, saved with the request and never
// rendered. The API verifies each signature.
import type { Collection } from '../src/models/workspace';
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { axeViolations } from './harness/axe';
import { expect, test } from './harness/fixtures';
import { requestNode } from './harness/requestNode';
import { EXAMPLE_KEYS, verifySigV4 } from './harness/sigv4Verifier';

const CREDENTIALS = `[default]\naws_access_key_id = ${EXAMPLE_KEYS.accessKeyId}\naws_secret_access_key = ${EXAMPLE_KEYS.secretAccessKey}\n`;
const DESCRIPTION = '# Orders\n\nMoves an order. <img src="x" onerror="window.__described = 1"> **not bold here**';

const request = (id: string, name: string, url: string) => requestNode(id, name, url);

const shop = (base: string): Collection => ({
  id: 'shop',
  name: 'Shop',
  auth: { type: 'profile', profile: 'default' },
  signing: { region: 'ap-southeast-2', service: '' },
  variables: [],
  items: [
    {
      kind: 'folder',
      id: 'orders',
      name: 'Orders',
      auth: { type: 'inherit' },
      signing: { region: '', service: 'execute-api' },
      variables: [],
      items: [request('moved', 'Moved order', `${base}/orders/old`)],
    },
  ],
});

test.describe('what a request inherits and keeps', () => {
  let api: EchoServer;
  test.beforeAll(async () => {
    // A signed API on both paths: /orders/old redirects to /orders/new, which answers only a hop signed for it
    // (RoleCall signs each same-origin hop again: main/services/redirectSigning.ts).
    api = await startEchoServer(async (req) => {
      const verdict = await verifySigV4(req, EXAMPLE_KEYS);
      if (!verdict.ok) return { status: 403, headers: [['Content-Type', 'text/plain']], body: verdict.reason ?? 'bad signature' };
      if (req.url === '/orders/new') return { status: 200, headers: [['Content-Type', 'text/plain']], body: 'arrived at the new order' };
      return { status: 302, headers: [['Location', '/orders/new']], body: '' };
    });
  });
  test.afterAll(async () => {
    await api?.stop();
  });

  test('folder and collection signing settings sign the request; redirects follow when asked; a description stays text', async ({ rolecall }) => {
    const { page, registry, pageErrors } = await rolecall.open({ credentials: CREDENTIALS });
    expect((await registry.invoke('collections:save', { collection: shop(api.url) })).ok).toBe(true);
    await page.reload();
    await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'Moved order', exact: true }).click();

    // Region from the collection, service from the folder: the request itself names neither.
    const status = page.getByLabel('Status');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(status).toContainText('302');
    expect(api.requests.at(-1)!.url).toBe('/orders/old');
    expect(await verifySigV4(api.requests.at(-1)!, EXAMPLE_KEYS)).toMatchObject({ ok: true, region: 'ap-southeast-2', service: 'execute-api' });

    const sections = page.getByRole('tablist', { name: 'Request sections' });
    await sections.getByRole('tab', { name: /^Settings/ }).click();
    await page.getByLabel('Redirects').selectOption('follow');
    const sent = api.requests.length;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(status).toContainText('200');
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('arrived at the new order');
    expect(api.requests.slice(sent).map((r) => r.url)).toEqual(['/orders/old', '/orders/new']);
    // The answer says it came after a redirect, and how the next request went; the inspector says it shows the first.
    const followed = page.getByRole('region', { name: 'Redirects followed' });
    await expect(followed).toContainText('Followed 1 redirect.');
    await expect(followed).toContainText(`302 → GET ${api.url}/orders/new (signed again with the same credentials)`);
    await expect(page.getByRole('region', { name: 'Signing inspector' })).toContainText('the first of 2 requests: the answer came after a redirect');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page, '.rv-redirect-note'), `axe on the redirects note (${scheme})`).toEqual([]);
      expect(await axeViolations(page, '.si-header'), `axe on the inspector's header (${scheme})`).toEqual([]);
    }
    expect(await verifySigV4(api.requests.at(-1)!, EXAMPLE_KEYS)).toMatchObject({ ok: true, region: 'ap-southeast-2', service: 'execute-api' });

    await sections.getByRole('tab', { name: /^Docs/ }).click();
    const description = page.getByLabel('Description', { exact: true });
    await description.fill(DESCRIPTION);
    await expect(description).toHaveValue(DESCRIPTION);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __described?: number }).__described)).toBeUndefined();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(async () => {
        const saved = await registry.invoke('requests:get', { collectionId: 'shop', requestId: 'moved' });
        return saved.ok ? saved.value : undefined;
      })
      .toMatchObject({ description: DESCRIPTION, settings: { followRedirects: true } });
    expect(pageErrors).toEqual([]);
  });
});
