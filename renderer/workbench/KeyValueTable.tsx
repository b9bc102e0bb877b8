// The table behind params, headers and form fields: one row per pair, each with its own enable switch, so a header
// can be turned off without losing it. Values may hold {{variables}}; `preview` shows what a row resolves to.
import { useEffect, useRef } from 'react';
import type { KeyValue } from '../../src/models/workspace';

interface Props {
  rows: KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  /** Singular noun for labels: "Header" gives "Header name 1", "Add header". */
  noun: string;
  /** Resolved text for a row value, with secrets masked; shown when it differs from the template. */
  preview?: (text: string) => string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
}

export function newRow(key = '', value = ''): KeyValue {
  return { id: crypto.randomUUID(), key, value, enabled: true, secret: false };
}

export function KeyValueTable({ rows, onChange, noun, preview, keyPlaceholder = 'name', valuePlaceholder = 'value' }: Props) {
  const focusLast = useRef(false);
  const table = useRef<HTMLTableElement>(null);
  const update = (index: number, patch: Partial<KeyValue>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const lower = noun.toLowerCase();

  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    const inputs = table.current?.querySelectorAll<HTMLInputElement>('input[data-role="key"]');
    inputs?.[inputs.length - 1]?.focus();
  }, [rows.length]);

  return (
    <div className="kv">
      {rows.length > 0 && (
        <table className="kv-table" ref={table} aria-label={`${noun}s`}>
          <thead>
            <tr>
              <th className="kv-on">
                <span className="sr-only">On</span>
              </th>
              <th>Name</th>
              <th>Value</th>
              <th className="kv-actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              const resolved = preview && row.value.includes('{{') ? preview(row.value) : undefined;
              return (
                <tr key={row.id} className={row.enabled ? undefined : 'kv-disabled'}>
                  <td className="kv-on">
                    <input
                      type="checkbox"
                      checked={row.enabled}
                      aria-label={`Enable ${lower} ${n}`}
                      onChange={(event) => update(index, { enabled: event.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      data-role="key"
                      className="kv-input"
                      value={row.key}
                      placeholder={keyPlaceholder}
                      aria-label={`${noun} name ${n}`}
                      spellCheck={false}
                      onChange={(event) => update(index, { key: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="kv-input"
                      value={row.value}
                      placeholder={valuePlaceholder}
                      aria-label={`${noun} value ${n}`}
                      spellCheck={false}
                      onChange={(event) => update(index, { value: event.target.value })}
                    />
                    {resolved !== undefined && resolved !== row.value && (
                      <div className="kv-resolved" aria-label={`${noun} ${n} resolves to`}>
                        → {resolved}
                      </div>
                    )}
                  </td>
                  <td className="kv-actions">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove ${lower} ${n}`}
                      title="Remove"
                      onClick={() => onChange(rows.filter((_, i) => i !== index))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          focusLast.current = true;
          onChange([...rows, newRow()]);
        }}
      >
        + Add {lower}
      </button>
    </div>
  );
}
