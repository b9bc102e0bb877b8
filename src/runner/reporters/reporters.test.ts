// The file reporters with hostile values: a response that quotes markup, control characters and lone surrogates
// in a failed check must leave a JUnit file that parses and an HTML page without a single live tag from it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS, type RequestResult, type RunReport } from '../types';
import { runTotals } from '../summary';
import { htmlReport } from './htmlReport';
import { junitReport } from './junitReport';

const HOSTILE = '</failure></testcase><script>alert(1)</script>&amp; "q" \'a\' \u0001\u0008 \uD800 end';

function report(results: RequestResult[]): RunReport {
  return {
    collections: ['Team <API>'],
    startedAt: '2026-12-01T00:00:00.000Z',
    finishedAt: '2026-12-01T00:00:01.000Z',
    durationMs: 1000,
    settings: DEFAULT_RUN_SETTINGS,
    planned: results.length,
    results,
    totals: runTotals(results),
    bailed: false,
    cancelled: false,
    passed: results.every((r) => r.passed),
  };
}

const base = { iteration: 1, collectionId: 'c', collection: 'Team <API>', requestId: 'r', method: 'GET', url: 'https://x/?a=1&b=2', checks: [], captures: [] };
const results: RequestResult[] = [
  { ...base, index: 0, name: 'bad <one>', path: ['admin & ops'], status: 500, durationMs: 12, passed: false, checks: [{ checkId: 'k', label: 'status is 2xx', passed: false, actual: HOSTILE, message: 'expected 2xx' }, { checkId: 'k2', label: 'body', passed: false, actual: '1' }] },
  { ...base, index: 1, name: 'good', path: ['admin & ops'], status: 200, durationMs: 3, passed: true, checks: [{ checkId: 'k', label: 'status is 2xx', passed: true, actual: '200' }] },
  { ...base, index: 2, name: 'no answer', path: [], passed: false, error: { code: 'CONNECTION_REFUSED', message: HOSTILE } },
];

describe('junitReport', () => {
  it('writes XML that parses, with counts that match its elements and the hostile text intact as text', () => {
    const xml = junitReport(report(results));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['testsuite', 'testcase', 'failure', 'error'].includes(n) }).parse(xml, true);
    const suites = doc.testsuites.testsuite as Array<{ '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string; testcase: Array<{ failure?: Array<{ '#text': string }>; error?: unknown[] }> }>;
    expect(suites.map((s) => [s['@_name'], s['@_tests'], s['@_failures'], s['@_errors']])).toEqual([
      ['Team <API> / admin & ops', '2', '1', '0'],
      ['Team <API>', '1', '0', '1'],
    ]);
    expect(suites[0]!.testcase[0]!.failure).toHaveLength(2);
    expect(suites[0]!.testcase[0]!.failure![0]!['#text']).toContain('</failure></testcase><script>');
    expect(doc.testsuites['@_tests']).toBe('3');
  });
});

describe('htmlReport', () => {
  it('is static text: no script, no tag from the values, a CSP that forbids everything but inline styles', () => {
    const html = htmlReport(report(results));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<API>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).not.toMatch(/\u0001|\uD800(?![\uDC00-\uDFFF])/);
  });
});
