// Browser mode's own file handling, with no fake dialog: a body file is picked in the browser's file picker and
// uploaded to main, which sends exactly those bytes; a response body is saved as a browser download of exactly the
// bytes received.
import { readFile } from 'node:fs/promises';
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { expect, test } from './harness/fixtures';
import { openSection, setUrl } from './harness/requestForm';

let echo: EchoServer;
test.beforeAll(async () => {
  echo = await startEchoServer((request) => ({ status: 200, headers: [['Content-Type', 'application/octet-stream']], body: request.body }));
});
test.afterAll(async () => echo?.stop());

test('a body file is a browser upload and a saved response a browser download, byte for byte', async ({ rolecall }) => {
  const { page, pageErrors } = await rolecall.open({ browserFiles: true });
  const bytes = Buffer.concat([Buffer.from('uploaded body '), Buffer.from([0, 0xff, 0x10, 0x80])]);

  await page.getByLabel('Method').selectOption('PUT');
  await setUrl(page, `${echo.url}/upload`);
  await openSection(page, 'Body');
  await page.getByRole('radio', { name: 'File' }).check();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose file…' }).click()]);
  await chooser.setFiles({ name: 'payload.bin', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(page.getByLabel('File path')).toHaveValue(/payload\.bin$/);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByLabel('Status')).toContainText('200');
  expect(echo.requests.at(-1)!.body.equals(bytes)).toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save to file' }).click()]);
  await expect(page.getByRole('region', { name: 'Response' }).getByRole('status')).toContainText("Saved to your browser's downloads (");
  const saved = await readFile((await download.path())!);
  expect(saved.equals(bytes)).toBe(true);
  expect(download.suggestedFilename()).toMatch(/\S/);

  // Closing the picker without a file leaves the chosen one as it was.
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose file…' }).click()]);
  await again.setFiles([]);
  await expect(page.getByLabel('File path')).toHaveValue(/payload\.bin$/);
  expect(pageErrors).toEqual([]);
});
