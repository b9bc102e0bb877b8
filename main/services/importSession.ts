// Import in two steps, so the user sees what will be saved before anything is: import:preview keeps the imported
// document here in main under a random id and hands back a summary; import:commit saves it. Literal keys the file
// held never leave main: the user picks which to store (encrypted, in the key vault) and under what name, and the
// items that signed with them then use those stored keys. Previews are few and short-lived: the oldest goes first,
// and none outlives PREVIEW_TTL_MS.
import { randomUUID } from 'node:crypto';
import { guardCollection } from '../../src/credentialGuard';
import { appError, toAppError } from '../../src/errors';
import { collectionCounts, type ImportOutcome } from '../../src/formats/importAny';
import type { OfferedKeys } from '../../src/formats/importResult';
import type { ImportCommitResult, ImportPreview } from '../../src/models/importing';
import type { Collection, ItemNode, RequestAuth, StoredKeySummary } from '../../src/models/workspace';
import type { KeyVault } from './keyVault';
import type { WorkspaceStore } from './workspaceStore';

export const PREVIEW_TTL_MS = 30 * 60 * 1000;
export const MAX_PREVIEWS = 5;

// The rules keys:save applies to keys typed in the app.
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;

export interface ImportSessionDeps {
  workspace: Pick<WorkspaceStore, 'saveCollection' | 'saveEnvironments' | 'load'>;
  vault: Pick<KeyVault, 'save' | 'delete' | 'list'>;
  /** Whether keys can be encrypted now (the vault refuses otherwise). */
  canStoreKeys: () => boolean;
  now?: () => number;
}

export interface KeyChoice {
  offerIndex: number;
  name: string;
}

export function createImportSession(deps: ImportSessionDeps) {
  const now = deps.now ?? Date.now;
  const previews = new Map<string, { outcome: ImportOutcome; at: number }>();

  const sweep = () => {
    for (const [id, entry] of previews) if (now() - entry.at > PREVIEW_TTL_MS) previews.delete(id);
  };

  return {
    preview(outcome: ImportOutcome, fileName?: string): ImportPreview {
      sweep();
      const previewId = randomUUID();
      previews.set(previewId, { outcome, at: now() });
      while (previews.size > MAX_PREVIEWS) previews.delete(previews.keys().next().value as string);
      return {
        previewId,
        format: outcome.format,
        formatLabel: outcome.formatLabel,
        ...(fileName ? { fileName } : {}),
        ...(outcome.collection ? { collection: collectionCounts(outcome.collection) } : {}),
        ...(outcome.environment ? { environment: { name: outcome.environment.name, variables: outcome.environment.variables.length } } : {}),
        report: outcome.report,
        offeredKeys: outcome.offeredKeys.map((k, index) => ({
          index,
          name: k.name,
          accessKeyId: k.accessKeyId,
          hasSessionToken: Boolean(k.sessionToken),
          usedBy: k.usedBy.length,
        })),
        notes: outcome.notes.length,
        keysStorable: deps.canStoreKeys(),
      };
    },

    discard(previewId: string): boolean {
      return previews.delete(previewId);
    },

    commit(previewId: string, choices: KeyChoice[] = []): ImportCommitResult {
      sweep();
      const entry = previews.get(previewId);
      if (!entry) throw appError('INVALID_INPUT', 'This import preview has expired or was already imported: import the file again.', previewId);
      const { outcome } = entry;
      const chosen = checkChoices(choices, outcome.offeredKeys, deps.vault.list());

      const keyProblems: string[] = [];
      const stored: Array<{ summary: StoredKeySummary; usedBy: string[] }> = [];
      if (chosen.length && !deps.canStoreKeys()) {
        keyProblems.push('RoleCall cannot encrypt keys on this system, so the offered keys were not stored: choose a profile for the imported requests.');
      } else {
        for (const { keys, name } of chosen) {
          const problem = unusable(keys);
          if (problem) {
            keyProblems.push(`The keys offered as "${keys.name}" were not stored: ${problem}.`);
            continue;
          }
          try {
            const summary = deps.vault.save(name, { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}) });
            stored.push({ summary, usedBy: keys.usedBy });
          } catch (err) {
            keyProblems.push(`The keys offered as "${keys.name}" were not stored: ${toAppError(err).message}`);
          }
        }
      }

      let collection = outcome.collection;
      for (const { summary, usedBy } of stored) if (collection) collection = useStoredKeys(collection, new Set(usedBy), summary.name);
      try {
        if (collection) {
          collection = guardCollection(collection);
          deps.workspace.saveCollection(collection);
        }
        if (outcome.environment) {
          const current = deps.workspace.load();
          deps.workspace.saveEnvironments([...current.environments, outcome.environment], current.activeEnvironmentId);
        }
      } catch (err) {
        // Nothing half-imported: keys stored for a collection that was not saved are taken back out.
        for (const { summary } of stored) deps.vault.delete(summary.name);
        throw err;
      }
      previews.delete(previewId);
      return {
        ...(collection ? { collection } : {}),
        ...(outcome.environment ? { environment: outcome.environment } : {}),
        storedKeys: stored.map((s) => s.summary),
        keyProblems,
      };
    },
  };
}

export type ImportSession = ReturnType<typeof createImportSession>;

function checkChoices(choices: KeyChoice[], offered: OfferedKeys[], existing: StoredKeySummary[]): Array<{ keys: OfferedKeys; name: string }> {
  const names = new Set<string>();
  const indexes = new Set<number>();
  const taken = new Set(existing.map((k) => k.name));
  return choices.map(({ offerIndex, name: raw }) => {
    const keys = offered[offerIndex];
    if (!keys || indexes.has(offerIndex)) throw appError('INVALID_INPUT', 'The keys chosen are not among those the file offered.', String(offerIndex));
    const name = raw.trim();
    if (!name) throw appError('INVALID_INPUT', 'Give the keys to store a name.');
    if (taken.has(name)) throw appError('INVALID_INPUT', `Stored keys named "${name}" exist already: choose another name.`);
    if (names.has(name)) throw appError('INVALID_INPUT', `Two sets of keys would be stored as "${name}": give each its own name.`);
    indexes.add(offerIndex);
    names.add(name);
    return { keys, name };
  });
}

function unusable(keys: OfferedKeys): string | undefined {
  if (!ACCESS_KEY_ID.test(keys.accessKeyId)) return 'the access key id does not look like one (AKIA… or ASIA…)';
  if (keys.secretAccessKey.length < 16 || keys.secretAccessKey.length > 256) return 'the secret access key does not look like one';
  if (keys.sessionToken !== undefined && (keys.sessionToken.length < 16 || keys.sessionToken.length > 8192)) return 'the session token does not look like one';
  return undefined;
}

/** The importer left "choose a profile" (a profile auth with no name) where the keys were: those items now use the stored keys. */
function useStoredKeys(collection: Collection, ids: Set<string>, name: string): Collection {
  const swap = (id: string, auth: RequestAuth): RequestAuth => (ids.has(id) && auth.type === 'profile' && auth.profile === '' ? { type: 'storedKeys', name } : auth);
  const item = (node: ItemNode): ItemNode =>
    node.kind === 'folder' ? { ...node, auth: swap(node.id, node.auth), items: node.items.map(item) } : { ...node, auth: swap(node.id, node.auth) };
  return { ...collection, auth: swap(collection.id, collection.auth), items: collection.items.map(item) };
}
