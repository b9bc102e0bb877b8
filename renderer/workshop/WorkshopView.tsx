// The policy workshop's answer, drawn: the verdict with the statement that decides it, what RoleCall could not
// judge, the policies it read (the deciding statements highlighted), and the documents that would allow the
// request, each line explained, with the same as CDK, CloudFormation and Terraform. Pure: props in, markup out.
import { useState } from 'react';
import type { PolicyCheck, WorkshopResult } from '../../src/models/workshop';
import type { DecidingStatement, PolicyDoc, WorkshopDocument } from '../../src/policy';
import { CopyButton } from '../viewer/CopyButton';

export type SaveText = (text: string, suggestedName: string) => void;

const DECISION: Record<PolicyCheck['decision'], string> = {
  allow: 'Allowed',
  explicitDeny: 'Refused: explicit deny',
  implicitDeny: 'Refused: nothing allows it',
};

export function WorkshopView({ result, onSave }: { result: WorkshopResult; onSave?: SaveText }) {
  const { evaluation, fetched } = result;
  const checks = [evaluation.assumeRole, evaluation.invoke].filter((c): c is PolicyCheck => c !== undefined);
  const deciding = checks.flatMap((c) => c.deciding);
  return (
    <div className="ws-result">
      <section className={`ws-verdict ws-${evaluation.decision}`} aria-label="Verdict">
        <p className="ws-decision">{DECISION[evaluation.decision]}</p>
        <p className="ws-summary">{evaluation.summary}</p>
        {checks.map((c) => (
          <details key={c.kind} className="ws-check">
            <summary>
              {c.kind === 'assumeRole' ? 'AssumeRole hop' : 'The call'}: {DECISION[c.decision]}
            </summary>
            <p className="ws-fact">
              <code>{c.principal}</code> → <code>{c.action}</code> on <code>{c.resource}</code>
            </p>
            <ul>
              {c.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </details>
        ))}
      </section>
      <section aria-label="What RoleCall could not judge" className="ws-section">
        <h3>What RoleCall could not judge</h3>
        <ul className="ws-unjudged">
          {[...fetched.notes, ...result.notes, ...evaluation.unjudged].map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-label="Policies read from AWS" className="ws-section">
        <h3>Policies read from AWS</h3>
        <p className="ws-fact">
          Caller <code>{result.identity.arn}</code>
          {result.identity.basePrincipal && (
            <>
              {' '}
              assumed by <code>{result.identity.basePrincipal}</code>
            </>
          )}
          ; target <code>{result.targetArn}</code>
        </p>
        {fetched.resourcePolicy && <FetchedPolicy title="Resource policy of the API" policy={fetched.resourcePolicy} marked={marks(deciding, 'resource', 0)} />}
        {fetched.trustPolicy && <FetchedPolicy title="Trust policy of the role" policy={fetched.trustPolicy} marked={marks(deciding, 'trust', 0)} />}
        {fetched.identityPolicies.map((p, i) => (
          <FetchedPolicy
            key={`${p.source}:${p.name}`}
            title={`${p.source === 'inline' ? 'Inline' : 'Managed'} policy ${p.name}`}
            policy={p.policy}
            marked={marks(evaluation.invoke.deciding, 'identity', i)}
          />
        ))}
        {fetched.permissionBoundary && <FetchedPolicy title="Permission boundary of the role" policy={fetched.permissionBoundary} marked={marks(evaluation.invoke.deciding, 'boundary', 0)} />}
        {!fetched.resourcePolicy && !fetched.trustPolicy && fetched.identityPolicies.length === 0 && <p className="muted">None could be read.</p>}
      </section>
      {result.workshop ? <Documents workshop={result.workshop} onSave={onSave} /> : null}
    </div>
  );
}

function marks(deciding: DecidingStatement[], policy: DecidingStatement['policy'], document: number): Set<number> {
  return new Set(deciding.filter((d) => d.policy === policy && d.document === document).map((d) => d.index));
}

function FetchedPolicy({ title, policy, marked }: { title: string; policy: PolicyDoc; marked: Set<number> }) {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return (
    <div className="ws-policy">
      <h4>{title}</h4>
      {statements.map((s, i) => (
        <pre key={i} className={marked.has(i) ? 'ws-statement ws-deciding' : 'ws-statement'} aria-label={marked.has(i) ? `Deciding statement ${s.Sid ?? i + 1}` : undefined}>
          {marked.has(i) && <span className="ws-mark">Decides · </span>}
          {JSON.stringify(s, null, 2)}
        </pre>
      ))}
    </div>
  );
}

const VIEWS = [
  ['json', 'JSON'],
  ['cdk', 'CDK'],
  ['cloudformation', 'CloudFormation'],
  ['terraform', 'Terraform'],
] as const;
type View = (typeof VIEWS)[number][0];

function Documents({ workshop, onSave }: { workshop: NonNullable<WorkshopResult['workshop']>; onSave?: SaveText }) {
  const [view, setView] = useState<View>('json');
  const docs: WorkshopDocument[] = [workshop.resourcePolicy, workshop.trustPolicy, workshop.identityPolicy, workshop.basePolicy];
  const s = workshop.snippets;
  const code: Record<Exclude<View, 'json'>, Array<[string, string, string]>> = {
    cdk: [['AWS CDK (TypeScript)', s.cdk, 'policies.ts']],
    cloudformation: [
      ["CloudFormation: the API owner's account", s.cloudFormation.yaml, 'api-owner.yaml'],
      ["CloudFormation: the caller's account", s.cloudFormationCaller.yaml, 'caller.yaml'],
    ],
    terraform: [['Terraform', s.terraform, 'policies.tf']],
  };
  return (
    <section aria-label="Documents that would allow this request" className="ws-section">
      <h3>Documents that would allow this request</h3>
      <p className="ws-fact">
        Scope: <code>{workshop.resourceArn}</code>
      </p>
      <div role="tablist" aria-label="Format" className="ws-tabs">
        {VIEWS.map(([key, label]) => (
          <button key={key} type="button" role="tab" aria-selected={view === key} onClick={() => setView(key)}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {view === 'json'
          ? docs.map((d) => (
              <div key={d.title} className="ws-doc">
                <Head title={d.title} text={d.json} file={`${d.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.json`} onSave={onSave} />
                <p className="ws-attach">Attach to {d.attachTo}.</p>
                <table className="ws-lines">
                  <tbody>
                    {d.explanation.map((line, i) => (
                      <tr key={i}>
                        <td>
                          <code>{line.text}</code>
                        </td>
                        <td>{line.explanation}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))
          : code[view].map(([title, text, file]) => (
              <div key={title} className="ws-doc">
                <Head title={title} text={text} file={file} onSave={onSave} />
                <pre className="ws-code">{text}</pre>
              </div>
            ))}
      </div>
    </section>
  );
}

function Head({ title, text, file, onSave }: { title: string; text: string; file: string; onSave?: SaveText }) {
  return (
    <div className="ws-doc-head">
      <h4>{title}</h4>
      <span>
        <CopyButton text={() => text} label={`Copy ${title}`} />
        {onSave && (
          <button type="button" aria-label={`Save ${title}`} onClick={() => onSave(text, file)}>
            Save
          </button>
        )}
      </span>
    </div>
  );
}
