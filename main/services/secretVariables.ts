// Secret variable values (environments, collection and folder variables marked secret) at rest: sealed with the
// key vault's cipher before the workspace store writes them, opened again when it reads them, so the renderer
// never sees the difference. A sealed variable is stored with an empty `value` and the cipher's output, base64,
// in `sealed`. Without a usable cipher values are stored as typed, and the workspace says so. A sealed value that
// cannot be opened now (safeStorage unavailable, another machine's key) is shown empty but kept: it is written
// back as it was for as long as the user leaves that variable empty.
import { Buffer } from 'node:buffer';
import { appError } from '../../src/errors';
import type { Cipher } from './keyVault';

type Rec = Record<string, unknown>;

const isRec = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What secret variable values are protected by: the cipher's name, or "none". */
export const NO_PROTECTION = 'none';

/** Calls `visit` with each variables array of a collection (or folder) tree and where it sits; returns the mapped copy. */
function mapTree(node: unknown, scope: string, visit: (vars: unknown[], scope: string) => unknown[]): unknown {
  if (!isRec(node)) return node;
  let out: Rec = node;
  if (Array.isArray(node.variables)) out = { ...out, variables: visit(node.variables, scope) };
  if (Array.isArray(node.items) && node.items.some((item) => isRec(item) && item.kind === 'folder')) {
    out = {
      ...out,
      items: node.items.map((item) => (isRec(item) && item.kind === 'folder' ? mapTree(item, `${scope}/${encodeURIComponent(String(item.id))}`, visit) : item)),
    };
  }
  return out;
}

function mapEnvironments(envs: unknown, visit: (vars: unknown[], scope: string) => unknown[]): unknown {
  if (!Array.isArray(envs)) return envs;
  return envs.map((env) => (isRec(env) && Array.isArray(env.variables) ? { ...env, variables: visit(env.variables, `env:${encodeURIComponent(String(env.id))}`) } : env));
}

export function createSecretSealer(cipher?: Cipher) {
  /** Sealed values that could not be opened, by scope and variable id, to write back unchanged. */
  const unopened = new Map<string, string>();
  /** Secret values found stored as typed while a cipher was usable: the store rewrites them sealed. */
  let plainFound = false;

  const collectionScope = (id: string) => `collection:${encodeURIComponent(id)}`;
  const inScope = (key: string, prefix: string) => key.startsWith(prefix) && /^[/#]/.test(key.slice(prefix.length));
  function forget(prefix: string, keep: Set<string>) {
    for (const key of unopened.keys()) if ((prefix === 'env:' ? key.startsWith(prefix) : inScope(key, prefix)) && !keep.has(key)) unopened.delete(key);
  }
  /** Runs a seal of one scope; unopened values of variables no longer there (deleted, no longer secret) are dropped. */
  let seen: Set<string> | undefined;
  function sealing<T>(prefix: string, run: () => T): T {
    seen = new Set();
    try {
      const out = run();
      forget(prefix, seen);
      return out;
    } finally {
      seen = undefined;
    }
  }

  const usable = () => (cipher && cipher.available ? cipher : undefined);

  function sealVars(vars: unknown[], scope: string): unknown[] {
    const c = usable();
    return vars.map((v) => {
      if (!isRec(v) || v.secret !== true || typeof v.value !== 'string') return v;
      const key = `${scope}#${String(v.id)}`;
      const kept = unopened.get(key);
      if (v.value === '' && kept !== undefined) {
        seen?.add(key);
        return { ...v, sealed: kept };
      }
      unopened.delete(key);
      if (!c || v.value === '') return v;
      let sealed: string;
      try {
        sealed = Buffer.from(c.encrypt(v.value)).toString('base64');
      } catch (err) {
        // Never fall back to writing the value as typed while the workspace says it is protected.
        throw appError('INTERNAL', 'RoleCall could not encrypt a secret variable value, so nothing was saved.', `${c.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { ...v, value: '', sealed };
    });
  }

  function openVars(vars: unknown[], scope: string): unknown[] {
    const c = usable();
    return vars.map((v) => {
      if (!isRec(v)) return v;
      if (typeof v.sealed !== 'string') {
        if (c && v.secret === true && typeof v.value === 'string' && v.value !== '') plainFound = true;
        return v;
      }
      const { sealed, ...rest } = v;
      const key = `${scope}#${String(v.id)}`;
      if (c) {
        try {
          unopened.delete(key);
          return { ...rest, value: c.decrypt(new Uint8Array(Buffer.from(sealed, 'base64'))) };
        } catch {
          // Kept below: shown empty, written back as it was.
        }
      }
      unopened.set(key, sealed);
      return { ...rest, value: '' };
    });
  }

  return {
    /** The stored form of a collection: secret values sealed when a cipher is usable. */
    sealCollection(collection: { id: string }): unknown {
      const prefix = collectionScope(collection.id);
      return sealing(prefix, () => mapTree(collection, prefix, sealVars));
    },
    sealEnvironments: (environments: unknown[]): unknown => sealing('env:', () => mapEnvironments(environments, sealVars)),
    /** The readable form of a stored collection (before it is validated). */
    openCollection: (stored: unknown): unknown => mapTree(stored, collectionScope(isRec(stored) ? String(stored.id) : ''), openVars),
    openEnvironments: (stored: unknown): unknown => mapEnvironments(stored, openVars),
    /** Forgets the unopened values of a deleted collection. */
    forgetCollection(id: string): void {
      forget(collectionScope(id), new Set());
    },
    /** True once, after reading, when secret values were found stored as typed that can now be sealed. */
    takePlainFound(): boolean {
      const found = plainFound;
      plainFound = false;
      return found;
    },
    status(): { secretsProtection: string; secretsUnreadable?: number } {
      const c = usable();
      return { secretsProtection: c ? c.name : NO_PROTECTION, ...(unopened.size ? { secretsUnreadable: unopened.size } : {}) };
    },
  };
}

export type SecretSealer = ReturnType<typeof createSecretSealer>;
