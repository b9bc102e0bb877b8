// The workshop panel as a reader sees it: the verdict naming the deciding statement, that statement marked in the
// policy it belongs to, what could not be judged, and the documents with their explanations and infrastructure tabs.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RoleCallApi } from '../../src/contract';
import type { WorkshopResult } from '../../src/models/workshop';
import { evaluate, generateWorkshop, type EvalRequest, type PolicyDoc } from '../../src/policy';
import { verdictOf } from '../../src/policy/verdict';
import { WorkshopPanel } from './WorkshopPanel';
import { WorkshopView } from './WorkshopView';

const A = '111111111111';
const B = '222222222222';
const target = { region: 'eu-west-1', account: A, apiId: 'abc123', stage: 'prod', method: 'GET', path: 'pets' };
const targetArn = `arn:aws:execute-api:eu-west-1:${A}:abc123/prod/GET/pets`;
const session = `arn:aws:sts::${A}:assumed-role/ApiInvoker/rolecall`;
const identity: PolicyDoc = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'InvokeApis', Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:eu-west-1:${A}:*` },
    { Sid: 'DenyProdStage', Effect: 'Deny', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:eu-west-1:${A}:*/prod/*` },
  ],
};

function result(): WorkshopResult {
  const request: EvalRequest = { principal: { arn: session }, action: 'execute-api:Invoke', resource: targetArn };
  const policies = { identity: [identity] };
  const evaluated = evaluate(request, policies);
  const verdict = verdictOf(request, policies, evaluated, ['no-prod']);
  const invoke = { kind: 'invoke' as const, principal: session, action: request.action, resource: targetArn, decision: evaluated.decision, ...verdict, reasons: evaluated.reasons, unjudged: evaluated.unjudged };
  return {
    identity: { arn: session, account: A, hops: [], basePrincipal: `arn:aws:iam::${B}:user/caller` },
    targetArn,
    fetched: { identityPolicies: [{ name: 'no-prod', source: 'inline', policy: identity }], notes: ['Could not read the trust policy of role ApiInvoker (iam:GetRole): not allowed.'] },
    evaluation: { decision: invoke.decision, summary: invoke.summary, invoke, unjudged: evaluated.unjudged },
    workshop: generateWorkshop({ target, callerRoleArn: `arn:aws:iam::${A}:role/ApiInvoker`, basePrincipalArn: `arn:aws:iam::${B}:user/caller`, externalId: 'team-b', scope: 'stage' }),
    notes: [],
  };
}

const text = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

describe('the policy workshop panel', () => {
  it('shows the verdict, marks the deciding statement, lists what it could not judge and the documents', () => {
    const html = renderToString(<WorkshopView result={result()} onSave={() => {}} />);
    const t = text(html);
    expect(t).toContain('Refused: explicit deny');
    expect(t).toContain('statement "DenyProdStage" of identity policy "no-prod"');
    expect(html).toMatch(/class="ws-statement ws-deciding" aria-label="Deciding statement DenyProdStage"/);
    expect(html.match(/ws-deciding/g)).toHaveLength(1);
    expect(t).toContain('Could not read the trust policy of role ApiInvoker (iam:GetRole): not allowed.');
    expect(t).toContain('Service and resource control policies');
    expect(t).toContain('API Gateway resource policy');
    expect(t).toContain('Trust policy of the role');
    expect(t).toContain('"sts:ExternalId": "team-b"');
    expect(t).toContain('The caller must pass this external ID');
    for (const tab of ['JSON', 'CDK', 'CloudFormation', 'Terraform']) expect(html).toContain(`role="tab" aria-selected="${tab === 'JSON'}">${tab}</button>`);
    expect(html).toContain('aria-label="Save API Gateway resource policy"');
  });

  it('asks for the API behind a custom domain, and for credentials when the request has none', () => {
    const api = {} as RoleCallApi;
    const custom = text(renderToString(<WorkshopPanel api={api} auth={{ kind: 'profile', profile: 'x' }} method="GET" url="https://server.stag.example.com/hoge" />));
    expect(custom).toContain('Custom domain: the API behind it');
    const none = renderToString(<WorkshopPanel api={api} auth={{ kind: 'none' }} method="GET" url="https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets" />);
    expect(text(none)).not.toContain('Custom domain');
    expect(none).toMatch(/<button type="submit" disabled="">/);
    expect(text(none)).toContain('Choose a profile or a role first');
  });
});

describe('the policy workshop panel and a permission boundary', () => {
  it('shows the boundary read from GetRole, with its refusing verdict', () => {
    const boundary: PolicyDoc = { Version: '2012-10-17', Statement: [{ Sid: 'ReadOnlyEdge', Effect: 'Allow', Action: 'iam:*', Resource: '*' }] };
    const allowAll: PolicyDoc = { Version: '2012-10-17', Statement: [{ Sid: 'InvokeApis', Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }] };
    const request: EvalRequest = { principal: { arn: session }, action: 'execute-api:Invoke', resource: targetArn };
    const policies = { identity: [allowAll], boundary };
    const evaluated = evaluate(request, policies);
    const verdict = verdictOf(request, policies, evaluated, ['invoke']);
    const invoke = { kind: 'invoke' as const, principal: session, action: request.action, resource: targetArn, decision: evaluated.decision, ...verdict, reasons: evaluated.reasons, unjudged: evaluated.unjudged };
    const r: WorkshopResult = {
      ...result(),
      fetched: { identityPolicies: [{ name: 'invoke', source: 'inline', policy: allowAll }], permissionBoundary: boundary, notes: [] },
      evaluation: { decision: invoke.decision, summary: invoke.summary, invoke, unjudged: evaluated.unjudged },
    };
    const t = text(renderToString(<WorkshopView result={r} onSave={() => {}} />));
    expect(t).toContain("Refused (the caller's permission boundary does not allow it)");
    expect(t).toContain('Permission boundary of the role');
    expect(t).toContain('"Sid": "ReadOnlyEdge"');
  });
});
