// The one-sentence verdict names the deciding statement, or for an implicit deny the policy that lacks the Allow
// and the statements it holds.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { EvalRequest, PolicyDoc, PolicySet } from './types';
import { verdictOf } from './verdict';

const A = '111111111111';
const B = '222222222222';
const TARGET = `arn:aws:execute-api:eu-west-1:${A}:abc123/prod/GET/pets`;
const request: EvalRequest = { principal: { arn: `arn:aws:sts::${B}:assumed-role/Caller/ci` }, action: 'execute-api:Invoke', resource: TARGET };
const invoke: PolicyDoc = { Version: '2012-10-17', Statement: [{ Sid: 'InvokeApi', Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:eu-west-1:${A}:abc123/*` }] };
const otherTeam: PolicyDoc = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'AllowOtherTeam', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:role/Other` }, Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:eu-west-1:${A}:abc123/*` }],
};
const verdict = (policies: PolicySet, names?: string[]) => verdictOf(request, policies, evaluate(request, policies), names);

describe('verdictOf', () => {
  it('cross-account, the resource policy names another role: says the resource policy lacks the Allow, naming its statements', () => {
    const v = verdict({ identity: [invoke], resource: otherTeam }, ['InvokeApis']);
    expect(v.summary).toContain('the resource policy does not allow it');
    expect(v.summary).toContain('"AllowOtherTeam"');
    expect(v.summary).not.toContain('identity policy "InvokeApis"');
  });

  it('cross-account without an identity grant: names the identity side', () => {
    const v = verdict({ identity: [], resource: { ...otherTeam, Statement: [{ ...(otherTeam.Statement as object[])[0], Principal: { AWS: `arn:aws:iam::${B}:role/Caller` } } as never] } });
    expect(v.summary).toContain('the caller has no identity policy that allows it');
  });

  it('allow: names every statement that took part, identity policies by name', () => {
    const own: PolicyDoc = { Version: '2012-10-17', Statement: [{ ...(otherTeam.Statement as object[])[0], Sid: 'AllowCaller', Principal: { AWS: `arn:aws:iam::${B}:role/Caller` } } as never] };
    const v = verdict({ identity: [invoke], resource: own }, ['InvokeApis']);
    expect(v.summary).toBe(`Allowed: ${request.principal.arn} execute-api:Invoke on ${TARGET}, by statement "InvokeApi" of identity policy "InvokeApis" and statement "AllowCaller" of the resource policy.`);
    expect(v.deciding.map((d) => d.where)).toEqual(['identity policy "InvokeApis"', 'the resource policy']);
  });
});
