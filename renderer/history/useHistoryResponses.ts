// The responses of history entries opened in a tab, by the tab's request id, for the response viewer to show until
// the tab sends again. Read from main when the entry is opened; kept in this window's memory only.
import { useCallback, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { SendResult } from '../../src/models/http';
import type { HistoryEntry } from '../../src/models/workspace';
import { settle } from '../api';
import { keptAsSendResult } from './keptResponse';

export interface HistoryResponseView {
  /** When the request was sent. */
  at: string;
  status: 'loading' | 'shown' | 'notKept' | 'failed';
  result?: SendResult;
  error?: AppError;
  /** The whole body's size when only its first bytes were kept. */
  cutFrom?: number;
  withheld?: string;
}

export function useHistoryResponses(api: RoleCallApi) {
  const [views, setViews] = useState<Record<string, HistoryResponseView>>({});
  const set = (docId: string, view: HistoryResponseView) => setViews((all) => ({ ...all, [docId]: view }));

  /** Loads the entry's kept response for the tab whose request id is `docId`. */
  const open = useCallback(
    async (entry: HistoryEntry, docId: string) => {
      set(docId, { at: entry.at, status: 'loading' });
      const answer = await settle(() => api.historyResponse({ entryId: entry.id }));
      if (!answer.ok) return set(docId, { at: entry.at, status: 'failed', error: answer.error });
      const kept = answer.value.response;
      if (!kept) return set(docId, { at: entry.at, status: 'notKept' });
      set(docId, {
        at: entry.at,
        status: 'shown',
        result: keptAsSendResult(kept, { method: entry.request.method, url: entry.resolvedUrl }),
        ...(kept.truncated ? { cutFrom: kept.size } : {}),
        ...(kept.withheld ? { withheld: kept.withheld } : {}),
      });
    },
    [api],
  );

  return { open, viewFor: (docId: string | undefined) => (docId ? views[docId] : undefined) };
}
