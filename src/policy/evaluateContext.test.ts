// Table-driven cases for what the evaluator knows of the caller beyond its ARN: the principal keys AWS derives
// (aws:PrincipalArn, aws:PrincipalAccount), keys whose value only AWS knows (aws:PrincipalOrgID, aws:SourceVpce...)
// which make a verdict "depend on" them instead of being silently absent, principal tags, permission boundaries,
// and the organization policies no member account can read.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { verdictOf } from './verdict';
import type { Decision, EvalRequest, PolicyDoc, PolicySet, PolicyStatement } from './types';

const A = '111111111111';
const B = '222222222222';
const TARGET = `arn:aws:execute-api:eu-west-1:${A}:abc123/prod/GET/pets`;
const SESSION_A = `arn:aws:sts::${A}:assumed-role/Invoker/alice`;
const SESSION_B = `arn:aws:sts::${B}:assumed-role/Caller/ci`;
const ROLE_A = `arn:aws:iam::${A}:role/Invoker`;
const ROLE_A_PATHED = `arn:aws:iam::${A}:role/teams/Invoker`;

const doc = (...Statement: PolicyStatement[]): PolicyDoc => ({ Version: '2012-10-17', Statement });
const allow = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: TARGET, ...extra });
const deny = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: TARGET, ...extra });
const resourceAllow = (principal: string, extra: Partial<PolicyStatement> = {}): PolicyStatement => allow({ Principal: { AWS: principal }, ...extra });
const when = (operator: string, key: string, value: string | string[]) => ({ Condition: { [operator]: { [key]: value } } });

interface Case {
  name: string;
  request?: Partial<EvalRequest>;
  principal?: Partial<EvalRequest['principal']>;
  policies: PolicySet;
  expect: Decision;
  /** Keys the verdict depends on; [] when it depends on none. */
  dependsOn?: string[];
  /** Sids of the deciding statements, in order. */
  sids?: string[];
}

const request = (c: Case): EvalRequest => ({
  principal: { arn: SESSION_A, ...c.principal },
  action: 'execute-api:Invoke',
  resource: TARGET,
  ...c.request,
});

const principalKeyCases: Case[] = [
  { name: 'aws:PrincipalAccount equal to the caller\'s account', policies: { identity: [doc(allow(when('StringEquals', 'aws:PrincipalAccount', A)))] }, expect: 'allow', dependsOn: [] },
  { name: 'aws:PrincipalAccount of another account', policies: { identity: [doc(allow(when('StringEquals', 'aws:PrincipalAccount', B)))] }, expect: 'implicitDeny', dependsOn: [] },
  { name: 'aws:PrincipalArn of a session is its role\'s ARN', policies: { identity: [doc(allow(when('ArnEquals', 'aws:PrincipalArn', ROLE_A)))] }, expect: 'allow' },
  { name: 'aws:PrincipalArn is never the session ARN', policies: { identity: [doc(allow(when('StringEquals', 'aws:PrincipalArn', SESSION_A)))] }, expect: 'implicitDeny' },
  { name: 'aws:PrincipalArn carries the role\'s path when GetRole told it', principal: { roleArn: ROLE_A_PATHED }, policies: { identity: [doc(allow(when('ArnLike', 'aws:PrincipalArn', `arn:aws:iam::${A}:role/teams/*`)))] }, expect: 'allow' },
  { name: 'a Deny on aws:PrincipalAccount of a stranger does not apply', policies: { identity: [doc(allow(), deny(when('StringNotEquals', 'aws:PrincipalAccount', A)))] }, expect: 'allow' },
];

const dependsCases: Case[] = [
  {
    name: 'aws:PrincipalOrgID unknown: an Allow on it makes the refusal depend on it',
    policies: { identity: [], resource: doc(resourceAllow('*', { Sid: 'OrgOnly', ...when('StringEquals', 'aws:PrincipalOrgID', 'o-abc123') })) },
    expect: 'implicitDeny',
    dependsOn: ['aws:PrincipalOrgID'],
  },
  {
    name: 'aws:PrincipalOrgID known and equal: allowed, depending on nothing',
    principal: { orgId: 'o-abc123' },
    policies: { identity: [], resource: doc(resourceAllow('*', { Sid: 'OrgOnly', ...when('StringEquals', 'aws:PrincipalOrgID', 'o-abc123') })) },
    expect: 'allow',
    dependsOn: [],
    sids: ['OrgOnly'],
  },
  {
    name: 'aws:PrincipalOrgID known and different: refused, depending on nothing',
    principal: { orgId: 'o-other' },
    policies: { identity: [], resource: doc(resourceAllow('*', when('StringEquals', 'aws:PrincipalOrgID', 'o-abc123'))) },
    expect: 'implicitDeny',
    dependsOn: [],
  },
  {
    name: 'aws:PrincipalOrgID unknown in a Deny: the allow depends on it',
    policies: { identity: [doc(allow(), deny(when('StringNotEquals', 'aws:PrincipalOrgID', 'o-abc123')))] },
    expect: 'allow',
    dependsOn: ['aws:PrincipalOrgID'],
  },
  {
    name: 'aws:SourceVpce unknown: a private-API style Deny makes the allow depend on it',
    policies: { identity: [], resource: doc(resourceAllow('*'), deny({ Principal: '*', ...when('StringNotEquals', 'aws:SourceVpce', 'vpce-0123') })) },
    expect: 'allow',
    dependsOn: ['aws:SourceVpce'],
  },
  {
    name: 'aws:SourceVpce known absent (the request goes over the internet): the Deny applies',
    request: { absent: ['aws:SourceVpce'] },
    policies: { identity: [], resource: doc(resourceAllow('*'), deny({ Sid: 'OnlyViaVpce', Principal: '*', ...when('StringNotEquals', 'aws:SourceVpce', 'vpce-0123') })) },
    expect: 'explicitDeny',
    dependsOn: [],
    sids: ['OnlyViaVpce'],
  },
  {
    name: 'aws:SourceVpce given: the Deny does not apply',
    request: { context: { 'aws:SourceVpce': 'vpce-0123' } },
    policies: { identity: [], resource: doc(resourceAllow('*'), deny({ Principal: '*', ...when('StringNotEquals', 'aws:SourceVpce', 'vpce-0123') })) },
    expect: 'allow',
    dependsOn: [],
  },
  {
    name: 'aws:SourceVpc unknown in an Allow with IfExists still depends on it',
    policies: { identity: [doc(allow(when('StringEqualsIfExists', 'aws:SourceVpc', 'vpc-1')))] },
    expect: 'implicitDeny',
    dependsOn: ['aws:SourceVpc'],
  },
  {
    name: 'an unknown key in an Allow does not matter when another Allow decides',
    policies: { identity: [doc(allow({ Sid: 'Plain' }), allow(when('StringEquals', 'aws:PrincipalOrgID', 'o-1')))] },
    expect: 'allow',
    dependsOn: [],
    sids: ['Plain'],
  },
  {
    name: 'an explicit Deny decides whatever an unknown key says',
    policies: { identity: [doc(deny({ Sid: 'No' }), allow(when('StringEquals', 'aws:PrincipalOrgID', 'o-1')))] },
    expect: 'explicitDeny',
    dependsOn: [],
  },
];

const tagCases: Case[] = [
  { name: 'principal tag equal', principal: { tags: { team: 'payments' } }, policies: { identity: [doc(allow(when('StringEquals', 'aws:PrincipalTag/team', 'payments')))] }, expect: 'allow', dependsOn: [] },
  { name: 'principal tag different', principal: { tags: { team: 'search' } }, policies: { identity: [doc(allow(when('StringEquals', 'aws:PrincipalTag/team', 'payments')))] }, expect: 'implicitDeny', dependsOn: [] },
  { name: 'principal tag keys compare without case', principal: { tags: { Team: 'payments' } }, policies: { identity: [doc(allow(when('StringEquals', 'aws:PrincipalTag/team', 'payments')))] }, expect: 'allow' },
  { name: 'tags read and the tag missing: truly absent', principal: { tags: {} }, policies: { identity: [doc(allow(when('StringEquals', 'aws:PrincipalTag/team', 'payments')))] }, expect: 'implicitDeny', dependsOn: [] },
  { name: 'tags read and the tag missing: Null true holds', principal: { tags: {} }, policies: { identity: [doc(allow(when('Null', 'aws:PrincipalTag/team', 'true')))] }, expect: 'allow' },
  { name: 'tags not readable: depends on the tag', policies: { identity: [doc(allow(when('StringEquals', 'aws:PrincipalTag/team', 'payments')))] }, expect: 'implicitDeny', dependsOn: ['aws:PrincipalTag/team'] },
  { name: 'a tag as a policy variable in the resource', principal: { tags: { stage: 'prod' } }, policies: { identity: [doc(allow({ Resource: `arn:aws:execute-api:eu-west-1:${A}:abc123/\${aws:PrincipalTag/stage}/*` }))] }, expect: 'allow' },
  { name: 'a Deny on a tag the role has', principal: { tags: { frozen: 'true' } }, policies: { identity: [doc(allow(), deny({ Sid: 'Frozen', ...when('StringEquals', 'aws:PrincipalTag/frozen', 'true') }))] }, expect: 'explicitDeny', sids: ['Frozen'] },
];

const boundary = (...s: PolicyStatement[]) => doc(...s);
const boundaryCases: Case[] = [
  { name: 'identity and boundary both allow', policies: { identity: [doc(allow({ Sid: 'Id' }))], boundary: boundary(allow({ Sid: 'Edge', Resource: '*' })) }, expect: 'allow', sids: ['Id', 'Edge'] },
  { name: 'the boundary does not allow the action: the identity Allow does not count', policies: { identity: [doc(allow())], boundary: boundary({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }, expect: 'implicitDeny' },
  { name: 'the boundary allows but the identity policy does not', policies: { identity: [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })], boundary: boundary(allow({ Resource: '*' })) }, expect: 'implicitDeny' },
  { name: 'an explicit Deny in the boundary', policies: { identity: [doc(allow())], boundary: boundary({ Effect: 'Allow', Action: '*', Resource: '*' }, deny({ Sid: 'EdgeDeny' })) }, expect: 'explicitDeny', sids: ['EdgeDeny'] },
  { name: 'a boundary with NotAction leaving execute-api out', policies: { identity: [doc(allow())], boundary: boundary({ Effect: 'Allow', NotAction: 'execute-api:*', Resource: '*' }) }, expect: 'implicitDeny' },
  { name: 'a boundary\'s condition that holds', principal: { tags: { team: 'a' } }, policies: { identity: [doc(allow())], boundary: boundary(allow({ Resource: '*', ...when('StringEquals', 'aws:PrincipalTag/team', 'a') })) }, expect: 'allow' },
  { name: 'known to have no boundary: the identity Allow is enough', policies: { identity: [doc(allow())], boundary: 'none' }, expect: 'allow' },
  {
    name: 'same account: a resource policy naming the session ARN is not limited by the boundary',
    policies: { identity: [], resource: doc(resourceAllow(SESSION_A, { Sid: 'Session' })), boundary: boundary({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
    expect: 'allow',
    sids: ['Session'],
  },
  {
    name: 'same account: a resource policy naming the role ARN is limited by the boundary',
    policies: { identity: [], resource: doc(resourceAllow(ROLE_A)), boundary: boundary({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
    expect: 'implicitDeny',
  },
  {
    name: 'cross-account: the boundary limits the caller\'s side even when the resource policy allows',
    principal: { arn: SESSION_B },
    policies: { identity: [doc(allow())], resource: doc(resourceAllow(`arn:aws:iam::${B}:role/Caller`)), boundary: boundary({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
    expect: 'implicitDeny',
  },
  {
    name: 'AssumeRole: the caller\'s boundary must allow sts:AssumeRole too',
    principal: { arn: SESSION_B },
    request: { action: 'sts:AssumeRole', resource: ROLE_A },
    policies: {
      identity: [doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_A })],
      trust: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:role/Caller` }, Action: 'sts:AssumeRole' }),
      boundary: boundary(allow({ Resource: '*' })),
    },
    expect: 'implicitDeny',
  },
];

describe('evaluate: principal keys, keys only AWS knows, tags and boundaries, table-driven', () => {
  const all = [...principalKeyCases, ...dependsCases, ...tagCases, ...boundaryCases];
  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = evaluate(request(c), c.policies);
    expect(result.decision, result.reasons.join('\n')).toBe(c.expect);
    if (c.dependsOn) expect(result.dependsOn).toEqual(c.dependsOn);
    if (c.sids) expect(result.deciding.map((d) => d.sid)).toEqual(c.sids);
  });
});

describe('evaluate: what it says about what it cannot see', () => {
  const orgAllow: PolicySet = { identity: [], resource: doc(resourceAllow('*', { Sid: 'OrgOnly', ...when('StringEquals', 'aws:PrincipalOrgID', 'o-abc123') })) };

  it('says the verdict depends on an unknown key, in the unjudged lines and the verdict\'s sentence', () => {
    const req = request({ name: '', policies: orgAllow, expect: 'implicitDeny' });
    const result = evaluate(req, orgAllow);
    expect(result.unjudged.join('\n')).toMatch(/depends on aws:PrincipalOrgID/);
    expect(result.unjudged.join('\n')).not.toMatch(/does not model the condition key aws:PrincipalOrgID/);
    expect(verdictOf(req, orgAllow, result).summary).toMatch(/depends on aws:PrincipalOrgID/);
  });

  it('says SCPs and RCPs cannot be read from a member account and are not judged, whatever the policies', () => {
    const result = evaluate(request({ name: '', policies: { identity: [] }, expect: 'implicitDeny' }), { identity: [doc(allow())], boundary: 'none' });
    expect(result.unjudged.join('\n')).toMatch(/SCPs.*RCPs.*cannot be read from a member account.*not judged/);
  });

  it('says whether a permission boundary was judged: evaluated, known absent, or not read', () => {
    const base = request({ name: '', policies: { identity: [] }, expect: 'allow' });
    const text = (policies: PolicySet) => { const r = evaluate(base, policies); return [...r.reasons, ...r.unjudged].join('\n'); };
    expect(text({ identity: [doc(allow())] })).toMatch(/[Pp]ermission boundar.*not read/);
    expect(text({ identity: [doc(allow())], boundary: 'none' })).toMatch(/has no permission boundary/);
    expect(text({ identity: [doc(allow())], boundary: 'none' })).not.toMatch(/[Pp]ermission boundar.*not read/);
    expect(text({ identity: [doc(allow())], boundary: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) })).toMatch(/permission boundary does not allow/);
  });

  it('names the boundary in the verdict when it is what refuses', () => {
    const policies: PolicySet = { identity: [doc(allow())], boundary: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) };
    const req = request({ name: '', policies, expect: 'implicitDeny' });
    expect(verdictOf(req, policies, evaluate(req, policies)).summary).toMatch(/permission boundary/);
    const denied: PolicySet = { identity: [doc(allow())], boundary: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, deny({ Sid: 'EdgeDeny' })) };
    expect(verdictOf(req, denied, evaluate(req, denied)).summary).toContain('"EdgeDeny" of the permission boundary');
  });
});
