// One run from the window: starts it (runner:start), follows its runner:progress / runner:finished events, asks for
// a snapshot once the id is known (so nothing sent before the subscription is lost) and cancels it.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ChannelRequest, RoleCallApi } from '../../src/contract';
import { settle } from '../api';
import { runReducer, STARTING, type RunView } from './runState';

export type RunRequest = ChannelRequest<'runner:start'>;

export function useRun(api: RoleCallApi): { view: RunView | undefined; start(request: RunRequest): void; cancel(): void; reset(): void } {
  const [state, dispatch] = useReducer(
    (s: { view?: RunView }, a: Parameters<typeof runReducer>[1] | { type: 'begin' } | { type: 'reset' }) =>
      a.type === 'begin' ? { view: STARTING } : a.type === 'reset' ? {} : s.view ? { view: runReducer(s.view, a) } : s,
    {},
  );
  const runId = useRef<string | undefined>(undefined);
  // Cancel pressed before runner:start answered: the run is cancelled as soon as its id is known.
  const cancelAsked = useRef(false);

  useEffect(() => {
    const offProgress = api.on('runner:progress', (event) => dispatch({ type: 'progress', event }));
    const offFinished = api.on('runner:finished', (event) => dispatch({ type: 'finished', event }));
    return () => {
      offProgress();
      offFinished();
    };
  }, [api]);

  const start = useCallback(
    (request: RunRequest) => {
      dispatch({ type: 'begin' });
      runId.current = undefined;
      cancelAsked.current = false;
      void settle(() => api.runnerStart(request)).then(async (started) => {
        if (!started.ok) return dispatch({ type: 'failed', error: started.error });
        runId.current = started.value.runId;
        dispatch({ type: 'started', started: started.value });
        if (cancelAsked.current) void settle(() => api.runnerCancel({ runId: started.value.runId }));
        const snapshot = await settle(() => api.runnerResult({ runId: started.value.runId }));
        if (snapshot.ok) dispatch({ type: 'snapshot', view: snapshot.value });
      });
    },
    [api],
  );

  const cancel = useCallback(() => {
    dispatch({ type: 'cancelling' });
    cancelAsked.current = true;
    const id = runId.current;
    if (id) void settle(() => api.runnerCancel({ runId: id }));
  }, [api]);

  const reset = useCallback(() => dispatch({ type: 'reset' }), []);

  return { view: state.view, start, cancel, reset };
}
