// The Checks tab's label count: how many checks are on, or "2/3" once a send evaluated them.
import type { Check, CheckOutcome } from '../../src/models/checks';

export function checksCount(checks: Check[], outcome?: CheckOutcome): string {
  if (outcome && outcome.results.length > 0) return ` ${outcome.results.filter((r) => r.passed).length}/${outcome.results.length}`;
  const on = checks.filter((c) => c.enabled).length;
  return on > 0 ? ` ${on}` : '';
}
