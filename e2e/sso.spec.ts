// IAM Identity Center sign-in end to end in the window: a send with an SSO profile that has no sign-in fails with
// "Sign in", the dialog shows the code and the link, the test approves the code at the loopback OIDC/portal server
// (as the user would in the browser), the token lands in the AWS CLI's cache with the CLI's file names and fields,
// and the same send goes out again by itself, once, signed with the role credentials the portal handed out. The
// identity badge offers "Sign in" while the profile has no sign-in, and not after.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { startSsoPortal, type SsoPortal } from '../main/testing/ssoPortal';
import { expect, test } from './harness/fixtures';
import { openSection, setUrl } from './harness/requestForm';
import { header, verifySigV4 } from './harness/sigv4Verifier';

const ROLE_KEYS = {
  accessKeyId: 'ASIAPORTALE2EEXAMPLE',
  secretAccessKey: 'portalE2eSecretKey/EXAMPLE0000000000000000',
  sessionToken: 'portal-e2e-session-token-EXAMPLE',
};

const CONFIG = `[profile corp-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
`;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

test.describe('SSO sign-in', () => {
  // A real sign-in: the page waits on main's polling at the portal's interval, a few seconds on a busy machine.
  test.describe.configure({ timeout: 150_000 });
  let portal: SsoPortal;
  let echo: EchoServer;

  test.beforeAll(async () => {
    portal = await startSsoPortal({ accountId: '111122223333', roleName: 'Developer', roleCredentials: ROLE_KEYS, interval: 1 });
    echo = await startEchoServer();
  });
  test.afterAll(async () => {
    await portal.close();
    await echo.stop();
  });

  test('signs in from the credential error, writes the AWS CLI cache, then sends signed with the SSO role', async ({ rolecall }) => {
    const { page, dir } = await rolecall.open({
      config: CONFIG,
      env: { AWS_ENDPOINT_URL_SSO: portal.endpoint, AWS_ENDPOINT_URL_SSO_OIDC: portal.endpoint },
    });
    await setUrl(page, `${echo.url}/stag/items`);
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Auth', { exact: true }).selectOption('profile');
    await page.getByLabel('Profile', { exact: true }).selectOption('corp-dev');
    await page.getByLabel('Region', { exact: true }).fill('us-east-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');
    const badge = page.getByRole('region', { name: 'Active identity' });
    await expect(badge.getByRole('button', { name: 'Sign in' })).toBeVisible();

    const sent = echo.requests.length;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const failed = page.getByRole('alert', { name: 'Request failed' });
    await expect(failed).toContainText('SSO sign-in needed');
    await expect(failed).toContainText('aws sso login --sso-session corp');
    expect(echo.requests.length).toBe(sent);

    await failed.getByRole('button', { name: 'Sign in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in to IAM Identity Center' });
    const code = dialog.getByLabel('Sign-in code');
    await expect(code).toHaveText(/\S+/);
    const userCode = (await code.textContent())!.trim();
    await expect(dialog.getByRole('link')).toHaveAttribute('href', new RegExp(`user_code=${userCode}$`));
    await expect(dialog.getByLabel('Sign-in state')).toContainText('Waiting');

    portal.approve(userCode);
    await expect(dialog.getByLabel('Sign-in state')).toContainText('Signed in to https://corp.awsapps.com/start');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toHaveCount(0);

    // The failed send goes again by itself, once, signed with the role credentials the portal handed out.
    await expect(page.getByLabel('Status')).toContainText('200');
    expect(echo.requests.length).toBe(sent + 1);
    const received = echo.requests.at(-1)!;
    expect(header(received, 'x-amz-security-token')).toBe(ROLE_KEYS.sessionToken);
    expect(await verifySigV4(received, ROLE_KEYS)).toMatchObject({ ok: true, region: 'us-east-1', service: 'execute-api' });
    expect(portal.calls.filter((c) => c.operation === 'GetRoleCredentials').map((c) => c.outcome)).toEqual(['200']);
    await expect(badge.getByRole('button', { name: 'Sign in' })).toHaveCount(0);

    // The AWS CLI v2's cache: the token under sha1(session name), the registration beside it, fields in its order.
    const cacheDir = path.join(dir, '.aws', 'sso', 'cache');
    const files = await readdir(cacheDir);
    expect(files).toContain(`${sha1('corp')}.json`);
    expect(files).toHaveLength(2);
    const token = JSON.parse(await readFile(path.join(cacheDir, `${sha1('corp')}.json`), 'utf8')) as Record<string, string>;
    expect(Object.keys(token)).toEqual(['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
    expect(token.startUrl).toBe('https://corp.awsapps.com/start');
    expect(token.region).toBe('eu-west-1');
    expect(token.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const registrationFile = files.find((f) => f !== `${sha1('corp')}.json`)!;
    const registration = JSON.parse(await readFile(path.join(cacheDir, registrationFile), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(registration)).toEqual(['clientId', 'clientSecret', 'expiresAt', 'scopes']);
    expect(registration.clientId).toBe(token.clientId);
    // Nothing of the token reached the page.
    expect(await page.content()).not.toContain(token.accessToken!);
    expect(echo.requests.length).toBe(sent + 1);
  });
});
