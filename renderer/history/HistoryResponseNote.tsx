// Says that the response below is history's copy, read-only, from when the entry was sent: cut to its first 1 MiB,
// left out because it held credentials, or not kept at all (only the newest entries keep theirs).
import { HISTORY_RESPONSE_BODY_BYTES, HISTORY_RESPONSE_COUNT } from '../../src/models/historyResponseLimits';
import { ErrorBox } from '../components/ErrorBox';
import type { HistoryResponseView } from './useHistoryResponses';
import './history.css';

const MIB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);

export function HistoryResponseNote({ view }: { view: HistoryResponseView }) {
  const when = new Date(view.at).toLocaleString();
  return (
    <div className="history-response-note" role="note" aria-label="From history">
      <strong>
        From history, <time dateTime={view.at}>{when}</time>
      </strong>{' '}
      <span className="muted">read-only; send to see the response now.</span>
      {view.status === 'loading' && <span role="status"> Loading the kept response…</span>}
      {view.status === 'notKept' && (
        <p className="muted">History keeps the response of the newest {HISTORY_RESPONSE_COUNT} sends only; this one’s is no longer kept.</p>
      )}
      {view.cutFrom !== undefined && (
        <p className="muted">
          The body shown is its first {size(HISTORY_RESPONSE_BODY_BYTES)} of {size(view.cutFrom)} (truncated).
        </p>
      )}
      {view.withheld && <p>{view.withheld}</p>}
      {view.error && <ErrorBox error={view.error} />}
    </div>
  );
}
