// Sent requests, newest first: method, the URL as sent (secrets masked by whoever recorded it), status and time.
// Selecting one reopens it in a new tab; clearing asks once.
import { useState } from 'react';
import { searchHistory } from '../../src/historySearch';
import type { HistoryEntry } from '../../src/models/workspace';
import { useWorkspace } from '../state/workspace';
import './historySearch.css';

interface Props {
  onOpenHistory(entry: HistoryEntry): void;
}

export function HistoryPanel({ onOpenHistory }: Props) {
  const ws = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const [query, setQuery] = useState('');
  const { history } = ws;
  const shown = searchHistory(history, query);

  return (
    <div className="sb-history">
      <div className="sb-toolbar">
        <span className="sb-muted">{history.length === 1 ? '1 request' : `${history.length} requests`}</span>
        {confirming ? (
          <span className="sb-confirm" role="group" aria-label="Confirm clearing history">
            <span>Clear all?</span>
            <button
              type="button"
              className="sb-button sb-danger"
              onClick={() => {
                setConfirming(false);
                // A failure is kept in the workspace's error and shown by the Sidebar.
                ws.clearHistory().catch(() => undefined);
              }}
            >
              Clear
            </button>
            <button type="button" className="sb-button" onClick={() => setConfirming(false)} autoFocus>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="sb-button" disabled={history.length === 0} onClick={() => setConfirming(true)}>
            Clear history
          </button>
        )}
      </div>
      {history.length > 0 && (
        <input
          type="search"
          className="sb-history-search"
          aria-label="Search history"
          placeholder="Search method, URL, status, name, identity"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      )}
      {history.length === 0 ? (
        <p className="sb-empty">Nothing sent yet. Requests you send appear here, newest first.</p>
      ) : shown.length === 0 ? (
        <p className="sb-empty">No sent request matches “{query.trim()}”.</p>
      ) : (
        <ul className="sb-history-list" aria-label="History">
          {shown.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="sb-history-entry"
                title={`${entry.request.method} ${entry.resolvedUrl}`}
                onClick={() => onOpenHistory(entry)}
              >
                <span className="sb-history-line">
                  <span className={`sb-method sb-m-${entry.request.method.toLowerCase()}`}>{entry.request.method.toUpperCase()}</span>
                  <span className="sb-url">{entry.resolvedUrl || entry.request.url}</span>
                </span>
                <span className="sb-history-meta">
                  <span className={statusClass(entry)}>{outcome(entry)}</span>
                  {entry.durationMs !== undefined && <span>{Math.round(entry.durationMs)} ms</span>}
                  {entry.truncated && (
                    <span title={`History keeps the first 64 KB of the ${Math.round(entry.truncated.bodyBytes / 1024)} KB body sent`}>body cut</span>
                  )}
                  <time dateTime={entry.at}>{when(entry.at)}</time>
                </span>
                {entry.identity && <span className="sb-history-identity">as {entry.identity}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function outcome(entry: HistoryEntry): string {
  if (entry.status !== undefined) return String(entry.status);
  return entry.errorCode ?? 'no response';
}

function statusClass(entry: HistoryEntry): string {
  if (entry.status === undefined) return 'sb-status sb-status-error';
  return entry.status < 400 ? 'sb-status sb-status-ok' : 'sb-status sb-status-error';
}

/** Time of day for today's entries, the date otherwise. */
function when(at: string): string {
  const date = new Date(at);
  const today = new Date();
  return date.toDateString() === today.toDateString()
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
