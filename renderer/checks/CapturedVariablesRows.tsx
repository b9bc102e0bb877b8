// The values this window captured from responses, shown in the environments panel beside the environment they
// override: they resolve first (src/effectiveRequest.ts), so a user reading the environment must see them too, or
// a request would send a value the environment does not show. Memory only; each can be cleared, or all at once.
import type { Environment, KeyValue } from '../../src/models/workspace';
import './checks.css';

export interface CapturedRow {
  key: string;
  value: string;
  /** The environment value this capture hides, when the active environment defines the same name. */
  overrides?: string;
}

/** Each captured value with what it hides in the active environment (an enabled variable of the same name). */
export function capturedOverrides(captured: KeyValue[], active: Environment | undefined): CapturedRow[] {
  return captured.map((row) => {
    const shadowed = active?.variables.find((v) => v.enabled && v.key === row.key);
    return { key: row.key, value: row.value, ...(shadowed ? { overrides: shadowed.secret ? '(secret)' : shadowed.value } : {}) };
  });
}

const SHOWN_CHARS = 200;
const cut = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);

export function CapturedVariablesRows(props: { rows: CapturedRow[]; environment?: string; onClear: (variable?: string) => void }) {
  const { rows, environment, onClear } = props;
  if (rows.length === 0) return null;
  return (
    <section className="captured-env" aria-label="Captured values">
      <h2>Captured this session</h2>
      <p className="sb-hint">Values saved from responses in this window: they win over any environment, are kept in memory only and go when the window closes.</p>
      <ul className="captured-env-rows">
        {rows.map((row) => (
          <li key={row.key} className="captured-env-row">
            <code className="captured-env-name">{row.key}</code>
            <code className="captured-env-value" title={row.value}>
              {cut(row.value)}
            </code>
            {row.overrides !== undefined && (
              <span className="captured-env-overrides">
                overrides {environment ? `“${environment}”` : 'the environment'}: <code title={row.overrides}>{cut(row.overrides)}</code>
              </span>
            )}
            <button type="button" className="link-button" aria-label={`Clear captured ${row.key}`} onClick={() => onClear(row.key)}>
              Clear
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="sb-button" onClick={() => onClear()}>
        Clear all captured
      </button>
    </section>
  );
}
