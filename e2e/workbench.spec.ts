// The workbench in a real browser against real services: requests signed by the engine go to moto's STS and to a
// loopback server that checks the signature itself; the UI is driven by role and label, as a user would.
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ALLOW_ALL_POLICY } from '../main/testing/moto';
import { echoResponse, startEchoServer, type EchoServer, type RecordedRequest } from '../main/testing/echoServer';
import type { Registry } from '../main/ipc/registry';
import type { Result } from '../src/errors';
import type { SendResult } from '../src/models/http';
import type { Workspace } from '../src/models/workspace';
import { expect, test, type AwsSetup } from './harness/fixtures';
import { motoDeploySetup, useMoto } from './harness/motoLifecycle';
import { fillGetCallerIdentity, openSection, setUrl } from './harness/requestForm';
import { EXAMPLE_KEYS, header, verifySigV4 } from './harness/sigv4Verifier';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Records every request:send result the page gets, without changing what it gets. */
function captureSends(registry: Registry): Array<Result<SendResult>> {
  const seen: Array<Result<SendResult>> = [];
  const invoke = registry.invoke.bind(registry);
  registry.invoke = async (channel, request, context) => {
    const result = await invoke(channel, request, context);
    if (channel === 'request:send') seen.push(result as Result<SendResult>);
    return result;
  };
  return seen;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const url = (page: Page) => page.getByRole('textbox', { name: 'URL' });
const response = (page: Page) => page.getByRole('region', { name: 'Response' });

/** POST Action=GetCallerIdentity to moto, signed for sts in us-east-1. */
async function buildGetCallerIdentity(page: Page, endpoint: string) {
  await fillGetCallerIdentity(page, endpoint);
  await openSection(page, 'Auth & signing');
  await page.getByLabel('Region', { exact: true }).fill('us-east-1');
  await page.getByLabel('Service', { exact: true }).fill('sts');
}

test.describe('workbench against moto', () => {
  const motoServer = useMoto('the moto workbench tests');

  const motoSetup = (name: string, policy: object | null = ALLOW_ALL_POLICY, secret?: string): Promise<AwsSetup> =>
    motoDeploySetup(motoServer(), name, { policy: policy ?? undefined, sessionName: 'e2e-session', secret });

  test('a role_arn profile sends GetCallerIdentity; the identity and the signed canonical request are shown', async ({ rolecall }, testInfo) => {
    test.skip(!motoServer(), 'moto_server is not on PATH');
    const { page, registry, pageErrors } = await rolecall.open(await motoSetup('wb-deploy'));
    const sends = captureSends(registry);
    await buildGetCallerIdentity(page, motoServer()!.endpoint);
    await page.getByLabel('Auth', { exact: true }).selectOption('profile');
    await page.getByLabel('Profile', { exact: true }).selectOption('deploy');
    await expect(page.getByRole('region', { name: 'Signing inspector' })).toContainText('sts');

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(response(page)).toContainText('arn:aws:sts::111111111111:assumed-role/ApiInvoker/e2e-session');
    await expect(page.getByLabel('Identity ARN')).toHaveText('arn:aws:sts::111111111111:assumed-role/ApiInvoker/e2e-session');
    await expect(page.getByLabel('Account')).toHaveText('111111111111');
    await expect(page.getByLabel('Expires in')).toContainText(/\d\d:\d\d/);

    // The inspector shows, for the sent request, exactly the canonical request the engine signed.
    expect(sends).toHaveLength(1);
    const sent = sends[0]!;
    if (!sent.ok) throw new Error(`send failed: ${sent.error.message}`);
    const canonical = sent.value.sent.explanation?.canonicalRequest;
    expect(canonical).toContain('POST\n/\n');
    const shown = page.getByLabel('Canonical request text');
    await expect(shown).toHaveText(canonical!);
    await page.screenshot({ path: testInfo.outputPath('get-caller-identity.png') });
    expect(pageErrors).toEqual([]);
  });

  test('an explicit assume-role with an MFA serial asks for the code in a dialog', async ({ rolecall }, testInfo) => {
    test.skip(!motoServer(), 'moto_server is not on PATH');
    const { page } = await rolecall.open(await motoSetup('wb-mfa'));
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('assumeRole');
    await page.getByLabel('Base credentials').selectOption('profile');
    await page.getByLabel('Base profile', { exact: true }).selectOption('base');
    await page.getByLabel('Role ARN').fill('arn:aws:iam::111111111111:role/Admin');
    await page.getByLabel('Session name').fill('e2e-mfa');
    await page.getByLabel('MFA serial').fill('arn:aws:iam::123456789012:mfa/alice');
    await page.getByRole('region', { name: 'Active identity' }).getByRole('button', { name: 'Who am I?' }).click();

    const dialog = page.getByRole('dialog', { name: 'MFA code needed' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('arn:aws:iam::123456789012:mfa/alice');
    await page.screenshot({ path: testInfo.outputPath('mfa-dialog.png') });
    await dialog.getByRole('textbox', { name: 'MFA code' }).fill('123456');
    await dialog.getByRole('button', { name: 'Submit code' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel('Identity ARN')).toHaveText('arn:aws:sts::111111111111:assumed-role/Admin/e2e-mfa');
    const assumed = await motoServer()!.assumedRoles();
    expect(assumed.filter((r) => r.sessionName === 'e2e-mfa')).toHaveLength(1);
  });

  test('an STS refusal is shown as a readable message with AWS’s text', async ({ rolecall }, testInfo) => {
    test.skip(!motoServer(), 'moto_server is not on PATH');
    const { page } = await rolecall.open(await motoSetup('wb-denied', null));
    await buildGetCallerIdentity(page, motoServer()!.endpoint);
    await page.getByLabel('Auth', { exact: true }).selectOption('profile');
    await page.getByLabel('Profile', { exact: true }).selectOption('deploy');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const failed = response(page).getByRole('alert', { name: 'Request failed' });
    await expect(failed).toBeVisible();
    await expect(failed).toContainText('STS_ACCESS_DENIED');
    await expect(failed).toContainText('is not authorized to perform: sts:AssumeRole');
    await page.screenshot({ path: testInfo.outputPath('sts-refusal.png') });
  });

  test('a wrong secret gets AWS’s signature mismatch, shown in the response pane', async ({ rolecall }, testInfo) => {
    test.skip(!motoServer(), 'moto_server is not on PATH');
    const { page } = await rolecall.open(await motoSetup('wb-wrong-secret', ALLOW_ALL_POLICY, 'ThisIsNotTheSecretThatMotoIssued0000000'));
    await buildGetCallerIdentity(page, motoServer()!.endpoint);
    await page.getByLabel('Auth', { exact: true }).selectOption('profile');
    await page.getByLabel('Profile', { exact: true }).selectOption('base');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Status')).toContainText('403');
    await expect(response(page)).toContainText('SignatureDoesNotMatch');
    await expect(response(page)).toContainText('The request signature we calculated does not match');
    await page.screenshot({ path: testInfo.outputPath('wrong-secret.png') });
  });
});

test.describe('workbench against a loopback server', () => {
  let echo: EchoServer;
  const verdicts: boolean[] = [];

  test.beforeAll(async () => {
    echo = await startEchoServer(async (request: RecordedRequest) => {
      const verdict = await verifySigV4(request, EXAMPLE_KEYS);
      verdicts.push(verdict.ok);
      return verdict.ok ? echoResponse(request) : { status: 403, headers: [['Content-Type', 'text/plain']], body: verdict.reason ?? 'bad signature' };
    });
  });
  test.afterAll(async () => {
    await echo?.stop();
  });

  const exampleKeys: AwsSetup = { env: { AWS_ACCESS_KEY_ID: EXAMPLE_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: EXAMPLE_KEYS.secretAccessKey } };

  test('params, headers, a JSON body and environment variables arrive resolved and correctly signed', async ({ rolecall }, testInfo) => {
    const { page, registry } = await rolecall.open(exampleKeys);
    const saved = await registry.invoke('environments:save', {
      environments: [
        {
          id: 'env-stag',
          name: 'stag',
          variables: [
            { id: 'v1', key: 'base', value: echo.url },
            { id: 'v2', key: 'stage', value: 'stag' },
            { id: 'v3', key: 'id', value: '42' },
            { id: 'v4', key: 'team', value: 'blue' },
            { id: 'v5', key: 'name', value: 'widget' },
            { id: 'v6', key: 'token', value: 'very-secret-value', secret: true },
          ],
        },
      ],
      activeEnvironmentId: 'env-stag',
    });
    expect(saved.ok).toBe(true);
    await page.reload();
    await expect(page.getByRole('banner').getByLabel('Active environment')).toHaveValue('env-stag');

    await page.getByLabel('Method').selectOption('PUT');
    await setUrl(page, '{{base}}/{{stage}}/items?id={{id}}');
    await openSection(page, 'Params');
    await expect(page.getByLabel('Param name 1')).toHaveValue('id');
    await page.getByRole('button', { name: '+ Add param' }).click();
    await page.getByLabel('Param name 2').fill('sort');
    await page.getByLabel('Param value 2').fill('asc');
    await expect(url(page)).toHaveText('{{base}}/{{stage}}/items?id={{id}}&sort=asc');

    await openSection(page, 'Headers');
    await page.getByRole('button', { name: '+ Add header' }).click();
    await page.getByLabel('Header name 1').fill('X-Team');
    await page.getByLabel('Header value 1').fill('{{team}}');
    await page.getByRole('button', { name: '+ Add header' }).click();
    await page.getByLabel('Header name 2').fill('X-Token');
    await page.getByLabel('Header value 2').fill('{{token}}');
    await expect(page.getByLabel('Header 2 resolves to')).toHaveText('→ ••••••');
    await page.getByRole('button', { name: '+ Add header' }).click();
    await page.getByLabel('Header name 3').fill('X-Off');
    await page.getByLabel('Enable header 3').uncheck();

    await openSection(page, 'Body');
    await page.getByRole('radio', { name: 'Raw' }).check();
    await page.getByRole('textbox', { name: 'Body' }).fill('{"name":"{{name}}","missing":"{{nope}}"}');
    await expect(page.getByLabel('Unresolved variables')).toHaveText('unresolved: nope');

    await openSection(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('env');
    await page.getByLabel('Region', { exact: true }).fill('us-east-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');

    // An unresolved name stops the send until it is fixed or confirmed.
    const before = echo.requests.length;
    await page.keyboard.press(`${mod}+Enter`);
    await expect(page.getByRole('alert').filter({ hasText: 'Not sent' })).toContainText('nope');
    expect(echo.requests.length).toBe(before);
    await openSection(page, 'Body');
    await page.getByRole('textbox', { name: 'Body' }).fill('{"name":"{{name}}"}');
    await expect(page.getByLabel('Unresolved variables')).toHaveCount(0);

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Status')).toContainText('200');
    const received = echo.requests.at(-1)!;
    expect(received.method).toBe('PUT');
    expect(received.url).toBe('/stag/items?id=42&sort=asc');
    expect(header(received, 'x-team')).toBe('blue');
    expect(header(received, 'x-token')).toBe('very-secret-value');
    expect(header(received, 'x-off')).toBeUndefined();
    expect(header(received, 'content-type')).toBe('application/json');
    expect(received.body.toString('utf8')).toBe('{"name":"widget"}');
    expect(await verifySigV4(received, EXAMPLE_KEYS)).toMatchObject({ ok: true, region: 'us-east-1', service: 'execute-api' });
    // The verifier does refuse a signature made with another secret.
    expect((await verifySigV4(received, { ...EXAMPLE_KEYS, secretAccessKey: 'another-secret-key-000000000000000000000' })).ok).toBe(false);
    expect(verdicts.at(-1)).toBe(true);

    // History keeps the template and the URL, never the secret variable's value.
    const workspace = await registry.invoke('workspace:load', {});
    if (!workspace.ok) throw new Error(workspace.error.message);
    const history = (workspace.value as { history: unknown[] }).history;
    expect(history).toHaveLength(1);
    expect(JSON.stringify(history)).toContain('{{token}}');
    expect(JSON.stringify(history)).not.toContain('very-secret-value');
    await page.screenshot({ path: testInfo.outputPath('signed-echo.png') });
  });

  test('tabs: open several, edit, close with the unsaved prompt, keyboard shortcuts, restored after a restart', async ({ rolecall }, testInfo) => {
    const { page, registry } = await rolecall.open(exampleKeys);
    const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
    await expect(tabs).toHaveCount(1);
    await setUrl(page, `${echo.url}/first`);

    await page.keyboard.press(`${mod}+t`);
    await expect(tabs).toHaveCount(2);
    await page.keyboard.press(`${mod}+l`);
    await page.keyboard.type(`${echo.url}/second`);
    await expect(url(page)).toHaveText(`${echo.url}/second`);
    await page.getByRole('button', { name: 'New request tab' }).click();
    await expect(tabs).toHaveCount(3);
    await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');

    // Next and previous tab.
    await page.keyboard.press(`${mod}+PageUp`);
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(url(page)).toHaveText(`${echo.url}/second`);
    await page.keyboard.press(`${mod}+PageDown`);
    await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
    // Reorder: the third tab moves to the front.
    await page.keyboard.press(`${mod}+Shift+PageUp`);
    await page.keyboard.press(`${mod}+Shift+PageUp`);
    await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');

    // The edited tab carries the unsaved mark; closing it asks, Cancel keeps it, Discard closes it.
    await tabs.nth(2).click();
    await expect(tabs.nth(2)).toHaveAccessibleName(/unsaved changes/);
    await expect(tabs.nth(0)).not.toHaveAccessibleName(/unsaved changes/);
    await page.keyboard.press(`${mod}+w`);
    const ask = page.getByRole('dialog', { name: 'Save changes?' });
    await expect(ask).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('unsaved-prompt.png') });
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(tabs).toHaveCount(3);
    await page.keyboard.press(`${mod}+w`);
    await ask.getByRole('button', { name: 'Discard' }).click();
    await expect(tabs).toHaveCount(2);

    // Ctrl+S on a request never saved asks where to save it.
    await page.keyboard.press(`${mod}+s`);
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Open tabs and their drafts survive a restart (they are saved a moment after the last change).
    await page.getByRole('tab', { name: /unsaved changes/ }).click();
    await expect(url(page)).toHaveText(`${echo.url}/first`);
    // A switched-off param leaves the URL but stays with the request.
    await setUrl(page, `${echo.url}/first?off=2`);
    await openSection(page, 'Params');
    await page.getByLabel('Enable param 1').uncheck();
    await expect(url(page)).toHaveText(`${echo.url}/first`);
    await expect(page.getByLabel('Param name 1')).toHaveValue('off');
    await expect
      .poll(async () => {
        const loaded = await registry.invoke('workspace:load', {});
        // The URL and the switched-off param may reach the store in separate debounced saves: wait for both.
        return loaded.ok ? (loaded.value as Workspace).tabs.open.map((t) => [t.draft.url, t.draft.disabledParams]) : [];
      })
      .toEqual([['', []], [`${echo.url}/first`, [{ key: 'off', value: '2' }]]]);
    const again = await rolecall.restart();
    const reopened = again.page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
    await expect(reopened).toHaveCount(2);
    await expect(url(again.page)).toHaveText(`${echo.url}/first`);
    await expect(again.page.getByRole('tab', { name: /unsaved changes/ })).toHaveCount(1);

    // The switched-off param came back with the draft, still off, and is not sent.
    const loaded = await again.registry.invoke('workspace:load', {});
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect((loaded.value as Workspace).tabs.open.map((t) => t.draft.disabledParams)).toEqual([[], [{ key: 'off', value: '2' }]]);
    await openSection(again.page, 'Params');
    await expect(again.page.getByLabel('Param name 1')).toHaveValue('off');
    await expect(again.page.getByLabel('Param value 1')).toHaveValue('2');
    await expect(again.page.getByLabel('Enable param 1')).not.toBeChecked();
    const sentBefore = echo.requests.length;
    await again.page.getByRole('button', { name: 'Send', exact: true }).click();
    // Unsigned (this tab has no auth), so the loopback server refuses it; what matters is the URL it received.
    await expect(again.page.getByLabel('Status')).toBeVisible();
    expect(echo.requests.length).toBe(sentBefore + 1);
    expect(echo.requests.at(-1)!.url).toBe('/first');
  });

  test('a secret variable is masked in the signing inspector, before and after sending', async ({ rolecall }) => {
    // This server answers without echoing the request, so whatever shows the secret on the page is RoleCall's doing.
    const quiet = await startEchoServer(async (request) =>
      (await verifySigV4(request, EXAMPLE_KEYS)).ok
        ? { status: 200, headers: [['Content-Type', 'application/json']], body: '{"ok":true}' }
        : { status: 403, headers: [['Content-Type', 'text/plain']], body: 'bad signature' },
    );
    try {
      const { page, registry } = await rolecall.open(exampleKeys);
      const saved = await registry.invoke('environments:save', {
        environments: [
          {
            id: 'env-secret',
            name: 'secret',
            variables: [
              { id: 'v1', key: 'base', value: quiet.url },
              { id: 'v2', key: 'token', value: 'very-secret-value', secret: true },
            ],
          },
        ],
        activeEnvironmentId: 'env-secret',
      });
      expect(saved.ok).toBe(true);
      await page.reload();
      await expect(page.getByRole('banner').getByLabel('Active environment')).toHaveValue('env-secret');

      await setUrl(page, '{{base}}/items?k={{token}}');
      await openSection(page, 'Headers');
      await page.getByRole('button', { name: '+ Add header' }).click();
      await page.getByLabel('Header name 1').fill('X-Token');
      await page.getByLabel('Header value 1').fill('{{token}}');
      await openSection(page, 'Auth & signing');
      await page.getByLabel('Auth', { exact: true }).selectOption('env');
      await page.getByLabel('Region', { exact: true }).fill('us-east-1');
      await page.getByLabel('Service', { exact: true }).fill('execute-api');

      const inspector = page.getByRole('region', { name: 'Signing inspector' });
      const canonical = page.getByLabel('Canonical request text');
      await expect(canonical).toContainText('x-token:••••••');
      await expect(canonical).toContainText('k=••••••');
      await expect(inspector).toContainText('/items?k=••••••');
      const pageText = () => page.evaluate(() => document.body.textContent ?? '');
      expect(await pageText()).not.toContain('very-secret-value');

      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(page.getByLabel('Status')).toContainText('200');
      await expect(inspector).toContainText('Sent · exactly what went on the wire');
      await expect(canonical).toContainText('x-token:••••••');
      expect(header(quiet.requests.at(-1)!, 'x-token')).toBe('very-secret-value');
      expect(await pageText()).not.toContain('very-secret-value');
    } finally {
      await quiet.stop();
    }
  });

  test('Enter in the URL field while a request is in flight does not send it again', async ({ rolecall }) => {
    const slow = await startEchoServer(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return echoResponse(request);
    });
    try {
      const { page } = await rolecall.open(exampleKeys);
      await setUrl(page, `${slow.url}/slow`);
      await url(page).press('Enter');
      await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeVisible();
      await url(page).press('Enter');
      await page.keyboard.press(`${mod}+Enter`);
      await expect(page.getByLabel('Status')).toContainText('200');
      // Long enough for a second request to have arrived had one been sent.
      await page.waitForTimeout(300);
      expect(slow.requests).toHaveLength(1);
    } finally {
      await slow.stop();
    }
  });

  test('a body file is sent once picked in the dialog; after a restart the saved path is picked again, then sent', async ({ rolecall }) => {
    const bytes = Buffer.concat([Buffer.from('file body '), Buffer.from([0, 0xff, 0x10])]);
    const asked: Array<string | undefined> = [];
    let file = '';
    const first = await rolecall.open({
      ...exampleKeys,
      chooseOpenPath: (opts) => {
        asked.push(opts.defaultPath);
        return file;
      },
    });
    file = path.join(first.dir, 'upload.bin');
    await writeFile(file, bytes);
    const { page } = first;
    await page.getByLabel('Method').selectOption('PUT');
    await setUrl(page, `${echo.url}/upload`);
    await openSection(page, 'Body');
    await page.getByRole('radio', { name: 'File' }).check();
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await expect(page.getByLabel('File path')).toHaveValue(file);
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('env');
    await page.getByLabel('Region', { exact: true }).fill('us-east-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Status')).toContainText('200');
    expect(echo.requests.at(-1)!.body.equals(bytes)).toBe(true);
    expect(asked).toEqual([undefined]);

    // The tab keeps the path, never the handle; after a restart the send asks for the file at that path first.
    await expect
      .poll(async () => {
        const loaded = await first.registry.invoke('workspace:load', {});
        return loaded.ok ? JSON.stringify((loaded.value as Workspace).tabs) : '';
      })
      .toContain('upload.bin');
    const again = await rolecall.restart();
    const loaded = await again.registry.invoke('workspace:load', {});
    expect(loaded.ok && JSON.stringify(loaded.value)).not.toMatch(/handle/i);
    const sentBefore = echo.requests.length;
    await again.page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(again.page.getByLabel('Status')).toContainText('200');
    expect(asked).toEqual([undefined, file]);
    expect(echo.requests.length).toBe(sentBefore + 1);
    expect(echo.requests.at(-1)!.body.equals(bytes)).toBe(true);
  });

  test('the workbench shortcuts do nothing while the Profiles view covers it', async ({ rolecall }) => {
    const { page } = await rolecall.open(exampleKeys);
    const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
    await expect(tabs).toHaveCount(1);
    await setUrl(page, `${echo.url}/hidden`);
    const sent = echo.requests.length;

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Profiles' }).click();
    await expect(url(page)).toBeHidden();
    for (const key of ['t', 'Enter', 's', 'w']) await page.keyboard.press(`${mod}+${key}`);
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Workbench' }).click();
    await expect(tabs).toHaveCount(1);
    await expect(url(page)).toHaveText(`${echo.url}/hidden`);
    expect(echo.requests.length).toBe(sent);
    // Back in view, they work again.
    await page.keyboard.press(`${mod}+t`);
    await expect(tabs).toHaveCount(2);
  });

  test('in dark mode the request body’s literals, strings and keys are legible', async ({ rolecall }) => {
    const { page } = await rolecall.open(exampleKeys);
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSection(page, 'Body');
    await page.getByRole('radio', { name: 'Raw' }).check();
    await page.getByRole('textbox', { name: 'Body' }).fill('{"count": 42, "ok": true, "none": null, "name": "widget"}');
    const contrasts = await page.getByRole('textbox', { name: 'Body' }).evaluate((content) => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (css: string) => {
        const [r, g, b] = rgb(css).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const background = luminance(getComputedStyle(content.closest('.cm-editor')!).backgroundColor);
      const out: Record<string, number> = {};
      for (const token of ['42', 'true', 'null', '"widget"', '"count"']) {
        const span = [...content.querySelectorAll('span')].find((s) => s.textContent === token);
        const fg = luminance(getComputedStyle(span ?? content).color);
        out[token] = (Math.max(fg, background) + 0.05) / (Math.min(fg, background) + 0.05);
      }
      return out;
    });
    for (const [token, ratio] of Object.entries(contrasts)) expect(ratio, `contrast of ${token}`).toBeGreaterThanOrEqual(4.5);
  });

  test('a part that fails to render shows the error and Try again; the rest of the window keeps working', async ({ rolecall }) => {
    const { page, registry, pageErrors } = await rolecall.open(exampleKeys);
    // A main side that answers a send with a malformed result, as a bug there would.
    const invoke = registry.invoke.bind(registry);
    let broken = true;
    registry.invoke = async (channel, request, context) => {
      const result = await invoke(channel, request, context);
      if (channel !== 'request:send' || !broken || !result.ok) return result;
      return { ok: true, value: { ...(result.value as SendResult), response: undefined } } as unknown as typeof result;
    };
    await setUrl(page, `${echo.url}/boom`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const failed = page.getByRole('alert').filter({ hasText: 'The response stopped working' });
    await expect(failed).toBeVisible();
    await expect(failed).toContainText(/Cannot read properties of undefined/);
    expect(pageErrors.join('\n')).toContain('The response failed to render');

    // The editor, the tabs and the inspector are still there and still work.
    await expect(page.getByRole('region', { name: 'Signing inspector' })).toContainText('/boom');
    broken = false;
    await setUrl(page, `${echo.url}/fine`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Signing inspector' })).toContainText('Sent · exactly what went on the wire');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(failed).toHaveCount(0);
    // The loopback server refuses an unsigned request: what matters is that the response pane is back.
    await expect(page.getByLabel('Status')).toContainText('403 Forbidden');
  });

  test('an unreachable host is shown as a readable error, never a blank pane', async ({ rolecall }, testInfo) => {
    const { page } = await rolecall.open(exampleKeys);
    const port = await closedPort();
    await setUrl(page, `http://127.0.0.1:${port}/nothing-here`);
    await page.keyboard.press(`${mod}+Enter`);
    const failed = response(page).getByRole('alert', { name: 'Request failed' });
    await expect(failed).toBeVisible();
    await expect(failed).toContainText('CONNECTION_REFUSED');
    await expect(failed).toContainText(/refused/i);
    await page.screenshot({ path: testInfo.outputPath('connection-refused.png') });
  });
});
