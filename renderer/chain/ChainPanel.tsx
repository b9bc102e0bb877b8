// "Chain" in the inspector: the identity chain of the active request, after its last "Who am I?" or send, with
// an export of the picture as an SVG file.
import { useMemo, useRef, useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import { assumeRoleContext } from '../../src/diagnosis/authContext';
import { roleArnIn } from '../../src/diagnosis/roleArn';
import { settle } from '../api';
import { CredentialRefusal } from '../viewer/CredentialRefusal';
import { chainInput, type WorkbenchFacts } from './chainInput';
import { buildChain, isCredentialError } from './chainModel';
import { ChainDiagram } from './ChainDiagram';
import { resolvePalette, standaloneSvg, textToBase64 } from './exportSvg';
import './chain.css';

/**
 * Takes the workbench's facts rather than a built input, so that turning a malformed result into the chain's
 * input happens while this panel renders, inside the inspector's error boundary, not in the workbench's.
 */
export function ChainPanel({ api, facts }: { api: RoleCallApi; facts: WorkbenchFacts }) {
  const model = useMemo(() => buildChain(chainInput(facts)), [facts]);
  const broken = brokenHop(facts);
  const svg = useRef<SVGSVGElement>(null);
  const [note, setNote] = useState<{ text: string; failed?: boolean }>();

  async function exportSvg() {
    setNote(undefined);
    if (!svg.current) return;
    let text: string;
    try {
      text = standaloneSvg(svg.current.outerHTML, resolvePalette(svg.current));
    } catch (err) {
      setNote({ text: `Could not export: ${err instanceof Error ? err.message : String(err)}`, failed: true });
      return;
    }
    const outcome = await settle(() => api.responseSave({ source: { kind: 'inline', base64: textToBase64(text) }, suggestedName: 'identity-chain.svg' }));
    if (!outcome.ok) setNote({ text: `Could not export: ${outcome.error.message}`, failed: true });
    else if (!outcome.value.cancelled) setNote({ text: `Saved to ${outcome.value.path ?? 'the chosen file'}` });
  }

  return (
    <section className="chain-panel" aria-label="Identity chain">
      <header className="chain-header">
        <h2>Identity chain</h2>
        <button type="button" className="secondary small" onClick={() => void exportSvg()}>
          Export as SVG
        </button>
        {note && (
          <span role="status" className={note.failed ? 'chain-note failed' : 'chain-note'}>
            {note.text}
          </span>
        )}
      </header>
      <p className="chain-summary">{model.summary}</p>
      <div className="chain-scroll">
        <ChainDiagram ref={svg} model={model} />
      </div>
      {broken && <CredentialRefusal error={broken.error} context={broken.context} />}
    </section>
  );
}

/**
 * The credential error the picture marks (a send's, else the last "Who am I?"'s when nothing was answered), with
 * what this auth asked STS for at the hop main's message names: the same context a failed send is explained with.
 */
function brokenHop(facts: WorkbenchFacts) {
  const sent = facts.sent?.error;
  const error = sent && isCredentialError(sent) ? sent : !facts.sent?.result && facts.identity.status === 'failed' ? facts.identity.error : undefined;
  if (!error) return undefined;
  return { error, context: assumeRoleContext(facts.auth, facts.profiles, roleArnIn(error.message)) };
}
