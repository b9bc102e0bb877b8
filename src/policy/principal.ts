// Who the caller is, as a Principal element sees it. An assumed-role session
// (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION) is matched by its role's ARN, as AWS does for Principal; an
// account id or account root ARN matches every principal of that account but only delegates to it (the
// account's own identity policies must allow too), which is why a match says how it matched.
import type { ReadPrincipal } from './readPolicy';
import type { PrincipalType, RequestPrincipal } from './types';

export interface CallerFacts {
  arn: string;
  account?: string;
  type: PrincipalType;
  /** For a role session: the role's name and its ARN without path (the session ARN does not carry the path). */
  roleName?: string;
  roleArn?: string;
  partition: string;
}

export type PrincipalMatch = 'none' | 'direct' | 'account' | 'anyone';

export function callerFacts(p: RequestPrincipal): CallerFacts {
  const m = /^arn:(aws[a-z-]*):(iam|sts)::(\d{12}):(.+)$/.exec(p.arn);
  if (!m) return { arn: p.arn, account: p.account, type: p.type ?? (p.arn.endsWith('.amazonaws.com') ? 'service' : 'anonymous'), partition: 'aws' };
  const [, partition, service, account, rest] = m as unknown as [string, string, string, string, string];
  const out: CallerFacts = { arn: p.arn, account: p.account ?? account, type: p.type ?? 'user', partition };
  if (service === 'sts' && rest.startsWith('assumed-role/')) {
    const roleName = rest.split('/')[1] ?? '';
    return { ...out, type: p.type ?? 'assumed-role', roleName, roleArn: `arn:${partition}:iam::${account}:role/${roleName}` };
  }
  if (rest === 'root') return { ...out, type: p.type ?? 'root' };
  if (rest.startsWith('role/')) return { ...out, type: p.type ?? 'role', roleName: rest.split('/').at(-1) ?? '' };
  return out;
}

/** How (if at all) a Principal element names the caller; the strongest match wins. */
export function matchPrincipal(principal: ReadPrincipal, caller: CallerFacts): PrincipalMatch {
  if (principal.any) return 'anyone';
  if (caller.type === 'service') return principal.service.includes(caller.arn) ? 'direct' : 'none';
  let best: PrincipalMatch = 'none';
  for (const entry of principal.aws) {
    const kind = entryMatches(entry, caller);
    if (kind === 'direct') return 'direct';
    if (kind === 'account') best = 'account';
  }
  return best;
}

/**
 * NotPrincipal: AWS leaves a role session out only when the session ARN itself is listed (the role ARN alone
 * does not), so this is stricter than Principal.
 */
export function notPrincipalExcludes(principal: ReadPrincipal, caller: CallerFacts): boolean {
  if (principal.any) return true;
  if (caller.type === 'service') return principal.service.includes(caller.arn);
  return principal.aws.some((entry) => {
    if (caller.type === 'assumed-role') return entry === caller.arn;
    return entryMatches(entry, caller) === 'direct';
  });
}

function entryMatches(entry: string, caller: CallerFacts): 'direct' | 'account' | 'none' {
  const account = /^\d{12}$/.test(entry) ? entry : /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(entry)?.[1];
  if (account !== undefined) {
    if (account !== caller.account) return 'none';
    // The account's root user is named directly by its root ARN.
    return caller.type === 'root' ? 'direct' : 'account';
  }
  if (entry === caller.arn) return 'direct';
  if (caller.type === 'assumed-role' && caller.roleName) {
    const role = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(entry);
    if (role && role[2] === caller.account && role[3] === caller.roleName && role[1] === caller.partition) return 'direct';
  }
  return 'none';
}
