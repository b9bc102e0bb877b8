// Secret variable values of folder-backed collections and environments. The folder's files say only that a
// variable is secret; its value stays on this machine, in the app's store, sealed with the key vault's cipher as
// the workspace store seals its own secret values (base64 of the cipher's output; as typed only when no cipher
// is usable, which workspace:load already reports as secretsProtection "none"). Values are keyed by the folder,
// the collection or environment (its id in the folder, derived from its path) and the variable's name.
import { Buffer } from 'node:buffer';
import { appError } from '../../src/errors';
import type { Cipher } from './keyVault';
import type { StoreBackend } from './workspaceStore';

const KEY = 'folderSecrets';

interface Stored {
  sealed?: string;
  value?: string;
}

/** Where a value belongs: a collection or an environment of one folder. */
export interface SecretScope {
  folderId: string;
  kind: 'collection' | 'environment';
  id: string;
}

const keyOf = (scope: SecretScope, name: string) => JSON.stringify([scope.folderId, scope.kind, scope.id, name]);
const prefixOf = (scope: SecretScope) => JSON.stringify([scope.folderId, scope.kind, scope.id]).slice(0, -1) + ',';

export function createFolderSecrets(backend: StoreBackend, cipher?: Cipher) {
  const usable = () => (cipher && cipher.available ? cipher : undefined);
  const all = (): Record<string, Stored> => {
    const raw = backend.get(KEY);
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, Stored>) : {};
  };

  return {
    /** The value kept for a variable, '' when none is (or it cannot be opened on this machine). */
    get(scope: SecretScope, name: string): string {
      const found = all()[keyOf(scope, name)];
      if (!found) return '';
      if (typeof found.value === 'string') return found.value;
      const c = usable();
      if (!c || typeof found.sealed !== 'string') return '';
      try {
        return c.decrypt(new Uint8Array(Buffer.from(found.sealed, 'base64')));
      } catch {
        return '';
      }
    },
    /** Keeps exactly these values for the scope (an empty value, or a name not given, forgets what was kept). */
    replace(scope: SecretScope, values: Map<string, string>): void {
      const stored = { ...all() };
      const prefix = prefixOf(scope);
      let changed = false;
      for (const key of Object.keys(stored)) {
        if (!key.startsWith(prefix)) continue;
        const name = (JSON.parse(key) as string[])[3]!;
        if (!values.get(name)) {
          delete stored[key];
          changed = true;
        }
      }
      const c = usable();
      for (const [name, value] of values) {
        if (!value) continue;
        let entry: Stored;
        if (c) {
          try {
            entry = { sealed: Buffer.from(c.encrypt(value)).toString('base64') };
          } catch (err) {
            throw appError('INTERNAL', 'RoleCall could not encrypt a secret variable value, so nothing was saved.', `${c.name}: ${err instanceof Error ? err.message : String(err)}`);
          }
        } else entry = { value };
        stored[keyOf(scope, name)] = entry;
        changed = true;
      }
      if (changed) backend.set(KEY, stored);
    },
  };
}

export type FolderSecrets = ReturnType<typeof createFolderSecrets>;
