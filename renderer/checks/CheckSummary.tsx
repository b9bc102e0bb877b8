// "3/4 checks passed" beside the response status, so a failing check shows without opening the Checks tab.
import type { CheckOutcome } from '../../src/models/checks';
import './checks.css';

export function CheckSummary({ outcome }: { outcome: CheckOutcome }) {
  const total = outcome.results.length;
  if (total === 0) return null;
  const passed = outcome.results.filter((r) => r.passed).length;
  return (
    <span className={`check-summary ${outcome.passed ? 'check-pass' : 'check-fail'}`} aria-label="Checks" role="status">
      {passed}/{total} checks passed
    </span>
  );
}
