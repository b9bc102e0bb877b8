// The run as it goes: a progress line with Cancel, then one row per request and iteration (status, checks with
// what was actually seen, time, the identity it was signed as, or why nothing came back). A row opens its full
// request and response beside the table.
import type { RoleCallApi } from '../../src/contract';
import type { RequestResult } from '../../src/runner/types';
import { ErrorBox } from '../components/ErrorBox';
import { RunDetail } from './RunDetail';
import { RunExport } from './RunExport';
import { isRunning, runCounts, type RunView } from './runState';
import { identityText, progressText } from './runText';

interface Props {
  api: RoleCallApi;
  view: RunView;
  iterations: number;
  selected: number | undefined;
  onSelect(position: number | undefined): void;
  onCancel(): void;
}

function checksText(result: RequestResult): string {
  if (result.checks.length === 0) return '—';
  const passed = result.checks.filter((c) => c.passed).length;
  return `${passed}/${result.checks.length}`;
}

export function RunResults({ api, view, iterations, selected, onSelect, onCancel }: Props) {
  const running = isRunning(view);
  const tone = view.phase === 'failed' || runCounts(view).failed > 0 ? 'fail' : view.phase === 'finished' ? 'pass' : 'neutral';
  const chosen = selected !== undefined ? view.results[selected] : undefined;
  return (
    <div className="runner-results">
      <div className="runner-progress">
        <span role="status" aria-label="Run progress" className={`runner-progress-text runner-${tone}`}>
          {progressText(view)}
        </span>
        {running && <progress max={Math.max(1, view.total)} value={runCounts(view).done} aria-label="Requests done" />}
        {running && (
          <button type="button" onClick={onCancel} disabled={view.phase === 'cancelling'}>
            Cancel run
          </button>
        )}
        {view.report && view.runId && <RunExport api={api} runId={view.runId} />}
      </div>
      {view.error && <ErrorBox error={view.error} title="The run did not start" />}
      <div className="runner-split">
        <div className="runner-table-wrap">
          <table className="runner-table" aria-label="Run results">
            <thead>
              <tr>
                {iterations > 1 && <th scope="col">Iteration</th>}
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Checks</th>
                <th scope="col">Time</th>
                <th scope="col">Signed as</th>
              </tr>
            </thead>
            <tbody>
              {view.results.map((result, position) =>
                result ? (
                  <tr
                    key={position}
                    className={`${result.passed ? 'runner-row-pass' : 'runner-row-fail'}${selected === position ? ' runner-row-selected' : ''}`}
                    aria-selected={selected === position}
                    aria-label={`${result.name}${iterations > 1 ? ` (iteration ${result.iteration})` : ''}: ${result.passed ? 'passed' : 'failed'}`}
                    tabIndex={0}
                    onClick={() => onSelect(position)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        onSelect(position);
                      }
                    }}
                  >
                    {iterations > 1 && <td>{result.iteration}</td>}
                    <td>
                      <span className="runner-mark" aria-hidden="true">
                        {result.passed ? '✓' : '✗'}
                      </span>
                      <span className="runner-method">{result.method}</span> {[...result.path, result.name].join(' / ')}
                      {result.error && <div className="runner-error">{result.error.message}</div>}
                      {result.checks
                        .filter((c) => !c.passed)
                        .map((c) => (
                          <div key={c.checkId} className="runner-error">
                            ✗ {c.label}: actual {c.actual || '(nothing)'}
                          </div>
                        ))}
                    </td>
                    <td className="runner-nowrap">{result.status !== undefined ? `${result.status}${result.statusText ? ` ${result.statusText}` : ''}` : '—'}</td>
                    <td>{checksText(result)}</td>
                    <td className="runner-nowrap">{result.durationMs !== undefined ? `${Math.round(result.durationMs)} ms` : '—'}</td>
                    <td className="runner-identity" title={result.identity?.problem}>
                      {identityText(result)}
                    </td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
        {chosen && view.runId && selected !== undefined && (
          <RunDetail key={`${view.runId}:${selected}`} api={api} runId={view.runId} position={selected} result={chosen} onClose={() => onSelect(undefined)} />
        )}
      </div>
    </div>
  );
}
