// The Checks tab of a request: declared checks and captures (no scripts), edited as rows, each with the result of
// the last send beside it (pass or fail, and the actual value), and the values this session captured with a Clear.
import type { Capture, Check, CheckOutcome, Comparison } from '../../src/models/checks';
import { CHECK_KINDS, checkOfKind, comparisonOf, newCapture, OPS } from './checkDefaults';
import { clearCaptured, useCapturedVariables } from './capturedVariables';
import './checks.css';

interface Props {
  checks: Check[];
  captures: Capture[];
  onChange: (patch: { checks?: Check[]; captures?: Capture[] }) => void;
  /** The last send's outcome, when it carried checks. */
  outcome?: CheckOutcome;
}

export function ChecksTab({ checks, captures, onChange, outcome }: Props) {
  const captured = useCapturedVariables();
  const setCheck = (index: number, check: Check) => onChange({ checks: checks.map((c, i) => (i === index ? check : c)) });
  const setCapture = (index: number, capture: Capture) => onChange({ captures: captures.map((c, i) => (i === index ? capture : c)) });
  return (
    <div className="checks-tab">
      <h3>Checks</h3>
      {checks.length === 0 && <p className="muted">No checks yet: add one to see pass or fail after every send.</p>}
      {checks.map((check, index) => (
        <CheckRow
          key={check.id}
          n={index + 1}
          check={check}
          result={outcome?.results.find((r) => r.checkId === check.id)}
          onChange={(next) => setCheck(index, next)}
          onRemove={() => onChange({ checks: checks.filter((_, i) => i !== index) })}
        />
      ))}
      <div className="checks-actions">
        <button type="button" className="secondary small" onClick={() => onChange({ checks: [...checks, checkOfKind('status')] })}>
          Add check
        </button>
      </div>
      <h3>Captures</h3>
      {captures.length === 0 && <p className="muted">Capture a value from the response (a JSON path, a header or the status) into a variable for the requests that follow.</p>}
      {captures.map((capture, index) => (
        <CaptureRow
          key={capture.id}
          n={index + 1}
          capture={capture}
          result={outcome?.captures.find((r) => r.captureId === capture.id)}
          onChange={(next) => setCapture(index, next)}
          onRemove={() => onChange({ captures: captures.filter((_, i) => i !== index) })}
        />
      ))}
      <div className="checks-actions">
        <button type="button" className="secondary small" onClick={() => onChange({ captures: [...captures, newCapture()] })}>
          Add capture
        </button>
      </div>
      <h3>Captured this session</h3>
      {captured.length === 0 ? (
        <p className="muted">Nothing captured yet. Captured values are kept in memory only and resolve before the environment's.</p>
      ) : (
        <div className="captured-list" aria-label="Captured this session">
          {captured.map((row) => (
            <div key={row.key} className="row">
              <code>{`{{${row.key}}}`}</code> = <code>{row.value.length > 200 ? `${row.value.slice(0, 200)}…` : row.value}</code>
              <button type="button" className="link-button" aria-label={`Clear ${row.key}`} onClick={() => clearCaptured(row.key)}>
                clear
              </button>
            </div>
          ))}
          <div className="checks-actions">
            <button type="button" className="secondary small" onClick={() => clearCaptured()}>
              Clear captured values
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function CheckRow(props: { n: number; check: Check; result?: CheckOutcome['results'][number]; onChange: (check: Check) => void; onRemove: () => void }) {
  const { n, check, result, onChange } = props;
  const label = (what: string) => `Check ${n} ${what}`;
  return (
    <div className={`check-row${check.enabled ? '' : ' disabled'}`} role="group" aria-label={`Check ${n}`}>
      <input className="check-enabled" type="checkbox" aria-label={label('enabled')} checked={check.enabled} onChange={(e) => onChange({ ...check, enabled: e.target.checked })} />
      <select aria-label={label('kind')} value={check.kind} onChange={(e) => onChange(checkOfKind(e.target.value as Check['kind'], { id: check.id, enabled: check.enabled }))}>
        {CHECK_KINDS.map(([kind, name]) => (
          <option key={kind} value={kind}>
            {name}
          </option>
        ))}
      </select>
      {check.kind === 'status' && (
        <input aria-label={label('expected status')} placeholder="200, 2xx, 200-299 or 200,201" value={check.expect} onChange={(e) => onChange({ ...check, expect: e.target.value })} />
      )}
      {check.kind === 'time' && (
        <>
          <span className="muted">under</span>
          <input type="number" min={1} aria-label={label('milliseconds')} value={check.underMs} onChange={(e) => onChange({ ...check, underMs: Math.max(1, Math.round(Number(e.target.value) || 1)) })} />
          <span className="muted">ms</span>
        </>
      )}
      {check.kind === 'header' && <input aria-label={label('header name')} placeholder="Content-Type" value={check.name} onChange={(e) => onChange({ ...check, name: e.target.value })} />}
      {check.kind === 'json' && <input aria-label={label('JSON path')} placeholder="$.items[0].id" value={check.path} onChange={(e) => onChange({ ...check, path: e.target.value })} />}
      {(check.kind === 'header' || check.kind === 'json' || check.kind === 'text') && (
        <ComparisonFields label={label} compare={check.compare} onChange={(compare) => onChange({ ...check, compare })} />
      )}
      {check.kind === 'identity' && (
        <input
          aria-label={label('expected identity')}
          placeholder="arn:aws:iam::123456789012:role/Deploy, arn:aws:sts::*:assumed-role/Deploy/* or 123456789012"
          value={check.expect}
          onChange={(e) => onChange({ ...check, expect: e.target.value })}
        />
      )}
      <button type="button" className="link-button check-remove" aria-label={`Remove check ${n}`} onClick={props.onRemove}>
        remove
      </button>
      {result && (
        <div className={`check-result ${result.passed ? 'check-pass' : 'check-fail'}`} aria-label={label('result')}>
          {result.passed ? '✓ passed' : '✗ failed'} · {result.label} · actual: {result.actual}
          {result.message && !result.passed ? ` · ${result.message}` : ''}
        </div>
      )}
    </div>
  );
}

function ComparisonFields({ label, compare, onChange }: { label: (what: string) => string; compare: Comparison; onChange: (compare: Comparison) => void }) {
  const optional = (value: string) => (value.trim() === '' ? undefined : Math.max(0, Math.round(Number(value) || 0)));
  return (
    <>
      <select aria-label={label('comparison')} value={compare.op} onChange={(e) => onChange(comparisonOf(e.target.value as Comparison['op'], compare))}>
        {OPS.map(([op, name]) => (
          <option key={op} value={op}>
            {name}
          </option>
        ))}
      </select>
      {(compare.op === 'equals' || compare.op === 'contains') && <input aria-label={label('value')} value={compare.value} onChange={(e) => onChange({ ...compare, value: e.target.value })} />}
      {compare.op === 'matches' && (
        <>
          <input aria-label={label('pattern')} placeholder="^ord-\d+$" value={compare.pattern} onChange={(e) => onChange({ ...compare, pattern: e.target.value })} />
          <input aria-label={label('flags')} placeholder="flags (i, m, s, u)" size={6} value={compare.flags} onChange={(e) => onChange({ ...compare, flags: e.target.value.replace(/[^imsu]/g, '') })} />
        </>
      )}
      {compare.op === 'type' && (
        <select aria-label={label('type')} value={compare.type} onChange={(e) => onChange({ ...compare, type: e.target.value as typeof compare.type })}>
          {(['string', 'number', 'boolean', 'object', 'array', 'null'] as const).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      )}
      {compare.op === 'length' && (
        <>
          <input type="number" min={0} aria-label={label('minimum length')} placeholder="min" value={compare.min ?? ''} onChange={(e) => onChange({ op: 'length', min: optional(e.target.value), max: compare.max })} />
          <input type="number" min={0} aria-label={label('maximum length')} placeholder="max" value={compare.max ?? ''} onChange={(e) => onChange({ op: 'length', min: compare.min, max: optional(e.target.value) })} />
        </>
      )}
    </>
  );
}

function CaptureRow(props: { n: number; capture: Capture; result?: CheckOutcome['captures'][number]; onChange: (capture: Capture) => void; onRemove: () => void }) {
  const { n, capture, result, onChange } = props;
  const label = (what: string) => `Capture ${n} ${what}`;
  return (
    <div className={`check-row${capture.enabled ? '' : ' disabled'}`} role="group" aria-label={`Capture ${n}`}>
      <input className="check-enabled" type="checkbox" aria-label={label('enabled')} checked={capture.enabled} onChange={(e) => onChange({ ...capture, enabled: e.target.checked })} />
      <input aria-label={label('variable')} placeholder="variable name" value={capture.variable} onChange={(e) => onChange({ ...capture, variable: e.target.value })} />
      <span className="muted">from</span>
      <select aria-label={label('source')} value={capture.from} onChange={(e) => onChange({ ...capture, from: e.target.value as Capture['from'], path: e.target.value === 'json' ? '$.id' : e.target.value === 'header' ? 'Location' : '' })}>
        <option value="json">JSON path</option>
        <option value="header">header</option>
        <option value="status">status</option>
      </select>
      {capture.from !== 'status' && (
        <input aria-label={label(capture.from === 'json' ? 'JSON path' : 'header name')} value={capture.path} onChange={(e) => onChange({ ...capture, path: e.target.value })} />
      )}
      <button type="button" className="link-button check-remove" aria-label={`Remove capture ${n}`} onClick={props.onRemove}>
        remove
      </button>
      {result && (
        <div className={`check-result ${result.value !== undefined ? 'check-pass' : 'check-fail'}`} aria-label={label('result')}>
          {result.value !== undefined ? `captured {{${result.variable}}} = ${result.value.length > 200 ? `${result.value.slice(0, 200)}…` : result.value}` : `nothing captured: ${result.message ?? ''}`}
        </div>
      )}
    </div>
  );
}
