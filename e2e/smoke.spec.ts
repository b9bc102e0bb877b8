// The built renderer in Chromium, its window.rolecall bound to the real handler registry: what a user sees for a
// real set of AWS files, and that the page is the locked-down web page the Electron shell expects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHANNELS, methodName } from '../src/contract';
import { ALLOW_ALL_POLICY } from '../main/testing/moto';
import { expect, test, type AwsSetup } from './harness/fixtures';
import { motoDeploySetup, useMoto } from './harness/motoLifecycle';
import { profileRow } from './harness/profileRows';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', 'aws', name), 'utf8');
const SECRET = 'e2eSecretThatMustNeverReachThePage00000';

/** The fixture files, with STS pointed at a closed port so nothing can leave the machine. */
const fixtureSetup: AwsSetup = {
  config: fixture('config'),
  credentials: fixture('credentials'),
  stsEndpoint: 'http://127.0.0.1:9',
};

test.describe('smoke', () => {
  test('lists every profile with its kind, region, role, source chain, MFA badge and problems', async ({ rolecall }) => {
    const { page, pageErrors } = await rolecall.open(fixtureSetup);
    await page.getByRole('button', { name: 'Profiles' }).click();
    const list = page.getByRole('listbox', { name: 'Profiles' });
    await expect(list).toBeVisible();
    await expect(list.getByRole('option')).toHaveCount(6);

    const deploy = profileRow(list, 'deploy');
    await expect(deploy).toContainText('assume role');
    await expect(deploy).toContainText('ap-northeast-1');
    await expect(deploy).toContainText('arn:aws:iam::111111111111:role/ApiInvoker');
    await expect(deploy).toContainText('deploy → base');

    const base = profileRow(list, 'base');
    await expect(base).toContainText('static keys');
    await expect(base).toContainText('eu-west-1');

    const mfa = profileRow(list, 'admin-mfa');
    await expect(mfa.locator('.badge.mfa')).toHaveText('MFA');
    await expect(mfa).toContainText('arn:aws:iam::222222222222:mfa/alice');
    await expect(deploy.locator('.badge.mfa')).toHaveCount(0);

    const sso = profileRow(list, 'dev-sso');
    await expect(sso).toContainText('SSO');
    await expect(sso).toContainText('333333333333 / ReadOnly');

    const orphan = profileRow(list, 'orphan');
    await expect(orphan.locator('.problems')).toContainText('missing-profile');

    // The default profile (no AWS_PROFILE) is preselected.
    await expect(profileRow(list, 'default')).toHaveAttribute('aria-selected', 'true');
    expect(await page.content()).not.toContain(SECRET);
    expect(pageErrors).toEqual([]);
  });

  test('shows a line the config file cannot be read at as file:line', async ({ rolecall }) => {
    const { page, configFile } = await rolecall.open(fixtureSetup);
    await page.getByRole('button', { name: 'Profiles' }).click();
    const warnings = page.getByRole('list', { name: 'Configuration file problems' });
    await expect(warnings.getByRole('listitem')).toHaveCount(1);
    await expect(warnings.getByRole('listitem')).toContainText(`${configFile}:31 `);
    // The profiles around the broken line are still listed.
    await expect(profileRow(page, 'orphan')).toBeVisible();
  });

  test('shows a readable error when whoami fails because the source profile is missing', async ({ rolecall }) => {
    const { page } = await rolecall.open(fixtureSetup);
    await page.getByRole('button', { name: 'Profiles' }).click();
    await profileRow(page, 'orphan').click();
    await expect(profileRow(page, 'orphan')).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Who am I?' }).click();

    const alert = page.getByRole('region', { name: 'Identity' }).getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Who am I? failed for orphan');
    await expect(alert).toContainText('missing-profile');
    // The stable code is shown; this is not a network failure against the closed STS port.
    await expect(alert.locator('.error-code code')).toHaveText(/^[A-Z_]+( \/ \w+)?$/);
    await expect(alert.locator('.error-code code')).not.toHaveText(/CONNECTION_REFUSED|NETWORK_ERROR|INTERNAL/);
  });

  test('the page has no Node globals and window.rolecall has exactly the contract’s methods', async ({ rolecall }) => {
    const { page, pageErrors } = await rolecall.open(fixtureSetup);
    await page.getByRole('button', { name: 'Profiles' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'RoleCall' })).toBeVisible();
    await expect(page.getByRole('listbox', { name: 'Profiles' })).toBeVisible();
    // Loaded under its CSP without a violation, a console error or an uncaught exception.
    expect(pageErrors).toEqual([]);

    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      module: typeof (globalThis as Record<string, unknown>).module,
      buffer: typeof (globalThis as Record<string, unknown>).Buffer,
      methods: Object.keys(window.rolecall ?? {}).sort(),
      frozen: Object.isFrozen(window.rolecall),
      // The app was loaded with its CSP: an inline script must not run.
      inlineScriptRuns: (() => {
        const probe = document.createElement('script');
        probe.textContent = 'window.__inlineRan = true';
        document.head.append(probe);
        return (window as unknown as Record<string, unknown>).__inlineRan === true;
      })(),
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      buffer: 'undefined',
      methods: [...CHANNELS.map(methodName), 'on'].sort(),
      frozen: true,
      inlineScriptRuns: false,
    });
    // The harness does see violations: the probe's is reported.
    await expect.poll(() => pageErrors.some((e) => e.startsWith('CSP violation: script-src'))).toBe(true);

    const info = await page.evaluate(() => window.rolecall?.appInfo({}));
    expect(info).toMatchObject({ ok: true, value: { host: 'browser' } });
  });
});

test.describe('whoami through the UI against moto', () => {
  const motoServer = useMoto('the moto e2e tests');

  const motoSetup = (name: string): Promise<AwsSetup> =>
    motoDeploySetup(motoServer(), name, {
      policy: ALLOW_ALL_POLICY,
      sessionName: 'e2e-session',
      moreConfig: ['[profile admin-mfa]', 'role_arn = arn:aws:iam::111111111111:role/Admin', 'source_profile = base', 'role_session_name = e2e-mfa', 'mfa_serial = arn:aws:iam::123456789012:mfa/alice'],
    });

  test('shows the assumed-role ARN, account, hops and expiry', async ({ rolecall }) => {
    test.skip(!motoServer(), 'moto_server is not on PATH');
    const { page } = await rolecall.open(await motoSetup('e2e-deploy'));
    await page.getByRole('button', { name: 'Profiles' }).click();
    await profileRow(page, 'deploy').click();
    await page.getByRole('button', { name: 'Who am I?' }).click();

    const identity = page.getByRole('definition').filter({ hasText: 'assumed-role' });
    await expect(identity).toHaveText('arn:aws:sts::111111111111:assumed-role/ApiInvoker/e2e-session');
    const facts = page.getByLabel('Identity of deploy');
    await expect(facts).toContainText('111111111111');
    await expect(facts.getByRole('list', { name: 'Hops' }).getByRole('listitem')).toHaveCount(2);
    await expect(facts.getByRole('list', { name: 'Hops' })).toContainText('arn:aws:iam::111111111111:role/ApiInvoker');
    await expect(facts.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  });

  test('asks for the MFA code in a dialog and answers main with it', async ({ rolecall }) => {
    test.skip(!motoServer(), 'moto_server is not on PATH');
    const { page, events } = await rolecall.open(await motoSetup('e2e-mfa'));
    await page.getByRole('button', { name: 'Profiles' }).click();
    await profileRow(page, 'admin-mfa').click();
    await page.getByRole('button', { name: 'Who am I?' }).click();

    const dialog = page.getByRole('dialog', { name: 'MFA code needed' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('arn:aws:iam::123456789012:mfa/alice');
    await dialog.getByRole('textbox', { name: 'MFA code' }).fill('123456');
    await dialog.getByRole('button', { name: 'Submit code' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByLabel('Identity of admin-mfa')).toContainText(
      'arn:aws:sts::111111111111:assumed-role/Admin/e2e-mfa',
    );
    expect(events.map((e) => [e.event, e.listeners])).toEqual([['mfa:prompt', 1]]);
  });

  test('cancelling the MFA dialog shows MFA_CANCELLED', async ({ rolecall }) => {
    test.skip(!motoServer(), 'moto_server is not on PATH');
    const { page } = await rolecall.open(await motoSetup('e2e-mfa-cancel'));
    await page.getByRole('button', { name: 'Profiles' }).click();
    await profileRow(page, 'admin-mfa').click();
    await page.getByRole('button', { name: 'Who am I?' }).click();

    const dialog = page.getByRole('dialog', { name: 'MFA code needed' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    const alert = page.getByRole('region', { name: 'Identity' }).getByRole('alert');
    await expect(alert.locator('.error-code code')).toHaveText(/^MFA_CANCELLED/);
  });
});
