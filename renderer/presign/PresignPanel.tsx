// Presign mode's result: the presigned URL whole, to copy and use elsewhere, with how long it lasts and what
// whoever uses it must send along. It is a bearer credential (it carries the session token), so it is fetched only
// when the user clicks Show (presign:reveal), said so plainly, and never kept (usePresign.ts).
import type { RoleCallApi } from '../../src/contract';
import type { SignInput } from '../../src/models/http';
import type { PresignedUrl } from '../../src/models/presign';
import { ErrorBox } from '../components/ErrorBox';
import { CopyButton } from '../viewer/CopyButton';
import { timeLeft } from './countdown';
import { usePresign } from './usePresign';
import './presign.css';

interface Props {
  api: RoleCallApi;
  /** The effective request as it would be signed; undefined while there is nothing to sign. */
  sign: SignInput | undefined;
}

export function PresignPanel({ api, sign }: Props) {
  const { state, now, reveal, hide } = usePresign(api, sign);
  const signs = sign !== undefined && sign.auth.kind !== 'none' && sign.request.url.trim() !== '';
  return (
    <section className="presign-panel" aria-label="Presigned URL">
      <div className="presign-head">
        <h3>Presigned URL</h3>
        {state.status === 'shown' ? (
          <button type="button" className="secondary small" onClick={hide}>
            Hide
          </button>
        ) : (
          <button type="button" className="small" disabled={!signs || state.status === 'pending'} onClick={() => void reveal()}>
            {state.status === 'pending' ? 'Signing…' : 'Show presigned URL'}
          </button>
        )}
      </div>
      {!signs && <p className="muted">Choose credentials in Auth and type a URL: a presigned URL needs both.</p>}
      {signs && state.status === 'hidden' && (
        <p className="muted">
          {state.expiredBefore ? 'The URL shown expired and was cleared. ' : ''}
          The request is signed into its URL, to open or share without RoleCall. The URL is made when you click, and not kept.
        </p>
      )}
      {state.status === 'failed' && <ErrorBox error={state.error} title="No presigned URL" />}
      {state.status === 'shown' && <Revealed presigned={state.presigned} now={now} />}
    </section>
  );
}

function Revealed({ presigned, now }: { presigned: PresignedUrl; now: number }) {
  const left = timeLeft(Date.parse(presigned.expiresAt), now);
  return (
    <div className="presign-revealed">
      <p className="presign-warning" role="note">
        <strong>This URL is a credential.</strong> Anyone who has it can make this {presigned.method} request as you until it expires
        {presigned.carriesSessionToken ? ': it carries your session token' : ''}. Share it only with whom you would give that
        access; RoleCall does not save it, history and logs keep it masked.
      </p>
      <label className="sr-only" htmlFor="presigned-url">
        Presigned URL
      </label>
      <textarea id="presigned-url" className="presign-url" readOnly value={presigned.url} rows={4} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <div className="presign-meta">
        <CopyButton text={() => presigned.url} label="Copy the presigned URL" className="small" />
        <span className="presign-countdown" aria-live="off">
          Expires in <strong data-testid="presign-countdown">{left.text}</strong>
          <span className="muted"> (at {new Date(presigned.expiresAt).toLocaleTimeString()}, after {presigned.expiresIn} s)</span>
        </span>
      </div>
      <ul className="presign-notes muted">
        <li>
          Use it with <code>{presigned.method}</code>
          {presigned.unsignedPayload ? ', with any body (the payload is not signed).' : presigned.method === 'GET' || presigned.method === 'HEAD' ? '.' : ', with exactly the body signed here.'}
        </li>
        {presigned.headers.length > 0 && (
          <li>
            Send these headers too (they are signed): {presigned.headers.map(([name, value]) => `${name}: ${value}`).join(', ')}.
          </li>
        )}
        <li>
          Signed for {presigned.service} in {presigned.region}.
        </li>
      </ul>
    </div>
  );
}
