// AWS's error document, prominent above the body: its type and message, and for a signature mismatch the lines
// where AWS's canonical request differs from the one RoleCall signed, which is usually the whole diagnosis.
import { diffCanonical } from '../../src/awsErrorResponse';
import type { AwsErrorInfo } from '../../src/models/http';

export function AwsErrorPanel({ info, ours }: { info: AwsErrorInfo; ours: string | undefined }) {
  const theirs = info.expectedCanonicalRequest;
  const diff = theirs !== undefined && ours !== undefined ? diffCanonical(ours, theirs) : undefined;
  return (
    <section className="rv-aws-error" aria-label="AWS error">
      <p className="rv-aws-type">
        <span className="rv-aws-badge">AWS error</span> <strong>{info.type ?? 'Error'}</strong>
      </p>
      <p className="rv-aws-message">{info.message}</p>
      {theirs !== undefined && ours === undefined && (
        <p className="rv-caption">AWS sent its canonical request, but this request was not signed, so there is nothing to compare.</p>
      )}
      {diff && (
        <div className="rv-diff">
          <h4>Canonical request: what RoleCall signed vs what AWS expected</h4>
          <p className="rv-caption">
            AWS rebuilt it from what it received; the lines that differ point at the cause (a header changed in transit, a path or query
            encoded differently, another body).
          </p>
          {diff.length === 0 ? (
            <p className="rv-diff-same" role="status">
              The canonical requests are identical: the signature differs because the secret access key does not match the access key id.
            </p>
          ) : (
            <table className="rv-diff-table" aria-label="Canonical request differences">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">RoleCall signed</th>
                  <th scope="col">AWS expected</th>
                </tr>
              </thead>
              <tbody>
                {diff.map((line, i) => (
                  <tr key={i}>
                    <td className="rv-diff-line">{line.line}</td>
                    <td className={line.ours === undefined ? 'rv-diff-missing' : 'rv-diff-ours'}>
                      {line.ours === undefined ? '(missing)' : <code>{line.ours}</code>}
                    </td>
                    <td className={line.theirs === undefined ? 'rv-diff-missing' : 'rv-diff-theirs'}>
                      {line.theirs === undefined ? '(missing)' : <code>{line.theirs}</code>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <details className="rv-aws-full">
            <summary>AWS’s canonical request{info.expectedStringToSign !== undefined ? ' and string to sign' : ''}</summary>
            <pre aria-label="AWS canonical request">{theirs}</pre>
            {info.expectedStringToSign !== undefined && <pre aria-label="AWS string to sign">{info.expectedStringToSign}</pre>}
          </details>
        </div>
      )}
    </section>
  );
}
