// Table-driven cases from AWS's documented policy evaluation logic: element matching, Not* elements, explicit
// deny, same- versus cross-account, trust policies, every modelled condition operator, and malformed policies.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { Decision, EvalRequest, PolicyDoc, PolicySet, PolicyStatement } from './types';

const A = '111111111111';
const B = '222222222222';
const API = `arn:aws:execute-api:eu-west-1:${A}:abc123`;
const TARGET = `${API}/prod/GET/pets`;
const SESSION_A = `arn:aws:sts::${A}:assumed-role/Invoker/alice`;
const SESSION_B = `arn:aws:sts::${B}:assumed-role/Caller/ci`;
const ROLE_A = `arn:aws:iam::${A}:role/Invoker`;
const ROLE_B = `arn:aws:iam::${B}:role/Caller`;
const USER_B = `arn:aws:iam::${B}:user/bob`;

const doc = (...Statement: PolicyStatement[]): PolicyDoc => ({ Version: '2012-10-17', Statement });
const allow = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: TARGET, ...extra });
const deny = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: TARGET, ...extra });
const invoke = (extra: Partial<EvalRequest> = {}): EvalRequest => ({ principal: { arn: SESSION_A }, action: 'execute-api:Invoke', resource: TARGET, ...extra });

interface Case {
  name: string;
  request?: Partial<EvalRequest>;
  policies: PolicySet;
  expect: Decision;
  /** Sids of the deciding statements, in order. */
  sids?: string[];
}

const identityOnly = (s: PolicyStatement, request?: Partial<EvalRequest>, expectDecision: Decision = 'allow'): Omit<Case, 'name'> => ({
  request,
  policies: { identity: [doc(s)] },
  expect: expectDecision,
});

const elementCases: Case[] = [
  { name: 'exact action and resource allow', ...identityOnly(allow()) },
  { name: 'action wildcard execute-api:*', ...identityOnly(allow({ Action: 'execute-api:*' })) },
  { name: 'action names compare without case', ...identityOnly(allow({ Action: 'Execute-API:invoke' })) },
  { name: '"?" matches one character of an action', ...identityOnly(allow({ Action: 'execute-api:Invok?' })) },
  { name: '"?" does not match two characters', ...identityOnly(allow({ Action: 'execute-api:Inv?' }), undefined, 'implicitDeny') },
  { name: 'Action "*" matches everything', ...identityOnly(allow({ Action: '*' })) },
  { name: 'another service\'s actions do not match', ...identityOnly(allow({ Action: 's3:*' }), undefined, 'implicitDeny') },
  { name: 'a list of actions: any one matching is enough', ...identityOnly(allow({ Action: ['s3:GetObject', 'execute-api:Invoke'] })) },
  { name: 'resource API_ID/* covers every stage and route', ...identityOnly(allow({ Resource: `${API}/*` })) },
  { name: 'stage wildcard', ...identityOnly(allow({ Resource: `${API}/*/GET/pets` })) },
  { name: 'region wildcard', ...identityOnly(allow({ Resource: `arn:aws:execute-api:*:${A}:abc123/*` })) },
  { name: 'account wildcard', ...identityOnly(allow({ Resource: 'arn:aws:execute-api:eu-west-1:*:abc123/prod/*' })) },
  { name: 'resources compare with case', ...identityOnly(allow({ Resource: `arn:aws:execute-api:eu-west-1:${A}:ABC123/*` }), undefined, 'implicitDeny') },
  { name: 'another API does not match', ...identityOnly(allow({ Resource: `arn:aws:execute-api:eu-west-1:${A}:zzz999/*` }), undefined, 'implicitDeny') },
  { name: '"?" in a resource', ...identityOnly(allow({ Resource: `arn:aws:execute-api:eu-west-1:${A}:abc12?/prod/GET/pets` })) },
  { name: 'Resource "*"', ...identityOnly(allow({ Resource: '*' })) },
  { name: 'other method is out of a method-scoped grant', ...identityOnly(allow({ Resource: `${API}/prod/POST/pets` }), undefined, 'implicitDeny') },
  { name: 'a region wildcard cannot swallow the account segment', ...identityOnly(allow({ Resource: `arn:aws:execute-api:*:${B}:abc123/*` }), undefined, 'implicitDeny') },
  { name: 'NotAction s3:* allows execute-api:Invoke', ...identityOnly({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }) },
  { name: 'NotAction execute-api:* leaves it out', ...identityOnly({ Effect: 'Allow', NotAction: 'execute-api:*', Resource: '*' }, undefined, 'implicitDeny') },
  { name: 'NotResource another API allows this one', ...identityOnly({ Effect: 'Allow', Action: 'execute-api:Invoke', NotResource: `arn:aws:execute-api:eu-west-1:${A}:zzz999/*` }) },
  { name: 'NotResource this API leaves it out', ...identityOnly({ Effect: 'Allow', Action: 'execute-api:Invoke', NotResource: `${API}/*` }, undefined, 'implicitDeny') },
  {
    name: 'Deny with NotAction does not hit a listed action',
    policies: { identity: [doc(allow({ Sid: 'Ok' }), { Effect: 'Deny', NotAction: 'execute-api:*', Resource: '*' })] },
    expect: 'allow',
    sids: ['Ok'],
  },
  {
    name: 'Deny with NotResource hits everything else',
    policies: { identity: [doc(allow(), { Sid: 'OnlyOther', Effect: 'Deny', Action: '*', NotResource: `arn:aws:execute-api:eu-west-1:${A}:zzz999/*` })] },
    expect: 'explicitDeny',
    sids: ['OnlyOther'],
  },
];

const denyCases: Case[] = [
  { name: 'explicit deny beats an allow in the same policy', policies: { identity: [doc(allow({ Sid: 'Yes' }), deny({ Sid: 'No' }))] }, expect: 'explicitDeny', sids: ['No'] },
  { name: 'a deny in another identity policy', policies: { identity: [doc(allow()), doc(deny({ Sid: 'Other' }))] }, expect: 'explicitDeny', sids: ['Other'] },
  {
    name: 'a resource policy deny beats an identity allow',
    policies: { identity: [doc(allow())], resource: doc(deny({ Sid: 'Blocked', Principal: '*' })) },
    expect: 'explicitDeny',
    sids: ['Blocked'],
  },
  { name: 'a deny whose condition does not hold does not apply', policies: { identity: [doc(allow({ Sid: 'Ok' }), deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } }))] }, request: { context: { 'aws:SecureTransport': true } }, expect: 'allow', sids: ['Ok'] },
  { name: 'no policy at all is an implicit deny', policies: { identity: [] }, expect: 'implicitDeny' },
  { name: 'a lone deny is explicit', policies: { identity: [doc(deny({ Sid: 'Only' }))] }, expect: 'explicitDeny', sids: ['Only'] },
  { name: 'a wildcard deny catches a specific allow', policies: { identity: [doc(allow(), { Sid: 'All', Effect: 'Deny', Action: '*', Resource: '*' })] }, expect: 'explicitDeny', sids: ['All'] },
];

const accountCases: Case[] = [
  { name: 'cross-account: identity allow alone is not enough', request: { principal: { arn: SESSION_B } }, policies: { identity: [doc(allow())] }, expect: 'implicitDeny' },
  {
    name: 'cross-account: resource allow alone is not enough',
    request: { principal: { arn: SESSION_B } },
    policies: { identity: [], resource: doc(allow({ Principal: { AWS: ROLE_B } })) },
    expect: 'implicitDeny',
  },
  {
    name: 'cross-account: both sides allow',
    request: { principal: { arn: SESSION_B } },
    policies: { identity: [doc(allow({ Sid: 'Mine' }))], resource: doc(allow({ Sid: 'Theirs', Principal: { AWS: [ROLE_B] } })) },
    expect: 'allow',
    sids: ['Mine', 'Theirs'],
  },
  {
    name: 'cross-account: the resource policy names the caller\'s account id',
    request: { principal: { arn: SESSION_B } },
    policies: { identity: [doc(allow())], resource: doc(allow({ Principal: { AWS: B } })) },
    expect: 'allow',
  },
  {
    name: 'cross-account: a resource policy for another account does not count',
    request: { principal: { arn: SESSION_B } },
    policies: { identity: [doc(allow())], resource: doc(allow({ Principal: { AWS: `arn:aws:iam::333333333333:root` } })) },
    expect: 'implicitDeny',
  },
  { name: 'same account: identity allow alone suffices', policies: { identity: [doc(allow())], resource: doc(allow({ Principal: { AWS: ROLE_B } })) }, expect: 'allow' },
  { name: 'same account: resource policy naming the role suffices (session matched to role)', policies: { identity: [], resource: doc(allow({ Sid: 'Role', Principal: { AWS: ROLE_A } })) }, expect: 'allow', sids: ['Role'] },
  { name: 'same account: a role ARN with a path still matches the session', policies: { identity: [], resource: doc(allow({ Principal: { AWS: `arn:aws:iam::${A}:role/team/Invoker` } })) }, expect: 'allow' },
  { name: 'same account: the exact session ARN matches', policies: { identity: [], resource: doc(allow({ Principal: { AWS: SESSION_A } })) }, expect: 'allow' },
  { name: 'same account: naming only the account root delegates to identity policies', policies: { identity: [], resource: doc(allow({ Principal: { AWS: `arn:aws:iam::${A}:root` } })) }, expect: 'implicitDeny' },
  { name: 'same account: account root plus an identity allow', policies: { identity: [doc(allow())], resource: doc(allow({ Principal: { AWS: `arn:aws:iam::${A}:root` } })) }, expect: 'allow' },
  { name: 'same account: Principal "*" allows anyone', policies: { identity: [], resource: doc(allow({ Principal: '*' })) }, expect: 'allow' },
  { name: 'same account: a resource policy for another role does not count', policies: { identity: [], resource: doc(allow({ Principal: { AWS: `arn:aws:iam::${A}:role/Other` } })) }, expect: 'implicitDeny' },
  {
    name: 'sameAccount given explicitly overrides the ARNs',
    request: { principal: { arn: SESSION_B } },
    policies: { identity: [], resource: doc(allow({ Principal: { AWS: ROLE_B } })), sameAccount: true },
    expect: 'allow',
  },
  {
    name: 'Deny with NotPrincipal leaves out the listed session',
    policies: { identity: [doc(allow())], resource: doc(deny({ Principal: undefined, NotPrincipal: { AWS: [SESSION_A, ROLE_A, `arn:aws:iam::${A}:root`] } })) },
    expect: 'allow',
  },
  {
    name: 'Deny with NotPrincipal naming only the role still denies its session',
    policies: { identity: [doc(allow())], resource: doc(deny({ Sid: 'NotMe', NotPrincipal: { AWS: ROLE_A } })) },
    expect: 'explicitDeny',
    sids: ['NotMe'],
  },
];

const assume = (principal: string, context: EvalRequest['context'] = {}): Partial<EvalRequest> => ({
  principal: { arn: principal },
  action: 'sts:AssumeRole',
  resource: ROLE_A,
  context,
});
const trustFor = (principal: string, extra: Partial<PolicyStatement> = {}): PolicyDoc =>
  doc({ Sid: 'Trust', Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole', ...extra });
const mayAssume = doc({ Sid: 'MayAssume', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_A });

const trustCases: Case[] = [
  { name: 'trust: cross-account with trust and identity allow', request: assume(SESSION_B), policies: { identity: [mayAssume], trust: trustFor(ROLE_B) }, expect: 'allow', sids: ['MayAssume', 'Trust'] },
  { name: 'trust: the trust policy names someone else', request: assume(SESSION_B), policies: { identity: [mayAssume], trust: trustFor(`arn:aws:iam::${B}:role/Other`) }, expect: 'implicitDeny' },
  { name: 'trust: cross-account without the caller\'s sts:AssumeRole', request: assume(SESSION_B), policies: { identity: [], trust: trustFor(ROLE_B) }, expect: 'implicitDeny' },
  { name: 'trust: same account, trust naming the user is enough', request: assume(`arn:aws:iam::${A}:user/carol`), policies: { identity: [], trust: trustFor(`arn:aws:iam::${A}:user/carol`) }, expect: 'allow', sids: ['Trust'] },
  { name: 'trust: an identity allow without a trust policy is not enough', request: assume(SESSION_B), policies: { identity: [mayAssume] }, expect: 'implicitDeny' },
  { name: 'trust: account root in trust plus caller permission', request: assume(USER_B), policies: { identity: [mayAssume], trust: trustFor(`arn:aws:iam::${B}:root`) }, expect: 'allow' },
  {
    name: 'trust: external ID matches',
    request: assume(SESSION_B, { 'sts:ExternalId': 'shared-7' }),
    policies: { identity: [mayAssume], trust: trustFor(ROLE_B, { Condition: { StringEquals: { 'sts:ExternalId': 'shared-7' } } }) },
    expect: 'allow',
  },
  {
    name: 'trust: wrong external ID',
    request: assume(SESSION_B, { 'sts:ExternalId': 'guess' }),
    policies: { identity: [mayAssume], trust: trustFor(ROLE_B, { Condition: { StringEquals: { 'sts:ExternalId': 'shared-7' } } }) },
    expect: 'implicitDeny',
  },
  {
    name: 'trust: external ID missing',
    request: assume(SESSION_B),
    policies: { identity: [mayAssume], trust: trustFor(ROLE_B, { Condition: { StringEquals: { 'sts:ExternalId': 'shared-7' } } }) },
    expect: 'implicitDeny',
  },
  {
    name: 'trust: MFA required and present',
    request: assume(USER_B, { 'aws:MultiFactorAuthPresent': true }),
    policies: { identity: [mayAssume], trust: trustFor(USER_B, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }) },
    expect: 'allow',
  },
  {
    name: 'trust: MFA required and absent',
    request: assume(USER_B, { 'aws:MultiFactorAuthPresent': false }),
    policies: { identity: [mayAssume], trust: trustFor(USER_B, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }) },
    expect: 'implicitDeny',
  },
  {
    name: 'trust: a service principal',
    request: { principal: { arn: 'lambda.amazonaws.com' }, action: 'sts:AssumeRole', resource: ROLE_A },
    policies: { identity: [], trust: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) },
    expect: 'allow',
  },
  {
    name: 'trust: another service is not named',
    request: { principal: { arn: 'ecs-tasks.amazonaws.com' }, action: 'sts:AssumeRole', resource: ROLE_A },
    policies: { identity: [], trust: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }) },
    expect: 'implicitDeny',
  },
];

/** One identity Allow with this Condition, evaluated in one account with this context. */
const cond = (name: string, Condition: PolicyStatement['Condition'], context: EvalRequest['context'], expectDecision: Decision): Case => ({
  name,
  request: { context },
  policies: { identity: [doc(allow({ Condition }))] },
  expect: expectDecision,
});
const T = '2026-06-01T12:00:00Z';

const conditionCases: Case[] = [
  cond('StringEquals holds', { StringEquals: { 'aws:PrincipalAccount': A } }, {}, 'allow'),
  cond('StringEquals fails', { StringEquals: { 'aws:PrincipalAccount': B } }, {}, 'implicitDeny'),
  cond('StringEquals is case-sensitive', { StringEquals: { 'sts:ExternalId': 'ABC' } }, { 'sts:ExternalId': 'abc' }, 'implicitDeny'),
  cond('condition key names are case-insensitive', { StringEquals: { 'STS:externalid': 'abc' } }, { 'sts:ExternalId': 'abc' }, 'allow'),
  cond('StringNotEquals holds for another value', { StringNotEquals: { 'aws:username': 'mallory' } }, { 'aws:username': 'alice' }, 'allow'),
  // aws:SourceVpc and the like are never absent here (only AWS knows them): a key RoleCall does know is absent.
  cond('StringNotEquals holds when the key is absent', { StringNotEquals: { 'aws:SourceIdentity': 'alice' } }, {}, 'allow'),
  cond('StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'sts:ExternalId': 'ABC' } }, { 'sts:ExternalId': 'abc' }, 'allow'),
  cond('StringNotEqualsIgnoreCase fails on a case variant', { StringNotEqualsIgnoreCase: { 'sts:ExternalId': 'ABC' } }, { 'sts:ExternalId': 'abc' }, 'implicitDeny'),
  cond('StringLike with *', { StringLike: { 'sts:RoleSessionName': 'ci-*' } }, { 'sts:RoleSessionName': 'ci-42' }, 'allow'),
  cond('StringLike fails', { StringLike: { 'sts:RoleSessionName': 'ci-*' } }, { 'sts:RoleSessionName': 'dev-1' }, 'implicitDeny'),
  cond('StringNotLike', { StringNotLike: { 'sts:RoleSessionName': 'ci-*' } }, { 'sts:RoleSessionName': 'dev-1' }, 'allow'),
  cond('StringEquals with a policy variable', { StringEquals: { 'aws:SourceIdentity': '${aws:username}' } }, { 'aws:username': 'alice', 'aws:SourceIdentity': 'alice' }, 'allow'),
  cond('ArnLike on aws:PrincipalArn (the role ARN of a session)', { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/Inv*` } }, {}, 'allow'),
  cond('ArnEquals takes wildcards like ArnLike', { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::*:role/Invoker` } }, {}, 'allow'),
  cond('ArnNotEquals', { ArnNotEquals: { 'aws:PrincipalArn': ROLE_B } }, {}, 'allow'),
  cond('ArnNotLike fails on a match', { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/*` } }, {}, 'implicitDeny'),
  cond('Bool true', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': true }, 'allow'),
  cond('Bool with a false value', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': false }, 'implicitDeny'),
  cond('Bool with the key absent fails', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, {}, 'implicitDeny'),
  cond('NumericLessThan', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': 120 }, 'allow'),
  cond('NumericLessThan fails at the bound', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': 3600 }, 'implicitDeny'),
  cond('NumericLessThanEquals at the bound', { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': 3600 } }, { 'aws:MultiFactorAuthAge': 3600 }, 'allow'),
  cond('NumericGreaterThan', { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '10' } }, { 'aws:MultiFactorAuthAge': 11 }, 'allow'),
  cond('NumericGreaterThanEquals fails below', { NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': '10' } }, { 'aws:MultiFactorAuthAge': 9 }, 'implicitDeny'),
  cond('NumericEquals', { NumericEquals: { 'aws:MultiFactorAuthAge': '10' } }, { 'aws:MultiFactorAuthAge': '10.0' }, 'allow'),
  cond('NumericNotEquals', { NumericNotEquals: { 'aws:MultiFactorAuthAge': '10' } }, { 'aws:MultiFactorAuthAge': 5 }, 'allow'),
  cond('Numeric with a non-number request value matches nothing', { NumericEquals: { 'aws:MultiFactorAuthAge': '10' } }, { 'aws:MultiFactorAuthAge': 'ten' }, 'implicitDeny'),
  cond('DateLessThan (ISO 8601)', { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }, { 'aws:CurrentTime': T }, 'allow'),
  cond('DateLessThan after the date', { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }, { 'aws:CurrentTime': T }, 'implicitDeny'),
  cond('DateGreaterThan (epoch seconds)', { DateGreaterThan: { 'aws:CurrentTime': '1700000000' } }, { 'aws:CurrentTime': T }, 'allow'),
  cond('DateGreaterThanEquals', { DateGreaterThanEquals: { 'aws:CurrentTime': T } }, { 'aws:CurrentTime': T }, 'allow'),
  cond('DateLessThanEquals', { DateLessThanEquals: { 'aws:CurrentTime': '2026-06-01T11:59:59Z' } }, { 'aws:CurrentTime': T }, 'implicitDeny'),
  cond('DateEquals across formats', { DateEquals: { 'aws:CurrentTime': '2026-06-01T12:00:00.000Z' } }, { 'aws:CurrentTime': T }, 'allow'),
  cond('DateNotEquals', { DateNotEquals: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, { 'aws:CurrentTime': T }, 'allow'),
  cond('IpAddress in an IPv4 range', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.9' }, 'allow'),
  cond('IpAddress outside the range', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.1' }, 'implicitDeny'),
  cond('IpAddress in an IPv6 range', { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db8:0:1::5' }, 'allow'),
  cond('IpAddress one of several ranges (values OR)', { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] } }, { 'aws:SourceIp': '10.1.2.3' }, 'allow'),
  cond('NotIpAddress', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '203.0.113.9' }, 'allow'),
  cond('NotIpAddress fails inside', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.9.9.9' }, 'implicitDeny'),
  cond('Null true: key absent', { Null: { 'sts:ExternalId': 'true' } }, {}, 'allow'),
  cond('Null true: key present fails', { Null: { 'sts:ExternalId': 'true' } }, { 'sts:ExternalId': 'x' }, 'implicitDeny'),
  cond('Null false: key present', { Null: { 'sts:ExternalId': 'false' } }, { 'sts:ExternalId': 'x' }, 'allow'),
  cond('IfExists: absent key holds', { StringEqualsIfExists: { 'aws:SourceIdentity': 'alice' } }, {}, 'allow'),
  cond('IfExists: present key is tested', { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } }, { 'aws:SourceVpc': 'vpc-2' }, 'implicitDeny'),
  cond('BoolIfExists with MFA absent (long-term keys)', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, {}, 'allow'),
  cond('ForAnyValue: one of the request values', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } }, { 'aws:TagKeys': ['env', 'team'] }, 'allow'),
  cond('ForAnyValue: none of them', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } }, { 'aws:TagKeys': ['env'] }, 'implicitDeny'),
  cond('ForAnyValue: absent key fails', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } }, {}, 'implicitDeny'),
  cond('ForAllValues: every request value allowed', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } }, { 'aws:TagKeys': ['env'] }, 'allow'),
  cond('ForAllValues: one value not allowed', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, { 'aws:TagKeys': ['team', 'env'] }, 'implicitDeny'),
  cond('ForAllValues: absent key holds (the documented trap)', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, {}, 'allow'),
  cond('ForAllValues:StringNotEquals', { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['secret'] } }, { 'aws:TagKeys': ['team', 'env'] }, 'allow'),
  cond('ForAnyValue:StringLike', { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['te*'] } }, { 'aws:TagKeys': ['env', 'team'] }, 'allow'),
  cond('several keys: all must hold (AND)', { StringEquals: { 'aws:PrincipalAccount': A, 'sts:ExternalId': 'x' } }, { 'sts:ExternalId': 'y' }, 'implicitDeny'),
  cond('several keys all holding', { StringEquals: { 'aws:PrincipalAccount': A, 'sts:ExternalId': 'x' } }, { 'sts:ExternalId': 'x' }, 'allow'),
  cond('several operators: all must hold (AND)', { StringEquals: { 'aws:PrincipalAccount': A }, Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': false }, 'implicitDeny'),
  cond('several values: any one (OR)', { StringEquals: { 'sts:ExternalId': ['a', 'b', 'c'] } }, { 'sts:ExternalId': 'b' }, 'allow'),
  cond('BinaryEquals', { BinaryEquals: { 'aws:userid': 'QUJD' } }, { 'aws:userid': 'QUJD' }, 'allow'),
  cond('an unknown operator is not judged as holding', { StringMaybe: { 'sts:ExternalId': 'x' } }, { 'sts:ExternalId': 'x' }, 'implicitDeny'),
];

const variableCases: Case[] = [
  {
    name: 'policy variable in a resource',
    request: { principal: { arn: USER_B, account: B }, resource: `arn:aws:s3:::home/bob/notes.txt`, action: 's3:GetObject' },
    policies: { identity: [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' })], sameAccount: true },
    expect: 'allow',
  },
  {
    name: 'policy variable in a resource for another user',
    request: { principal: { arn: USER_B, account: B }, resource: `arn:aws:s3:::home/eve/notes.txt`, action: 's3:GetObject' },
    policies: { identity: [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' })], sameAccount: true },
    expect: 'implicitDeny',
  },
];

describe('evaluate: AWS evaluation logic, table-driven', () => {
  const all = [...elementCases, ...denyCases, ...accountCases, ...trustCases, ...conditionCases, ...variableCases];
  it('has at least 60 cases', () => expect(all.length).toBeGreaterThanOrEqual(60));
  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = evaluate(invoke(c.request), c.policies);
    expect(result.decision, result.reasons.join('\n')).toBe(c.expect);
    if (c.sids) expect(result.deciding.map((d) => d.sid)).toEqual(c.sids);
    if (c.expect === 'implicitDeny') expect(result.deciding).toEqual([]);
    expect(result.reasons.length).toBeGreaterThan(0);
  });
});

describe('evaluate: what it says', () => {
  it('points at the deciding statement with its policy, document and index', () => {
    const result = evaluate(invoke(), { identity: [doc(allow()), doc(allow(), deny({ Sid: 'Stop' }))] });
    expect(result.deciding).toEqual([{ policy: 'identity', document: 1, index: 1, sid: 'Stop', statement: deny({ Sid: 'Stop' }) }]);
    expect(result.reasons.join('\n')).toContain('"Stop" of identity policy 2 denies');
  });

  it('says which condition kept an allow from applying', () => {
    const result = evaluate(invoke(assume(SESSION_B, { 'sts:ExternalId': 'guess' })), {
      identity: [mayAssume],
      trust: trustFor(ROLE_B, { Condition: { StringEquals: { 'sts:ExternalId': 'shared-7' } } }),
    });
    expect(result.reasons.join('\n')).toContain('StringEquals sts:ExternalId "shared-7" (the request has "guess")');
  });

  it('says cross-account needs both sides', () => {
    const result = evaluate(invoke({ principal: { arn: SESSION_B } }), { identity: [doc(allow())] });
    expect(result.reasons.join('\n')).toMatch(/both sides must allow/);
    expect(result.reasons.join('\n')).toContain('No resource policy was given');
  });

  it('always lists SCPs, permission boundaries and session policies as unjudged', () => {
    const result = evaluate(invoke(), { identity: [doc(allow())] });
    expect(result.unjudged.join('\n')).toMatch(/SCP/);
    expect(result.unjudged.join('\n')).toMatch(/[Pp]ermission boundar/);
    expect(result.unjudged.join('\n')).toMatch(/[Ss]ession polic/);
  });

  it('names an unknown operator and an unknown key as unjudged', () => {
    const result = evaluate(invoke(), { identity: [doc(allow({ Condition: { StringMaybe: { 'aws:CalledViaFirst': 'o-1' } } }))] });
    expect(result.unjudged.join('\n')).toContain('"StringMaybe" is not one RoleCall models');
    expect(result.unjudged.join('\n')).toContain('does not model the condition key aws:CalledViaFirst');
  });

  it('says when a key AWS always sets was not given', () => {
    const result = evaluate(invoke(), { identity: [doc(allow({ Condition: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } } }))] });
    expect(result.unjudged.join('\n')).toContain('AWS always sets aws:CurrentTime');
  });

  it('an unknown-operator Deny is flagged as possibly applying, not ignored silently', () => {
    const result = evaluate(invoke(), { identity: [doc(allow(), deny({ Sid: 'Odd', Condition: { Weird: { 'aws:SourceIp': '1.2.3.4' } } }))] });
    expect(result.decision).toBe('allow');
    expect(result.unjudged.join('\n')).toContain('Deny statement "Odd" of identity policy 1 might apply');
  });
});

describe('evaluate: malformed policies are clear errors', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['not JSON', '{"Statement": [', /not JSON/],
    ['Effect in lower case', doc({ ...allow(), Effect: 'allow' as 'Allow' }), /Effect must be "Allow" or "Deny"/],
    ['both Action and NotAction', doc({ ...allow(), NotAction: 's3:*' }), /exactly one of Action or NotAction/],
    ['neither Action nor NotAction', { Statement: [{ Effect: 'Allow', Resource: '*' }] }, /exactly one of Action or NotAction/],
    ['an identity statement with a Principal', doc(allow({ Principal: '*' })), /must not name a Principal/],
    ['an identity statement without Resource', { Statement: [{ Effect: 'Allow', Action: '*' }] }, /needs Resource or NotResource/],
    ['a misspelt element', { Statement: [{ Effect: 'Allow', Actions: '*', Resource: '*' }] }, /unknown element "Actions"/],
    ['a wrong Version', { Version: '2012-10-18', Statement: [allow()] }, /Version must be "2012-10-17"/],
    ['an empty Statement list', { Statement: [] }, /Statement list is empty/],
    ['no Statement', { Version: '2012-10-17' }, /has no Statement/],
    ['an action without a service', doc(allow({ Action: 'Invoke' })), /must look like service:Action/],
    ['a condition value that is an object', doc(allow({ Condition: { StringEquals: { 'aws:username': { a: 1 } as unknown as string } } })), /values must be strings/],
  ];
  it.each(cases)('%s', (_name, policy, message) => {
    expect(() => evaluate(invoke(), { identity: [policy as PolicyDoc] })).toThrow(message);
    try {
      evaluate(invoke(), { identity: [policy as PolicyDoc] });
    } catch (err) {
      expect((err as { code?: string }).code).toBe('INVALID_INPUT');
      expect((err as Error).message).toMatch(/^Identity policy 1 is not a valid IAM policy/);
    }
  });

  it('a resource policy without a Principal', () => {
    expect(() => evaluate(invoke(), { identity: [], resource: doc(allow()) })).toThrow(/resource policy statement needs Principal/);
  });

  it('a principal ARN with a partial wildcard', () => {
    expect(() => evaluate(invoke(), { identity: [], resource: doc(allow({ Principal: { AWS: `arn:aws:iam::${A}:role/Inv*` } })) })).toThrow(
      /cannot hold a wildcard/,
    );
  });
});
