// The table behind params, headers and form fields: one row per pair, each with its own enable switch, so a header
// can be turned off without losing it. Values may hold {{variables}}; `preview` shows what a row resolves to. A row's
// description (kept from Postman or a shared file) is the name's tooltip.
import type { KeyValue } from '../../src/models/workspace';
import { RowsTable } from './RowsTable';

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
  return (
    <RowsTable
      rows={rows}
      onChange={onChange}
      label={`${noun}s`}
      noun={noun.toLowerCase()}
      columns={['Name', 'Value']}
      newRow={() => newRow()}
      focusAdded
      cells={(row, n, update) => {
        const resolved = preview && row.value.includes('{{') ? preview(row.value) : undefined;
        return (
          <>
            <td>
              <input
                className="kv-input"
                value={row.key}
                placeholder={keyPlaceholder}
                aria-label={`${noun} name ${n}`}
                title={row.description}
                spellCheck={false}
                onChange={(event) => update({ key: event.target.value })}
              />
            </td>
            <td>
              <input
                className="kv-input"
                value={row.value}
                placeholder={valuePlaceholder}
                aria-label={`${noun} value ${n}`}
                spellCheck={false}
                onChange={(event) => update({ value: event.target.value })}
              />
              {resolved !== undefined && resolved !== row.value && (
                <div className="kv-resolved" aria-label={`${noun} ${n} resolves to`}>
                  → {resolved}
                </div>
              )}
            </td>
          </>
        );
      }}
    />
  );
}
