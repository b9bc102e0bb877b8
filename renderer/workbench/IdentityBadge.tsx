// Who the request will be signed as: the ARN STS reports (assumed-role/ROLE/SESSION for roles), the account, and
// how long the temporary credentials have left, counting down. Asked on demand and after each send.
import { useEffect, useState, type ReactNode } from 'react';
import type { AssumeRoleContext } from '../../src/diagnosis/explainAppError';
import type { AppError } from '../../src/errors';
import type { Identity } from '../../src/models/auth';
import { errorCodeText } from '../format';
import { resolvedKeyText } from './resolvedKey';
import { keyLifetimeText } from './keyLifetime';
import { ClearCacheButton } from './ClearCacheButton';
import { CredentialRefusal } from '../startup/lazyParts';

export type IdentityState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; identity: Identity }
  /** `context`: what the failed call asked STS for, so a refused AssumeRole is explained like a failed send. */
  | { status: 'failed'; error: AppError; context?: AssumeRoleContext };

/** "mm:ss" left until `expiration` (h:mm:ss above an hour); "expired" once past. */
export function countdown(expiration: string, now: number): string {
  const left = Math.floor((Date.parse(expiration) - now) / 1000);
  if (!Number.isFinite(left)) return '';
  if (left <= 0) return 'expired';
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

interface Props {
  state: IdentityState;
  onCheck: () => void;
  /** False when nothing signs (auth none): there is no identity to ask about. */
  enabled: boolean;
  /** The access key the live preview signed with, shown before STS is asked. */
  resolvedKeyId?: string;
  /** Forgets the cached credentials of this identity (the error hints point here); absent: no control. */
  onClearCache?: () => Promise<number | undefined>;
  /** "Sign in" when the profile's IAM Identity Center sign-in is missing or expired (renderer/sso). */
  signIn?: ReactNode;
}

export function IdentityBadge({ state, onCheck, enabled, resolvedKeyId, onClearCache, signIn }: Props) {
  const [now, setNow] = useState(() => Date.now());
  const expiration = state.status === 'done' ? state.identity.expiration : undefined;
  useEffect(() => {
    if (!expiration) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expiration]);

  return (
    <section className={`identity-badge status-${state.status}`} aria-label="Active identity">
      <div className="identity-line">
        <span className="identity-title">Identity</span>
        {state.status === 'idle' && <span className="muted">{enabled ? (resolvedKeyText(resolvedKeyId) ?? 'not checked yet') : 'none (unsigned)'}</span>}
        {state.status === 'pending' && <span role="status">asking STS…</span>}
        {state.status === 'done' && (
          <>
            <code className="identity-arn" aria-label="Identity ARN" title={state.identity.arn}>
              {state.identity.arn}
            </code>
            <span className="pill" aria-label="Account">
              {state.identity.account}
            </span>
            {expiration ? (
              <span className="pill" aria-label="Expires in" title={expiration}>
                expires in <time dateTime={expiration}>{countdown(expiration, now)}</time>
              </span>
            ) : (
              <span className="pill">{keyLifetimeText(state.identity)}</span>
            )}
            {state.identity.cached && <span className="pill muted">cached</span>}
          </>
        )}
        <button type="button" className="secondary small" onClick={onCheck} disabled={!enabled || state.status === 'pending'}>
          Who am I?
        </button>
        {onClearCache && <ClearCacheButton enabled={enabled} onClear={onClearCache} />}
        {signIn}
      </div>
      {state.status === 'failed' && (
        <div className="identity-error" role="alert">
          <strong>{state.error.message}</strong> <code>{errorCodeText(state.error)}</code>
          <CredentialRefusal error={state.error} context={state.context} />
          {state.error.detail && <pre>{state.error.detail}</pre>}
        </div>
      )}
    </section>
  );
}
