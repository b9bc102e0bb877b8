// Decides whether IAM would allow a request, following AWS's documented policy evaluation logic for the
// policies RoleCall can read: an explicit Deny anywhere wins; within one account an Allow in the identity
// policies or in the resource policy is enough (unless the resource policy names only the account, which
// delegates to that account's identity policies); across accounts both sides must allow; a role's trust policy
// must always allow sts:AssumeRole; a permission boundary, when given, must allow what the identity policies allow;
// anything else is an implicit deny. What it cannot see (SCPs, RCPs, an unread boundary, session policies, keys only
// AWS knows) it says, rather than pretending to judge.
import { evaluateConditions, type UnknownKey } from './conditions';
import { callerFacts, matchPrincipal, notPrincipalExcludes, type CallerFacts, type PrincipalMatch } from './principal';
import { readPolicy, type ReadStatement } from './readPolicy';
import type { ContextValue, DecidingStatement, EvalRequest, EvalResult, PolicyKind, PolicySet } from './types';
import { contextLookup, substituteVariables, type ContextLookup } from './variables';
import { actionMatches, arnMatches, splitArn } from './wildcard';

/** Always true of a local evaluation: these layers exist in AWS and are not among the policies given. */
export const ALWAYS_UNJUDGED = [
  'Service and resource control policies (SCPs, RCPs) of an AWS Organization: they cannot be read from a member account and are not judged; they can deny what these policies allow.',
  'Session policies passed to AssumeRole: not evaluated; they can only narrow what the role allows.',
];
const BOUNDARY_UNREAD = "The caller's permission boundary: not read, so not judged; a boundary can only narrow what is allowed.";

/** Keys whose value AWS alone knows for this request: a condition on them makes the verdict depend on them. */
const ONLY_AWS_KNOWS: Record<string, string> = {
  'aws:principalorgid': "the caller's AWS Organization id, which RoleCall was not given (SCP-style org conditions).",
  'aws:principalorgpaths': "the caller's path in its AWS Organization, which RoleCall was not given.",
  'aws:sourcevpce': 'whether the request reaches AWS through a VPC endpoint, and which one, only AWS sees.',
  'aws:sourcevpc': 'whether the request reaches AWS through a VPC, and which one, only AWS sees.',
  'aws:vpcsourceip': 'the address inside a VPC the request comes from, only AWS sees.',
};

/** Keys AWS sets on (nearly) every request: if the caller did not give them, a condition on them was not truly judged. */
const ALWAYS_PRESENT_KEYS = ['aws:CurrentTime', 'aws:EpochTime', 'aws:SecureTransport', 'aws:SourceIp', 'aws:userid'];
/** Keys RoleCall knows how to fill; a condition on any other absent key is reported as unjudged. */
const KNOWN_KEYS = new Set(
  [
    ...ALWAYS_PRESENT_KEYS,
    'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:PrincipalType', 'aws:username', 'aws:MultiFactorAuthPresent',
    'aws:MultiFactorAuthAge', 'aws:SourceIdentity', 'aws:TokenIssueTime', 'aws:RequestedRegion', 'aws:ViaAWSService',
    'aws:SourceVpc', 'aws:SourceVpce', 'aws:VpcSourceIp', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths',
    'sts:ExternalId', 'sts:RoleSessionName', 'sts:SourceIdentity',
  ].map((k) => k.toLowerCase()),
);

const ASSUME_ACTIONS = /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity)$/i;

interface Judged {
  kind: PolicyKind;
  document: number;
  statement: ReadStatement;
  /** True when the statement applies, 'unknown' when a condition could not be judged. */
  applies: boolean | 'unknown';
  principal: PrincipalMatch;
  /** Set when all but the condition matched. */
  unmet?: string;
  /** When `applies` is 'unknown' because of keys only AWS knows. */
  dependsOn?: string[];
}

export function evaluate(request: EvalRequest, policies: PolicySet): EvalResult {
  const caller = callerFacts(request.principal);
  const lookup = contextLookup({ ...derivedContext(caller, request), ...(request.context ?? {}) });
  const unknownKey = unknownKeyOf(request);
  const unjudged = new Set<string>();
  const judged: Judged[] = [];
  const isAssume = ASSUME_ACTIONS.test(request.action);
  const docs: Array<{ kind: PolicyKind; document: number; statements: ReadStatement[] }> = policies.identity.map((doc, i) => ({
    kind: 'identity' as const,
    document: i,
    statements: readPolicy(doc, 'identity', `identity policy ${i + 1}`),
  }));
  if (policies.resource) docs.push({ kind: 'resource', document: 0, statements: readPolicy(policies.resource, 'resource') });
  if (policies.trust) docs.push({ kind: 'trust', document: 0, statements: readPolicy(policies.trust, 'trust') });
  // A boundary is written like an identity policy and read as one.
  if (policies.boundary && policies.boundary !== 'none') docs.push({ kind: 'boundary', document: 0, statements: readPolicy(policies.boundary, 'identity', 'the permission boundary') });

  for (const doc of docs) {
    if (doc.kind === 'trust' && !isAssume) continue;
    for (const statement of doc.statements) {
      const j = judge(statement, doc.kind, doc.document, request, caller, lookup, unknownKey, unjudged);
      if (j) judged.push({ ...j, kind: doc.kind, document: doc.document, statement });
    }
  }
  for (const key of conditionKeys(docs.flatMap((d) => d.statements))) {
    if (lookup.get(key) !== undefined || unknownKey(key) !== undefined) continue;
    if (request.principal.tags && key.toLowerCase().startsWith('aws:principaltag/')) continue;
    if (!KNOWN_KEYS.has(key.toLowerCase())) unjudged.add(`RoleCall does not model the condition key ${key}; it was treated as absent from the request.`);
    else if (ALWAYS_PRESENT_KEYS.some((k) => k.toLowerCase() === key.toLowerCase())) {
      unjudged.add(`AWS always sets ${key}, but the request given here has no value for it; it was treated as absent.`);
    }
  }

  const result = decide(request, policies, caller, judged, isAssume);
  if (policies.boundary === undefined) unjudged.add(BOUNDARY_UNREAD);
  for (const line of ALWAYS_UNJUDGED) unjudged.add(line);
  return { ...result, unjudged: [...unjudged], dependsOn: dependsOn(result.decision, judged) };
}

/** The keys of statements left unknown that could turn the decision: a Deny against an allow, an Allow against a refusal. */
function dependsOn(decision: EvalResult['decision'], judged: Judged[]): string[] {
  if (decision === 'explicitDeny') return [];
  const turning = decision === 'allow' ? 'Deny' : 'Allow';
  const keys = judged.filter((j) => j.applies === 'unknown' && j.statement.effect === turning).flatMap((j) => j.dependsOn ?? []);
  return [...new Map(keys.map((k) => [k.toLowerCase(), k])).values()];
}

function unknownKeyOf(request: EvalRequest): UnknownKey {
  const absent = new Set((request.absent ?? []).map((k) => k.toLowerCase()));
  return (key) => {
    const k = key.toLowerCase();
    if (absent.has(k)) return undefined;
    if (k.startsWith('aws:principaltag/') && request.principal.tags === undefined) {
      return "the caller's tags could not be read (iam:GetRole or iam:ListRoleTags on the role), so whether it has this tag is not known.";
    }
    return ONLY_AWS_KNOWS[k];
  };
}

function judge(
  s: ReadStatement,
  kind: PolicyKind,
  document: number,
  request: EvalRequest,
  caller: CallerFacts,
  lookup: ContextLookup,
  unknownKey: UnknownKey,
  unjudged: Set<string>,
): Omit<Judged, 'kind' | 'document' | 'statement'> | undefined {
  const actionOk = s.action ? s.action.some((a) => actionMatches(a, request.action)) : !s.notAction!.some((a) => actionMatches(a, request.action));
  if (!actionOk) return undefined;
  const resourceMatch = (pattern: string) => {
    const text = substituteVariables(pattern, lookup);
    if (text === undefined) unjudged.add(`The policy variable in resource "${pattern}" has no value in this request, so it matches nothing.`);
    return text !== undefined && arnMatches(text, request.resource);
  };
  const resourceOk = s.resource ? s.resource.some(resourceMatch) : s.notResource ? !s.notResource.some(resourceMatch) : true;
  if (!resourceOk) return undefined;
  let principal: PrincipalMatch = 'direct';
  if (kind === 'resource' || kind === 'trust') {
    for (const other of [...(s.principal?.other ?? []), ...(s.notPrincipal?.other ?? [])]) {
      unjudged.add(`Principal "${other}" (federated or canonical user) is not modelled; it was taken as not naming the caller.`);
    }
    if (s.principal) principal = matchPrincipal(s.principal, caller);
    else if (s.notPrincipal) {
      principal = notPrincipalExcludes(s.notPrincipal, caller) ? 'none' : 'anyone';
      if (principal === 'anyone' && caller.account && !s.notPrincipal.aws.some((e) => e.includes(caller.account as string))) {
        // Documented: NotPrincipal must list the account too, or its principals are not reliably left out.
        unjudged.add(`NotPrincipal in the ${kind} policy does not list account ${caller.account}; AWS evaluates the account as well, so list it next to the principal you mean to leave out.`);
      }
    }
    if (principal === 'none') return undefined;
  }
  const conditions = evaluateConditions(s.condition, lookup, unknownKey);
  for (const line of conditions.unjudged) unjudged.add(line);
  if (conditions.met === 'unknown') {
    unjudged.add(`${describe(s, kind, document)} might apply: one of its conditions could not be judged.`);
    return { applies: 'unknown', principal, ...(conditions.dependsOn ? { dependsOn: conditions.dependsOn } : {}) };
  }
  return conditions.met ? { applies: true, principal } : { applies: false, principal, unmet: conditions.unmet };
}

function decide(request: EvalRequest, policies: PolicySet, caller: CallerFacts, judged: Judged[], isAssume: boolean): Omit<EvalResult, 'unjudged' | 'dependsOn'> {
  const what = `${caller.arn} performing ${request.action} on ${request.resource}`;
  const applying = judged.filter((j) => j.applies === true);
  const denies = applying.filter((j) => j.statement.effect === 'Deny');
  if (denies.length > 0) {
    return {
      decision: 'explicitDeny',
      deciding: denies.map(deciding),
      reasons: [
        ...denies.map((j) => `${describe(j.statement, j.kind, j.document)} denies ${what}.`),
        'An explicit Deny overrides every Allow, in any policy.',
      ],
    };
  }
  const allows = applying.filter((j) => j.statement.effect === 'Allow');
  // AWS: the caller's effective permissions are what both its identity policies and its boundary allow. Within one
  // account a resource policy naming the user or the role session ARN itself is not limited by the boundary.
  const bounded = policies.boundary !== undefined && policies.boundary !== 'none';
  const boundaryAllows = allows.filter((j) => j.kind === 'boundary');
  const boundaryRefuses = bounded && boundaryAllows.length === 0;
  const identity = boundaryRefuses ? [] : allows.filter((j) => j.kind === 'identity');
  const sideKind: PolicyKind = isAssume ? 'trust' : 'resource';
  const sideGiven = isAssume ? policies.trust !== undefined : policies.resource !== undefined;
  const side = allows.filter((j) => j.kind === sideKind);
  const namesCallerItself = (j: Judged) => j.statement.principal?.aws.includes(caller.arn) ?? false;
  const sideDirect = side.filter((j) => (j.principal === 'direct' || j.principal === 'anyone') && (!boundaryRefuses || namesCallerItself(j)));
  const same = sameAccount(policies, caller, request.resource);
  const sideName = isAssume ? "the role's trust policy" : 'the resource policy';
  const reasons: string[] = [];
  const nearMisses = judged
    .filter((j) => j.applies === false && j.statement.effect === 'Allow' && j.unmet)
    .map((j) => `${describe(j.statement, j.kind, j.document)} would allow it, but its condition ${j.unmet} does not hold.`);

  reasons.push(
    same === undefined
      ? 'Whether caller and resource share an account could not be read from the ARNs; judged as cross-account (both sides must allow).'
      : same
        ? `Caller and resource are in the same account (${caller.account}).`
        : `Caller (account ${caller.account ?? 'unknown'}) and resource are in different accounts: both the caller's identity policies and ${sideName} must allow.`,
  );
  const identityAllows = allows.filter((j) => j.kind === 'identity');
  reasons.push(
    identityAllows.length > 0
      ? `The identity policies allow it: ${identityAllows.map((j) => describe(j.statement, j.kind, j.document)).join('; ')}.`
      : `No statement in the caller's identity policies allows ${request.action} on ${request.resource}.`,
  );
  if (policies.boundary === 'none') reasons.push('The caller has no permission boundary.');
  else if (boundaryRefuses) {
    reasons.push(`The caller's permission boundary does not allow ${request.action} on ${request.resource}: what its identity policies allow does not count${same ? ', nor a resource policy that names the role rather than this session' : ''}.`);
  } else if (bounded) reasons.push(`The caller's permission boundary allows it: ${boundaryAllows.map((j) => describe(j.statement, j.kind)).join('; ')}.`);
  if (!sideGiven) reasons.push(`No ${isAssume ? 'trust' : 'resource'} policy was given.`);
  else if (side.length === 0) reasons.push(`No statement in ${sideName} allows ${caller.arn} to perform ${request.action} on this resource.`);
  else {
    reasons.push(`${capital(sideName)} allows it: ${side.map((j) => `${describe(j.statement, j.kind)}${j.principal === 'account' ? ' (by naming the account, which delegates to its identity policies)' : ''}`).join('; ')}.`);
  }

  let allowed: boolean;
  if (isAssume && side.length === 0) {
    allowed = false;
    reasons.push('AWS lets a role be assumed only when its trust policy allows the caller.');
  } else if (caller.type === 'service') {
    // An AWS service principal has no identity policies of its own: the resource-side grant is the whole story.
    allowed = sideDirect.length > 0;
  } else if (same === true) {
    allowed = identity.length > 0 || sideDirect.length > 0;
    if (!allowed && side.length > 0) reasons.push(`${capital(sideName)} names only the account, so an identity policy of the caller must allow it too.`);
  } else {
    allowed = identity.length > 0 && side.length > 0;
    if (!allowed) reasons.push('Across accounts both sides must allow: the caller\'s identity policies in its account and the policy on the resource.');
  }
  if (allowed) {
    // With an identity allow every allowing statement took part (the boundary's too); without one only a direct
    // resource-side grant did.
    const used = identity.length > 0 ? [...identity, ...boundaryAllows, ...side] : sideDirect;
    return { decision: 'allow', deciding: used.map(deciding), reasons };
  }
  return {
    decision: 'implicitDeny',
    deciding: [],
    reasons: [...reasons, ...nearMisses, 'Nothing allows this request, so AWS denies it implicitly.'],
    ...(boundaryRefuses && identityAllows.length > 0 ? { boundaryRefuses: true } : {}),
  };
}

function sameAccount(policies: PolicySet, caller: CallerFacts, resource: string): boolean | undefined {
  if (policies.sameAccount !== undefined) return policies.sameAccount;
  const resourceAccount = splitArn(resource)?.[4];
  if (!caller.account || !resourceAccount) return undefined;
  return caller.account === resourceAccount;
}

/** What AWS puts in the request context from the caller itself. */
function derivedContext(caller: CallerFacts, request: EvalRequest): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  if (caller.type === 'service') return out;
  const p = request.principal;
  out['aws:PrincipalArn'] = caller.type === 'assumed-role' && caller.roleArn ? (p.roleArn ?? caller.roleArn) : caller.arn;
  if (p.orgId) out['aws:PrincipalOrgID'] = p.orgId;
  for (const [key, value] of Object.entries(p.tags ?? {})) out[`aws:PrincipalTag/${key}`] = value;
  if (caller.account) out['aws:PrincipalAccount'] = caller.account;
  const type = { 'assumed-role': 'AssumedRole', user: 'User', root: 'Account', role: 'AssumedRole', anonymous: 'Anonymous' }[caller.type as string];
  if (type) out['aws:PrincipalType'] = type;
  if (caller.type === 'user') out['aws:username'] = caller.arn.split('/').at(-1) ?? '';
  if (request.principal.sourceIdentity) out['aws:SourceIdentity'] = request.principal.sourceIdentity;
  return out;
}

function conditionKeys(statements: ReadStatement[]): Set<string> {
  return new Set(statements.flatMap((s) => s.condition.map((c) => c.key)));
}

function deciding(j: Judged): DecidingStatement {
  const out: DecidingStatement = { policy: j.kind, document: j.document, index: j.statement.index, statement: j.statement.raw };
  if (j.statement.sid !== undefined) out.sid = j.statement.sid;
  return out;
}

function describe(s: ReadStatement, kind: PolicyKind, document = 0): string {
  const where = kind === 'identity' ? `identity policy ${document + 1}` : kind === 'boundary' ? 'the permission boundary' : `the ${kind} policy`;
  return `${s.effect} statement ${s.sid ? `"${s.sid}"` : `#${s.index + 1}`} of ${where}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
