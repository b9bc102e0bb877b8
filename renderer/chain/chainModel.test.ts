import { describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors';
import type { Identity } from '../../src/models/auth';
import type { ProfileList, ProfileSummary } from '../../src/models/profile';
import { buildChain, isCredentialError } from './chainModel';

const API_URL = 'https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com/prod/items/42';
const EXTERNAL_ID = 'ext-4f1c9a-shared-with-partner';

function profile(p: Partial<ProfileSummary> & Pick<ProfileSummary, 'name' | 'kind'>): ProfileSummary {
  return { sourceChain: [p.name], definedIn: ['config'], isDefault: false, problems: [], ...p };
}

function list(...profiles: ProfileSummary[]): ProfileList {
  return { profiles, defaultProfile: 'default', files: { config: '/c', credentials: '/k' }, problems: [], environmentCredentials: true };
}

/** base (static keys) → ops (role A, MFA) → partner (role B, external ID) → deploy (role C). */
const CHAIN = list(
  profile({ name: 'base', kind: 'static' }),
  profile({ name: 'ops', kind: 'assumeRole', roleArn: 'arn:aws:iam::111111111111:role/Ops', sourceProfile: 'base', sourceChain: ['ops', 'base'], mfaSerial: 'arn:aws:iam::000000000000:mfa/alice', roleSessionName: 'alice' }),
  profile({ name: 'partner', kind: 'assumeRole', roleArn: 'arn:aws:iam::222222222222:role/Partner', sourceProfile: 'ops', sourceChain: ['partner', 'ops', 'base'], externalId: EXTERNAL_ID }),
  profile({ name: 'deploy', kind: 'assumeRole', roleArn: 'arn:aws:iam::333333333333:role/teams/ApiInvoker', sourceProfile: 'partner', sourceChain: ['deploy', 'partner', 'ops', 'base'] }),
);

const identity = (arn: string, account: string): Identity => ({ arn, account, userId: 'AROAEXAMPLE:x', accessKeyId: 'ASIAEXAMPLE', hops: [], cached: false });

const target = { url: API_URL, method: 'get' };
const states = (m: ReturnType<typeof buildChain>) => m.edges.map((e) => e.state);

describe('buildChain', () => {
  it('static keys: source → identity → target, nothing tried before any call', () => {
    const m = buildChain({ auth: { kind: 'profile', profile: 'base' }, profiles: CHAIN, target });
    expect(m.nodes.map((n) => n.kind)).toEqual(['source', 'identity', 'target']);
    expect(m.nodes[0]!.title).toBe('Static keys · profile base');
    expect(m.edges.map((e) => e.action)).toEqual(['GetCallerIdentity', 'Signed request']);
    expect(states(m)).toEqual(['notTried', 'notTried']);
    expect(m.summary).toContain('nothing tried yet');
  });

  it('environment keys after a successful Who am I?: the identity is the one STS reported', () => {
    const m = buildChain({
      auth: { kind: 'env' },
      profiles: CHAIN,
      whoami: { identity: identity('arn:aws:iam::444444444444:user/ci', '444444444444') },
      target,
    });
    expect(m.nodes[0]!.title).toBe('Environment variables');
    expect(m.nodes[0]!.facts).toEqual(['AWS_ACCESS_KEY_ID is set']);
    expect(m.nodes[1]!.facts).toContain('arn:aws:iam::444444444444:user/ci');
    expect(states(m)).toEqual(['ok', 'notTried']);
    // The API owner's account is taken from the identity when no role says otherwise.
    expect(m.nodes[2]!.facts[0]).toBe('arn:aws:execute-api:ap-northeast-1:444444444444:a1b2c3d4e5/prod/GET/items/42');
  });

  it('stored keys are named, never shown', () => {
    const m = buildChain({ auth: { kind: 'storedKeys', name: 'partner-keys' }, target });
    expect(m.nodes[0]!.title).toBe('Stored keys · partner-keys');
  });

  it('a role chain of three hops lists account, role, session, external ID as set and MFA', () => {
    const m = buildChain({ auth: { kind: 'profile', profile: 'deploy' }, profiles: CHAIN, target });
    expect(m.nodes.map((n) => n.id)).toEqual(['source', 'hop-1', 'hop-2', 'hop-3', 'identity', 'target']);
    const [ops, partner, deploy] = m.nodes.slice(1, 4);
    expect(ops!.title).toBe('Role Ops · profile ops');
    expect(ops!.facts).toEqual(['Account 111111111111', 'Session alice', 'External ID not set', 'MFA arn:aws:iam::000000000000:mfa/alice']);
    expect(partner!.facts).toContain('External ID set');
    expect(partner!.facts).toContain('Session named by the AWS SDK');
    expect(deploy!.title).toBe('Role ApiInvoker · profile deploy');
    expect(m.edges.map((e) => e.action)).toEqual(['AssumeRole', 'AssumeRole', 'AssumeRole', 'GetCallerIdentity', 'Signed request']);
    expect(m.nodes[4]!.facts[0]).toBe('arn:aws:sts::333333333333:assumed-role/ApiInvoker/SESSION');
    expect(m.nodes[5]!.facts[0]).toBe('arn:aws:execute-api:ap-northeast-1:333333333333:a1b2c3d4e5/prod/GET/items/42');
    expect(JSON.stringify(m)).not.toContain(EXTERNAL_ID);
  });

  it('an explicit assume-role on top of a profile chain adds its hop; the session comes from the reported ARN', () => {
    const m = buildChain({
      auth: { kind: 'assumeRole', base: { kind: 'profile', profile: 'ops' }, roleArn: 'arn:aws:iam::555555555555:role/Reader', externalId: EXTERNAL_ID, mfaSerial: 'arn:aws:iam::000000000000:mfa/bob' },
      profiles: CHAIN,
      whoami: { identity: identity('arn:aws:sts::555555555555:assumed-role/Reader/rolecall-17000', '555555555555') },
      target,
    });
    expect(m.nodes.map((n) => n.title).slice(0, 3)).toEqual(['Static keys · profile base', 'Role Ops · profile ops', 'Role Reader']);
    expect(m.nodes[2]!.facts).toEqual(['Account 555555555555', 'Session rolecall-17000', 'External ID set', 'MFA arn:aws:iam::000000000000:mfa/bob']);
    expect(states(m)).toEqual(['ok', 'ok', 'ok', 'notTried']);
    expect(JSON.stringify(m)).not.toContain(EXTERNAL_ID);
  });

  it('a refusal at hop 2 marks that edge failed with the readable error, the earlier ok and the later not tried', () => {
    const error: AppError = {
      code: 'STS_ACCESS_DENIED',
      message: "arn:aws:iam::222222222222:role/Partner refused the AssumeRole: check the role's trust policy and the caller's sts:AssumeRole permission.",
      detail: 'User: arn:aws:sts::111111111111:assumed-role/Ops/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Partner',
      awsCode: 'AccessDenied',
    };
    const m = buildChain({ auth: { kind: 'profile', profile: 'deploy' }, profiles: CHAIN, whoami: { error }, target });
    expect(states(m)).toEqual(['ok', 'failed', 'notTried', 'notTried', 'notTried']);
    expect(m.edges[1]!.error).toEqual({ message: error.message, code: 'STS_ACCESS_DENIED / AccessDenied', detail: error.detail });
    expect(m.summary).toContain('it broke at AssumeRole from Role Ops · profile ops to Role Partner · profile partner');
  });

  it('finds the refusing hop from "on resource:" in AWS\'s text when the message does not name it', () => {
    const error: AppError = {
      code: 'AWS_ERROR',
      message: 'AWS refused AssumeRole (AccessDenied).',
      detail: 'User: arn:aws:sts::222222222222:assumed-role/Partner/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/teams/ApiInvoker',
      awsCode: 'AccessDenied',
    };
    const m = buildChain({ auth: { kind: 'profile', profile: 'deploy' }, profiles: CHAIN, whoami: { error }, target });
    expect(states(m)).toEqual(['ok', 'ok', 'failed', 'notTried', 'notTried']);
  });

  it('a cancelled MFA prompt breaks the hop that needs MFA', () => {
    const m = buildChain({ auth: { kind: 'profile', profile: 'deploy' }, profiles: CHAIN, whoami: { error: { code: 'MFA_CANCELLED', message: 'The MFA prompt was cancelled.' } }, target });
    expect(states(m)).toEqual(['failed', 'notTried', 'notTried', 'notTried', 'notTried']);
  });

  it('base keys STS does not recognise break the first call made with them', () => {
    const error: AppError = { code: 'INVALID_CLIENT_TOKEN', message: 'AWS does not recognise the access key.', awsCode: 'InvalidClientTokenId' };
    expect(states(buildChain({ auth: { kind: 'profile', profile: 'deploy' }, profiles: CHAIN, whoami: { error }, target }))[0]).toBe('failed');
    expect(states(buildChain({ auth: { kind: 'env' }, whoami: { error }, target }))).toEqual(['failed', 'notTried']);
  });

  it('a source with no credentials fails the source node itself and tries nothing', () => {
    const error: AppError = { code: 'CREDENTIALS_MISSING', message: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set in RoleCall's environment." };
    const m = buildChain({ auth: { kind: 'env' }, whoami: { error }, target });
    expect(m.nodes[0]!.error?.message).toBe(error.message);
    expect(states(m)).toEqual(['notTried', 'notTried']);
    expect(m.summary).toContain('broke at its start');
  });

  it('a send stopped by a credential error marks the hop, not the target', () => {
    const error: AppError = { code: 'STS_ACCESS_DENIED', message: 'arn:aws:iam::333333333333:role/teams/ApiInvoker refused the AssumeRole.', awsCode: 'AccessDenied' };
    const m = buildChain({ auth: { kind: 'profile', profile: 'deploy' }, profiles: CHAIN, send: { error }, target });
    expect(states(m)).toEqual(['ok', 'ok', 'failed', 'notTried', 'notTried']);
  });

  it('a 403 from the target marks the last edge failed with the explainer\'s title; every hop worked', () => {
    const m = buildChain({
      auth: { kind: 'profile', profile: 'deploy' },
      profiles: CHAIN,
      send: { status: 403, refusalTitle: 'The API\'s resource policy does not allow this role', refusalText: 'User: anonymous is not authorized' },
      target,
    });
    expect(states(m)).toEqual(['ok', 'ok', 'ok', 'notTried', 'failed']);
    expect(m.edges[3]!.note).toBe('confirm with Who am I?');
    expect(m.edges[4]!.error).toEqual({ message: 'The API\'s resource policy does not allow this role', code: 'HTTP 403', detail: 'User: anonymous is not authorized' });
  });

  it('a 403 without a recognised cause still fails the last edge; a 200 after Who am I? is all ok', () => {
    const refused = buildChain({ auth: { kind: 'env' }, send: { status: 403 }, target });
    expect(refused.edges[1]!.error?.message).toBe('AWS refused the request (HTTP 403)');
    const ok = buildChain({ auth: { kind: 'env' }, whoami: { identity: identity('arn:aws:iam::444444444444:user/ci', '444444444444') }, send: { status: 200 }, target });
    expect(states(ok)).toEqual(['ok', 'ok']);
    expect(ok.edges[1]!.note).toBe('HTTP 200');
    expect(ok.summary).toContain('every step worked');
  });

  it('a network failure reaching the target fails the last edge only', () => {
    const m = buildChain({ auth: { kind: 'env' }, send: { error: { code: 'DNS_FAILURE', message: 'Could not reach a1b2.example.com: its host name does not resolve.' } }, target });
    expect(states(m)).toEqual(['notTried', 'failed']);
    expect(m.edges[1]!.error?.code).toBe('DNS_FAILURE');
  });

  it('a custom domain target shows the service and region it is signed for', () => {
    const m = buildChain({ auth: { kind: 'env' }, target: { url: 'https://api.example.com/v1/items', method: 'POST', region: 'eu-west-1', service: 'execute-api' } });
    const node = m.nodes.at(-1)!;
    expect(node.title).toBe('POST api.example.com');
    expect(node.facts).toEqual(['Service execute-api', 'Region eu-west-1']);
  });

  it('another AWS service shows the service and region read from its host', () => {
    const node = buildChain({ auth: { kind: 'env' }, target: { url: 'https://search-logs.eu-west-1.es.amazonaws.com/_search', method: 'GET' } }).nodes.at(-1)!;
    expect(node.facts).toEqual(['Service es', 'Region eu-west-1']);
  });

  it('SSO, credential_process, web identity and credential_source origins', () => {
    const profiles = list(
      profile({ name: 'sso', kind: 'sso', ssoAccountId: '666666666666', ssoRoleName: 'ReadOnly', ssoStartUrl: 'https://d-1.awsapps.com/start' }),
      profile({ name: 'proc', kind: 'process' }),
      profile({ name: 'web', kind: 'webIdentity', roleArn: 'arn:aws:iam::777777777777:role/Ci' }),
      profile({ name: 'task', kind: 'assumeRole', roleArn: 'arn:aws:iam::888888888888:role/Task', credentialSource: 'Environment', sourceChain: ['task', 'Environment'] }),
    );
    const sso = buildChain({ auth: { kind: 'profile', profile: 'sso' }, profiles });
    expect(sso.nodes[0]!.title).toBe('SSO · profile sso');
    expect(sso.nodes[0]!.facts).toEqual(['Account 666666666666', 'Permission set ReadOnly', 'Start URL https://d-1.awsapps.com/start']);
    expect(buildChain({ auth: { kind: 'profile', profile: 'proc' }, profiles }).nodes[0]!.title).toBe('credential_process · profile proc');
    const web = buildChain({ auth: { kind: 'profile', profile: 'web' }, profiles });
    expect(web.nodes.map((n) => n.title).slice(0, 2)).toEqual(['Web identity token · profile web', 'Role Ci · profile web']);
    expect(web.edges[0]!.action).toBe('AssumeRoleWithWebIdentity');
    const task = buildChain({ auth: { kind: 'profile', profile: 'task' }, profiles });
    expect(task.nodes.map((n) => n.title).slice(0, 2)).toEqual(['Environment variables', 'Role Task · profile task']);
  });

  it('no auth: an unsigned request straight to the target', () => {
    const m = buildChain({ auth: { kind: 'none' }, send: { status: 403, refusalTitle: 'Missing authentication token' }, target });
    expect(m.nodes.map((n) => n.kind)).toEqual(['source', 'target']);
    expect(m.edges[0]!.state).toBe('failed');
  });

  it('tells credential errors from errors reaching the target', () => {
    expect(isCredentialError({ code: 'TIMEOUT', message: 'STS did not answer in time.' })).toBe(true);
    expect(isCredentialError({ code: 'TIMEOUT', message: 'The server did not answer in time.' })).toBe(false);
    expect(isCredentialError({ code: 'EXPIRED_TOKEN', message: 'expired' })).toBe(true);
    expect(isCredentialError({ code: 'INSECURE_HTTP', message: 'plain http' })).toBe(false);
  });
});
