// Key / value / enabled / secret rows for environments, collections and folders. Secret values are masked (a
// password field) until revealed, one row at a time; revealing is view state only and never saved. The Name column
// is resizable, so long values (ARNs, URLs) can have the room.
import { useState } from 'react';
import type { KeyValue } from '../../src/models/workspace';
import { ColumnResizer } from './ColumnResizer';
import { CloseIcon, EyeIcon } from './icons';
import { newId } from './ids';

interface Props {
  label: string;
  rows: KeyValue[];
  onChange(rows: KeyValue[]): void;
}

export function VariablesTable({ label, rows, onChange }: Props) {
  const [revealed, setRevealed] = useState<Set<string>>(new Set());
  const [nameWidth, setNameWidth] = useState(30);
  const patch = (id: string, change: Partial<KeyValue>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const toggleReveal = (id: string) =>
    setRevealed((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="sb-vars">
      <table aria-label={label}>
        <colgroup>
          <col className="sb-col-on" />
          <col className="sb-col-name" style={{ width: `${nameWidth}%` }} />
          <col />
          <col className="sb-col-secret" />
          <col className="sb-col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="sb-narrow">
              On
            </th>
            <th scope="col" className="sb-resizable">
              Name
              <ColumnResizer value={nameWidth} min={15} max={70} label="Width of the Name column" onChange={setNameWidth} />
            </th>
            <th scope="col">Value</th>
            <th scope="col" className="sb-narrow">
              Secret
            </th>
            <th scope="col" className="sb-narrow">
              <span className="sb-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const n = i + 1;
            const shown = !row.secret || revealed.has(row.id);
            return (
              <tr key={row.id} className={row.enabled ? undefined : 'sb-disabled'}>
                <td>
                  <input type="checkbox" aria-label={`Enable variable ${n}`} checked={row.enabled} onChange={(e) => patch(row.id, { enabled: e.target.checked })} />
                </td>
                <td>
                  <input
                    className="sb-mono"
                    aria-label={`Name of variable ${n}`}
                    value={row.key}
                    placeholder="name"
                    spellCheck={false}
                    onChange={(e) => patch(row.id, { key: e.target.value })}
                  />
                </td>
                <td>
                  <div className="sb-value">
                    <input
                      className="sb-mono"
                      aria-label={`Value of variable ${n}`}
                      type={shown ? 'text' : 'password'}
                      autoComplete="off"
                      value={row.value}
                      placeholder="value"
                      spellCheck={false}
                      onChange={(e) => patch(row.id, { value: e.target.value })}
                    />
                    {row.secret && (
                      <button
                        type="button"
                        className="sb-icon"
                        aria-label={`${shown ? 'Hide' : 'Reveal'} value of variable ${n}`}
                        aria-pressed={shown}
                        title={shown ? 'Hide' : 'Reveal'}
                        onClick={() => toggleReveal(row.id)}
                      >
                        <EyeIcon open={!shown} />
                      </button>
                    )}
                  </div>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Variable ${n} is secret`}
                    checked={row.secret}
                    onChange={(e) => patch(row.id, { secret: e.target.checked })}
                  />
                </td>
                <td>
                  <button type="button" className="sb-icon" aria-label={`Remove variable ${n}`} title="Remove" onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                    <CloseIcon />
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="sb-empty">No variables yet.</p>}
      <button type="button" className="sb-link" onClick={() => onChange([...rows, { id: newId(), key: '', value: '', enabled: true, secret: false }])}>
        + Add variable
      </button>
    </div>
  );
}
