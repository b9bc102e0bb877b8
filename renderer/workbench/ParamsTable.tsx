// Query parameters as a table, kept in step with the URL both ways: the rows are read from the URL on every render
// and editing them rewrites only the query. A switched-off row leaves the URL and waits below the others.
import type { KeyValue } from '../../src/models/workspace';
import { KeyValueTable } from './KeyValueTable';
import { queryRows, withQuery } from './queryParams';

interface Props {
  url: string;
  onUrlChange: (url: string) => void;
  /** Switched-off rows, kept by the tab (they are not part of the URL). */
  disabled: KeyValue[];
  onDisabledChange: (rows: KeyValue[]) => void;
  preview?: (text: string) => string;
}

export function ParamsTable({ url, onUrlChange, disabled, onDisabledChange, preview }: Props) {
  const live: KeyValue[] = queryRows(url).map((row, i) => ({ id: `q${i}`, key: row.key, value: row.value, enabled: true, secret: false }));
  const rows = [...live, ...disabled];

  function onChange(next: KeyValue[]) {
    const on = next.filter((row) => row.enabled);
    // A row still being typed (empty name and value) stays in the table, not as a bare "&" in the URL.
    onUrlChange(withQuery(url, on.map((row) => ({ key: row.key, value: row.value, hasEquals: row.value !== '' || hasEquals(url, row) }))));
    onDisabledChange(next.filter((row) => !row.enabled).map((row) => ({ ...row, id: row.id.startsWith('q') ? crypto.randomUUID() : row.id })));
  }

  return <KeyValueTable rows={rows} onChange={onChange} noun="Param" preview={preview} />;
}

/** Keeps "key=" as typed: a row that had "=" with an empty value still has it. */
function hasEquals(url: string, row: KeyValue): boolean {
  const index = Number(row.id.slice(1));
  if (!row.id.startsWith('q') || Number.isNaN(index)) return true;
  return queryRows(url)[index]?.hasEquals ?? true;
}
