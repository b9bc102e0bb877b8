// History: the identity label a sent request kept (which credentials signed it, never a key) and the search the
// history panel runs over method, URL, status, name and that label.
import type { AuthChoice } from './models/auth';
import type { HistoryEntry } from './models/workspace';

/** Who signed: a role ARN (with its base), a profile, stored keys by name, or environment credentials. */
export function identityLabel(auth: AuthChoice): string | undefined {
  const base = (b: Extract<AuthChoice, { kind: 'assumeRole' }>['base']) =>
    b.kind === 'profile' ? `profile ${b.profile}` : b.kind === 'storedKeys' ? `stored keys ${b.name}` : 'environment credentials';
  switch (auth.kind) {
    case 'none':
      return undefined;
    case 'profile':
      return `profile ${auth.profile}`;
    case 'storedKeys':
      return `stored keys ${auth.name}`;
    case 'env':
      return 'environment credentials';
    case 'assumeRole':
      return `${auth.roleArn} (from ${base(auth.base)})`;
  }
}

/** Entries matching every word of the query (case-insensitive), newest first as given; a blank query keeps all. */
export function searchHistory(entries: HistoryEntry[], query: string): HistoryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((e) => {
    const hay = [e.request.method, e.resolvedUrl || e.request.url, e.status ?? '', e.errorCode ?? '', e.request.name, e.identity ?? ''].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
