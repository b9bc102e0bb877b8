// The policy workshop against moto: account A (moto's default, 123456789012) holds REST APIs with resource policies
// and roles with trust, attached and inline policies; a user in account B assumes those roles through a profile.
// The workshop reads the policies with the role session's own credentials and judges the request locally.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIGatewayClient, CreateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendQuery, xmlValue, type AccessKeys } from '../testing/moto';
import { describeWithMoto } from '../testing/motoSuite';
import { createCredentialsService } from './credentials';
import { runPolicyWorkshop } from './policyWorkshop';

const A = '123456789012';
const B = '222222222222';
const REGION = 'eu-west-1';
const CALLER_B = `arn:aws:iam::${B}:user/caller`;
const role = (name: string) => `arn:aws:iam::${A}:role/${name}`;
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

/** A Query API call with moto's account header: only used in the unauthenticated window, to create account B's user. */
const queryAs = (endpoint: string, account: string, params: Record<string, string>) =>
  sendQuery(endpoint, 'iam', params, { accessKeyId: 'AKIABOOTSTRAPB', secretAccessKey: 'x' }, { 'x-moto-account-id': account });

describeWithMoto(
  'policy workshop against moto',
  (moto) => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-workshop-'));
    const apis: Record<string, string> = {};
    let service: ReturnType<typeof createCredentialsService>;

    beforeAll(async () => {
      const endpoint = moto().endpoint;
      // The unauthenticated window (3 actions) goes to account B's caller: a user allowed to assume roles.
      await queryAs(endpoint, B, { Action: 'CreateUser', UserName: 'caller' });
      await queryAs(endpoint, B, {
        Action: 'PutUserPolicy',
        UserName: 'caller',
        PolicyName: 'assume-api-roles',
        PolicyDocument: doc(
          { Sid: 'AssumeApiRoles', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${A}:role/*` },
          { Sid: 'ReadOwnPolicies', Effect: 'Allow', Action: ['iam:ListUserPolicies', 'iam:GetUserPolicy', 'iam:ListAttachedUserPolicies'], Resource: '*' },
        ),
      });
      const key = await queryAs(endpoint, B, { Action: 'CreateAccessKey', UserName: 'caller' });
      const caller: AccessKeys = { accessKeyId: xmlValue(key, 'AccessKeyId') ?? '', secretAccessKey: xmlValue(key, 'SecretAccessKey') ?? '' };

      const admin = { accessKeyId: moto().admin.accessKeyId, secretAccessKey: moto().admin.secretAccessKey };
      const iam = new IAMClient({ region: 'us-east-1', endpoint, credentials: admin });
      const apigw = new APIGatewayClient({ region: REGION, endpoint, credentials: admin });
      const resourcePolicy = (...Statement: object[]) => doc(...Statement);
      apis.shared = (await apigw.send(new CreateRestApiCommand({
        name: 'shared',
        policy: resourcePolicy({ Sid: 'AllowInvokerRoles', Effect: 'Allow', Principal: { AWS: [role('ApiInvoker'), role('DeniedInvoker'), role('Untrusting')] }, Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:${REGION}:${A}:*/*` }),
      }))).id!;
      apis.otherTeam = (await apigw.send(new CreateRestApiCommand({
        name: 'other-team',
        // The common "only these roles" guard: in one account an identity Allow is enough, so a Deny keeps others out.
        policy: resourcePolicy(
          { Sid: 'AllowOtherTeam', Effect: 'Allow', Principal: { AWS: role('OtherTeam') }, Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:${REGION}:${A}:*/*` },
          {
            Sid: 'DenyAllButOtherTeam',
            Effect: 'Deny',
            Principal: '*',
            Action: 'execute-api:Invoke',
            Resource: `arn:aws:execute-api:${REGION}:${A}:*/*`,
            Condition: { StringNotLike: { 'aws:PrincipalArn': role('OtherTeam') } },
          },
        ),
      }))).id!;

      const invoke = await iam.send(new CreatePolicyCommand({
        PolicyName: 'InvokeApis',
        PolicyDocument: doc({ Sid: 'InvokeApis', Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:${REGION}:${A}:*` }),
      }));
      const trustB = (sid: string, principal: string) =>
        doc({ Sid: sid, Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'team-b' } } });
      const reading = doc({
        Sid: 'ReadOwnPolicies',
        Effect: 'Allow',
        Action: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'apigateway:*'],
        Resource: '*',
      });
      const makeRole = async (name: string, trust: string, inline: Record<string, string>) => {
        await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }));
        await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: invoke.Policy!.Arn! }));
        for (const [policyName, text] of Object.entries(inline)) await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policyName, PolicyDocument: text }));
      };
      await makeRole('ApiInvoker', trustB('TrustCallerB', CALLER_B), { read: reading });
      await makeRole('DeniedInvoker', trustB('TrustCallerB', CALLER_B), {
        read: reading,
        'no-prod': doc({ Sid: 'DenyProdStage', Effect: 'Deny', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:${REGION}:${A}:*/prod/*` }),
      });
      await makeRole('Untrusting', trustB('TrustOpsOnly', `arn:aws:iam::${B}:user/ops`), { read: reading });
      await makeRole('Blind', trustB('TrustCallerB', CALLER_B), {});
      // A permission boundary that lets the role read its policies but not invoke APIs, and a tag a Deny looks at.
      const edge = await iam.send(new CreatePolicyCommand({ PolicyName: 'NoInvokeBoundary', PolicyDocument: doc({ Sid: 'ReadOnlyEdge', Effect: 'Allow', Action: ['iam:*', 'apigateway:*'], Resource: '*' }) }));
      await iam.send(new CreateRoleCommand({ RoleName: 'Bounded', AssumeRolePolicyDocument: trustB('TrustCallerB', CALLER_B), PermissionsBoundary: edge.Policy!.Arn! }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'Bounded', PolicyArn: invoke.Policy!.Arn! }));
      await iam.send(new PutRolePolicyCommand({ RoleName: 'Bounded', PolicyName: 'read', PolicyDocument: reading }));
      await iam.send(new CreateRoleCommand({ RoleName: 'Frozen', AssumeRolePolicyDocument: trustB('TrustCallerB', CALLER_B), Tags: [{ Key: 'frozen', Value: 'true' }] }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'Frozen', PolicyArn: invoke.Policy!.Arn! }));
      await iam.send(new PutRolePolicyCommand({ RoleName: 'Frozen', PolicyName: 'read', PolicyDocument: reading }));
      await iam.send(new PutRolePolicyCommand({
        RoleName: 'Frozen',
        PolicyName: 'frozen',
        PolicyDocument: doc({ Sid: 'DenyFrozen', Effect: 'Deny', Action: 'execute-api:Invoke', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/frozen': 'true' } } }),
      }));
      iam.destroy();
      apigw.destroy();

      const profile = (name: string, roleName: string) => `[profile ${name}]\nrole_arn = ${role(roleName)}\nsource_profile = caller-b\nexternal_id = team-b\nrole_session_name = rolecall\nregion = ${REGION}\n`;
      writeFileSync(join(dir, 'credentials'), `[caller-b]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = ${caller.secretAccessKey}\n`);
      writeFileSync(join(dir, 'config'), `[profile caller-b]\nregion = ${REGION}\n${profile('api-caller', 'ApiInvoker')}${profile('denied-caller', 'DeniedInvoker')}${profile('untrusted-caller', 'Untrusting')}${profile('blind-caller', 'Blind')}${profile('bounded-caller', 'Bounded')}${profile('frozen-caller', 'Frozen')}`);
      const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
      service = createCredentialsService({ env, stsEndpoint: endpoint, mfa: () => Promise.reject(new Error('no MFA here')) });
    }, 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const run = (profile: string, api: string, stage = 'stag', method = 'GET') =>
      runPolicyWorkshop(
        { auth: { kind: 'profile', profile }, request: { method, url: `https://${apis[api]}.execute-api.${REGION}.amazonaws.com/${stage}/hoge/items` }, scope: 'stage' },
        { credentials: service, endpoints: { iam: moto().endpoint, apiGateway: moto().endpoint }, env: { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') } },
      );

    it('allows: the resource policy names the role, its attached policy grants Invoke, the trust policy names the caller', async () => {
      const r = await run('api-caller', 'shared');
      expect(r.fetched.notes).toEqual([]);
      expect(r.identity.arn).toBe(`arn:aws:sts::${A}:assumed-role/ApiInvoker/rolecall`);
      expect(r.identity.basePrincipal).toBe(CALLER_B);
      expect(r.fetched.resourcePolicy).toBeDefined();
      expect(r.fetched.trustPolicy).toBeDefined();
      expect(r.fetched.identityPolicies.map((p) => `${p.source}:${p.name}`).sort()).toEqual(['attached:InvokeApis', 'inline:read']);
      expect(r.evaluation.invoke.decision).toBe('allow');
      expect(r.evaluation.invoke.deciding.map((d) => d.sid).sort()).toEqual(['AllowInvokerRoles', 'InvokeApis']);
      expect(r.evaluation.assumeRole?.decision).toBe('allow');
      expect(r.evaluation.assumeRole?.deciding.map((d) => d.sid)).toContain('TrustCallerB');
      expect(r.evaluation.decision).toBe('allow');
      expect(r.evaluation.summary).toMatch(/"InvokeApis"/);
      expect(r.targetArn).toBe(`arn:aws:execute-api:${REGION}:${A}:${apis.shared}/stag/GET/hoge/items`);
      expect(r.workshop?.resourceArn).toBe(`arn:aws:execute-api:${REGION}:${A}:${apis.shared}/stag/*`);
      expect(JSON.stringify(r.workshop?.trustPolicy.policy)).toContain('team-b');
      expect(JSON.stringify(r)).not.toContain(moto().admin.secretAccessKey);
    });

    it('refused by the resource policy: it keeps out every role but another team\'s', async () => {
      const r = await run('api-caller', 'otherTeam');
      expect(r.evaluation.decision).toBe('explicitDeny');
      expect(r.evaluation.invoke.deciding.map((d) => [d.policy, d.sid])).toEqual([['resource', 'DenyAllButOtherTeam']]);
      expect(r.evaluation.summary).toContain('statement "DenyAllButOtherTeam" of the resource policy');
    });

    it('refused by an explicit deny in an inline policy of the role', async () => {
      const r = await run('denied-caller', 'shared', 'prod');
      expect(r.evaluation.decision).toBe('explicitDeny');
      expect(r.evaluation.invoke.deciding.map((d) => d.sid)).toEqual(['DenyProdStage']);
      expect(r.evaluation.summary).toContain('"DenyProdStage"');
      expect(r.evaluation.summary).toContain('identity policy "no-prod"');
    });

    it('refused by the trust policy: it names another principal of account B', async () => {
      const r = await run('untrusted-caller', 'shared');
      expect(r.evaluation.invoke.decision).toBe('allow');
      expect(r.evaluation.assumeRole?.decision).toBe('implicitDeny');
      expect(r.evaluation.decision).toBe('implicitDeny');
      expect(r.evaluation.summary).toMatch(/AssumeRole hop is refused/);
      expect(r.evaluation.summary).toContain('"TrustOpsOnly"');
    });

    it('a role that may not read its policies: each refused read is a note, and what it hid is not judged', async () => {
      const r = await run('blind-caller', 'shared');
      expect(r.fetched.notes).toEqual([
        `Could not read the resource policy of API ${apis.shared} (apigateway:GET on /restapis/${apis.shared}): not allowed.`,
        'Could not read the trust policy of role Blind (iam:GetRole): not allowed.',
        'Could not read the managed policies attached to role Blind (iam:ListAttachedRolePolicies): not allowed.',
        'Could not read the inline policies of role Blind (iam:ListRolePolicies): not allowed.',
      ]);
      expect(r.evaluation.decision).toBe('implicitDeny');
      expect(r.evaluation.unjudged).toEqual(expect.arrayContaining([
        "The API's resource policy could not be read, so whether it allows this caller was not judged.",
        "The role's trust policy could not be read, so the AssumeRole hop was not judged.",
      ]));
      expect(r.workshop?.identityPolicy.policy).toBeDefined();
    });

    it('reads the role\'s permission boundary with GetRole and refuses what it does not allow, saying so', async () => {
      const r = await run('bounded-caller', 'shared');
      expect(r.evaluation.invoke.decision).toBe('implicitDeny');
      expect(r.evaluation.invoke.summary).toMatch(/permission boundary does not allow it/);
      expect(JSON.stringify(r.fetched.permissionBoundary)).toContain('ReadOnlyEdge');
      expect(r.evaluation.invoke.reasons.join('\n')).toMatch(/The identity policies allow it/);
      expect(r.evaluation.invoke.unjudged.join('\n')).not.toMatch(/permission boundary: not read/);
    });

    it('reads the role\'s tags, so a Deny on aws:PrincipalTag is judged, not left depending', async () => {
      const r = await run('frozen-caller', 'shared');
      expect(r.evaluation.invoke.decision).toBe('explicitDeny');
      expect(r.evaluation.invoke.deciding.map((d) => d.sid)).toEqual(['DenyFrozen']);
      const plain = await run('api-caller', 'shared');
      expect(plain.evaluation.invoke.reasons.join('\n')).toMatch(/has no permission boundary/);
    });
  },
  { noAuthActions: 3 },
);
