// Static AWS keys the user typed once, kept in main and referred to everywhere else by name. The secret access key
// and the session token are encrypted before they reach the store (Electron's safeStorage in the app); when no
// encryption is available the vault refuses to keep keys at all rather than write them in plain text. Only the
// summary (name, access key id, whether a token is present, what protects it) ever leaves this module's callers.
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import { appError } from '../../src/errors';
import type { StoredKeySummary } from '../../src/models/workspace';
import type { StoreBackend } from './workspaceStore';

/** Encryption at rest: safeStorage in the app, a per-process AES-GCM key in tests and the browser test host. */
export interface Cipher {
  /** What the summary shows as the protection, e.g. "safeStorage". */
  readonly name: string;
  /** Read each time: safeStorage only knows once the app is ready. */
  readonly available: boolean;
  encrypt(text: string): Uint8Array;
  decrypt(data: Uint8Array): string;
}

export interface StoredKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const VAULT_KEY = 'storedKeys';

const recordSchema = z.object({
  accessKeyId: z.string(),
  /** base64 of the cipher's output. */
  secret: z.string(),
  token: z.string().optional(),
  protection: z.string(),
});
type KeyRecord = z.infer<typeof recordSchema>;
const recordsSchema = z.record(z.string(), recordSchema);

export function createKeyVault(backend: StoreBackend, cipher?: Cipher) {
  const read = (): Record<string, KeyRecord> => {
    let raw: unknown;
    try {
      raw = backend.get(VAULT_KEY);
    } catch {
      raw = undefined;
    }
    const parsed = recordsSchema.safeParse(raw ?? {});
    return parsed.success ? parsed.data : {};
  };
  let records = read();

  const summary = (name: string, r: KeyRecord): StoredKeySummary => ({
    name,
    accessKeyId: r.accessKeyId,
    hasSessionToken: r.token !== undefined,
    protection: r.protection,
  });

  function usableCipher(): Cipher {
    if (!cipher || !cipher.available) {
      throw appError(
        'CREDENTIALS_ERROR',
        'RoleCall cannot encrypt keys on this system, so it will not store them.',
        `${cipher ? `${cipher.name} is not available` : 'No encryption is configured in this host'}; use an AWS profile or environment credentials instead.`,
      );
    }
    return cipher;
  }

  const seal = (c: Cipher, text: string) => Buffer.from(c.encrypt(text)).toString('base64');

  return {
    list(): StoredKeySummary[] {
      return Object.entries(records)
        .map(([name, r]) => summary(name, r))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    save(name: string, keys: StoredKeys): StoredKeySummary {
      const c = usableCipher();
      const record: KeyRecord = {
        accessKeyId: keys.accessKeyId,
        secret: seal(c, keys.secretAccessKey),
        ...(keys.sessionToken ? { token: seal(c, keys.sessionToken) } : {}),
        protection: c.name,
      };
      const next = { ...records, [name]: record };
      backend.set(VAULT_KEY, next);
      records = next;
      return summary(name, record);
    },

    delete(name: string): boolean {
      if (!(name in records)) return false;
      const next = { ...records };
      delete next[name];
      backend.set(VAULT_KEY, next);
      records = next;
      return true;
    },

    /** The keys themselves, for the credentials service only. */
    async get(name: string): Promise<StoredKeys> {
      const r = records[name];
      if (!r) throw appError('CREDENTIALS_MISSING', `There are no stored keys named "${name}".`, 'Add them under Auth → Static keys, or choose another identity.');
      const c = usableCipher();
      try {
        const open = (text: string) => c.decrypt(new Uint8Array(Buffer.from(text, 'base64')));
        return { accessKeyId: r.accessKeyId, secretAccessKey: open(r.secret), ...(r.token ? { sessionToken: open(r.token) } : {}) };
      } catch (err) {
        throw appError(
          'CREDENTIALS_ERROR',
          `The stored keys "${name}" could not be decrypted; save them again.`,
          `${c.name}: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    },
  };
}

export type KeyVault = ReturnType<typeof createKeyVault>;
