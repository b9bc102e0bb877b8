// What `rolecall run` prints on a terminal: a line per request as it finishes, and a summary at the end.
import { caseName, suiteName } from '../summary';
import type { RequestResult, RunReport } from '../types';

const mark = (r: RequestResult) => (r.passed ? '✓' : '✗');

/** One line per finished request: mark, method, name, status, time, the identity it was signed as. */
export function progressLine(r: RequestResult, iterations: number): string {
  const where = r.path.length ? `${r.path.join(' / ')} / ` : '';
  const outcome = r.error ? `${r.error.code}` : `${r.status} ${Math.round(r.durationMs ?? 0)} ms`;
  const failedChecks = r.checks.filter((c) => !c.passed).length;
  const checks = r.checks.length ? `  checks ${r.checks.length - failedChecks}/${r.checks.length}` : '';
  return `${mark(r)} ${r.method} ${where}${caseName(r, iterations)}  ${outcome}${checks}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ')).join('\n');
}

export function summaryText(report: RunReport): string {
  const t = report.totals;
  const lines = [
    table([
      ['', 'executed', 'failed'],
      ['iterations', String(new Set(report.results.map((r) => r.iteration)).size), ''],
      ['requests', String(t.requests), String(t.failedRequests)],
      ['checks', String(t.checks), String(t.failedChecks)],
    ]),
    `total run duration: ${Math.round(report.durationMs)} ms`,
  ];
  if (report.bailed) lines.push('stopped at the first failure (--bail)');
  if (report.cancelled) lines.push('cancelled');
  const failures = report.results.filter((r) => !r.passed);
  if (failures.length) {
    lines.push('', 'failures:');
    failures.forEach((r, i) => {
      const head = `${i + 1}. ${suiteName(r)} / ${caseName(r, report.settings.iterations)}`;
      if (r.error) lines.push(`${head}\n   ${r.error.code}: ${r.error.message}`);
      for (const c of r.checks.filter((check) => !check.passed)) lines.push(`${head}\n   ${c.label}: ${c.message ?? 'failed'} (actual: ${c.actual})`);
    });
  }
  return lines.join('\n');
}
