// What people expect of an API client (issue 11): a GraphQL request built in the body editor, sent signed for
// appsync and accepted by a loopback SigV4 verifier; then history found by search, showing who signed it; and
// history's kept responses: an older entry opens with the body it had.
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { expect, test } from './harness/fixtures';
import { openSection, setUrl } from './harness/requestForm';
import { EXAMPLE_KEYS, header, verifySigV4 } from './harness/sigv4Verifier';

const CREDENTIALS = `[default]\naws_access_key_id = ${EXAMPLE_KEYS.accessKeyId}\naws_secret_access_key = ${EXAMPLE_KEYS.secretAccessKey}\n`;

test.describe('an API client', () => {
  let echo: EchoServer;
  test.beforeAll(async () => {
    echo = await startEchoServer(() => ({ status: 200, headers: [['Content-Type', 'application/json']], body: '{"data":{"getItem":{"id":"item-7"}}}' }));
  });
  test.afterAll(async () => {
    await echo.stop();
  });

  test('a GraphQL request is sent signed for appsync, and history finds it by search with its identity', async ({ rolecall }, testInfo) => {
    const { page, pageErrors } = await rolecall.open({ credentials: CREDENTIALS });
    await page.getByRole('button', { name: 'New request tab' }).click();
    await page.getByLabel('Method').selectOption('POST');
    await setUrl(page, `${echo.url}/graphql`);
    await openSection(page, 'Body');
    await page.getByRole('radio', { name: 'GraphQL' }).check();
    await page.getByRole('textbox', { name: 'GraphQL query' }).fill('query Get($id: ID!) { getItem(id: $id) { id } }');
    await page.getByRole('textbox', { name: 'GraphQL variables' }).fill('{ "id": ');
    await expect(page.getByRole('alert').filter({ hasText: 'Variables are not valid JSON.' })).toBeVisible();
    await page.getByRole('textbox', { name: 'GraphQL variables' }).fill('{ "id": "item-7" }');
    await expect(page.getByText('Variables are not valid JSON.')).toHaveCount(0);
    await page.getByLabel('Operation name').fill('Get');
    await page.screenshot({ path: testInfo.outputPath('graphql-body.png') });
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Region', { exact: true }).fill('eu-west-1');
    await page.getByLabel('Service', { exact: true }).fill('appsync');

    const before = echo.requests.length;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Status')).toContainText('200');
    expect(echo.requests.length).toBe(before + 1);
    const received = echo.requests.at(-1)!;
    expect(JSON.parse(received.body.toString('utf8'))).toEqual({ query: 'query Get($id: ID!) { getItem(id: $id) { id } }', variables: { id: 'item-7' }, operationName: 'Get' });
    expect(header(received, 'content-type')).toBe('application/json');
    expect(await verifySigV4(received, EXAMPLE_KEYS)).toMatchObject({ ok: true, region: 'eu-west-1', service: 'appsync' });

    const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
    await sidebar.getByRole('tab', { name: /History/ }).click();
    const list = sidebar.getByRole('list', { name: 'History' });
    await expect(list.getByRole('button')).toHaveCount(1);
    await expect(list.getByRole('button').first()).toContainText('as profile default');
    const search = sidebar.getByRole('searchbox', { name: 'Search history' });
    await search.fill('post graphql 200');
    await expect(list.getByRole('button')).toHaveCount(1);
    await search.fill('delete');
    await expect(list).toHaveCount(0);
    await expect(sidebar.getByText('No sent request matches “delete”.')).toBeVisible();
    await search.fill('');
    await expect(list.getByRole('button')).toHaveCount(1);
    expect(pageErrors).toEqual([]);
  });

  test('history keeps each response: the older entry opens with its own body, marked as from history', async ({ rolecall }) => {
    let answers = 0;
    const counting = await startEchoServer(() => ({ status: 200, headers: [['Content-Type', 'text/plain']], body: `answer number ${++answers}` }));
    try {
      const { page, pageErrors } = await rolecall.open({ credentials: CREDENTIALS });
      await page.getByRole('button', { name: 'New request tab' }).click();
      await setUrl(page, `${counting.url}/orders`);
      await openSection(page, 'Auth & signing');
      await page.getByLabel('Region', { exact: true }).fill('eu-west-1');
      await page.getByLabel('Service', { exact: true }).fill('execute-api');
      const response = page.getByRole('region', { name: 'Response' });
      for (const n of [1, 2]) {
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await expect(response).toContainText(`answer number ${n}`);
      }

      const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
      await sidebar.getByRole('tab', { name: /History/ }).click();
      const entries = sidebar.getByRole('list', { name: 'History' }).getByRole('button');
      await expect(entries).toHaveCount(2);
      await entries.nth(1).click(); // newest first: the first send
      await expect(page.getByRole('note', { name: 'From history' })).toContainText('From history');
      await expect(response).toContainText('answer number 1');
      await expect(response).not.toContainText('answer number 2');
      expect(pageErrors).toEqual([]);
    } finally {
      await counting.stop();
    }
  });
});
