// IAM's wildcard matching: "*" is any run of characters (none included), "?" exactly one. Actions compare
// without regard to case; resources and ARNs with it. An ARN pattern is matched segment by segment for its
// first five parts (arn:partition:service:region:account) so "*" in the region cannot eat the account, and
// the resource part takes wildcards across "/" and ":" as IAM does.

/** Glob match without regex, linear in practice (classic star-backtracking over two indices). */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}

/** Resource and ARN matching: case-sensitive, segment-wise for the ARN's first five parts. */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const p = splitArn(pattern);
  const a = splitArn(arn);
  if (!p || !a) return wildcardMatch(pattern, arn);
  for (let i = 0; i < 5; i++) if (!wildcardMatch(p[i] as string, a[i] as string)) return false;
  return wildcardMatch(p[5] as string, a[5] as string);
}

/** arn:partition:service:region:account:resource, the resource part kept whole (it may hold ":"). */
export function splitArn(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}
