// One sentence for a newcomer from an evaluation: allowed by which statements, refused by which explicit Deny, or
// (for an implicit deny) which policy lacks the Allow, naming the statements it does hold so the user sees what to
// change. The evaluator's own reasons stay underneath; this only points.
import { evaluate } from './evaluate';
import { readPolicy } from './readPolicy';
import type { DecidingStatement, EvalRequest, EvalResult, PolicyKind, PolicySet } from './types';

export interface Verdict {
  summary: string;
  deciding: Array<DecidingStatement & { where: string }>;
}

/** `names[i]` labels identity policy i (its IAM name); the resource and trust policies are named by kind. */
export function verdictOf(request: EvalRequest, policies: PolicySet, result: EvalResult, names: string[] = []): Verdict {
  const where = (kind: PolicyKind, document: number) =>
    kind === 'identity'
      ? `identity policy ${names[document] ? `"${names[document]}"` : document + 1}`
      : kind === 'trust' ? "the role's trust policy" : kind === 'boundary' ? 'the permission boundary' : 'the resource policy';
  const label = (d: DecidingStatement) => `statement ${d.sid ? `"${d.sid}"` : `#${d.index + 1}`} of ${where(d.policy, d.document)}`;
  const deciding = result.deciding.map((d) => ({ ...d, where: where(d.policy, d.document) }));
  const what = `${request.principal.arn} ${request.action} on ${request.resource}`;
  // Keys only AWS knows that could turn the decision: said in the sentence, not only in the list underneath.
  const depends = result.dependsOn?.length
    ? ` This depends on ${result.dependsOn.join(', ')}, whose value RoleCall does not know for this request.`
    : '';
  if (result.decision === 'allow') return { deciding, summary: `Allowed: ${what}, by ${result.deciding.map(label).join(' and ')}.${depends}` };
  if (result.decision === 'explicitDeny') {
    return { deciding, summary: `Refused by an explicit Deny: ${result.deciding.map(label).join(' and ')} denies ${what}.` };
  }
  if (result.boundaryRefuses) {
    return { deciding, summary: `Refused (the caller's permission boundary does not allow it): ${what}; its identity policies allow it, but an action must be allowed by both.${depends}` };
  }
  const missing = missingSides(request, policies);
  const parts = missing.map((side) => {
    const doc = side === 'identity' ? undefined : policies[side];
    if (side !== 'identity' && !doc) return `there is no ${side === 'trust' ? 'trust' : 'resource'} policy to allow it`;
    if (side === 'identity') {
      return policies.identity.length === 0
        ? "the caller has no identity policy that allows it"
        : `no identity policy of the caller (${policies.identity.map((_, i) => where('identity', i)).join(', ')}) allows it`;
    }
    const sids = readPolicy(doc!, side).map((s) => (s.sid ? `"${s.sid}"` : `#${s.index + 1}`));
    return `${where(side, 0)} does not allow it (its statement${sids.length > 1 ? 's' : ''} ${sids.join(', ')} do${sids.length > 1 ? '' : 'es'} not name this caller, action and resource, or their conditions do not hold)`;
  });
  return { deciding, summary: `Refused (nothing allows it): ${what}; ${parts.join('; and ')}.${depends}` };
}

/** Which sides fail to allow on their own: the identity side, the resource (or trust) side, or both. */
function missingSides(request: EvalRequest, policies: PolicySet): Array<'identity' | 'resource' | 'trust'> {
  const isAssume = /^sts:AssumeRole/i.test(request.action);
  const side = isAssume ? 'trust' : 'resource';
  const identityAllows = policies.identity.length > 0 && evaluate(request, { identity: policies.identity, sameAccount: true }).decision === 'allow';
  const sideDoc = policies[side];
  const sideAllows = sideDoc !== undefined && evaluate(request, { identity: [], [side]: sideDoc, sameAccount: true }).decision === 'allow';
  const out: Array<'identity' | 'resource' | 'trust'> = [];
  if (!sideAllows) out.push(side);
  if (!identityAllows && (!isAssume || out.length === 0)) out.push('identity');
  return out.length > 0 ? out : [side];
}
