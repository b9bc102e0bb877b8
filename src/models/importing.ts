// What the import channels carry across the process boundary. The imported document itself waits in main until the
// user commits it; literal keys the file held never cross: a preview names them by their access key id only.
import type { ImportFormat } from '../formats/importAny';
import type { ImportReport } from '../formats/importResult';
import type { Collection, Environment, StoredKeySummary } from './workspace';

export type { ImportFormat, ImportReport };

/** The most text an import reads (a file, a drop, a paste): a collection is far smaller. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Keys found in the file, offered for the encrypted key store: never the secret key or the session token. */
export interface OfferedKeySummary {
  /** What import:commit refers to it by. */
  index: number;
  /** A name to suggest for the stored keys. */
  name: string;
  accessKeyId: string;
  hasSessionToken: boolean;
  /** How many items (collection, folders, requests) signed with these keys. */
  usedBy: number;
}

export interface ImportPreview {
  previewId: string;
  format: ImportFormat;
  /** The format in words, e.g. "Postman Collection v2.1". */
  formatLabel: string;
  fileName?: string;
  collection?: { name: string; folders: number; requests: number };
  environment?: { name: string; variables: number };
  report: ImportReport;
  offeredKeys: OfferedKeySummary[];
  /** Descriptions and scripts found (RoleCall has no field for them). */
  notes: number;
  /** False when this system cannot encrypt keys: offered keys cannot be stored. */
  keysStorable: boolean;
}

export interface ImportCommitResult {
  /** What was saved, as the workspace now holds it (no key, no secret value). */
  collection?: Collection;
  environment?: Environment;
  /** Keys stored in the key store, and which items now sign with them. */
  storedKeys: StoredKeySummary[];
  /** Offered keys the user chose that could not be stored, and why; their items still say "choose a profile". */
  keyProblems: string[];
}
