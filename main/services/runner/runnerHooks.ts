// The runner's two connections to the rest of main: the engine (send, cancel, the credential chain, who signed)
// and the checks evaluator fed with what came back.
import { open } from 'node:fs/promises';
import { evaluateChecks } from '../../../src/checks/evaluate';
import type { ObservedResponse } from '../../../src/models/checks';
import type { SendResult } from '../../../src/models/http';
import type { RunIdentity } from '../../../src/runner/types';
import type { Engine } from '../../engine';
import type { Evaluate, RunnerEngine } from './runPlan';

export function runnerEngine(engine: Engine): RunnerEngine {
  return {
    send: (input) => engine.send(input),
    cancel: (requestId) => engine.cancel(requestId),
    hops: async (auth) => (await engine.credentials.resolve(auth)).hops,
    whoami: (auth) => engine.credentials.whoami(auth),
  };
}

// TEMPORARY until main/services/checkRun.ts (the checks helper's glue) lands: the same observation, read here.
const BODY_LIMIT = 1024 * 1024;
async function observe(result: SendResult, identity: RunIdentity | undefined): Promise<ObservedResponse> {
  const { response } = result;
  let bytes = Buffer.from(response.body.headBase64, 'base64');
  let truncated = !response.body.complete;
  if (!response.body.complete && response.body.spoolFile) {
    const file = await open(response.body.spoolFile, 'r');
    try {
      const buffer = Buffer.alloc(BODY_LIMIT);
      const { bytesRead } = await file.read(buffer, 0, BODY_LIMIT, 0);
      bytes = buffer.subarray(0, bytesRead);
      truncated = response.body.size > bytesRead;
    } finally {
      await file.close();
    }
  }
  return {
    status: response.status,
    headers: response.headers,
    bodyText: bytes.subarray(0, BODY_LIMIT).toString('utf8'),
    ...(truncated || bytes.length > BODY_LIMIT ? { bodyTruncated: true } : {}),
    durationMs: response.timings.total,
    ...(identity?.arn ? { identityArn: identity.arn } : {}),
    ...(identity?.account ? { identityAccount: identity.account } : {}),
  };
}

export function runnerEvaluate(): Evaluate {
  return async (checks, captures, result, identity) => evaluateChecks(checks, captures, await observe(result, identity));
}
