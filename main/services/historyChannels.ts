// History's channels: entries go to the workspace store, their responses to the response files
// (historyResponses.ts), and both are bounded by the same order, newest first. The order is tracked here rather
// than copied out of the store on every send: addHistory answers how many entries it keeps.
import { Buffer } from 'node:buffer';
import { appError, RoleCallError } from '../../src/errors';
import type { HistoryEntry } from '../../src/models/workspace';
import { SECRET_MASK } from '../../src/effectiveRequest';
import { maskedBody } from '../../src/historyResponseRules';
import type { StoredResponse, StoredResponseInput } from '../../src/models/historyResponse';
import { HISTORY_RESPONSE_BODY_BYTES } from '../../src/models/historyResponseLimits';
import { guardHistoryEntry } from './historyGuard';
import { guardStoredResponse } from './historyResponseGuard';
import type { HistoryResponses } from './historyResponses';
import type { WorkspaceStore } from './workspaceStore';

export interface HistoryChannelOptions {
  /** The first `length` bytes of a spooled body, base64 (only files in RoleCall's spool folder). */
  readSpool?: (file: string, length: number) => Promise<{ base64: string }>;
}

export function createHistoryChannels(workspace: Pick<WorkspaceStore, 'addHistory' | 'clearHistory' | 'load'>, responses: HistoryResponses, options: HistoryChannelOptions = {}) {
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

  /** A spooled body's first bytes read from its file, masked of the forms the window named, as the window would. */
  async function withSpooledBody(input: StoredResponseInput): Promise<StoredResponseInput> {
    const { spoolFile, maskForms, ...rest } = input;
    if (!spoolFile || rest.withheld) return rest;
    if (!options.readSpool) return { ...rest, bodyBase64: '', withheld: 'The body was not kept: it was spooled, and this host keeps no spool.' };
    let bytes: Uint8Array;
    try {
      bytes = Buffer.from((await options.readSpool(spoolFile, HISTORY_RESPONSE_BODY_BYTES)).base64, 'base64');
    } catch {
      return { ...rest, bodyBase64: '', withheld: 'The body was not kept: its spooled copy could no longer be read.' };
    }
    const masked = maskedBody(bytes, maskForms ?? [], SECRET_MASK);
    return 'withheld' in masked ? { ...rest, bodyBase64: '', withheld: masked.withheld } : { ...rest, bodyBase64: Buffer.from(masked.bytes).toString('base64') };
  }

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

    async keepResponse(entryId: string, input: StoredResponseInput): Promise<{ kept: boolean; withheld?: string }> {
      prunedOnce();
      const entry = current().find((e) => e.id === entryId);
      if (!entry) return { kept: false };
      const guarded = guardStoredResponse(entry, await withSpooledBody(input));
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
