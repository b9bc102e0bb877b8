// A self-contained HTML report: one static page, styles inline, no script, no external resource (its CSP says so),
// every value escaped. A response value quoted in a failure is text on the page, never markup.
import { bySuite, caseName } from '../summary';
import type { RequestResult, RunReport } from '../types';
import { escapeXml as h } from './xmlText';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1f24}
h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:1.6rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
.pass{color:#1a7f37}.fail{color:#cf222e}.muted{color:#57606a}code{font:12px ui-monospace,monospace;word-break:break-all}
ul{margin:.2rem 0;padding-left:1.1rem}`;

function checksCell(r: RequestResult): string {
  if (r.error) return `<span class="fail">${h(r.error.code)}: ${h(r.error.message)}</span>`;
  if (r.checks.length === 0) return '<span class="muted">no checks</span>';
  const items = r.checks.map(
    (c) =>
      `<li class="${c.passed ? 'pass' : 'fail'}">${c.passed ? '✓' : '✗'} ${h(c.label)} <span class="muted">(actual: <code>${h(c.actual)}</code>)</span>` +
      `${c.message && !c.passed ? ` ${h(c.message)}` : ''}</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

function row(r: RequestResult, iterations: number): string {
  const identity = r.identity ? (r.identity.arn ?? r.identity.label) : '';
  return (
    `<tr><td class="${r.passed ? 'pass' : 'fail'}">${r.passed ? 'pass' : 'fail'}</td><td>${h(caseName(r, iterations))}</td>` +
    `<td><code>${h(r.method)} ${h(r.url)}</code></td><td>${r.status ?? '—'}</td><td>${r.durationMs !== undefined ? `${Math.round(r.durationMs)} ms` : '—'}</td>` +
    `<td>${r.size ?? '—'}</td><td><code>${h(identity)}</code></td><td>${checksCell(r)}</td></tr>`
  );
}

export function htmlReport(report: RunReport): string {
  const t = report.totals;
  const title = `RoleCall run: ${report.collections.join(', ')}`;
  const suites = bySuite(report.results).map(
    (s) =>
      `<h2>${h(s.name)}</h2>\n<table><thead><tr><th></th><th>Request</th><th>URL</th><th>Status</th><th>Time</th><th>Bytes</th><th>Identity</th><th>Checks</th></tr></thead>\n<tbody>${s.results
        .map((r) => row(r, report.settings.iterations))
        .join('\n')}</tbody></table>`,
  );
  const state = report.cancelled ? 'cancelled' : report.bailed ? 'stopped at the first failure' : report.passed ? 'passed' : 'failed';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(title)}</title><style>${STYLE}</style></head>
<body><h1>${h(title)}</h1>
<p class="${report.passed ? 'pass' : 'fail'}">Run ${h(state)}: ${t.requests} requests (${t.failedRequests} failed, ${t.errors} without a response), ${t.checks} checks (${t.failedChecks} failed), ${report.settings.iterations} iteration(s), ${Math.round(report.durationMs)} ms.</p>
<p class="muted">${report.environment ? `Environment ${h(report.environment)}. ` : ''}Started ${h(report.startedAt)}.</p>
${suites.join('\n')}
</body></html>
`;
}
