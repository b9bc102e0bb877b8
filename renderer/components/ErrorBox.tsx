// Every failure on screen has the same shape: the one-line message, the stable code, and AWS's own text.
import type { AppError } from '../../src/errors';
import { errorCodeText } from '../format';

export function ErrorBox({ error, title }: { error: AppError; title?: string }) {
  return (
    <div className="error-box" role="alert">
      {title && <p className="error-title">{title}</p>}
      <p className="error-message">{error.message}</p>
      <p className="error-code">
        <span className="muted">Code </span>
        <code>{errorCodeText(error)}</code>
      </p>
      {error.detail && (
        <details open>
          <summary>{error.awsCode ? 'What AWS said' : 'Details'}</summary>
          <pre className="error-detail">{error.detail}</pre>
        </details>
      )}
    </div>
  );
}
