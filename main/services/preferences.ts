// The window's preferences as main keeps them: one small JSON file beside the workspace store, written 0600 and
// atomically, apart from the store so that a read-only workspace (from a newer RoleCall) is still never rewritten.
// A file that cannot be read is left as it is and read as empty: preferences are conveniences, nothing is lost that
// the window does not still hold (and the next choice writes the file anew).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PREFERENCE_LIMIT, preferenceKeySchema, preferenceValueSchema } from '../../src/models/preferences';
import { STORE_FILE_MODE } from './workspaceRecovery';

export function preferencesFile(storeFile: string): string | undefined {
  return storeFile ? path.join(path.dirname(storeFile), 'preferences.json') : undefined;
}

export function createPreferences(file: string | undefined) {
  let values: Map<string, string> | undefined;

  function read(): Map<string, string> {
    if (values) return values;
    values = new Map();
    if (!file) return values;
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return values;
    }
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [key, value] of Object.entries(raw)) {
        if (preferenceKeySchema.safeParse(key).success && preferenceValueSchema.safeParse(value).success) values.set(key, value as string);
      }
    }
    return values;
  }

  function write(all: Map<string, string>) {
    if (!file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.tmp-${randomUUID()}`;
    fs.writeFileSync(temp, JSON.stringify(Object.fromEntries(all), null, 1), { mode: STORE_FILE_MODE, flag: 'wx' });
    fs.renameSync(temp, file);
  }

  return {
    all(): Record<string, string> {
      return Object.fromEntries(read());
    },
    /** Sets (or, with undefined, removes) one preference; unchanged values write nothing. */
    set(key: string, value: string | undefined): void {
      const all = read();
      if (all.get(key) === value) return;
      all.delete(key); // a key set again moves to the newest end
      if (value !== undefined) all.set(key, value);
      while (all.size > PREFERENCE_LIMIT) all.delete(all.keys().next().value!);
      write(all);
    },
  };
}
