// The inspector's "Policies" view: asks main for the policy workshop of the active request (main reads the real
// policies with the request's own credentials) and shows it. AWS is called only when the user asks.
import { useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { AuthChoice } from '../../src/models/auth';
import type { WorkshopResult } from '../../src/models/workshop';
import { settle } from '../api';
import { WorkshopView } from './WorkshopView';
import './workshop.css';

type Scope = 'method-path' | 'stage' | 'api';
const SCOPES: Array<[Scope, string]> = [
  ['method-path', 'This method and path'],
  ['stage', 'This stage'],
  ['api', 'The whole API'],
];
const EXECUTE_API = /^https?:\/\/[a-z0-9]+\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//i;

export function WorkshopPanel(props: { api: RoleCallApi; auth: AuthChoice; method: string; url: string; initial?: WorkshopResult }) {
  const [scope, setScope] = useState<Scope>('method-path');
  const [account, setAccount] = useState('');
  const [custom, setCustom] = useState({ apiId: '', stage: '', region: '' });
  const [state, setState] = useState<{ pending?: boolean; result?: WorkshopResult; error?: AppError; saved?: string }>(props.initial ? { result: props.initial } : {});
  const customDomain = !EXECUTE_API.test(props.url);
  const noAuth = props.auth.kind === 'none';

  async function run() {
    setState((s) => ({ ...s, pending: true, error: undefined }));
    const r = await settle(() =>
      props.api.policyWorkshop({
        auth: props.auth,
        request: { method: props.method, url: props.url },
        scope,
        ...(account.trim() ? { account: account.trim() } : {}),
        ...(customDomain && custom.apiId ? { apiId: custom.apiId.trim() } : {}),
        ...(customDomain && custom.stage ? { stage: custom.stage.trim() } : {}),
        ...(customDomain && custom.region ? { region: custom.region.trim() } : {}),
      }),
    );
    setState(r.ok ? { result: r.value } : { error: r.error });
  }

  async function save(text: string, suggestedName: string) {
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    const r = await settle(() => props.api.responseSave({ source: { kind: 'inline', base64 }, suggestedName }));
    setState((s) => ({ ...s, saved: r.ok ? (r.value.cancelled ? undefined : `Saved to ${r.value.path}`) : `Could not save: ${r.error.message}` }));
  }

  return (
    <section className="workshop" aria-label="Policy workshop">
      <h2>Policy workshop</h2>
      <p className="muted">
        Reads the API’s resource policy and the role’s trust and identity policies with this request’s credentials, judges the request locally, and
        writes the policies that would allow it.
      </p>
      <form
        className="ws-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset>
          <legend>Scope of the documents</legend>
          {SCOPES.map(([value, label]) => (
            <label key={value}>
              <input type="radio" name="ws-scope" value={value} checked={scope === value} onChange={() => setScope(value)} /> {label}
            </label>
          ))}
        </fieldset>
        <label>
          API owner’s account <input value={account} onChange={(e) => setAccount(e.target.value)} placeholder="the role’s account" inputMode="numeric" size={14} />
        </label>
        {customDomain && (
          <fieldset>
            <legend>Custom domain: the API behind it</legend>
            {(['apiId', 'stage', 'region'] as const).map((k) => (
              <label key={k}>
                {k === 'apiId' ? 'API id' : k === 'stage' ? 'Stage' : 'Region'}{' '}
                <input value={custom[k]} onChange={(e) => setCustom({ ...custom, [k]: e.target.value })} size={12} />
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" disabled={noAuth || state.pending}>
          {state.pending ? 'Reading policies…' : 'Read policies and write documents'}
        </button>
        {noAuth && <p className="muted">Choose a profile or a role first: the workshop reads the policies with the request’s credentials.</p>}
      </form>
      {state.error && (
        <p className="ws-error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.saved && <p role="status">{state.saved}</p>}
      {state.result && <WorkshopView result={state.result} onSave={(text, name) => void save(text, name)} />}
    </section>
  );
}
