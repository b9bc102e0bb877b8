// The run's settings: which of the scope's requests, the environment (the active one to start with), iterations,
// a delay between requests and whether to stop at the first failure.
import { useMemo, useState, type FormEvent } from 'react';
import type { Environment } from '../../src/models/workspace';
import { chosenItemIds, scopeRequests, type RunScope } from './runScope';
import type { RunRequest } from './useRun';

interface Props {
  scope: RunScope;
  environments: Environment[];
  activeEnvironmentId: string | undefined;
  /** The last run's settings, when running again. */
  previous?: RunRequest | undefined;
  onRun(request: RunRequest): void;
  onClose(): void;
}

const MAX_ITERATIONS = 1000;
const MAX_DELAY_MS = 600_000;

export function RunSetup({ scope, environments, activeEnvironmentId, previous, onRun, onClose }: Props) {
  const requests = useMemo(() => scopeRequests(scope), [scope]);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(requests.map((r) => r.id)));
  const [environmentId, setEnvironmentId] = useState(previous ? (previous.environmentId ?? '') : (activeEnvironmentId ?? ''));
  const [iterations, setIterations] = useState(String(previous?.iterations ?? 1));
  const [delayMs, setDelayMs] = useState(String(previous?.delayMs ?? 0));
  const [bail, setBail] = useState(previous?.bail ?? false);
  // Off unless the user says so: a signed request over plain http to another machine exposes its signature and
  // session token on the network (the single send asks the same with PlainHttpWarning).
  const [allowPlainHttp, setAllowPlainHttp] = useState(previous?.allowPlainHttp ?? false);

  const iterationsValue = Number(iterations);
  const delayValue = Number(delayMs);
  const iterationsBad = !Number.isInteger(iterationsValue) || iterationsValue < 1 || iterationsValue > MAX_ITERATIONS;
  const delayBad = !Number.isInteger(delayValue) || delayValue < 0 || delayValue > MAX_DELAY_MS;
  const noneChosen = requests.every((r) => !chosen.has(r.id));

  function toggle(id: string, on: boolean) {
    setChosen((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (iterationsBad || delayBad || noneChosen) return;
    onRun({
      collectionId: scope.collection.id,
      itemIds: chosenItemIds(scope, requests, chosen),
      ...(environmentId ? { environmentId } : {}),
      iterations: iterationsValue,
      delayMs: delayValue,
      bail,
      allowPlainHttp,
    });
  }

  if (requests.length === 0) {
    return (
      <div className="runner-setup">
        <p role="status">“{scope.name}” has no requests to run.</p>
        <div className="sb-actions">
          <button type="button" className="sb-primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    );
  }

  const allChosen = requests.every((r) => chosen.has(r.id));
  return (
    <form className="runner-setup" onSubmit={submit} aria-label="Run settings">
      <div className="runner-settings">
        <label>
          <span>Environment</span>
          <select aria-label="Run environment" value={environmentId} onChange={(e) => setEnvironmentId(e.target.value)}>
            <option value="">No environment</option>
            {environments.map((env) => (
              <option key={env.id} value={env.id}>
                {env.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Iterations</span>
          <input type="number" min={1} max={MAX_ITERATIONS} step={1} value={iterations} aria-invalid={iterationsBad || undefined} onChange={(e) => setIterations(e.target.value)} />
        </label>
        <label>
          <span>Delay between requests (ms)</span>
          <input type="number" min={0} max={MAX_DELAY_MS} step={1} value={delayMs} aria-invalid={delayBad || undefined} onChange={(e) => setDelayMs(e.target.value)} />
        </label>
        <label className="runner-check">
          <input type="checkbox" checked={bail} onChange={(e) => setBail(e.target.checked)} />
          <span>Stop on first failure</span>
        </label>
        <label className="runner-check" title="Signed requests to hosts other than this machine over http:// show their signature and session token to the network; without this they fail instead of being sent.">
          <input type="checkbox" checked={allowPlainHttp} onChange={(e) => setAllowPlainHttp(e.target.checked)} />
          <span>Allow signed requests over plain http</span>
        </label>
      </div>
      {iterationsBad && <p className="runner-problem">Iterations: a whole number from 1 to {MAX_ITERATIONS}.</p>}
      {delayBad && <p className="runner-problem">Delay: a whole number of milliseconds from 0 to {MAX_DELAY_MS}.</p>}
      <fieldset className="runner-pick">
        <legend>
          Requests ({[...chosen].filter((id) => requests.some((r) => r.id === id)).length} of {requests.length})
        </legend>
        <label className="runner-check">
          <input type="checkbox" checked={allChosen} onChange={(e) => setChosen(e.target.checked ? new Set(requests.map((r) => r.id)) : new Set())} />
          <span>All</span>
        </label>
        <ol className="runner-pick-list">
          {requests.map((r) => (
            <li key={r.id}>
              <label className="runner-check">
                <input type="checkbox" aria-label={`Run ${r.name}`} checked={chosen.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                <span className="runner-method">{r.method}</span>
                <span>{r.name}</span>
                {r.where && <span className="muted"> — {r.where}</span>}
              </label>
            </li>
          ))}
        </ol>
      </fieldset>
      {noneChosen && <p className="runner-problem">Choose at least one request.</p>}
      <div className="sb-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="submit" className="sb-primary" disabled={iterationsBad || delayBad || noneChosen}>
          Run
        </button>
      </div>
    </form>
  );
}
