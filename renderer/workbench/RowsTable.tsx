// The table shape shared by key/value rows and multipart parts: an enable switch first, the row's own cells, a
// remove button last and "+ Add …" below. A row turned off stays in the table, dimmed, so nothing is lost.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props<T extends { id: string; enabled: boolean }> {
  rows: T[];
  onChange: (rows: T[]) => void;
  /** The table's accessible name: "Headers", "Parts". */
  label: string;
  /** Lower-case singular for the controls: "header" gives "Enable header 1", "Remove header 1", "+ Add header". */
  noun: string;
  /** Headings of the columns between the switch and the remove button. */
  columns: string[];
  /** The row's own <td> cells; n counts from 1. */
  cells: (row: T, n: number, update: (patch: Partial<T>) => void) => ReactNode;
  newRow: () => T;
  /** Moves focus to the first field of a row just added. */
  focusAdded?: boolean;
}

export function RowsTable<T extends { id: string; enabled: boolean }>({ rows, onChange, label, noun, columns, cells, newRow, focusAdded = false }: Props<T>) {
  const added = useRef(false);
  const table = useRef<HTMLTableElement>(null);
  const update = (index: number, patch: Partial<T>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    table.current?.querySelector<HTMLInputElement>('tbody tr:last-child input.kv-input')?.focus();
  }, [rows.length]);

  return (
    <div className="kv">
      {rows.length > 0 && (
        <table className="kv-table" ref={table} aria-label={label}>
          <thead>
            <tr>
              <th className="kv-on">
                <span className="sr-only">On</span>
              </th>
              {columns.map((column) => (
                <th key={column}>{column}</th>
              ))}
              <th className="kv-actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              return (
                <tr key={row.id} className={row.enabled ? undefined : 'kv-disabled'}>
                  <td className="kv-on">
                    <input type="checkbox" checked={row.enabled} aria-label={`Enable ${noun} ${n}`} onChange={(event) => update(index, { enabled: event.target.checked } as Partial<T>)} />
                  </td>
                  {cells(row, n, (patch) => update(index, patch))}
                  <td className="kv-actions">
                    <button type="button" className="icon-button" aria-label={`Remove ${noun} ${n}`} title="Remove" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
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
          added.current = focusAdded;
          onChange([...rows, newRow()]);
        }}
      >
        + Add {noun}
      </button>
    </div>
  );
}
