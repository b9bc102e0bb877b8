// IAM Identity Center sign-in end to end in the window: a send with an SSO profile that has no sign-in fails with
// "Sign in", the dialog shows the code and the link, the test approves the code at the loopback OIDC/portal server
// (as the user would in the browser), the token lands in the AWS CLI's cache with the CLI's file names and fields,
// and the same send goes out again by itself, once, signed with the role credentials the portal handed out. The
// identity badge offers "Sign in" while the profile has no sign-in, and not after; signing in there sends nothing and
// asks who the role is. A re-send whose sign-in the portal refuses shows that failure, with "Sign in" again, and goes
// no further: only the next sign-in sends once more. A sign-in the AWS CLI left expired, with a refresh token, is
// refreshed when the profile is used, without a device flow, and written back to the CLI's cache file.
import type { Locator, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { startSsoPortal, type SsoPortal } from '../main/testing/ssoPortal';
import { axeViolations } from './harness/axe';
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

const SSO_ARN = 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Developer_0123456789abcdef/e2e-user';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The request the tests send: to the echo server, signed as the SSO profile. */
async function useSsoProfile(page: Page, url: string) {
  await setUrl(page, url);
  await openSection(page, 'Auth & signing');
  await page.getByLabel('Auth', { exact: true }).selectOption('profile');
  await page.getByLabel('Profile', { exact: true }).selectOption('corp-dev');
  await page.getByLabel('Region', { exact: true }).fill('us-east-1');
  await page.getByLabel('Service', { exact: true }).fill('execute-api');
}

/** What the user does: reads the code in the dialog, approves it in the browser (the portal), waits, then Done. */
async function approveSignIn(page: Page, portal: SsoPortal, beforeDone?: () => void) {
  const dialog = page.getByRole('dialog', { name: 'Sign in to IAM Identity Center' });
  const code = dialog.getByLabel('Sign-in code');
  await expect(code).toHaveText(/\S+/);
  portal.approve((await code.textContent())!.trim());
  await expect(dialog.getByLabel('Sign-in state')).toContainText('Signed in to https://corp.awsapps.com/start');
  beforeDone?.();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
}

/** JSON as the AWS CLI (Python's json.dumps) writes its cache files: ", " and ": " between items. */
const cliJson = (value: Record<string, string>) => `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
const cliTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * What `aws sso login --sso-session corp` did yesterday, played against the portal by the test: a client registered
 * with scopes (so a refresh token comes), a device code approved, a token taken, written to the CLI's cache file,
 * now expired. Answers the cache file's path and what was written.
 */
async function cliSignedInYesterday(portal: SsoPortal, home: string) {
  const post = async (path: string, body: Record<string, unknown>) => {
    const answer = await fetch(`${portal.endpoint}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(answer.status, path).toBe(200);
    return (await answer.json()) as Record<string, string | number>;
  };
  const client = await post('/client/register', { clientName: 'botocore-client-corp', clientType: 'public', scopes: ['sso:account:access'] });
  const device = await post('/device_authorization', { clientId: client.clientId, clientSecret: client.clientSecret, startUrl: 'https://corp.awsapps.com/start' });
  portal.approve(String(device.userCode));
  const token = await post('/token', {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    grantType: 'urn:ietf:params:oauth:grant-type:device_code',
    deviceCode: device.deviceCode,
  });
  expect(token.refreshToken).toBeDefined();
  const cached = {
    startUrl: 'https://corp.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: String(token.accessToken),
    expiresAt: cliTime(Date.now() - 3600_000),
    clientId: String(client.clientId),
    clientSecret: String(client.clientSecret),
    registrationExpiresAt: cliTime(Number(client.clientSecretExpiresAt) * 1000),
    refreshToken: String(token.refreshToken),
  };
  const cacheDir = path.join(home, '.aws', 'sso', 'cache');
  await mkdir(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `${sha1('corp')}.json`);
  await writeFile(file, cliJson(cached));
  return { file, cached };
}

/** The words of an element's text whose characters do not all sit on one line. */
async function wordsSplitAcrossLines(element: Locator): Promise<string[]> {
  return element.evaluate((root) => {
    const chars: { char: string; top: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        chars.push({ char: text[i]!, top: Math.round(range.getBoundingClientRect().top) });
      }
    }
    const split: string[] = [];
    let word: typeof chars = [];
    for (const c of [...chars, { char: ' ', top: 0 }]) {
      if (c.char !== ' ') {
        word.push(c);
        continue;
      }
      if (new Set(word.map((w) => w.top)).size > 1) split.push(word.map((w) => w.char).join(''));
      word = [];
    }
    return split;
  });
}

test.describe('SSO sign-in', () => {
  // A real sign-in: the page waits on main's polling at the portal's interval, a few seconds on a busy machine.
  test.describe.configure({ timeout: 150_000 });
  let portal: SsoPortal;
  let echo: EchoServer;
  /** STS for the identity checks: answers GetCallerIdentity with the SSO role's ARN. */
  let sts: EchoServer;

  test.beforeAll(async () => {
    portal = await startSsoPortal({ accountId: '111122223333', roleName: 'Developer', roleCredentials: ROLE_KEYS, interval: 1 });
    echo = await startEchoServer();
    sts = await startEchoServer(() => ({
      headers: [['Content-Type', 'text/xml']],
      body: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${SSO_ARN}</Arn><UserId>AROAEXAMPLE:e2e-user</UserId><Account>111122223333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000002</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    }));
  });
  test.afterAll(async () => {
    await portal.close();
    await echo.stop();
    await sts.stop();
  });
  const ssoEnv = () => ({ AWS_ENDPOINT_URL_SSO: portal.endpoint, AWS_ENDPOINT_URL_SSO_OIDC: portal.endpoint });

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
  test('signs in from the identity badge: nothing is sent, and the badge then shows the SSO role', async ({ rolecall }, testInfo) => {
    const { page, pageErrors } = await rolecall.open({ config: CONFIG, stsEndpoint: sts.url, env: ssoEnv() });
    await useSsoProfile(page, `${echo.url}/stag/badge`);
    const badge = page.getByRole('region', { name: 'Active identity' });
    const sent = echo.requests.length;
    const asked = sts.requests.length;

    await badge.getByRole('button', { name: 'Sign in' }).click();
    // The sign-in dialog passes axe-core in both themes; its screenshot goes to the README tour when UPDATE_TOUR=1.
    const dialog = page.getByRole('dialog', { name: 'Sign in to IAM Identity Center' });
    await expect(dialog.getByLabel('Sign-in state')).toContainText('Waiting');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      expect(await axeViolations(page, 'dialog.sso-dialog'), `axe (${scheme})`).toEqual([]);
      const file = `sso-sign-in-${scheme}.png`;
      await page.screenshot({ path: testInfo.outputPath(file) });
      if (process.env.UPDATE_TOUR === '1') await copyFile(testInfo.outputPath(file), path.join(__dirname, 'tour', file));
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // The terminal command wraps between words only: "--sso-session" is never split after its hyphen.
    const command = dialog.locator('code.sso-command');
    await expect(command).toHaveText('aws sso login --sso-session corp');
    expect(await wordsSplitAcrossLines(command)).toEqual([]);
    await approveSignIn(page, portal);

    // The badge asks STS who the role is, signed with the portal's role credentials; no request went out.
    await expect(badge.getByLabel('Identity ARN')).toHaveText(SSO_ARN);
    await expect(badge.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    expect(sts.requests.length).toBe(asked + 1);
    const whoami = sts.requests.at(-1)!;
    expect(whoami.body.toString('utf8')).toContain('Action=GetCallerIdentity');
    expect(header(whoami, 'x-amz-security-token')).toBe(ROLE_KEYS.sessionToken);
    expect(await verifySigV4(whoami, ROLE_KEYS)).toMatchObject({ ok: true, service: 'sts' });
    expect(echo.requests.length).toBe(sent);
    await expect(page.getByRole('alert', { name: 'Request failed' })).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test('a re-send whose sign-in the portal refuses shows that failure and stops; the next sign-in sends it', async ({ rolecall }) => {
    const { page, pageErrors } = await rolecall.open({ config: CONFIG, stsEndpoint: sts.url, env: ssoEnv() });
    await useSsoProfile(page, `${echo.url}/stag/again`);
    const sent = echo.requests.length;
    const portalCalls = portal.calls.length;
    const roleCalls = () => portal.calls.slice(portalCalls).filter((c) => c.operation === 'GetRoleCredentials').map((c) => c.outcome);

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const failed = page.getByRole('alert', { name: 'Request failed' });
    await expect(failed).toContainText('there is no sign-in cached for it');
    await failed.getByRole('button', { name: 'Sign in' }).click();
    // Signed in, but the portal drops the session before the re-send uses it (signed out elsewhere, revoked).
    await approveSignIn(page, portal, () => portal.revokeAccessTokens());

    // The one automatic re-send fails again: that failure is shown, with "Sign in" again, and nothing loops.
    await expect(failed).toContainText('the portal no longer accepts the cached sign-in');
    await expect(failed.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Sign in to IAM Identity Center' })).toHaveCount(0);
    expect(roleCalls()).toContain('UnauthorizedException');
    expect(roleCalls()).not.toContain('200');
    expect(echo.requests.length).toBe(sent);
    const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
    await sidebar.getByRole('tab', { name: /History/ }).click();
    const entries = sidebar.getByRole('list', { name: 'History' }).getByRole('button');
    await expect(entries).toHaveCount(2); // the send and its one re-send
    await expect(failed).toContainText('the portal no longer accepts the cached sign-in');

    // Signing in again re-sends once more, and this time it goes out signed as the role.
    await failed.getByRole('button', { name: 'Sign in' }).click();
    await approveSignIn(page, portal);
    await expect(page.getByLabel('Status')).toContainText('200');
    expect(echo.requests.length).toBe(sent + 1);
    expect(await verifySigV4(echo.requests.at(-1)!, ROLE_KEYS)).toMatchObject({ ok: true, service: 'execute-api' });
    await expect(entries).toHaveCount(3);
    expect(pageErrors).toEqual([]);
  });

  test('an expired sign-in with a valid refresh token is refreshed when used, no device flow, the CLI cache rewritten', async ({ rolecall }) => {
    const { page, dir, registry, pageErrors } = await rolecall.open({ config: CONFIG, stsEndpoint: sts.url, env: ssoEnv() });
    const { file, cached } = await cliSignedInYesterday(portal, dir);
    // The access token is dead at the portal too: only a refreshed one gets role credentials.
    portal.revokeAccessTokens();
    const portalCalls = portal.calls.length;
    // A token that can be refreshed needs no sign-in: what main tells the badge, which then offers none.
    const state = await registry.invoke('sso:tokenState', { profile: 'corp-dev' });
    expect(state).toMatchObject({ ok: true, value: { sso: true, signInNeeded: false, expiresAt: cached.expiresAt } });
    // Choosing the profile is enough: the live signing preview resolves its credentials, refreshing the token.
    await useSsoProfile(page, `${echo.url}/stag/refreshed`);
    const badge = page.getByRole('region', { name: 'Active identity' });
    await expect(badge.getByRole('button', { name: 'Sign in' })).toHaveCount(0);

    const sent = echo.requests.length;
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Status')).toContainText('200');
    await expect(page.getByRole('dialog', { name: 'Sign in to IAM Identity Center' })).toHaveCount(0);
    expect(echo.requests.length).toBe(sent + 1);
    expect(await verifySigV4(echo.requests.at(-1)!, ROLE_KEYS)).toMatchObject({ ok: true, service: 'execute-api' });
    const calls = portal.calls.slice(portalCalls).map((c) => `${c.operation}${c.grantType ? ` ${c.grantType}` : ''} ${c.outcome}`);
    // One refresh, then role credentials with the new token; no registration, no device flow, nothing refused.
    expect(calls.filter((c) => c.startsWith('CreateToken'))).toEqual(['CreateToken refresh_token 200']);
    expect(calls.indexOf('CreateToken refresh_token 200')).toBe(0);
    expect(new Set(calls.slice(1))).toEqual(new Set(['GetRoleCredentials 200']));

    // Written back where and how the CLI keeps it: same file, the CLI's fields in its order and its JSON spacing.
    const text = await readFile(file, 'utf8');
    const token = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(token)).toEqual(['startUrl', 'region', 'accessToken', 'expiresAt', 'clientId', 'clientSecret', 'registrationExpiresAt', 'refreshToken']);
    expect(text).toBe(cliJson(token));
    expect(token).toMatchObject({ startUrl: cached.startUrl, region: cached.region, clientId: cached.clientId, clientSecret: cached.clientSecret, registrationExpiresAt: cached.registrationExpiresAt });
    expect(token.accessToken).not.toBe(cached.accessToken);
    expect(portal.isLiveAccessToken(token.accessToken!)).toBe(true);
    expect(token.refreshToken).not.toBe(cached.refreshToken);
    expect(token.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(token.expiresAt!)).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(await readdir(path.dirname(file))).toEqual([path.basename(file)]);
    expect(await page.content()).not.toContain(token.accessToken!);
    expect(pageErrors).toEqual([]);
  });
});
