// Presign mode as a user meets it: the presigned URL shown on request with a bearer-credential warning and an
// expiry countdown, copied with the Copy button and accepted by a loopback server that checks query-string
// signatures the way AWS does; the session token stays masked everywhere else. Then two ways the window tells the
// truth about what it shows: an answer to an edited request is marked stale, and the request's own timeout
// (its Settings tab) is the one the send uses.
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { expect, test } from './harness/fixtures';
import { startPresignVerifier } from './harness/presignVerifier';
import { setUrl } from './harness/requestForm';

const KEYS = {
  accessKeyId: 'ASIAE2EPRESIGNEXAMPLE',
  secretAccessKey: 'e2ePresignSecretAccessKey/000000000000',
  sessionToken: 'e2ePresignSessionToken+/=0123456789abcdefghijklmnop',
};
const CREDENTIALS = `[team]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\naws_session_token = ${KEYS.sessionToken}\n`;

let verifier: Awaited<ReturnType<typeof startPresignVerifier>>;
let slow: EchoServer;
test.beforeAll(async () => {
  verifier = await startPresignVerifier(KEYS);
  slow = await startEchoServer(() => ({ status: 200, body: 'late', delayMs: 5000 }));
});
test.afterAll(async () => {
  await verifier?.stop();
  await slow?.stop();
});

function collection(url: string, signing: Record<string, unknown>) {
  return {
    id: 'files',
    name: 'Files',
    auth: { type: 'profile', profile: 'team' },
    items: [{ kind: 'request', id: 'report', name: 'Get report', method: 'GET', url, auth: { type: 'inherit' }, signing }],
  };
}

test('a presigned S3 URL is shown on request, copied, and accepted by a verifier; the token stays masked elsewhere', async ({ rolecall }) => {
  const { page, registry, pageErrors } = await rolecall.open({ credentials: CREDENTIALS });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const saved = await registry.invoke('collections:save', {
    collection: collection(`${verifier.url}/bucket/report.csv`, { region: 'eu-west-1', service: 's3', mode: 'query', expiresIn: 600 }),
  });
  expect(saved.ok).toBe(true);
  await page.reload();
  await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'Get report', exact: true }).click();

  const panel = page.getByRole('region', { name: 'Presigned URL', exact: true });
  await expect(panel).toContainText('not kept');
  await panel.getByRole('button', { name: 'Show presigned URL' }).click();
  await expect(panel.getByRole('note')).toContainText('This URL is a credential');
  await expect(panel.getByRole('note')).toContainText('it carries your session token');
  await expect(panel.getByTestId('presign-countdown')).toHaveText(/^(9 min|10 min) \d+ s$/);
  const shown = await panel.getByRole('textbox', { name: 'Presigned URL' }).inputValue();
  expect(shown).toContain(`X-Amz-Security-Token=${encodeURIComponent(KEYS.sessionToken)}`);

  await panel.getByRole('button', { name: 'Copy the presigned URL' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied to the clipboard');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  // Used as anyone would use it: no RoleCall, no keys.
  const answer = await fetch(copied);
  expect(await answer.text()).toBe('verified GET s3 0 bytes');
  expect(verifier.verdicts.at(-1)).toMatchObject({ ok: true, token: 'matched' });

  // Hidden, it is gone from the page; nowhere else has it (the inspector shows the URL masked), nor saved tabs or history.
  await panel.getByRole('button', { name: 'Hide' }).click();
  await expect(panel.getByRole('textbox', { name: 'Presigned URL' })).toHaveCount(0);
  expect(await page.content()).not.toContain(encodeURIComponent(KEYS.sessionToken));
  expect(await page.content()).not.toContain(KEYS.sessionToken);
  const workspace = await registry.invoke('workspace:load', {});
  expect(JSON.stringify(workspace)).not.toContain(KEYS.sessionToken);
  expect(JSON.stringify(workspace)).not.toContain(encodeURIComponent(KEYS.sessionToken));

  // Another request is another URL: the one shown is dropped at once.
  await panel.getByRole('button', { name: 'Show presigned URL' }).click();
  await expect(panel.getByRole('textbox', { name: 'Presigned URL' })).toBeVisible();
  await setUrl(page, `${verifier.url}/bucket/other.csv`);
  await expect(panel.getByRole('textbox', { name: 'Presigned URL' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Show presigned URL' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('presigned S3 PUT and execute-api URLs are copied and accepted by the verifier: an upload with any body, a GET with its query', async ({ rolecall }) => {
  const { page, registry, pageErrors } = await rolecall.open({ credentials: CREDENTIALS });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const request = (id: string, name: string, method: string, url: string, service: string) => ({
    kind: 'request',
    id,
    name,
    method,
    url,
    auth: { type: 'inherit' },
    signing: { region: 'eu-west-1', service, mode: 'query', expiresIn: 300 },
  });
  const saved = await registry.invoke('collections:save', {
    collection: {
      id: 'files',
      name: 'Files',
      auth: { type: 'profile', profile: 'team' },
      items: [
        request('upload', 'Upload report', 'PUT', `${verifier.url}/bucket/upload.bin`, 's3'),
        request('items', 'List items', 'GET', `${verifier.url}/prod/items?limit=10&after=a%20b`, 'execute-api'),
      ],
    },
  });
  expect(saved.ok).toBe(true);
  await page.reload();
  const tree = page.getByRole('tree', { name: 'Collections' });
  const panel = page.getByRole('region', { name: 'Presigned URL', exact: true });

  /** Show, copy, and answer what was copied: the URL as anyone else would get it. */
  async function copiedUrl(): Promise<string> {
    await panel.getByRole('button', { name: 'Show presigned URL' }).click();
    const shown = await panel.getByRole('textbox', { name: 'Presigned URL' }).inputValue();
    await panel.getByRole('button', { name: 'Copy the presigned URL' }).click();
    await expect(panel.getByRole('status')).toHaveText('Copied to the clipboard');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    return copied;
  }

  // S3 PUT: signed over UNSIGNED-PAYLOAD, so the upload goes with whatever body the holder has.
  await tree.getByRole('treeitem', { name: 'Upload report', exact: true }).click();
  const put = await copiedUrl();
  await expect(panel.getByRole('note')).toContainText('make this PUT request as you');
  await expect(panel).toContainText('Use it with PUT, with any body (the payload is not signed).');
  const uploaded = await fetch(put, { method: 'PUT', body: new Uint8Array([1, 2, 3, 4, 5, 6, 7]) });
  expect(await uploaded.text()).toBe('verified PUT s3 7 bytes');
  expect(verifier.verdicts.at(-1)).toMatchObject({ ok: true, service: 's3', token: 'matched' });
  // The URL is for a PUT: the same URL used as a GET is refused.
  expect((await fetch(put)).status).toBe(403);
  await panel.getByRole('button', { name: 'Hide' }).click();

  // execute-api GET: the query the request carries is part of what was signed.
  await tree.getByRole('treeitem', { name: 'List items', exact: true }).click();
  const get = await copiedUrl();
  await expect(panel).toContainText('Signed for execute-api in eu-west-1.');
  expect(new URL(get).searchParams.get('after')).toBe('a b');
  const listed = await fetch(get);
  expect(await listed.text()).toBe('verified GET execute-api 0 bytes');
  expect(verifier.verdicts.at(-1)).toMatchObject({ ok: true, service: 'execute-api', region: 'eu-west-1', token: 'matched' });
  await panel.getByRole('button', { name: 'Hide' }).click();
  expect(await page.content()).not.toContain(KEYS.sessionToken);
  expect(pageErrors).toEqual([]);
});

test('an answer to a request since edited is marked stale until it is sent again', async ({ rolecall }) => {
  const { page, registry } = await rolecall.open({ credentials: CREDENTIALS });
  // Header-signed, so the query verifier refuses it: an old refusal is exactly what must not look current.
  await registry.invoke('collections:save', { collection: collection(`${verifier.url}/bucket/report.csv`, { region: 'eu-west-1', service: 's3' }) });
  await page.reload();
  await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'Get report', exact: true }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText('refused: no X-Amz-Algorithm').first()).toBeVisible();
  const stale = page.getByRole('status', { name: 'Stale response' });
  await expect(stale).toHaveCount(0);

  await setUrl(page, `${verifier.url}/bucket/report.csv?versionId=2`);
  await expect(stale).toContainText('before your last edits');
  await stale.getByRole('button', { name: 'Send again' }).click();
  await expect(stale).toHaveCount(0);
});

test('the request’s own timeout, set in its Settings tab, is the one its send uses', async ({ rolecall }) => {
  const { page, registry } = await rolecall.open({ credentials: CREDENTIALS });
  await registry.invoke('collections:save', { collection: collection(`${slow.url}/prod/slow`, { region: 'eu-west-1', service: 'execute-api' }) });
  await page.reload();
  await page.getByRole('tree', { name: 'Collections' }).getByRole('treeitem', { name: 'Get report', exact: true }).click();
  await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Settings/ }).click();
  const timeout = page.getByLabel('Timeout (seconds)');
  await expect(timeout).toHaveAttribute('placeholder', '30 (the default)');
  await timeout.fill('1');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText('TIMEOUT').first()).toBeVisible({ timeout: 4000 });

  // Saved with the request: after Save it is in the collection main keeps.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect
    .poll(async () => {
      // workspace:load sends requests as summaries; the saved document itself comes from requests:get.
      const loaded = await registry.invoke('requests:get', { collectionId: 'files', requestId: 'report' });
      return loaded.ok ? JSON.stringify(loaded.value) : '';
    })
    .toContain('"settings":{"timeoutMs":1000}');
});
