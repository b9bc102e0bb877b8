// Profiles and state that tell the truth (issue 11), in the window: an explicit assume-role starts from the
// request's profile, the badge names the temporary keys the live preview already resolved, "Clear cached
// credentials" makes the next send assume the role afresh, and an answer signed before the AWS files changed is
// marked stale. Stored keys are added, renamed and deleted in the Profiles view, and a request signs with them.
// A loopback STS hands out the role's keys; the API's verifier checks each signature.
import { appendFile } from 'node:fs/promises';
import { echoResponse, startEchoServer, type EchoServer } from '../main/testing/echoServer';
import { expect, test } from './harness/fixtures';
import { openSection, setUrl } from './harness/requestForm';
import { EXAMPLE_KEYS, header, verifySigV4 } from './harness/sigv4Verifier';

const CREDENTIALS = `[default]\naws_access_key_id = ${EXAMPLE_KEYS.accessKeyId}\naws_secret_access_key = ${EXAMPLE_KEYS.secretAccessKey}\n`;
const ROLE_ARN = 'arn:aws:iam::444455556666:role/ApiInvoker';
const ROLE_KEYS = { accessKeyId: 'ASIAE2EROLEEXAMPLE01', secretAccessKey: 'e2eRoleSecretKey/EXAMPLE00000000000000000', sessionToken: 'e2e-role-session-token-EXAMPLE' };
const STORED = { accessKeyId: 'AKIAE2ESTOREDEXAMPLE', secretAccessKey: 'e2eStoredSecretNeverShown0000000000000000' };

const isAction = (body: Buffer, action: string) => body.toString('utf8').includes(`Action=${action}`);

test.describe('identity and state that tell the truth', () => {
  let sts: EchoServer;
  let api: EchoServer;
  const assumeRoleCalls = () => sts.requests.filter((r) => isAction(r.body, 'AssumeRole')).length;

  test.beforeAll(async () => {
    sts = await startEchoServer((req) => {
      const xml = (body: string) => ({ headers: [['Content-Type', 'text/xml']] as Array<[string, string]>, body });
      if (isAction(req.body, 'AssumeRole')) {
        return xml(
          '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>' +
            `<AccessKeyId>${ROLE_KEYS.accessKeyId}</AccessKeyId><SecretAccessKey>${ROLE_KEYS.secretAccessKey}</SecretAccessKey><SessionToken>${ROLE_KEYS.sessionToken}</SessionToken>` +
            '<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:e2e</AssumedRoleId>' +
            '<Arn>arn:aws:sts::444455556666:assumed-role/ApiInvoker/e2e</Arn></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>',
        );
      }
      return xml(
        '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
          '<Arn>arn:aws:sts::444455556666:assumed-role/ApiInvoker/e2e</Arn><UserId>AROAEXAMPLE:e2e</UserId><Account>444455556666</Account>' +
          '</GetCallerIdentityResult><ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000003</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
      );
    });
    api = await startEchoServer(async (req) => {
      for (const keys of [ROLE_KEYS, STORED]) if ((await verifySigV4(req, keys)).ok) return echoResponse(req);
      return { status: 403, headers: [['Content-Type', 'text/plain']], body: 'bad signature' };
    });
  });
  test.afterAll(async () => {
    await sts?.stop();
    await api?.stop();
  });

  test('assume-role from the profile; the badge names the preview’s temporary keys; Clear cached credentials re-assumes; AWS file changes mark the answer stale', async ({ rolecall }) => {
    test.slow();
    const { page, credentialsFile, pageErrors } = await rolecall.open({ credentials: CREDENTIALS, stsEndpoint: sts.url });
    await setUrl(page, `${api.url}/prod/items`);
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Region', { exact: true }).fill('eu-west-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');
    await page.getByLabel('Auth', { exact: true }).selectOption('assumeRole');
    // The base is the profile the request signed with, not environment credentials.
    await expect(page.getByLabel('Base credentials')).toHaveValue('profile');
    await expect(page.getByLabel('Base profile')).toHaveValue('default');
    await expect(page.getByLabel('Session name')).toHaveAttribute('placeholder', /^rolecall-<time in ms> \(default\)/);
    // STS is asked at its regional endpoint by default, and the placeholder says which region that is.
    await expect(page.getByLabel('STS region')).toHaveAttribute('placeholder', /^the base’s region, else AWS_REGION, else us-east-1 \(regional endpoint\)$/);
    await page.getByLabel('Role ARN').fill(ROLE_ARN);

    // Before anyone asks STS, the badge says what the preview signed with: the role's session keys, temporary.
    const badge = page.getByRole('region', { name: 'Active identity' });
    await expect(badge).toContainText(`signs with ${ROLE_KEYS.accessKeyId} (temporary keys)`);

    const send = async () => {
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(page.getByLabel('Status')).toContainText('200');
      await expect(badge.getByLabel('Identity ARN')).toHaveText('arn:aws:sts::444455556666:assumed-role/ApiInvoker/e2e');
    };
    await send();
    const received = api.requests.at(-1)!;
    expect(header(received, 'x-amz-security-token')).toBe(ROLE_KEYS.sessionToken);
    expect(await verifySigV4(received, ROLE_KEYS)).toMatchObject({ ok: true, service: 'execute-api' });
    const assumed = assumeRoleCalls();
    expect(assumed).toBeGreaterThan(0);
    expect(await verifySigV4(sts.requests.filter((r) => isAction(r.body, 'AssumeRole')).at(-1)!, EXAMPLE_KEYS)).toMatchObject({ ok: true, service: 'sts' });

    // The role's keys are cached: another send assumes nothing; after clearing the cache the next one does.
    const sent = api.requests.length;
    await send();
    expect(api.requests.length).toBe(sent + 1);
    expect(assumeRoleCalls()).toBe(assumed);
    await badge.getByRole('button', { name: 'Clear cached credentials' }).click();
    await expect(badge.getByRole('status')).toHaveText('Cleared: the next send gets fresh credentials.');
    await send();
    expect(assumeRoleCalls()).toBeGreaterThan(assumed);

    // The AWS files change under the answer: it is marked as signed before that, until it is sent again.
    const stale = page.getByRole('status', { name: 'Stale response' });
    await expect(stale).toHaveCount(0);
    await appendFile(credentialsFile, '\n[added-later]\naws_access_key_id = AKIAADDEDLATER000001\naws_secret_access_key = added-later-secret-00000000000000000000\n');
    await expect(stale).toContainText('signed before the AWS config files changed', { timeout: 10_000 });
    await stale.getByRole('button', { name: 'Send again' }).click();
    await expect(stale).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test('stored keys are added, renamed and deleted in the Profiles view, and a request signs with them', async ({ rolecall }) => {
    const { page, pageErrors } = await rolecall.open({ credentials: CREDENTIALS, stsEndpoint: sts.url });
    const views = page.getByRole('navigation', { name: 'Views' });
    await views.getByRole('button', { name: 'Profiles' }).click();
    const panel = page.getByRole('region', { name: 'Stored keys' });
    await expect(panel).toContainText('No stored keys.');
    await panel.getByRole('button', { name: 'Add keys' }).click();
    await panel.getByLabel('Key name').fill('ci-bot');
    await panel.getByLabel('Access key ID').fill(STORED.accessKeyId);
    await panel.getByLabel('Secret access key').fill(STORED.secretAccessKey);
    await panel.getByRole('button', { name: 'Save keys' }).click();
    const list = panel.getByRole('list', { name: 'Stored keys' });
    await expect(list.getByRole('listitem', { name: 'ci-bot' })).toContainText(STORED.accessKeyId);
    expect(await page.content()).not.toContain(STORED.secretAccessKey);

    await list.getByRole('button', { name: 'Rename ci-bot' }).click();
    await list.getByLabel('New name for ci-bot').fill('deploy-bot');
    await list.getByRole('button', { name: 'Save name' }).click();
    await expect(list.getByRole('listitem', { name: 'deploy-bot' })).toBeVisible();
    await expect(list.getByRole('listitem', { name: 'ci-bot' })).toHaveCount(0);

    await views.getByRole('button', { name: 'Workbench' }).click();
    await setUrl(page, `${api.url}/prod/stored`);
    await openSection(page, 'Auth & signing');
    await page.getByLabel('Region', { exact: true }).fill('eu-west-1');
    await page.getByLabel('Service', { exact: true }).fill('execute-api');
    await page.getByLabel('Auth', { exact: true }).selectOption('storedKeys');
    await page.getByRole('combobox', { name: 'Stored keys', exact: true }).selectOption('deploy-bot');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Status')).toContainText('200');
    expect(await verifySigV4(api.requests.at(-1)!, STORED)).toMatchObject({ ok: true });

    await views.getByRole('button', { name: 'Profiles' }).click();
    await list.getByRole('button', { name: 'Delete deploy-bot' }).click();
    await panel.getByRole('group', { name: 'Confirm deleting deploy-bot' }).getByRole('button', { name: 'Delete keys' }).click();
    await expect(panel).toContainText('No stored keys.');
    expect(pageErrors).toEqual([]);
  });
});
