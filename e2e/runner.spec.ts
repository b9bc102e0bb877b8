// The runner in the window: "Run…" on a folder sends its requests in order against a loopback server that checks
// every SigV4 signature (and answers STS's GetCallerIdentity, so the identity column has an ARN), the results show
// live with a failed check's actual value, a failed row opens its full request and response, and the JUnit export
// lands on disk with the counts the run had.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import type { Collection, RequestNode } from '../src/models/workspace';
import { expect, test, type AwsSetup } from './harness/fixtures';
import { requestNode } from './harness/requestNode';
import { EXAMPLE_KEYS, verifySigV4 } from './harness/sigv4Verifier';

const ARN = 'arn:aws:iam::111111111111:user/runner';

const request = (id: string, name: string, method: string, url: string, extra: Partial<RequestNode> = {}) =>
  requestNode(id, name, url, { method, signing: { region: 'us-east-1', service: 'execute-api', payload: 'signed', mode: 'header', expiresIn: 900 }, ...extra });

const shop: Collection = {
  id: 'shop',
  name: 'Shop API',
  auth: { type: 'profile', profile: 'default' },
  variables: [],
  items: [
    {
      kind: 'folder',
      id: 'orders',
      name: 'Orders',
      auth: { type: 'inherit' },
      variables: [],
      items: [
        request('create', 'Create order', 'POST', '{{base}}/orders', {
          // An identity check makes the runner ask STS who signed: the ARN then shows in the results.
          checks: [
            { kind: 'status', id: 'c1', enabled: true, expect: '201' },
            { kind: 'identity', id: 'c0', enabled: true, expect: '111111111111' },
          ],
          captures: [{ id: 'p1', enabled: true, variable: 'orderId', from: 'json', path: '$.id' }],
        }),
        request('get', 'Get order', 'GET', '{{base}}/orders/{{orderId}}', {
          checks: [
            { kind: 'status', id: 'c2', enabled: true, expect: '200' },
            { kind: 'json', id: 'c3', enabled: true, path: '$.state', compare: { op: 'equals', value: 'open' } },
          ],
        }),
        request('missing', 'Get missing order', 'GET', '{{base}}/orders/missing', { checks: [{ kind: 'status', id: 'c4', enabled: true, expect: '200' }] }),
      ],
    },
    request('health', 'Health', 'GET', '{{base}}/health'),
  ],
};

async function rowAction(page: Page, name: string, action: string) {
  const row = page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name, exact: true });
  await row.hover();
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole('menu', { name: `Actions for ${name}` }).getByRole('menuitem', { name: action, exact: true }).click();
}

test.describe('the runner', () => {
  let server: EchoServer;
  const verdicts: boolean[] = [];

  test.beforeAll(async () => {
    server = await startEchoServer(async (req) => {
      if (req.body.toString('utf8').includes('Action=GetCallerIdentity')) {
        return {
          headers: [['Content-Type', 'text/xml']],
          body: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${ARN}</Arn><UserId>AIDAEXAMPLE</UserId><Account>111111111111</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000001</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        };
      }
      const verdict = await verifySigV4(req, EXAMPLE_KEYS);
      verdicts.push(verdict.ok);
      if (!verdict.ok) return { status: 403, headers: [['Content-Type', 'text/plain']], body: verdict.reason ?? 'bad signature' };
      const json = (status: number, body: unknown) => ({ status, headers: [['Content-Type', 'application/json']] as Array<[string, string]>, body: JSON.stringify(body) });
      if (req.method === 'POST' && req.url === '/orders') return json(201, { id: 'ord-42' });
      if (req.url === '/orders/ord-42') return json(200, { id: 'ord-42', state: 'open' });
      return json(404, { message: 'no such order <b>here</b>' });
    });
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('runs a folder, shows each result, opens a failed one and exports JUnit with the run’s counts', async ({ rolecall }, testInfo) => {
    const setup: AwsSetup = {
      config: '[default]\nregion = us-east-1\n',
      credentials: `[default]\naws_access_key_id = ${EXAMPLE_KEYS.accessKeyId}\naws_secret_access_key = ${EXAMPLE_KEYS.secretAccessKey}\n`,
      stsEndpoint: server.url,
    };
    const { page, registry, savedDir, pageErrors } = await rolecall.open(setup);
    await page.setViewportSize({ width: 1500, height: 950 });
    expect((await registry.invoke('collections:save', { collection: shop })).ok).toBe(true);
    const local = { id: 'local', name: 'local', variables: [{ id: 'v1', key: 'base', value: server.url, enabled: true, secret: false }] };
    expect((await registry.invoke('environments:save', { environments: [local], activeEnvironmentId: 'local' })).ok).toBe(true);
    await page.reload();

    await rowAction(page, 'Orders', 'Run…');
    const dialog = page.getByRole('dialog', { name: 'Run “Orders”' });
    await expect(dialog.getByLabel('Run environment')).toHaveValue('local');
    await expect(dialog.getByRole('checkbox', { name: /^Run / })).toHaveCount(3);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();

    const progress = dialog.getByRole('status', { name: 'Run progress' });
    await expect(progress).toHaveText('Finished with failures: 2 passed, 1 failed');
    const results = dialog.getByRole('table', { name: 'Run results' });
    await expect(results.getByRole('row', { name: 'Create order: passed' })).toContainText('201 Created');
    await expect(results.getByRole('row', { name: 'Get order: passed' })).toContainText('2/2');
    await expect(results.getByRole('row', { name: 'Create order: passed' })).toContainText(ARN);
    const failed = results.getByRole('row', { name: 'Get missing order: failed' });
    await expect(failed).toContainText('404');
    await expect(failed).toContainText('actual 404');
    // Only the folder ran, in order, every request signed as the verifier expects; the capture fed the next URL.
    expect(server.requests.filter((r) => !r.body.toString().includes('GetCallerIdentity')).map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /orders',
      'GET /orders/ord-42',
      'GET /orders/missing',
    ]);
    expect(verdicts).toEqual([true, true, true]);

    await failed.click();
    const detail = dialog.getByRole('region', { name: 'Result detail' });
    await expect(detail.getByLabel('Response body')).toHaveText('{"message":"no such order <b>here</b>"}');
    await expect(detail.locator('b')).toHaveCount(0);
    await expect(detail).toContainText(`GET ${server.url}/orders/missing`);
    await expect(detail.getByRole('list', { name: 'Checks of this result' })).toContainText('actual: 404');
    await page.screenshot({ path: testInfo.outputPath('runner.png') });

    await dialog.getByRole('group', { name: 'Export results' }).getByRole('button', { name: 'JUnit XML' }).click();
    await expect(dialog.getByRole('group', { name: 'Export results' }).getByRole('status')).toContainText('Saved to');
    const xml = await readFile(path.join(savedDir, 'rolecall-run.xml'), 'utf8');
    expect(xml).toMatch(/<testsuites name="Shop API" tests="3" failures="1" errors="0"/);
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('actual: 404');
    expect(xml).not.toContain(EXAMPLE_KEYS.secretAccessKey);

    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(pageErrors).toEqual([]);
  });
});
