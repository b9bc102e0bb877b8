// A failed send, readable: what happened in plain words, what to try, and the underlying text (AWS's own message or
// the socket's) underneath in monospace, copyable. Never a blank pane.
import type { AppError } from '../../src/errors';
import { CopyButton } from './CopyButton';
import { errorHint } from './errorHints';
import { RefusalExplainer } from './RefusalExplainer';
import { explainAppError, type AssumeRoleContext } from '../../src/diagnosis/explainAppError';
import { SsoSignInButton } from '../sso/SsoSignInButton';

/**
 * `assumeRole`: what the failed send asked STS for, when it assumed a role (no external ID value, only whether one went).
 * `signInProfile`: the profile the send used, offered a "Sign in" when its SSO sign-in is missing or expired.
 */
export function ErrorView({ error, assumeRole, signInProfile }: { error: AppError; assumeRole?: AssumeRoleContext; signInProfile?: string }) {
  const hint = errorHint(error);
  // STS's refusals of the role (and the base keys') arrive as errors, not responses: explained the same way.
  const refusal = explainAppError(error, assumeRole);
  return (
    <div className="rv-error" role="alert" aria-label="Request failed">
      <h3 className="rv-error-title">{hint.title}</h3>
      <p className="rv-error-message">{error.message}</p>
      <p className="rv-error-hint">{hint.hint}</p>
      {error.code === 'SSO_SIGN_IN_REQUIRED' && signInProfile && <SsoSignInButton profile={signInProfile} />}
      {refusal && <RefusalExplainer refusal={refusal} showAwsText={false} />}
      <p className="rv-error-code">
        <code>{error.awsCode ? `${error.code} / ${error.awsCode}` : error.code}</code>
      </p>
      {error.detail && (
        <div className="rv-detail">
          <div className="rv-detail-head">
            <span>Detail</span>
            <CopyButton text={() => error.detail ?? ''} label="Copy error detail" />
          </div>
          <pre aria-label="Error detail">{error.detail}</pre>
        </div>
      )}
    </div>
  );
}
