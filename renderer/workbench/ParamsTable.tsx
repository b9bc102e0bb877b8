// Query parameters as a table, kept in step with the URL both ways: the rows are read from the URL on every render
// and editing them rewrites only the query. A switched-off row leaves the URL (so it is never sent) and waits below
// the others; it is kept in the request's `disabledParams`, so it is saved and restored with the request.
import type { DisabledParam, KeyValue, RequestDoc } from '../../src/models/workspace';
import { KeyValueTable } from './KeyValueTable';
import { queryRows, withQuery } from './queryParams';

interface Props {
  url: string;
  disabled: DisabledParam[];
  /** One change carries both, so a row switched off leaves the URL and joins the disabled ones in the same edit. */
  onChange: (patch: { url: string; disabledParams: DisabledParam[] }) => void;
  preview?: (text: string) => string;
  /** The request's paramDescriptions: shown as each named param's tooltip. */
  descriptions?: RequestDoc['paramDescriptions'];
}

export function ParamsTable({ url, disabled, onChange, preview, descriptions = [] }: Props) {
  const doc = (key: string) => ({ description: descriptions.find((d) => d.key === key)?.description });
  const live: KeyValue[] = queryRows(url).map((row, i) => ({ id: `q${i}`, key: row.key, value: row.value, enabled: true, secret: false, ...doc(row.key) }));
  const off: KeyValue[] = disabled.map((row, i) => ({ id: `d${i}`, key: row.key, value: row.value, enabled: false, secret: false, ...doc(row.key) }));

  function change(next: KeyValue[]) {
    const on = next.filter((row) => row.enabled);
    // A row still being typed (empty name and value) stays in the table, not as a bare "&" in the URL.
    onChange({
      url: withQuery(url, on.map((row) => ({ key: row.key, value: row.value, hasEquals: row.value !== '' || hasEquals(url, row) }))),
      disabledParams: next.filter((row) => !row.enabled).map((row) => ({ key: row.key, value: row.value })),
    });
  }

  return <KeyValueTable rows={[...live, ...off]} onChange={change} noun="Param" preview={preview} />;
}

/** Keeps "key=" as typed: a row that had "=" with an empty value still has it. */
function hasEquals(url: string, row: KeyValue): boolean {
  const index = Number(row.id.slice(1));
  if (!row.id.startsWith('q') || Number.isNaN(index)) return true;
  return queryRows(url)[index]?.hasEquals ?? true;
}
