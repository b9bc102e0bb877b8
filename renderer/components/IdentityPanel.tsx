// "Who am I?" for the selected profile: the identity STS reports, the hops taken to reach it, and when the
// credentials expire. A failure is shown as readably as a success; the pane is never left blank.
import type { AssumeRoleContext } from '../../src/diagnosis/explainAppError';
import type { AppError } from '../../src/errors';
import type { Identity } from '../../src/models/auth';
import { hopText } from '../format';
import { CredentialRefusal } from '../viewer/CredentialRefusal';
import { ErrorBox } from './ErrorBox';

export type WhoamiState =
  | { status: 'idle' }
  | { status: 'pending'; profile: string }
  | { status: 'done'; profile: string; identity: Identity }
  /** `context`: what the failed call asked STS for (from the profile list), so a refusal names the role and caller. */
  | { status: 'failed'; profile: string; error: AppError; context?: AssumeRoleContext };

interface Props {
  selected: string | undefined;
  state: WhoamiState;
  forceRefresh: boolean;
  onForceRefreshChange: (value: boolean) => void;
  onWhoami: () => void;
}

export function IdentityPanel({ selected, state, forceRefresh, onForceRefreshChange, onWhoami }: Props) {
  return (
    <section className="panel identity" aria-labelledby="identity-heading">
      <h2 id="identity-heading">Identity</h2>
      <div className="toolbar">
        <p className="selection">
          {selected ? (
            <>
              Profile <strong>{selected}</strong>
            </>
          ) : (
            'Select a profile to see who it is.'
          )}
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={forceRefresh}
            onChange={(event) => onForceRefreshChange(event.target.checked)}
          />
          Skip cached credentials
        </label>
        <button type="button" onClick={onWhoami} disabled={!selected || state.status === 'pending'}>
          Who am I?
        </button>
      </div>
      <IdentityResult state={state} />
    </section>
  );
}

function IdentityResult({ state }: { state: WhoamiState }) {
  switch (state.status) {
    case 'idle':
      return <p className="muted">Nothing asked yet.</p>;
    case 'pending':
      return (
        <p role="status">
          Asking STS who <strong>{state.profile}</strong> is…
        </p>
      );
    case 'failed':
      return (
        <>
          <ErrorBox error={state.error} title={`Who am I? failed for ${state.profile}`} />
          <CredentialRefusal error={state.error} context={state.context} />
        </>
      );
    case 'done':
      return <IdentityView profile={state.profile} identity={state.identity} />;
  }
}

function IdentityView({ profile, identity }: { profile: string; identity: Identity }) {
  return (
    <dl className="identity-facts" aria-label={`Identity of ${profile}`}>
      <dt>ARN</dt>
      <dd>
        <code>{identity.arn}</code>
      </dd>
      <dt>Account</dt>
      <dd>{identity.account}</dd>
      <dt>User ID</dt>
      <dd>
        <code>{identity.userId}</code>
      </dd>
      <dt>Access key</dt>
      <dd>
        <code>{identity.accessKeyId}</code>
        {identity.cached && <span className="badge">cached</span>}
      </dd>
      <dt>Hops</dt>
      <dd>
        <ol className="hops" aria-label="Hops">
          {identity.hops.map((hop, index) => (
            <li key={`${index}:${hop.label}`}>{hopText(hop)}</li>
          ))}
        </ol>
      </dd>
      <dt>Expires</dt>
      <dd>
        {identity.expiration ? (
          <time dateTime={identity.expiration}>{identity.expiration}</time>
        ) : (
          'Never: long-term keys'
        )}
      </dd>
    </dl>
  );
}
