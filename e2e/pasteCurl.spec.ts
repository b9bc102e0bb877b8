// A curl command pasted into the URL field becomes the tab's request (method, URL, headers, body, signing), with a
// notice; keys typed into the command are dropped, never shown or kept. Any other text is pasted as it is.
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';
import { openSection } from './harness/requestForm';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYPASTEDKEY1';

/** Pastes `text` into the URL field as the browser does for Ctrl+V (a paste event carrying the clipboard's text). */
async function pasteIntoUrl(page: Page, text: string): Promise<void> {
  const url = page.getByRole('textbox', { name: 'URL', exact: true });
  await url.click();
  await url.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('a pasted curl command becomes the request, without the keys typed into it', async ({ rolecall }) => {
  const { page, pageErrors } = await rolecall.open();
  const command = [
    "curl 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders' \\",
    '  -X PUT \\',
    "  -H 'Content-Type: application/json' \\",
    `  --aws-sigv4 'aws:amz:eu-west-1:execute-api' --user 'AKIAIOSFODNN7EXAMPLE:${SECRET}' \\`,
    `  --data-raw '{"id":7}'`,
  ].join('\n');
  await pasteIntoUrl(page, command);

  await expect(page.getByText('The pasted curl command became this request.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'URL', exact: true })).toHaveText('https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders');
  await expect(page.getByLabel('Method')).toHaveValue('PUT');
  await expect(page.getByText(/Its keys were not kept/)).toBeVisible();
  await openSection(page, 'Headers');
  await expect(page.getByRole('textbox', { name: 'Header name 1', exact: true })).toHaveValue('Content-Type');
  await expect(page.getByRole('textbox', { name: 'Header value 1', exact: true })).toHaveValue('application/json');
  const shown = await page.locator('body').innerText();
  expect(shown).not.toContain(SECRET);
  expect(shown).not.toContain('AKIAIOSFODNN7EXAMPLE');
  expect(pageErrors).toEqual([]);
});

test('other text pasted into the URL field is pasted as it is', async ({ rolecall }) => {
  const { page, pageErrors } = await rolecall.open();
  await pasteIntoUrl(page, 'https://example.com/curl');
  await expect(page.getByRole('textbox', { name: 'URL', exact: true })).toHaveText('https://example.com/curl');
  await expect(page.getByText('The pasted curl command became this request.')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
