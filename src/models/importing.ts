// What the import channels carry across the process boundary. The imported document itself waits in main until the
// user commits it; literal keys the file held never cross: a preview names them by their access key id only.
import { z } from 'zod';
import type { ImportFormat } from '../formats/importAny';
import type { ImportReport } from '../formats/importResult';
import type { Collection, Environment, StoredKeySummary } from './workspace';
import { DROPPED_FOLDER_MAX_FILES, IMPORT_MAX_BYTES } from './importLimits';

export type { ImportFormat, ImportReport };
export { DROPPED_FOLDER_MAX_FILES, IMPORT_MAX_BYTES } from './importLimits';

export const droppedFilesSchema = z
  .array(z.object({ path: z.string().min(1).max(1024), text: z.string().max(IMPORT_MAX_BYTES) }).strict())
  .min(1)
  .max(DROPPED_FOLDER_MAX_FILES)
  .refine((files) => files.reduce((n, f) => n + f.text.length, 0) <= IMPORT_MAX_BYTES, { message: `at most ${IMPORT_MAX_BYTES} characters in all` })
  .refine((files) => files.every((f) => !f.path.split('/').some((s) => s === '' || s === '.' || s === '..') && !f.path.includes('\\')), { message: 'relative paths only' });

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
  /** Items with a description or scripts (descriptions become the items' own; scripts are kept with them, never run). */
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
