// "User: X is not authorized to perform: ACTION on resource: R": which policy is likelier to be missing, from
// AWS's own words and from whether caller and resource live in the same account. Within one account either an
// identity policy or a resource policy may allow; across accounts both sides must (IAM's evaluation logic).
import { arnAccount } from './facts';
import type { NotAuthorized } from './notAuthorized';

export interface AccessAdvice {
  explanation: string;
  checks: string[];
  fixes: string[];
  likelihood: string[];
}

/**
 * @param ownerNoun what holds the resource policy ("the API's resource policy", "the function's resource-based policy")
 * @param resourceAccount the resource's account when the resource ARN does not say it
 */
export function accessAdvice(denied: NotAuthorized, ownerNoun: string, resourceAccount?: string): AccessAdvice {
  const { principal, action } = denied;
  const resource = denied.resource ?? 'the resource';
  const callerAccount = arnAccount(principal);
  const ownerAccount = arnAccount(denied.resource) ?? resourceAccount;
  const crossAccount = callerAccount !== undefined && ownerAccount !== undefined && callerAccount !== ownerAccount;
  const identityFix = `${callerAccount ? `In account ${callerAccount}` : "In the caller's account"}, give ${roleName(principal)} an identity policy allowing ${action} on ${resource}.`;
  const resourceFix = `${ownerAccount ? `In account ${ownerAccount}` : 'In the account that owns the resource'}, let ${ownerNoun} allow ${action} for ${principalForPolicy(principal)}.`;

  if (denied.explicitDeny) {
    const where = denied.decidedBy ? `in ${policyName(denied.decidedBy)}` : 'in one of the policies that apply';
    return {
      explanation: `A Deny statement ${where} matched ${principal} calling ${action}. An explicit deny wins over every Allow, so adding permissions will not help: the Deny itself must stop matching.`,
      checks: [
        `Look for "Effect": "Deny" statements in ${ownerNoun} (often a Deny with NotPrincipal, or a condition on aws:SourceVpc, aws:SourceVpce or aws:SourceIp).`,
        `Look for Deny statements in the identity policies of ${roleName(principal)}, its permissions boundary, and the organization's SCPs.`,
        'Check the request meets the Deny\'s conditions: calling from the expected VPC endpoint, IP range or region.',
      ],
      fixes: ['Narrow or remove the Deny statement that matches, or call from where its condition expects (the right VPC endpoint, network or account).'],
      likelihood: denied.decidedBy ? [`AWS says the deny is in ${policyName(denied.decidedBy)}.`] : ['AWS does not say which policy denies; the resource policy is the usual place for a Deny.'],
    };
  }

  const likelihood: string[] = [];
  if (denied.decidedBy) likelihood.push(`AWS says the missing Allow is in ${policyName(denied.decidedBy)}.`);
  if (crossAccount) {
    likelihood.push(`Caller (account ${callerAccount}) and resource (account ${ownerAccount}) are in different accounts: both sides must allow.`);
  } else if (callerAccount && ownerAccount) {
    likelihood.push(`Caller and resource are both in account ${ownerAccount}: one Allow in either policy is enough.`);
  }
  const checks = [
    `${cap(ownerNoun)}: does a statement allow ${action} for ${principalForPolicy(principal)} on ${resource} (or a wildcard covering it)?`,
    `The identity policies of ${roleName(principal)}: does one allow ${action} on ${resource}?`,
    'Conditions in either policy (source IP, VPC endpoint, tags) that this request may not meet.',
  ];
  if (denied.decidedBy === 'identity') checks.unshift(checks.splice(1, 1)[0] as string);
  const fixes =
    denied.decidedBy === 'identity'
      ? [identityFix]
      : denied.decidedBy === 'resource'
        ? [resourceFix]
        : crossAccount
          ? [resourceFix, identityFix, 'Both are needed across accounts: ask the owner of the resource for the first, your own admin for the second.']
          : [`Either: ${resourceFix}`, `Or: ${identityFix}`];
  return {
    explanation: crossAccount
      ? `${principal} may not call ${action} on ${resource}. Across accounts AWS needs two Allows: one in ${ownerNoun} naming the caller, one in the caller's own identity policy. At least one is missing.`
      : `${principal} may not call ${action} on ${resource}: no policy allows it. ${cap(ownerNoun)} does not name this caller, and its identity policy does not grant the action.`,
    checks,
    fixes,
    likelihood,
  };
}

const POLICY_NAME: Record<NonNullable<NotAuthorized['decidedBy']>, string> = {
  identity: 'identity-based policy (the caller\'s own permissions)',
  resource: 'resource-based policy (the resource\'s own policy)',
  session: 'session policy',
  boundary: 'permissions boundary',
  scp: 'service control policy (the AWS Organization)',
  rcp: 'resource control policy (the AWS Organization)',
  'vpc-endpoint': 'VPC endpoint policy',
};

/** The kind of policy with its article: "an identity-based policy (…)". */
function policyName(kind: NonNullable<NotAuthorized['decidedBy']>): string {
  const name = POLICY_NAME[kind];
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

/** The role behind an assumed-role session ARN, which is what policies name. */
export function principalForPolicy(principal: string): string {
  const m = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : principal;
}

function roleName(principal: string): string {
  const policyPrincipal = principalForPolicy(principal);
  return policyPrincipal.startsWith('arn:') ? policyPrincipal : 'the caller';
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
