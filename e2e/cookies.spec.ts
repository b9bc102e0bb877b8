// The workspace cookie jar, end to end (issue 11's "cookie jar round trip"): a server sets a cookie, the next send
// carries it (the server echoes what it got) still signed so a SigV4 verifier accepts it, the Cookies dialog lists it
// by domain without its value, an edited value is what the next send carries, and after "Clear all" none is sent.
// The dialog passes axe-core, light and dark; its screenshot goes to the README tour when UPDATE_TOUR=1.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { axeViolations } from './harness/axe';
import { expect, test } from './harness/fixtures';
import { openSection, setUrl } from './harness/requestForm';
import { EXAMPLE_KEYS, header, verifySigV4 } from './harness/sigv4Verifier';

const CREDENTIALS = `[default]\naws_access_key_id = ${EXAMPLE_KEYS.accessKeyId}\naws_secret_access_key = ${EXAMPLE_KEYS.secretAccessKey}\n`;
const FIRST = 'first-session-4b1d';

test.describe('the cookie jar', () => {
  let echo: EchoServer;
  test.beforeAll(async () => {
    echo = await startEchoServer((req) => {
      if (req.url.startsWith('/login')) return { status: 200, headers: [['Set-Cookie', `sid=${FIRST}; Path=/; HttpOnly`]], body: 'signed in' };
      return { status: 200, headers: [['Content-Type', 'text/plain']], body: `cookie: ${header(req, 'cookie') ?? '(none)'}` };
    });
  });
  test.afterAll(async () => {
    await echo.stop();
  });

  test('cookie jar round trip: set by a server, sent back signed, shown, edited, cleared', async ({ rolecall }, testInfo) => {
    // Five sends, axe twice and two screenshots: more than the default minute on a loaded machine.
    test.slow();
    const { page, pageErrors } = await rolecall.open({ credentials: CREDENTIALS });
    await page.getByRole('button', { name: 'New request tab' }).click();
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Region', { exact: true }).fill('eu-west-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');
    const response = page.getByRole('region', { name: 'Response' });
    const send = async (expected: string) => {
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(response).toContainText(expected);
    };

    await setUrl(page, `${echo.url}/login`);
    await send('signed in');
    await setUrl(page, `${echo.url}/me`);
    await send(`cookie: sid=${FIRST}`);
    const received = echo.requests.at(-1)!;
    expect(header(received, 'cookie')).toBe(`sid=${FIRST}`);
    expect(await verifySigV4(received, EXAMPLE_KEYS)).toMatchObject({ ok: true });

    await page.getByRole('button', { name: 'Cookies', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cookies' });
    const domain = dialog.getByRole('region', { name: '127.0.0.1' });
    await expect(domain.getByRole('rowheader', { name: 'sid' })).toBeVisible();
    await expect(domain).toContainText('HttpOnly');
    await expect(dialog).not.toContainText(FIRST);
    await expect(dialog.getByRole('checkbox', { name: /AWS hosts/ })).not.toBeChecked();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page, 'dialog.cookies-dialog'), `axe (${scheme})`).toEqual([]);
      const file = `cookies-${scheme}.png`;
      await page.screenshot({ path: testInfo.outputPath(file) });
      if (process.env.UPDATE_TOUR === '1') await copyFile(testInfo.outputPath(file), path.join(__dirname, 'tour', file));
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await domain.getByRole('button', { name: 'Edit sid of 127.0.0.1' }).click();
    const value = dialog.getByLabel('Value');
    await expect(value).toHaveValue(FIRST);
    await value.fill('edited-value');
    await dialog.getByRole('button', { name: 'Save cookie' }).click();
    await expect(domain.getByRole('rowheader', { name: 'sid' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toHaveCount(0);
    await send('cookie: sid=edited-value');

    await page.getByRole('button', { name: 'Cookies', exact: true }).click();
    await dialog.getByRole('button', { name: 'Clear all…' }).click();
    await dialog.getByRole('button', { name: 'Clear all', exact: true }).click();
    await expect(dialog.getByText('No cookies yet.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await send('cookie: (none)');
    expect(pageErrors).toEqual([]);
  });
});
