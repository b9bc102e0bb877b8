// History's channels: entries go to the workspace store, their responses to the response files
// (historyResponses.ts), and both are bounded by the same order, newest first. The order is tracked here rather
// than copied out of the store on every send: addHistory answers how many entries it keeps.
import { appError, RoleCallError } from '../../src/errors';
import type { HistoryEntry } from '../../src/models/workspace';
import type { StoredResponse, StoredResponseInput } from '../../src/models/historyResponse';
import { guardHistoryEntry } from './historyGuard';
import { guardStoredResponse } from './historyResponseGuard';
import type { HistoryResponses } from './historyResponses';
import type { WorkspaceStore } from './workspaceStore';

export function createHistoryChannels(workspace: Pick<WorkspaceStore, 'addHistory' | 'clearHistory' | 'load'>, responses: HistoryResponses) {
  let order: Array<{ id: string; at: string }> | undefined;
  const current = () => (order ??= workspace.load().history.map((e) => ({ id: e.id, at: e.at })));
  const ids = () => current().map((e) => e.id);
  let pruned = false;
  /** Responses whose entries are gone (history bounded or cleared while RoleCall was closed) go at first use. */
  const prunedOnce = () => {
    if (pruned) return;
    pruned = true;
    responses.prune(ids());
  };

  return {
    add(entry: HistoryEntry): { size: number } {
      const guarded = guardHistoryEntry(entry);
      const size = workspace.addHistory(guarded);
      order = [{ id: guarded.id, at: guarded.at }, ...current().filter((e) => e.id !== guarded.id)].slice(0, size);
      prunedOnce();
      responses.prune(ids());
      return { size };
    },

    clear(): { cleared: number } {
      const cleared = workspace.clearHistory();
      order = [];
      responses.clear();
      return { cleared };
    },

    keepResponse(entryId: string, input: StoredResponseInput): { kept: boolean; withheld?: string } {
      prunedOnce();
      const entry = current().find((e) => e.id === entryId);
      if (!entry) return { kept: false };
      const guarded = guardStoredResponse(entry, input);
      const kept = responses.keep(guarded, ids());
      return { kept, ...(guarded.withheld ? { withheld: guarded.withheld } : {}) };
    },

    response(entryId: string): { response?: StoredResponse } {
      prunedOnce();
      if (!current().some((e) => e.id === entryId)) return {};
      try {
        const found = responses.get(entryId);
        return found ? { response: found } : {};
      } catch (err) {
        if (err instanceof RoleCallError) throw err;
        throw appError('FILE_ERROR', 'The response kept for this history entry could not be read.', err instanceof Error ? err.message : String(err));
      }
    },
  };
}
