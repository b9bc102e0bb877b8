// `rolecall send` after AWS says no: the cause and the fix on stderr (with --json too, and as a `refusal` field),
// against a loopback server answering AWS's recorded refusals, and for a refused AssumeRole from a loopback STS.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MISSING_TOKEN_BODY, RESOURCE_POLICY_BODY } from '../../src/diagnosis/fixtures/recordedRefusals';
import { buildCli, runCli } from '../testing/cliRunner';
import { startEchoServer, type CannedResponse } from '../testing/echoServer';

let bin = '';

beforeAll(async () => {
  ({ bin } = await buildCli('rolecall-cli-refusal-'));
}, 60_000);

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

const run = (args: string[], env: Record<string, string> = {}) => runCli(bin, args, { env });

async function withServer<T>(answer: CannedResponse, use: (url: string) => Promise<T>): Promise<T> {
  const server = await startEchoServer(() => answer);
  try {
    return await use(server.url);
  } finally {
    await server.stop();
  }
}

const denied: CannedResponse = {
  status: 403,
  headers: [['Content-Type', 'application/json'], ['x-amzn-RequestId', 'req-42'], ['x-amzn-ErrorType', 'AccessDeniedException']],
  body: RESOURCE_POLICY_BODY,
};

describe('rolecall send after a refusal', () => {
  it('prints the cause, principal, action, resource and fix on stderr; stdout keeps the body', async () => {
    const out = await withServer(denied, (url) => run(['send', `${url}/prod/hoge`, '--region', 'ap-northeast-1', '--service', 'execute-api'], KEYS));
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toBe(RESOURCE_POLICY_BODY);
    expect(out.stderr).toContain('Why AWS said no: No policy allows this caller to invoke the API [apigw.access-denied]');
    expect(out.stderr).toContain('principal: arn:aws:sts::222222222222:assumed-role/APIGatewayInvokerRole/rolecall-1');
    expect(out.stderr).toContain('action:    execute-api:Invoke');
    expect(out.stderr).toMatch(/resource: {2}arn:aws:execute-api:ap-northeast-1:111111111111:abc123\/prod\/GET\/hoge/);
    expect(out.stderr).toMatch(/Fix:\n {2}- In account 111111111111, let the API's resource policy allow execute-api:Invoke/);
    expect(out.stderr).toContain('AWS request id: req-42');
  });

  it('with --json, adds a refusal field and still explains on stderr', async () => {
    const out = await withServer(denied, (url) => run(['send', `${url}/prod/hoge`, '--region', 'ap-northeast-1', '--service', 'execute-api', '--json'], KEYS));
    const doc = JSON.parse(out.stdout);
    expect(doc.refusal).toMatchObject({ id: 'apigw.access-denied', action: 'execute-api:Invoke', requestId: 'req-42' });
    expect(doc.refusal.fixes.length).toBeGreaterThan(0);
    expect(out.stderr).toContain('[apigw.access-denied]');
  });

  it('says an unsigned Missing Authentication Token is likely the missing signature', async () => {
    const answer: CannedResponse = { status: 403, headers: [['x-amzn-ErrorType', 'MissingAuthenticationTokenException']], body: MISSING_TOKEN_BODY };
    const out = await withServer(answer, (url) => run(['send', `${url}/prod/hoge`, '--no-sign', '--fail']));
    expect(out.code).toBe(22);
    expect(out.stderr).toContain('[apigw.missing-token.unsigned]');
    expect(out.stderr).toContain('likely: Likely the missing signature');
  });

  it('prints nothing of the kind for a success', async () => {
    const out = await withServer({ status: 200, body: 'ok' }, (url) => run(['send', `${url}/x`, '--no-sign']));
    expect(out.stdout).toBe('ok');
    expect(out.stderr).not.toContain('Why AWS said no');
  });

  it('explains a refused AssumeRole (STS AccessDenied) with the external ID given', async () => {
    const sts: CannedResponse = {
      status: 403,
      headers: [['Content-Type', 'text/xml']],
      body:
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>' +
        '<Message>User: arn:aws:iam::222222222222:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/Api</Message>' +
        '</Error><RequestId>sts-1</RequestId></ErrorResponse>',
    };
    const out = await withServer(sts, (url) =>
      run(['send', 'https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod/hoge', '--assume-role', 'arn:aws:iam::111111111111:role/Api', '--external-id', 'ext-1', '--sts-endpoint', url, '--json'], KEYS),
    );
    expect(out.code).toBe(1);
    const doc = JSON.parse(out.stdout);
    expect(doc.error.code).toBe('STS_ACCESS_DENIED');
    expect(doc.refusal).toMatchObject({ id: 'sts.assume-role-denied', principal: 'arn:aws:iam::222222222222:user/dev', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111111111111:role/Api' });
    expect(out.stderr).toContain('[sts.assume-role-denied]');
    expect(out.stderr).toContain('likely: An external ID was sent');
    expect(out.stderr).not.toContain(KEYS.AWS_SECRET_ACCESS_KEY);
  });

  it('whoami with a role_arn profile explains a refusal naming neither caller nor role, from the profile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rolecall-cli-refusal-aws-'));
    await writeFile(join(dir, 'config'), '[profile deploy]\nrole_arn = arn:aws:iam::111111111111:role/Api\nsource_profile = base\nexternal_id = ext-secret-9\n');
    await writeFile(join(dir, 'credentials'), `[base]\naws_access_key_id = ${KEYS.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${KEYS.AWS_SECRET_ACCESS_KEY}\n`);
    const sts: CannedResponse = {
      status: 403,
      headers: [['Content-Type', 'text/xml']],
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRole</Message></Error><RequestId>sts-2</RequestId></ErrorResponse>',
    };
    const out = await withServer(sts, (url) =>
      run(['whoami', '--profile', 'deploy', '--json'], { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_ENDPOINT_URL_STS: url }),
    );
    expect(out.code).toBe(1);
    const doc = JSON.parse(out.stdout);
    expect(doc.refusal).toMatchObject({ principal: 'the identity of profile base', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111111111111:role/Api' });
    expect(out.stderr).toContain('likely: An external ID was sent');
    expect(out.stdout + out.stderr).not.toContain('ext-secret-9');
  });
});
