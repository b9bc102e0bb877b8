// What "Run…" on a collection or folder offers: its requests in run order, each to keep or leave out, and the
// item ids runner:start is given for the choice (the folder itself when all of it runs, so requests added to it
// later would run too; the chosen requests otherwise).
import type { Collection, CollectionSummary } from '../../src/models/workspace';
import type { TreeRow } from '../../src/collectionTree';
import { planRun } from '../../src/runner/plan';

export interface RunScope {
  /** As the sidebar holds it: requests are summaries (the run itself reads the documents in main). */
  collection: CollectionSummary;
  /** The folder "Run…" was chosen on; absent: the whole collection. */
  folderId?: string;
  /** What the dialog calls it. */
  name: string;
}

export interface ScopeRequest {
  id: string;
  name: string;
  /** Folders below the scope's own, joined for display. */
  where: string;
  method: string;
}

export function scopeRequests(scope: RunScope): ScopeRequest[] {
  let plan;
  try {
    // The plan reads only ids, names, folders and each request's method, all of which a summary has.
    plan = planRun([scope.collection as Collection], { itemIds: scope.folderId ? [scope.folderId] : [] });
  } catch {
    return [];
  }
  const folderDepth = scope.folderId ? (plan[0]?.folders.findIndex((f) => f.id === scope.folderId) ?? -1) + 1 : 0;
  return plan.map((step) => ({ id: step.requestId, name: step.name, where: step.path.slice(folderDepth).join(' / '), method: step.doc.method }));
}

/** runner:start's itemIds for the chosen requests of the scope. */
export function chosenItemIds(scope: RunScope, all: ScopeRequest[], chosen: ReadonlySet<string>): string[] {
  const every = all.every((r) => chosen.has(r.id));
  if (every) return scope.folderId ? [scope.folderId] : [];
  return all.filter((r) => chosen.has(r.id)).map((r) => r.id);
}

/** The scope of "Run…" on a collection or folder row of the sidebar tree; undefined once it is gone. */
export function runScopeOf(row: Exclude<TreeRow, { kind: 'request' }>, collections: CollectionSummary[]): RunScope | undefined {
  if (row.kind === 'collection') {
    const collection = collections.find((c) => c.id === row.collection.id);
    return collection && { collection, name: collection.name };
  }
  const collection = collections.find((c) => c.id === row.collectionId);
  return collection && { collection, folderId: row.folder.id, name: row.folder.name };
}
