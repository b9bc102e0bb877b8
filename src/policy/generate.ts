// Writes the policies of the cross-account API scenario (field notes §1) for one request: the API's resource
// policy allowing the caller's role, the role's trust policy letting the base principal assume it (with the
// external ID and MFA conditions when the auth uses them), the role's identity policy granting execute-api:Invoke,
// and the base principal's own permission to call sts:AssumeRole on the role (needed across accounts). Each is
// scoped to what the user chose and comes with a line-by-line explanation and CDK / CloudFormation / Terraform.
import { appError } from '../errors';
import { explainPolicy, type ExplainedLine } from './explain';
import { scopedExecuteApiArn, type ExecuteApiTarget, type PolicyScope } from './executeApiArn';
import type { SnippetInput } from './snippetInput';
import { cdkSnippet, cloudFormationSnippet, terraformSnippet, type SnippetSet } from './snippets';
import type { PolicyDoc, PolicyKind } from './types';

export interface WorkshopInput {
  target: ExecuteApiTarget;
  /** The role whose sessions call the API: arn:aws:iam::ACCOUNT:role/NAME. */
  callerRoleArn: string;
  /** Who assumes that role: a user or role ARN, or an assumed-role session ARN (its role is named). */
  basePrincipalArn: string;
  /** Set when the auth passes an external ID to AssumeRole. */
  externalId?: string;
  /** True when the auth assumes the role with an MFA device (mfaSerial). */
  mfa?: boolean;
  scope: PolicyScope;
}

export interface WorkshopDocument {
  /** Which policy this is, in the evaluator's terms; 'identity' for both identity policies. */
  kind: PolicyKind;
  title: string;
  /** Where it goes, in words: which API, role or principal and which account. */
  attachTo: string;
  policy: PolicyDoc;
  /** The policy as pretty JSON, exactly the text of `explanation`'s lines. */
  json: string;
  explanation: ExplainedLine[];
}

export interface Workshop {
  scope: PolicyScope;
  /** The execute-api ARN the grants cover. */
  resourceArn: string;
  resourcePolicy: WorkshopDocument;
  trustPolicy: WorkshopDocument;
  /** execute-api:Invoke for the caller's role. */
  identityPolicy: WorkshopDocument;
  /** sts:AssumeRole on the role for the base principal, in its own account. */
  basePolicy: WorkshopDocument;
  snippets: SnippetSet;
}

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
const PRINCIPAL_ARN = /^arn:(aws[a-z-]*):(iam|sts)::(\d{12}):(user|role|assumed-role|root)(\/.*)?$/;

export function generateWorkshop(input: WorkshopInput): Workshop {
  const t = input.target;
  const bad = (what: string): never => {
    throw appError('INVALID_INPUT', `Cannot write the policies: ${what}.`);
  };
  if (!/^\d{12}$/.test(t.account)) bad(`the API's account must be a 12-digit account id (got "${t.account}")`);
  if (!/^[a-z0-9]+$/.test(t.apiId)) bad(`"${t.apiId}" is not an API Gateway API id`);
  if (!/^[A-Za-z0-9_-]+$/.test(t.stage)) bad(`"${t.stage}" is not a stage name`);
  if (!/^[A-Z]+$/.test(t.method)) bad(`"${t.method}" is not an HTTP method in capitals`);
  if (/[*?]/.test(t.path)) bad('the path holds "*" or "?", which IAM would read as wildcards');
  if (!ROLE_ARN.test(input.callerRoleArn)) bad(`"${input.callerRoleArn}" is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)`);
  const base = trustPrincipal(input.basePrincipalArn) ?? bad(`"${input.basePrincipalArn}" is not a user, role or assumed-role ARN`);

  const resourceArn = scopedExecuteApiArn(t, input.scope);
  const roleAccount = ROLE_ARN.exec(input.callerRoleArn)?.[2] as string;
  const baseAccount = PRINCIPAL_ARN.exec(base)?.[3] as string;
  const invoke = { Effect: 'Allow' as const, Action: 'execute-api:Invoke', Resource: resourceArn };

  const resource: PolicyDoc = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AllowInvokerRole', ...withPrincipal(invoke, input.callerRoleArn) }],
  };
  const condition: Record<string, Record<string, string>> = {};
  if (input.externalId) condition['StringEquals'] = { 'sts:ExternalId': input.externalId };
  if (input.mfa) condition['Bool'] = { 'aws:MultiFactorAuthPresent': 'true' };
  const trust: PolicyDoc = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowBasePrincipal',
        Effect: 'Allow',
        Principal: { AWS: base },
        Action: 'sts:AssumeRole',
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
      },
    ],
  };
  const identity: PolicyDoc = { Version: '2012-10-17', Statement: [{ Sid: 'InvokeApi', ...invoke }] };
  const basePolicy: PolicyDoc = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AssumeInvokerRole', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: input.callerRoleArn }],
  };

  const doc = (kind: PolicyKind, title: string, attachTo: string, policy: PolicyDoc): WorkshopDocument => {
    const explanation = explainPolicy(policy, kind);
    return { kind, title, attachTo, policy, json: explanation.map((l) => l.text).join('\n'), explanation };
  };
  const roleName = ROLE_ARN.exec(input.callerRoleArn)?.[3] as string;
  const workshop = {
    scope: input.scope,
    resourceArn,
    resourcePolicy: doc('resource', 'API Gateway resource policy', `the resource policy of API ${t.apiId} (account ${t.account}, ${t.region})`, resource),
    trustPolicy: doc('trust', 'Trust policy of the role', `the trust relationship of role ${roleName} (account ${roleAccount})`, trust),
    identityPolicy: doc('identity', 'Identity policy of the role', `an inline or managed policy of role ${roleName} (account ${roleAccount})`, identity),
    basePolicy: doc('identity', 'Permission to assume the role', `an identity policy of ${base} (account ${baseAccount})`, basePolicy),
  };
  const snippetInput: SnippetInput = { target: t, callerRoleArn: input.callerRoleArn, baseArn: base, resource, trust, identity, base: basePolicy };
  return {
    ...workshop,
    snippets: { cdk: cdkSnippet(snippetInput), ...cloudFormationSnippet(snippetInput), terraform: terraformSnippet(snippetInput) },
  };
}

/** A trust policy names a role, not one of its sessions: an assumed-role ARN becomes its role's ARN. */
function trustPrincipal(arn: string): string | undefined {
  const m = PRINCIPAL_ARN.exec(arn);
  if (!m) return undefined;
  if (m[4] === 'assumed-role') {
    const roleName = (m[5] ?? '').split('/')[1];
    return roleName ? `arn:${m[1]}:iam::${m[3]}:role/${roleName}` : undefined;
  }
  return m[2] === 'iam' ? arn : undefined;
}

function withPrincipal<T extends object>(statement: T, principal: string) {
  const { Effect, ...rest } = statement as T & { Effect: 'Allow' };
  return { Effect, Principal: { AWS: principal }, ...rest };
}
