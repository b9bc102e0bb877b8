// "Why AWS said no": the cause RoleCall recognised in a refusal, in plain words, who was refused doing what, what
// to check and how to fix it, and AWS's own text underneath (for a signature mismatch, the AWS error panel with the
// canonical-request diff). Everything is rendered as text: AWS's message is never markup.
import type { ReactNode } from 'react';
import type { Refusal } from '../../src/models/refusal';
import { CopyButton } from './CopyButton';
import './refusal.css';

export function RefusalExplainer(props: {
  refusal: Refusal;
  /** What AWS said, richer than its text (the AWS error panel with the diff); AWS's text as-is when absent. */
  aws?: ReactNode;
  /** False where AWS's text is already shown right below (the error view's detail). */
  showAwsText?: boolean;
}) {
  const { refusal } = props;
  const who: Array<[string, string | undefined]> = [
    ['Principal', refusal.principal],
    ['Action', refusal.action],
    ['Resource', refusal.resource],
  ];
  const facts = who.filter((entry): entry is [string, string] => entry[1] !== undefined);
  return (
    <section className="rv-refusal" aria-label="Why AWS said no">
      <p className="rv-refusal-kicker">Why AWS said no</p>
      <h3 className="rv-refusal-title">{refusal.title}</h3>
      <p className="rv-refusal-explanation">{refusal.explanation}</p>
      {facts.length > 0 && (
        <dl className="rv-refusal-facts">
          {facts.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {refusal.clockOffsetSeconds !== undefined && (
        <p className="rv-refusal-clock">
          AWS’s clock minus this computer’s: <strong>{refusal.clockOffsetSeconds} s</strong>
        </p>
      )}
      {refusal.likelihood.length > 0 && (
        <ul className="rv-refusal-likely" aria-label="Why this cause is likely">
          {refusal.likelihood.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      <h4>What to check</h4>
      <ol className="rv-refusal-list">
        {refusal.checks.map((check, i) => (
          <li key={i}>{check}</li>
        ))}
      </ol>
      <h4>How to fix it</h4>
      <ul className="rv-refusal-list">
        {refusal.fixes.map((fix, i) => (
          <li key={i}>{fix}</li>
        ))}
      </ul>
      {props.showAwsText !== false && (
        <div className="rv-refusal-aws">
          <div className="rv-detail-head">
            <span>{props.aws || !refusal.awsType ? 'What AWS said' : `What AWS said (${refusal.awsType})`}</span>
            <CopyButton text={() => refusal.awsText} label="Copy AWS’s text" />
          </div>
          {props.aws ?? <pre aria-label="AWS’s text">{refusal.awsText}</pre>}
        </div>
      )}
      <p className="rv-refusal-ids">
        <code>{refusal.id}</code>
        {refusal.requestId && (
          <>
            {' · request id '}
            <code>{refusal.requestId}</code>
          </>
        )}
      </p>
    </section>
  );
}
