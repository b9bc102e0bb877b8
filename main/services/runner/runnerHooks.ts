// The runner's two connections to the rest of main: the engine (send, cancel, the credential chain, who signed)
// and the checks glue (main/services/checkRun.ts) fed with what came back, exactly as request:send runs it.
import type { Engine } from '../../engine';
import { createIdentityCache, runChecks, type IdentityCache } from '../checkRun';
import type { Evaluate, RunnerEngine } from './runPlan';

export function runnerEngine(engine: Engine, identities: IdentityCache = createIdentityCache(engine.credentials)): RunnerEngine {
  return {
    send: (input, extras) => engine.send(input, extras),
    cancel: (requestId) => engine.cancel(requestId),
    hops: async (auth) => (await engine.credentials.resolve(auth)).hops,
    signedAs: (auth) => identities.signedAs(auth),
  };
}

/** `spoolDir`: where the engine spools large bodies, so checks read them from there. */
export function runnerEvaluate(spoolDir: string): Evaluate {
  return (checks, captures, result, identity, variables) =>
    runChecks({
      result,
      checks,
      captures,
      spoolDir,
      variables,
      ...(identity ? { signedAs: { ...(identity.arn ? { arn: identity.arn } : {}), ...(identity.account ? { account: identity.account } : {}), ...(identity.problem ? { problem: identity.problem } : {}) } } : {}),
    });
}
