// Key/value rows (headers, form fields, variables) as list entries `{key, value, description?, disabled?}` (a
// description only when the row has one, so files without any keep their bytes); an environment's
// values use Postman's environment style `{key, value, enabled, type: default|secret}`. A row marked secret is
// written as `type: secret` with no value at all: its value stays in RoleCall's encrypted local store.
import type { KeyValue } from '../../models/workspace';
import { fieldProblem, readBoolean, readList, readString, type Keys, type YamlFile } from './yamlText';

export type RowStyle = 'disabled' | 'environment';

export function rowsToYaml(rows: KeyValue[], style: RowStyle = 'disabled'): Record<string, unknown>[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = { key: row.key };
    if (!row.secret) out.value = row.value;
    if (row.description) out.description = row.description;
    if (style === 'environment') {
      out.enabled = row.enabled;
      out.type = row.secret ? 'secret' : 'default';
    } else {
      if (row.secret) out.type = 'secret';
      if (!row.enabled) out.disabled = true;
    }
    return out;
  });
}

/** The rows at `keys`; an entry without a key is reported and skipped. */
export function rowsFromYaml(file: YamlFile, keys: Keys, idFor: (index: number) => string): KeyValue[] {
  const rows: KeyValue[] = [];
  readList(file, keys).forEach((entry, i) => {
    const at = [...keys, i];
    if (!entry || typeof entry !== 'object' || Array.isArray(entry) || !('key' in entry)) {
      fieldProblem(file, at, 'expected an entry with a key; skipped');
      return;
    }
    const secret = readString(file, [...at, 'type']) === 'secret';
    const value = readString(file, [...at, 'value']);
    if (secret && value !== '') {
      fieldProblem(file, [...at, 'value'], 'a secret value is committed in this file; RoleCall keeps it locally and will not write it back');
    }
    const enabled = readBoolean(file, [...at, 'enabled'], true) && !readBoolean(file, [...at, 'disabled'], false);
    const description = readString(file, [...at, 'description']);
    rows.push({ id: idFor(rows.length), key: readString(file, [...at, 'key']), value, enabled, secret, ...(description ? { description } : {}) });
  });
  return rows;
}
