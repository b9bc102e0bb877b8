// The "caller is the expected identity" check: an ARN (exact or with * wildcards) or a 12-digit account.
// A role ARN also matches the sessions of that role (arn:aws:sts::ACCOUNT:assumed-role/NAME/*), since that is
// what STS reports for a request signed with the role's credentials; an IAM role path is not part of that ARN.

const ACCOUNT = /^\d{12}$/;
const ROLE_ARN = /^arn:([^:]+):iam::([^:]*):role\/(?:.*\/)?([^/]+)$/;

export interface IdentityMatch {
  passed: boolean;
  actual: string;
  message?: string;
}

export function matchIdentity(expected: string, arn: string | undefined, account: string | undefined, problem?: string): IdentityMatch {
  const want = expected.trim();
  const unknown = problem ?? 'the identity this request was signed as is not known';
  const knownAccount = account ?? accountOf(arn);
  if (ACCOUNT.test(want)) {
    if (!knownAccount) return { passed: false, actual: '(identity not known)', message: unknown };
    return knownAccount === want
      ? { passed: true, actual: knownAccount }
      : { passed: false, actual: arn ?? knownAccount, message: `expected account ${want}` };
  }
  if (!arn) return { passed: false, actual: knownAccount ?? '(identity not known)', message: unknown };
  const patterns = [want];
  const role = ROLE_ARN.exec(want);
  if (role) patterns.push(`arn:${role[1]}:sts::${role[2]}:assumed-role/${role[3]}/*`);
  return patterns.some((pattern) => wildcardMatch(pattern, arn))
    ? { passed: true, actual: arn }
    : { passed: false, actual: arn, message: `expected ${want}` };
}

function accountOf(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && ACCOUNT.test(account) ? account : undefined;
}

/**
 * `*` stands for any run of characters; everything else is literal. Matched by hand, not with a regular expression:
 * the pattern can come from a shared file, and `.*` repeated on a backtracking engine takes exponential time. This
 * walk keeps only the last `*` to return to, so it takes at most pattern × text steps.
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
