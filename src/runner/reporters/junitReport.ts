// JUnit XML, as CI systems read it: <testsuites> for the run, a <testsuite> per collection (or per folder in it),
// a <testcase> per request sent, a <failure> per failed check with what was actually seen, an <error> when nothing
// came back. The suite's `failures` and `errors` count test cases, as the JUnit schema defines them.
import { bySuite, caseName } from '../summary';
import type { RequestResult, RunReport } from '../types';
import { escapeXml as x } from './xmlText';

const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);

function testcase(r: RequestResult, iterations: number): string {
  const name = caseName(r, iterations);
  const classname = [r.collection, ...r.path].join('.');
  const lines: string[] = [];
  for (const check of r.checks.filter((c) => !c.passed)) {
    const message = `${check.label}: ${check.message ?? 'failed'}`;
    lines.push(`      <failure message="${x(message)}" type="check">${x(`${message}\nactual: ${check.actual}`)}</failure>`);
  }
  if (r.error) lines.push(`      <error message="${x(r.error.message)}" type="${x(r.error.code)}">${x(`${r.error.code}: ${r.error.message}`)}</error>`);
  const out = [`${r.method} ${r.url}`, r.status !== undefined ? `status ${r.status}` : '', r.identity ? `identity ${r.identity.arn ?? r.identity.label}` : '']
    .filter(Boolean)
    .join('\n');
  lines.push(`      <system-out>${x(out)}</system-out>`);
  return `    <testcase name="${x(name)}" classname="${x(classname)}" time="${seconds(r.durationMs)}">\n${lines.join('\n')}\n    </testcase>`;
}

export function junitReport(report: RunReport): string {
  const suites = bySuite(report.results);
  const failed = (list: RequestResult[]) => list.filter((r) => !r.error && r.checks.some((c) => !c.passed)).length;
  const errored = (list: RequestResult[]) => list.filter((r) => r.error).length;
  const time = (list: RequestResult[]) => list.reduce((sum, r) => sum + (r.durationMs ?? 0), 0);
  const body = suites.map(
    (suite, i) =>
      `  <testsuite name="${x(suite.name)}" id="${i}" tests="${suite.results.length}" failures="${failed(suite.results)}" errors="${errored(suite.results)}" skipped="0" time="${seconds(time(suite.results))}" timestamp="${x(report.startedAt.replace(/\.\d+Z$/, ''))}">\n` +
      suite.results.map((r) => testcase(r, report.settings.iterations)).join('\n') +
      '\n  </testsuite>',
  );
  const name = report.collections.join(', ') || 'RoleCall run';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="${x(name)}" tests="${report.results.length}" failures="${failed(report.results)}" errors="${errored(report.results)}" time="${seconds(report.durationMs)}">\n` +
    (body.length ? `${body.join('\n')}\n` : '') +
    '</testsuites>\n'
  );
}
