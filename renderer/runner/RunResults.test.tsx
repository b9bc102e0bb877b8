import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RoleCallApi } from '../../src/contract';
import type { RequestResult } from '../../src/runner/types';
import { textToBase64 } from '../chain/exportSvg';
import { bodyText, SHOWN_BODY_CHARS } from './RunDetail';
import { RunResults } from './RunResults';
import { STARTING, type RunView } from './runState';

const api = {} as RoleCallApi;
const ok: RequestResult = {
  iteration: 1, index: 0, collectionId: 'c', collection: 'Team', requestId: 'a', name: 'Create order', path: ['Orders'], method: 'POST', url: 'http://127.0.0.1/orders',
  status: 201, statusText: 'Created', durationMs: 8.4, identity: { label: 'team', arn: 'arn:aws:iam::111111111111:user/ci' },
  checks: [{ checkId: 'k1', label: 'status is 201', passed: true, actual: '201' }], captures: [], passed: true,
};
const bad: RequestResult = {
  ...ok, index: 1, requestId: 'b', name: 'Get <b>order</b>', method: 'GET', status: 404, statusText: 'Not Found',
  checks: [{ checkId: 'k2', label: '$.id equals ord-1', passed: false, actual: 'ord-42', message: 'expected ord-1' }], passed: false,
};
const lost: RequestResult = { ...ok, index: 2, requestId: 'c', name: 'Delete', checks: [], status: undefined, durationMs: undefined, error: { code: 'NETWORK', message: 'Connection refused' }, passed: false };

// React separates adjacent text with comments; the text a user reads is without them.
const render = (view: RunView, iterations = 1) =>
  renderToString(<RunResults api={api} view={view} iterations={iterations} selected={undefined} onSelect={() => undefined} onCancel={() => undefined} />).replace(/<!-- -->/g, '');

describe('the run results view', () => {
  it('shows each request with status, checks, time and identity, a failed check with what was actually seen', () => {
    const html = render({ ...STARTING, phase: 'running', runId: 'r', total: 4, results: [ok, bad, lost] });
    expect(html).toContain('Running: 3 of 4 · 1 passed, 2 failed');
    expect(html).toContain('Cancel run');
    expect(html).toContain('201 Created');
    expect(html).toContain('8 ms');
    expect(html).toContain('arn:aws:iam::111111111111:user/ci');
    expect(html).toContain('1/1');
    expect(html).toContain('0/1');
    expect(html).toContain('✗ $.id equals ord-1: actual ord-42');
    expect(html).toContain('Connection refused');
    // A name is text, never markup.
    expect(html).not.toContain('<b>order</b>');
    expect(html).not.toContain('Export:');
    expect(html).not.toContain('Iteration');
  });

  it('offers the exports once the run has ended, and no Cancel', () => {
    const report = { collections: ['Team'], startedAt: '', finishedAt: '', durationMs: 1, settings: { iterations: 2, delayMs: 0, bail: false, timeoutMs: 1 }, planned: 1, results: [ok, { ...ok, iteration: 2 }], totals: { requests: 2, failedRequests: 0, errors: 0, checks: 2, failedChecks: 0 }, bailed: false, cancelled: false, passed: true };
    const html = render({ ...STARTING, phase: 'finished', runId: 'r', total: 2, results: report.results, report }, 2);
    expect(html).toContain('All passed: 2 passed, 0 failed');
    expect(html).not.toContain('Cancel run');
    for (const label of ['JSON', 'JUnit XML', 'HTML report']) expect(html).toContain(`>${label}</button>`);
    expect(html).toContain('Iteration');
  });
});

describe('a result’s response body in the detail pane', () => {
  const b64 = (text: string) => textToBase64(text);
  it('is the UTF-8 text, saying when only the first part came', () => {
    expect(bodyText(b64('{"id":"ord-42","name":"Café"}'), true, 30)).toBe('{"id":"ord-42","name":"Café"}');
    expect(bodyText(b64('<html>'), false, 5000)).toBe('<html>\n… (5000 bytes in all; the first part is shown)');
    expect(bodyText(b64('x'.repeat(SHOWN_BODY_CHARS + 5)), true, SHOWN_BODY_CHARS + 5)).toHaveLength(SHOWN_BODY_CHARS + `\n… (${SHOWN_BODY_CHARS + 5} bytes in all; the first part is shown)`.length);
  });
});
