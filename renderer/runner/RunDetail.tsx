// One result of a run in full: its checks and captures, the request as it was sent (secrets masked by main) and the
// response with its body as plain text (never rendered as HTML), read with runner:detail.
import { useEffect, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { RunnerDetail } from '../../src/runner/runnerContract';
import type { RequestResult } from '../../src/runner/types';
import { settle } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { identityText } from './runText';

interface Props {
  api: RoleCallApi;
  runId: string;
  position: number;
  result: RequestResult;
  onClose(): void;
}

/** The most body text the pane shows; the export and the workbench have the rest. */
export const SHOWN_BODY_CHARS = 200_000;

export function bodyText(base64: string, complete: boolean, size: number): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const cut = text.length > SHOWN_BODY_CHARS;
  if (cut) text = text.slice(0, SHOWN_BODY_CHARS);
  if (cut || !complete) text += `\n… (${size} bytes in all; the first part is shown)`;
  return text;
}

function Headers({ label, headers }: { label: string; headers: Array<[string, string]> }) {
  return (
    <table className="runner-headers" aria-label={label}>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={i}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RunDetail({ api, runId, position, result, onClose }: Props) {
  const [detail, setDetail] = useState<RunnerDetail | undefined>();
  const [error, setError] = useState<AppError | undefined>();

  useEffect(() => {
    let live = true;
    void settle(() => api.runnerDetail({ runId, position })).then((r) => {
      if (!live) return;
      if (r.ok) setDetail(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, runId, position]);

  const title = `${[...result.path, result.name].join(' / ')}${result.iteration > 1 ? ` (iteration ${result.iteration})` : ''}`;
  return (
    <section className="runner-detail" aria-label="Result detail">
      <header className="runner-detail-head">
        <h3>{title}</h3>
        <button type="button" className="small" onClick={onClose} aria-label="Close detail">
          ×
        </button>
      </header>
      <p className={result.passed ? 'runner-pass' : 'runner-fail'}>{result.passed ? 'Passed' : 'Failed'}</p>
      {result.identity && (
        <p>
          Signed as <code>{identityText(result)}</code>
          {result.identity.problem && <span className="muted"> ({result.identity.problem})</span>}
        </p>
      )}
      {result.error && (
        <p className="runner-error">
          {result.error.message} <span className="muted">({result.error.code})</span>
        </p>
      )}
      {result.checks.length > 0 && (
        <>
          <h4>Checks</h4>
          <ul className="runner-checks" aria-label="Checks of this result">
            {result.checks.map((c) => (
              <li key={c.checkId} className={c.passed ? 'runner-pass' : 'runner-fail'}>
                {c.passed ? '✓' : '✗'} {c.label} — actual: {c.actual || '(nothing)'}
                {c.message && <div className="muted">{c.message}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.captures.length > 0 && (
        <>
          <h4>Captures</h4>
          <ul className="runner-checks">
            {result.captures.map((c) => (
              <li key={c.captureId}>
                {`{{${c.variable}}}`} = {c.value ?? '(nothing found)'}
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <ErrorBox error={error} title="The detail could not be read" />}
      {!detail && !error && <p className="muted">Loading…</p>}
      {detail?.kind === 'none' && <p className="muted">No response: {detail.reason}</p>}
      {detail?.kind === 'sent' && (
        <>
          <h4>Request</h4>
          <p className="runner-url">
            <code>
              {detail.result.sent.request.method} {detail.result.sent.request.url}
            </code>
          </p>
          <Headers label="Request headers" headers={detail.result.sent.request.headers} />
          <h4>Response</h4>
          <p>
            <code>
              {detail.result.response.status} {detail.result.response.statusText}
            </code>{' '}
            <span className="muted">{Math.round(detail.result.response.timings.total)} ms</span>
          </p>
          <Headers label="Response headers" headers={detail.result.response.headers} />
          <pre className="runner-body" aria-label="Response body">
            {bodyText(detail.result.response.body.headBase64, detail.result.response.body.complete, detail.result.response.body.size)}
          </pre>
        </>
      )}
    </section>
  );
}
