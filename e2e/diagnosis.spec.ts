// "Why AWS said no" and the policy workshop in the browser: three refusals as a user meets them (API Gateway's
// recorded answers from a loopback server, and STS refusing AssumeRole in moto), each explained with the cause, who
// was refused doing what, and AWS's own text underneath; then the Policies tab reading real policies from moto and
// writing the documents that would allow the request. Screenshots of each for the issue.
import { APIGatewayClient, CreateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import type { Locator, Page } from '@playwright/test';
import { startEchoServer, type CannedResponse, type EchoServer } from '../main/testing/echoServer';
import { startMoto, type MotoServer } from '../main/testing/moto';
import { expect, test, type AwsSetup } from './harness/fixtures';

const CALLER = 'arn:aws:sts::222222222222:assumed-role/APIGatewayInvokerRole/rolecall-1';
const API_ARN = 'arn:aws:execute-api:us-east-1:111111111111:abc123/prod/GET/hoge';
const DENY_TEXT = `User: ${CALLER} is not authorized to perform: execute-api:Invoke on resource: ${API_ARN} with an explicit deny`;

/** API Gateway's answers as recorded (field notes §4): the type in x-amzn-ErrorType, the message in the body. */
function recorded(type: string, body: object): CannedResponse {
  return {
    status: 403,
    statusText: 'Forbidden',
    headers: [
      ['Content-Type', 'application/json'],
      ['x-amzn-RequestId', 'e2e-req-0001'],
      ['x-amzn-ErrorType', type],
    ],
    body: JSON.stringify(body),
  };
}

const openSection = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: new RegExp(`^${name.replace('&', '\\&')}`) }).click();
const response = (page: Page) => page.getByRole('region', { name: 'Response' });
const explainer = (page: Page): Locator => response(page).getByRole('region', { name: 'Why AWS said no' });

async function setUrl(page: Page, value: string) {
  const url = page.getByRole('textbox', { name: 'URL' });
  await url.fill(value);
  await expect(url).toHaveText(value);
}

async function chooseProfile(page: Page, profile: string) {
  await openSection(page, 'Auth & signing');
  await page.getByLabel('Auth', { exact: true }).selectOption('profile');
  await page.getByLabel('Profile', { exact: true }).selectOption(profile);
  // The inspector's facts are labelled Region and Service too: the text boxes are the ones to fill.
  await page.getByRole('textbox', { name: 'Region', exact: true }).fill('us-east-1');
  await page.getByRole('textbox', { name: 'Service', exact: true }).fill('execute-api');
}

async function sendTo(page: Page, url: string) {
  await setUrl(page, url);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** The whole window for the README's tour, and the panel alone for the issue. */
async function shoot(page: Page, panel: Locator, name: string, outputPath: (name: string) => string) {
  await panel.scrollIntoViewIfNeeded();
  // The explainer scrolls inside the response pane: the panel alone is captured as far as the pane shows it.
  await page.screenshot({ path: outputPath(`${name}.png`) });
  await panel.screenshot({ path: outputPath(`${name}-panel.png`) });
}

/** Tall enough that the whole explainer shows in the response pane. */
const TALL = { width: 1600, height: 1400 };

const STATIC_KEYS: AwsSetup = {
  config: '[default]\nregion = us-east-1\n',
  credentials: '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n',
  stsEndpoint: 'http://127.0.0.1:9',
};

test.describe('why AWS said no: API Gateway refusals from a loopback server', () => {
  let server: EchoServer;

  test.beforeAll(async () => {
    server = await startEchoServer((request) => {
      if (request.url.startsWith('/prod/hoge')) return recorded('AccessDeniedException', { Message: DENY_TEXT });
      return recorded('MissingAuthenticationTokenException', { message: 'Missing Authentication Token' });
    });
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('Missing Authentication Token to a signed request: a path or stage that does not exist', async ({ rolecall }, testInfo) => {
    const { page, pageErrors } = await rolecall.open(STATIC_KEYS);
    await page.setViewportSize(TALL);
    await chooseProfile(page, 'default');
    await sendTo(page, `${server.url}/prod/nothing-here`);

    await expect(response(page).getByLabel('Status')).toHaveText(/^403/);
    const panel = explainer(page);
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText('No such path or stage (API Gateway says "Missing Authentication Token")');
    await expect(panel).toContainText('This request was signed, so the path is the likelier cause.');
    await expect(panel).toContainText('Likely a wrong path, method or stage: the request carried a signature.');
    await expect(panel.locator('dt')).toHaveText(['Action']);
    await expect(panel.locator('dd')).toHaveText(['execute-api:Invoke']);
    await expect(panel.getByRole('heading', { name: 'How to fix it' })).toBeVisible();
    // AWS's own text underneath, with its type and the request id.
    await expect(panel.locator('.rv-refusal-aws')).toContainText('Missing Authentication Token');
    await expect(panel.locator('.rv-refusal-aws')).toContainText('MissingAuthenticationTokenException');
    await expect(panel).toContainText('e2e-req-0001');
    await shoot(page, panel, 'refusal-missing-token', (n) => testInfo.outputPath(n));
    expect(pageErrors).toEqual([]);
  });

  test('execute-api:Invoke refused with an explicit deny: who, what, on which resource', async ({ rolecall }, testInfo) => {
    const { page, pageErrors } = await rolecall.open(STATIC_KEYS);
    await page.setViewportSize(TALL);
    await chooseProfile(page, 'default');
    await sendTo(page, `${server.url}/prod/hoge`);

    await expect(response(page).getByLabel('Status')).toHaveText(/^403/);
    const panel = explainer(page);
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText('An explicit Deny refused the call');
    await expect(panel.locator('dt')).toHaveText(['Principal', 'Action', 'Resource']);
    await expect(panel.locator('dd')).toHaveText([CALLER, 'execute-api:Invoke', API_ARN]);
    await expect(panel.getByRole('heading', { name: 'What to check' })).toBeVisible();
    await expect(panel.locator('.rv-refusal-aws')).toContainText(DENY_TEXT);
    await expect(panel.locator('.rv-refusal-aws')).toContainText('AccessDeniedException');
    await shoot(page, panel, 'refusal-explicit-deny', (n) => testInfo.outputPath(n));
    expect(pageErrors).toEqual([]);
  });
});

test.describe('against moto', () => {
  let moto: MotoServer | null = null;
  let target: EchoServer;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    moto = await startMoto();
    if (!moto) console.warn('Skipping the moto tests: moto_server is not on PATH.');
    target = await startEchoServer(() => ({ status: 200, body: 'never reached' }));
  });
  test.afterAll(async () => {
    await moto?.stop();
    await target.stop();
  });

  test('STS refuses the AssumeRole hop: the send fails, explained with the caller, the action, the role and STS’s text', async ({ rolecall }, testInfo) => {
    test.skip(!moto, 'moto_server is not on PATH');
    const user = await moto!.createUserWithKeys('diag-denied');
    const { page, pageErrors } = await rolecall.open({
      stsEndpoint: moto!.endpoint,
      config: '[profile base]\nregion = us-east-1\n[profile deploy]\nrole_arn = arn:aws:iam::111111111111:role/ApiInvoker\nsource_profile = base\nrole_session_name = e2e-diag\n',
      credentials: `[base]\naws_access_key_id = ${user.accessKeyId}\naws_secret_access_key = ${user.secretAccessKey}\n`,
    });
    await page.setViewportSize(TALL);
    await chooseProfile(page, 'deploy');
    await sendTo(page, `${target.url}/prod/hoge`);

    const failed = response(page).getByRole('alert', { name: 'Request failed' });
    await expect(failed).toBeVisible();
    const panel = failed.getByRole('region', { name: 'Why AWS said no' });
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText(/^(The role does not trust this caller|The caller may not call sts:AssumeRole)$/);
    await expect(panel).toContainText("For AssumeRole the role's trust policy is the resource policy.");
    // moto's text names no role: the Resource is the deploy profile's role_arn, found in the profile list.
    await expect(panel.locator('dt')).toHaveText(['Principal', 'Action', 'Resource']);
    await expect(panel.locator('dd')).toHaveText([user.arn, 'sts:AssumeRole', 'arn:aws:iam::111111111111:role/ApiInvoker']);
    // What was sent is known, so what was not sent is said plainly rather than left as something to check.
    await expect(panel).toContainText('No MFA was sent');
    // STS's own text underneath, in the error's detail.
    await expect(failed.getByLabel('Error detail', { exact: true })).toContainText(`User: ${user.arn} is not authorized to perform: sts:AssumeRole`);
    expect(target.requests).toHaveLength(0);
    await shoot(page, failed, 'refusal-assume-role', (n) => testInfo.outputPath(n));
    expect(pageErrors).toEqual([]);
  });

  test('the policy workshop reads the real policies, names the deciding statement and writes the documents', async ({ rolecall }, testInfo) => {
    test.skip(!moto, 'moto_server is not on PATH');
    // Builds IAM and API Gateway state in moto, then reads it all back through the window: more than the default budget.
    test.slow();
    const A = '123456789012';
    const role = `arn:aws:iam::${A}:role/ApiInvoker`;
    const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
    const caller = await moto!.createUserWithKeys('workshop-caller', { Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/*` },
      { Effect: 'Allow', Action: ['iam:ListUserPolicies', 'iam:GetUserPolicy', 'iam:ListAttachedUserPolicies'], Resource: '*' },
    ] });

    const credentials = { accessKeyId: moto!.admin.accessKeyId, secretAccessKey: moto!.admin.secretAccessKey };
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto!.endpoint, credentials });
    const apigw = new APIGatewayClient({ region: 'us-east-1', endpoint: moto!.endpoint, credentials });
    const apiId = (await apigw.send(new CreateRestApiCommand({
      name: 'orders',
      policy: doc({ Sid: 'AllowInvokerRole', Effect: 'Allow', Principal: { AWS: role }, Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:us-east-1:${A}:*/*` }),
    }))).id!;
    await iam.send(new CreateRoleCommand({
      RoleName: 'ApiInvoker',
      AssumeRolePolicyDocument: doc({ Sid: 'TrustCaller', Effect: 'Allow', Principal: { AWS: caller.arn }, Action: 'sts:AssumeRole' }),
    }));
    const invoke = await iam.send(new CreatePolicyCommand({
      PolicyName: 'InvokeApis',
      PolicyDocument: doc({ Sid: 'InvokeApis', Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:us-east-1:${A}:*` }),
    }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'ApiInvoker', PolicyArn: invoke.Policy!.Arn! }));
    await iam.send(new PutRolePolicyCommand({
      RoleName: 'ApiInvoker',
      PolicyName: 'read',
      PolicyDocument: doc({
        Sid: 'ReadOwnPolicies',
        Effect: 'Allow',
        Action: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'apigateway:*'],
        Resource: '*',
      }),
    }));
    await iam.send(new PutRolePolicyCommand({
      RoleName: 'ApiInvoker',
      PolicyName: 'no-prod',
      PolicyDocument: doc({ Sid: 'DenyProdStage', Effect: 'Deny', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:us-east-1:${A}:*/prod/*` }),
    }));
    iam.destroy();
    apigw.destroy();

    const { page, pageErrors } = await rolecall.open({
      stsEndpoint: moto!.endpoint,
      config: `[profile base]\nregion = us-east-1\n[profile api-caller]\nrole_arn = ${role}\nsource_profile = base\nrole_session_name = rolecall\nregion = us-east-1\n`,
      credentials: `[base]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = ${caller.secretAccessKey}\n`,
      // IAM and API Gateway are read where the SDK would look: AWS_ENDPOINT_URL.
      env: { AWS_ENDPOINT_URL: moto!.endpoint },
    });
    await page.setViewportSize(TALL);
    await setUrl(page, `https://${apiId}.execute-api.us-east-1.amazonaws.com/prod/orders`);
    await chooseProfile(page, 'api-caller');

    await page.getByRole('tab', { name: 'Policies' }).click();
    const workshop = page.getByRole('region', { name: 'Policy workshop' });
    await workshop.getByRole('radio', { name: 'This stage' }).check();
    await workshop.getByRole('button', { name: 'Read policies and write documents' }).click();

    const verdict = workshop.getByRole('region', { name: 'Verdict' });
    await expect(verdict).toContainText('Refused: explicit deny', { timeout: 20_000 });
    await expect(verdict).toContainText('"DenyProdStage"');
    const read = workshop.getByRole('region', { name: 'Policies read from AWS' });
    await expect(read.getByLabel('Deciding statement DenyProdStage')).toBeVisible();
    await expect(read).toContainText(`arn:aws:sts::${A}:assumed-role/ApiInvoker/rolecall`);
    await expect(read).toContainText('AllowInvokerRole');

    const documents = workshop.getByRole('region', { name: 'Documents that would allow this request' });
    await expect(documents).toContainText(`arn:aws:execute-api:us-east-1:${A}:${apiId}/prod/*`);
    await expect(documents.locator('table.ws-lines').first()).toContainText('"execute-api:Invoke"');
    await documents.getByRole('tab', { name: 'Terraform' }).click();
    await expect(documents.locator('pre.ws-code')).toContainText('resource "');
    await documents.getByRole('tab', { name: 'JSON' }).click();
    expect(await page.content()).not.toContain(caller.secretAccessKey);

    await workshop.getByRole('heading', { name: 'Policy workshop' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('policy-workshop.png') });
    await verdict.screenshot({ path: testInfo.outputPath('policy-workshop-verdict.png') });
    await documents.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('policy-workshop-documents.png') });

    // A 1024 px window leaves the inspector narrow: the explanation table wraps instead of running off the side.
    await page.setViewportSize({ width: 1024, height: TALL.height });
    const table = documents.locator('table.ws-lines').first();
    await expect(table).toContainText('"execute-api:Invoke"');
    const overflow = await workshop.evaluate((el) => {
      const panel = el.getBoundingClientRect();
      const cells = [...el.querySelectorAll('table.ws-lines td')].map((td) => td.getBoundingClientRect());
      return {
        scrolls: el.scrollWidth > el.clientWidth + 1,
        past: cells.filter((r) => r.width > 0 && r.right > panel.right + 1).length,
        cells: cells.length,
      };
    });
    expect(overflow.cells).toBeGreaterThan(0);
    expect(overflow).toMatchObject({ scrolls: false, past: 0 });
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: testInfo.outputPath('policy-workshop-narrow.png') });
    expect(pageErrors).toEqual([]);
  });
});
