// "Run…" on a collection or folder: the run's settings, then its results in the same dialog (live progress, Cancel,
// each row's full request and response, export). Closing the dialog while a run goes on cancels the run.
import { useState } from 'react';
import type { RoleCallApi } from '../../src/contract';
import { Modal } from '../components/Modal';
import { useWorkspace } from '../state/workspace';
import { RunResults } from './RunResults';
import { RunSetup } from './RunSetup';
import type { RunScope } from './runScope';
import { isRunning } from './runState';
import { useRun, type RunRequest } from './useRun';
import './runner.css';

interface Props {
  api: RoleCallApi;
  scope: RunScope;
  onClose(): void;
}

export function RunnerDialog({ api, scope, onClose }: Props) {
  const ws = useWorkspace();
  const run = useRun(api);
  const [request, setRequest] = useState<RunRequest | undefined>();
  const [selected, setSelected] = useState<number | undefined>();

  function close() {
    if (run.view && isRunning(run.view)) run.cancel();
    onClose();
  }

  function start(next: RunRequest) {
    setRequest(next);
    setSelected(undefined);
    run.start(next);
  }

  return (
    <Modal title={`Run “${scope.name}”`} onCancel={close} className="sb-modal runner-modal">
      {!run.view || !request ? (
        <RunSetup scope={scope} environments={ws.environments} activeEnvironmentId={ws.activeEnvironmentId} previous={request} onRun={start} onClose={close} />
      ) : (
        <>
          <RunResults api={api} view={run.view} iterations={request.iterations ?? 1} selected={selected} onSelect={setSelected} onCancel={run.cancel} />
          <div className="sb-actions">
            <button type="button" disabled={isRunning(run.view)} onClick={run.reset}>
              Change settings
            </button>
            <button type="button" disabled={isRunning(run.view)} onClick={() => start(request)}>
              Run again
            </button>
            <button type="button" className="sb-primary" onClick={close}>
              {isRunning(run.view) ? 'Cancel run and close' : 'Close'}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
