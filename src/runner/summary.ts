// Totals of a run and the grouping reporters share: one suite per collection, or per folder inside it.
import type { RequestResult, RunTotals } from './types';

export function runTotals(results: RequestResult[]): RunTotals {
  let checks = 0;
  let failedChecks = 0;
  for (const r of results) {
    checks += r.checks.length;
    failedChecks += r.checks.filter((c) => !c.passed).length;
  }
  return {
    requests: results.length,
    failedRequests: results.filter((r) => !r.passed).length,
    errors: results.filter((r) => r.error).length,
    checks,
    failedChecks,
  };
}

/** "Orders API", or "Orders API / admin / users" for a request in folders. */
export function suiteName(r: Pick<RequestResult, 'collection' | 'path'>): string {
  return [r.collection, ...r.path].join(' / ');
}

/** Results grouped by suite in first-seen order; iterations of the same request stay in the same suite. */
export function bySuite(results: RequestResult[]): Array<{ name: string; results: RequestResult[] }> {
  const groups = new Map<string, RequestResult[]>();
  for (const r of results) {
    const name = suiteName(r);
    const list = groups.get(name) ?? [];
    list.push(r);
    groups.set(name, list);
  }
  return [...groups].map(([name, list]) => ({ name, results: list }));
}

/** The request's name as reporters print it, with the iteration when there are several. */
export function caseName(r: Pick<RequestResult, 'name' | 'iteration'>, iterations: number): string {
  return iterations > 1 ? `${r.name} (iteration ${r.iteration})` : r.name;
}

/** Error codes that mean credentials could not be obtained: `rolecall run` exits 3 on them, like a setup error. */
export const CREDENTIAL_ERROR_CODES: ReadonlySet<string> = new Set([
  'CONFIG_PARSE',
  'PROFILE_NOT_FOUND',
  'CREDENTIALS_MISSING',
  'CREDENTIALS_ERROR',
  'MFA_CANCELLED',
  'MFA_REQUIRED',
  'SSO_SIGN_IN_REQUIRED',
  'STS_ACCESS_DENIED',
  'INVALID_CLIENT_TOKEN',
  'EXPIRED_TOKEN',
]);
