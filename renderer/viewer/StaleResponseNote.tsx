// The line over a response that no longer answers the request on screen (staleResponse.ts), with a way to send
// the request as it stands.
import { STALE_TEXT, type StaleReason } from './staleResponse';
import './staleResponse.css';

export function StaleResponseNote({ reason, onSend, sending }: { reason: StaleReason; onSend: () => void; sending: boolean }) {
  return (
    <div className="stale-response" role="status" aria-label="Stale response">
      <span>
        <strong>Stale.</strong> {STALE_TEXT[reason]}
      </span>
      <button type="button" className="secondary small" onClick={onSend} disabled={sending}>
        Send again
      </button>
    </div>
  );
}
