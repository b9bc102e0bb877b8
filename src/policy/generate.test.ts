// The generated policies are valid JSON, explained line by line, and allow exactly the chosen scope when run
// back through the evaluator: in-scope requests allowed, other paths / methods / stages / APIs implicitly denied.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { executeApiTarget, scopedExecuteApiArn, type ExecuteApiTarget, type PolicyScope } from './executeApiArn';
import { generateWorkshop, type WorkshopInput } from './generate';
import type { Decision, EvalRequest } from './types';

const A = '111111111111';
const B = '222222222222';
const target: ExecuteApiTarget = { region: 'ap-northeast-1', account: A, apiId: 'abc123', stage: 'stag', method: 'GET', path: 'hoge/items' };
const arn = (t: Partial<ExecuteApiTarget>) => scopedExecuteApiArn({ ...target, ...t }, 'method-path');

const variants = {
  same: arn({}),
  otherPath: arn({ path: 'hoge/other' }),
  deeperPath: arn({ path: 'hoge/items/1' }),
  otherMethod: arn({ method: 'POST' }),
  otherStage: arn({ stage: 'prod' }),
  otherApi: arn({ apiId: 'zzz999' }),
  otherRegion: arn({ region: 'eu-west-1' }),
};
const allowedIn: Record<PolicyScope, Array<keyof typeof variants>> = {
  'method-path': ['same'],
  stage: ['same', 'otherPath', 'deeperPath', 'otherMethod'],
  api: ['same', 'otherPath', 'deeperPath', 'otherMethod', 'otherStage'],
};

const scenarios: Array<{ name: string; input: Omit<WorkshopInput, 'scope'>; session: string }> = [
  {
    name: 'role in the API account, assumed from account B (field notes §1)',
    input: { target, callerRoleArn: `arn:aws:iam::${A}:role/ApiAllowByIamRoleStag`, basePrincipalArn: `arn:aws:sts::${B}:assumed-role/LambdaRoleDeve/fn`, externalId: 'ext-42', mfa: false },
    session: `arn:aws:sts::${A}:assumed-role/ApiAllowByIamRoleStag/rolecall`,
  },
  {
    name: 'role in account B allowed by the resource policy (cross-account invoke)',
    input: { target, callerRoleArn: `arn:aws:iam::${B}:role/team/APIGatewayInvokerRole`, basePrincipalArn: `arn:aws:iam::${B}:user/alice`, mfa: true },
    session: `arn:aws:sts::${B}:assumed-role/APIGatewayInvokerRole/alice`,
  },
];

describe('generateWorkshop: round trip through the evaluator', () => {
  for (const scenario of scenarios) {
    for (const scope of ['method-path', 'stage', 'api'] as const) {
      const w = generateWorkshop({ ...scenario.input, scope });
      const policies = { identity: [w.identityPolicy.policy], resource: w.resourcePolicy.policy };
      const request = (resource: string): EvalRequest => ({ principal: { arn: scenario.session }, action: 'execute-api:Invoke', resource });

      it(`${scenario.name}, scope ${scope}: allows exactly the scope`, () => {
        const got = Object.fromEntries(Object.entries(variants).map(([k, r]) => [k, evaluate(request(r), policies).decision]));
        const want = Object.fromEntries(Object.keys(variants).map((k) => [k, allowedIn[scope].includes(k as keyof typeof variants) ? 'allow' : 'implicitDeny']));
        expect(got).toEqual(want);
      });

      it(`${scenario.name}, scope ${scope}: the base principal may assume the role, with its conditions`, () => {
        const trustPolicies = { identity: [w.basePolicy.policy], trust: w.trustPolicy.policy };
        const base = scenario.input.basePrincipalArn;
        const context = { 'sts:ExternalId': 'ext-42', 'aws:MultiFactorAuthPresent': true };
        const assume = (ctx: EvalRequest['context'], principal = base): Decision =>
          evaluate({ principal: { arn: principal }, action: 'sts:AssumeRole', resource: scenario.input.callerRoleArn, context: ctx }, trustPolicies).decision;
        expect(assume(context)).toBe('allow');
        expect(assume(context, `arn:aws:iam::${B}:user/mallory`)).toBe('implicitDeny');
        if (scenario.input.externalId) expect(assume({ ...context, 'sts:ExternalId': 'wrong' })).toBe('implicitDeny');
        if (scenario.input.mfa) expect(assume({ ...context, 'aws:MultiFactorAuthPresent': false })).toBe('implicitDeny');
      });
    }
  }

  it('cross-account: neither the identity policy nor the resource policy alone is enough', () => {
    const s = scenarios[1]!;
    const w = generateWorkshop({ ...s.input, scope: 'stage' });
    const request: EvalRequest = { principal: { arn: s.session }, action: 'execute-api:Invoke', resource: variants.same };
    expect(evaluate(request, { identity: [w.identityPolicy.policy] }).decision).toBe('implicitDeny');
    expect(evaluate(request, { identity: [], resource: w.resourcePolicy.policy }).decision).toBe('implicitDeny');
    const both = evaluate(request, { identity: [w.identityPolicy.policy], resource: w.resourcePolicy.policy });
    expect(both.deciding.map((d) => d.sid)).toEqual(['InvokeApi', 'AllowInvokerRole']);
  });
});

describe('generateWorkshop: the documents', () => {
  const w = generateWorkshop({ ...scenarios[0]!.input, mfa: true, scope: 'method-path' });

  it('are valid JSON equal to the policy objects, explained on every non-bracket line', () => {
    for (const d of [w.resourcePolicy, w.trustPolicy, w.identityPolicy, w.basePolicy]) {
      expect(JSON.parse(d.json)).toEqual(d.policy);
      expect(d.json).toBe(JSON.stringify(d.policy, null, 2));
      for (const line of d.explanation) {
        if (!/^\s*[\]}],?$/.test(line.text)) expect(line.explanation, line.text).not.toBe('');
      }
    }
  });

  it('writes the scenario\'s three policies', () => {
    expect(w.resourceArn).toBe(`arn:aws:execute-api:ap-northeast-1:${A}:abc123/stag/GET/hoge/items`);
    expect(w.resourcePolicy.policy.Statement).toEqual([
      { Sid: 'AllowInvokerRole', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/ApiAllowByIamRoleStag` }, Action: 'execute-api:Invoke', Resource: w.resourceArn },
    ]);
    expect(w.trustPolicy.policy.Statement).toEqual([
      {
        Sid: 'AllowBasePrincipal',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${B}:role/LambdaRoleDeve` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'ext-42' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ]);
    expect(w.identityPolicy.policy.Statement).toEqual([{ Sid: 'InvokeApi', Effect: 'Allow', Action: 'execute-api:Invoke', Resource: w.resourceArn }]);
  });

  it('leaves the conditions out when the auth uses neither external ID nor MFA', () => {
    const plain = generateWorkshop({ ...scenarios[0]!.input, externalId: undefined, mfa: false, scope: 'api' });
    expect(plain.trustPolicy.json).not.toContain('Condition');
  });

  it('explains in words', () => {
    const text = (lines: typeof w.trustPolicy.explanation) => lines.map((l) => l.explanation).join('\n');
    expect(text(w.resourcePolicy.explanation)).toContain('GET on /hoge/items in stage stag of API abc123');
    expect(text(w.trustPolicy.explanation)).toContain('confused deputy');
    expect(text(w.trustPolicy.explanation)).toContain('MFA');
    expect(text(w.trustPolicy.explanation)).toContain('The role LambdaRoleDeve in account 222222222222: every session');
    expect(text(generateWorkshop({ ...scenarios[0]!.input, scope: 'stage' }).identityPolicy.explanation)).toContain('every method and path of stage stag');
  });

  it('refuses input it cannot write a policy for', () => {
    const bad: Array<[Partial<WorkshopInput>, RegExp]> = [
      [{ callerRoleArn: 'arn:aws:iam::1:role/x' }, /not an IAM role ARN/],
      [{ basePrincipalArn: 'bob' }, /not a user, role or assumed-role ARN/],
      [{ target: { ...target, account: 'A' } }, /12-digit/],
      [{ target: { ...target, path: 'a/*' } }, /wildcards/],
    ];
    for (const [patch, message] of bad) expect(() => generateWorkshop({ ...scenarios[0]!.input, scope: 'api', ...patch })).toThrow(message);
  });
});

describe('executeApiTarget', () => {
  it('reads API id, region, stage and path from an execute-api URL', () => {
    expect(executeApiTarget('https://abc123.execute-api.ap-northeast-1.amazonaws.com/stag/hoge/items?x=1', 'get', A)).toEqual(target);
    expect(executeApiTarget('https://abc123.execute-api.eu-west-1.amazonaws.com/prod', 'POST', A)?.path).toBe('');
  });
  it('gives up on a custom domain or a URL without a stage', () => {
    expect(executeApiTarget('https://server.stag.example.com/hoge', 'GET', A)).toBeUndefined();
    expect(executeApiTarget('https://abc123.execute-api.eu-west-1.amazonaws.com/', 'GET', A)).toBeUndefined();
  });
  it('uses the partition of the region', () => {
    expect(scopedExecuteApiArn({ ...target, region: 'cn-north-1' }, 'api')).toBe(`arn:aws-cn:execute-api:cn-north-1:${A}:abc123/*`);
  });
});
