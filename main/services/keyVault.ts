// Static AWS keys the user typed once, kept in main and referred to everywhere else by name. The secret access key
// and the session token are encrypted before they reach the store (Electron's safeStorage in the app); when no
// encryption is available the vault refuses to keep keys at all rather than write them in plain text. Only the
// summary (name, access key id, whether a token is present, what protects it) ever leaves this module's callers.
// Records are read one by one: a record this version cannot read (damaged, or written by a newer RoleCall) is
// reported by name and written back byte for byte with the others, so one bad record never costs the rest; a
// stored value that is not a map at all is never overwritten.
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import { appError } from '../../src/errors';
import type { StoredKeyProblem, StoredKeySummary } from '../../src/models/workspace';

export type { StoredKeyProblem };
import type { StoreBackend } from './workspaceStore';
import { issueSentences } from '../../src/validationText';

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


interface VaultState {
  /** Every stored record as read, written back unchanged unless saved or deleted by name. */
  stored: Record<string, unknown>;
  records: Map<string, KeyRecord>;
  problems: StoredKeyProblem[];
  /** Set when the stored value could not be read as a map: the vault then refuses to write. */
  unreadable?: string;
}

/** A map without a prototype, so a record named "__proto__" is a record like any other. */
const plainMap = (from: Record<string, unknown> = {}): Record<string, unknown> => Object.assign(Object.create(null) as Record<string, unknown>, from);

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readVault(backend: StoreBackend): VaultState {
  let raw: unknown;
  try {
    raw = backend.get(VAULT_KEY);
  } catch (err) {
    const unreadable = `The stored keys could not be read (${err instanceof Error ? err.message : String(err)}).`;
    return { stored: {}, records: new Map(), problems: [{ name: '', problem: unreadable }], unreadable };
  }
  if (raw === undefined || raw === null) return { stored: {}, records: new Map(), problems: [] };
  if (!isMap(raw)) {
    const unreadable = 'The stored keys are not a map of named records; RoleCall leaves them as they are.';
    return { stored: {}, records: new Map(), problems: [{ name: '', problem: unreadable }], unreadable };
  }
  const records = new Map<string, KeyRecord>();
  const problems: StoredKeyProblem[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const parsed = recordSchema.safeParse(value);
    if (parsed.success) records.set(name, parsed.data);
    else problems.push({ name, problem: issueSentences(parsed.error.issues, 3).join(' ') });
  }
  return { stored: plainMap(raw), records, problems };
}

export function createKeyVault(backend: StoreBackend, cipher?: Cipher) {
  let state = readVault(backend);

  /** Writes the stored map with records replaced (or removed, with undefined) in one write; nothing else changes. */
  function write(name: string, record: KeyRecord | undefined, ...more: Array<[string, KeyRecord | undefined]>) {
    if (state.unreadable !== undefined) {
      throw appError('CREDENTIALS_ERROR', 'RoleCall could not read its stored keys, so it will not overwrite them.', state.unreadable);
    }
    const stored = plainMap(state.stored);
    const records = new Map(state.records);
    const changes: Array<[string, KeyRecord | undefined]> = [[name, record], ...more];
    for (const [key, value] of changes) {
      if (value) {
        stored[key] = value;
        records.set(key, value);
      } else {
        delete stored[key];
        records.delete(key);
      }
    }
    backend.set(VAULT_KEY, stored);
    state = { stored, records, problems: state.problems.filter((p) => !changes.some(([key]) => key === p.name)) };
  }

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
      return [...state.records]
        .map(([name, r]) => summary(name, r))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    /** Stored records that could not be read: kept on disk as they are, named here for workspace:load. */
    problems(): StoredKeyProblem[] {
      return state.problems.map((p) => ({ ...p }));
    },

    save(name: string, keys: StoredKeys): StoredKeySummary {
      const c = usableCipher();
      const record: KeyRecord = {
        accessKeyId: keys.accessKeyId,
        secret: seal(c, keys.secretAccessKey),
        ...(keys.sessionToken ? { token: seal(c, keys.sessionToken) } : {}),
        protection: c.name,
      };
      write(name, record);
      return summary(name, record);
    },

    /** Deletes by name, a record that could not be read included. */
    delete(name: string): boolean {
      if (!Object.hasOwn(state.stored, name)) return false;
      write(name, undefined);
      return true;
    },

    /**
     * Gives stored keys another name. The sealed record moves as it is: the secret is never decrypted, and only the
     * summary comes back. An existing name is refused rather than overwritten.
     */
    rename(from: string, to: string): StoredKeySummary {
      const record = state.records.get(from);
      if (!record) throw appError('INVALID_INPUT', `There are no stored keys named "${from}" to rename.`);
      if (to === from) return summary(to, record);
      if (Object.hasOwn(state.stored, to)) throw appError('INVALID_INPUT', `Stored keys named "${to}" already exist: choose another name, or delete those first.`);
      write(to, record, [from, undefined]);
      return summary(to, record);
    },

    /** The keys themselves, for the credentials service only. */
    async get(name: string): Promise<StoredKeys> {
      const r = state.records.get(name);
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
