// Runs a plan through the engine the app sends with: each request resolved with the run's variables (captures
// first), signed and sent exactly as request:send does, its checks evaluated, its captures kept for the requests
// after it. One request at a time, in order; a cancel stops the one in flight. Credentials come from the engine's
// cache, so a role (and its MFA prompt) is asked for once per run, and a role whose prompt was refused is not
// asked again in the same run.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { effectiveRequest } from '../../../src/effectiveRequest';
import { toAppError, type AppError } from '../../../src/errors';
import type { AuthChoice, CredentialHop } from '../../../src/models/auth';
import type { Capture, Check, CheckOutcome } from '../../../src/models/checks';
import type { SendResult } from '../../../src/models/http';
import { sendInputSchema } from '../../../src/models/http';
import { sendOptions } from '../../../src/models/requestSettings';
import type { Environment } from '../../../src/models/workspace';
import type { VariableScope } from '../../../src/variables';
import type { PlannedRequest } from '../../../src/runner/plan';
import { runEnvironment, type RunOverride } from '../../../src/runner/runVariables';
import { runTotals } from '../../../src/runner/summary';
import type { RequestResult, RunIdentity, RunReport, RunSettings } from '../../../src/runner/types';
import type { ParsedSendInput, Secret, SendExtras } from '../../engine';
import { createCookieJar } from '../cookies/cookieJar';

export interface RunnerEngine {
  /** `extras.cookies`: the run's own jar (see runPlan). */
  send(input: ParsedSendInput, extras?: SendExtras): Promise<{ result: SendResult; secrets: Secret[] }>;
  cancel(requestId: string): boolean;
  /** The credential chain an auth resolves to (served from the credentials cache right after a send). */
  hops(auth: Exclude<AuthChoice, { kind: 'none' }>): Promise<CredentialHop[]>;
  /** Who an auth signs as (GetCallerIdentity, once per set of credentials), or why that is not known. */
  signedAs(auth: AuthChoice): Promise<{ arn?: string; account?: string; problem?: string }>;
}

/**
 * What one request's checks see and give; main/services/checkRun.ts builds it from the send result. `variables`:
 * the scopes the request was resolved with, for {{names}} in what its checks expect.
 */
export type Evaluate = (checks: Check[], captures: Capture[], result: SendResult, identity: RunIdentity | undefined, variables: VariableScope[]) => Promise<CheckOutcome>;

export interface RunInput {
  plan: PlannedRequest[];
  environment?: Environment;
  overrides?: RunOverride[];
  settings: RunSettings;
  /** Signed requests over plain http to a host other than this machine (--insecure-http). */
  allowPlainHttp?: boolean;
  /** Rewrites each request's auth (rolecall run's --profile / --assume-role); identity otherwise. */
  authFor?: (auth: AuthChoice) => AuthChoice;
  signal?: AbortSignal;
  /** A short id for the engine's request ids (cancel); unique per concurrent run. */
  runId?: string;
}

export interface RunHooks {
  engine: RunnerEngine;
  evaluate: Evaluate;
  /** Called as each request finishes, with the full (unmasked) send result when something came back. */
  onResult?: (result: RequestResult, sent: { result: SendResult; secrets: Secret[] } | undefined) => void | Promise<void>;
  /** Called before each request starts (the CLI's progress line). */
  onStart?: (step: PlannedRequest, iteration: number, index: number) => void;
}

/** The request's checks and captures; a request saved before checks existed has neither. */
export function checksOf(doc: PlannedRequest['doc']): { checks: Check[]; captures: Capture[] } {
  const withChecks = doc as PlannedRequest['doc'] & { checks?: Check[]; captures?: Capture[] };
  return { checks: withChecks.checks ?? [], captures: withChecks.captures ?? [] };
}

const authKey = (auth: AuthChoice) => JSON.stringify(auth);
// What a request without checks or captures gives: one frozen value shared by every such result (no reader
// changes a result's lists, and a fresh pair of empty arrays per request showed in the runner bench).
const NOTHING_TO_CHECK = Object.freeze({ results: Object.freeze([]), captures: Object.freeze([]), passed: true }) as unknown as CheckOutcome;

export async function runPlan(input: RunInput, hooks: RunHooks): Promise<RunReport> {
  const { settings } = input;
  const startedAt = new Date();
  const t0 = performance.now();
  const results: RequestResult[] = [];
  const captured = new Map<string, string>();
  // Each run has its own jar in memory, as newman does: what one response sets goes to the run's later requests
  // (every iteration), and the workspace's jar is neither read nor written, so a run repeats the same way.
  const cookies = createCookieJar();
  // A role whose MFA prompt was refused (or could not be shown) fails at once for the rest of the run.
  const refusedAuth = new Map<string, AppError>();
  const chains = new Map<string, Promise<CredentialHop[] | undefined>>();
  const needsIdentity = input.plan.some((step) => checksOf(step.doc).checks.some((c) => c.kind === 'identity' && c.enabled));
  let bailed = false;
  let cancelled = false;
  let sequence = 0;

  // The chain an auth resolves to does not change within a run: asked once per auth, and once known, given
  // without an await (a run is mostly requests with the same auth).
  const identities = new Map<string, RunIdentity>();
  const identityOf = async (auth: AuthChoice, key: string): Promise<RunIdentity> => {
    if (auth.kind === 'none') return { label: 'none' };
    if (!chains.has(key)) chains.set(key, hooks.engine.hops(auth).catch(() => undefined));
    const hops = await chains.get(key);
    const label = hops?.[hops.length - 1]?.label ?? auth.kind;
    // STS is asked who signed only when a check wants to know (once per set of credentials).
    if (!needsIdentity) {
      const identity = { label };
      identities.set(key, identity);
      return identity;
    }
    const found = await hooks.engine.signedAs(auth);
    return { label, ...(found.arn ? { arn: found.arn } : {}), ...(found.account ? { account: found.account } : {}), ...(found.problem ? { problem: found.problem } : {}) };
  };

  // A request resolves to the same input in every iteration unless a capture changed it: validated once per shape.
  const validated = new Map<string, ReturnType<typeof sendInputSchema.safeParse>>();
  const parseSend = (raw: { request: { body?: unknown } } & Record<string, unknown>) => {
    const body = raw.request.body as { kind?: string; text?: string } | undefined;
    // A large body is not worth a key as long as itself.
    if (body?.kind === 'text' && (body.text?.length ?? 0) > 64 * 1024) return sendInputSchema.safeParse(raw);
    const key = JSON.stringify(raw);
    let parsed = validated.get(key);
    if (!parsed) {
      if (validated.size >= 1000) validated.clear();
      validated.set(key, (parsed = sendInputSchema.safeParse(raw)));
    }
    return parsed;
  };

  // A request resolves to the same thing in every iteration until a capture changes a value: resolved, its auth
  // rewritten and its send input validated once per step and set of captured values, not once per request.
  let capturedVersion = 0;
  let environmentAt: { version: number; environment: Environment | undefined } | undefined;
  const environmentNow = () => {
    if (environmentAt?.version !== capturedVersion) environmentAt = { version: capturedVersion, environment: runEnvironment(input.environment, input.overrides ?? [], captured) };
    return environmentAt.environment;
  };
  type Prepared = { version: number; effective: ReturnType<typeof effectiveRequest>; auth: AuthChoice; key: string; method: string; parsed?: ReturnType<typeof parseSend> };
  const prepared = new Map<PlannedRequest, Prepared>();
  const prepare = (step: PlannedRequest): Prepared => {
    const known = prepared.get(step);
    if (known?.version === capturedVersion) return known;
    const environment = environmentNow();
    const effective = effectiveRequest({ doc: step.doc, folders: step.folders, collection: step.source, ...(environment ? { environment } : {}) });
    const auth = input.authFor ? input.authFor(effective.sign.auth as AuthChoice) : (effective.sign.auth as AuthChoice);
    const entry: Prepared = { version: capturedVersion, effective, auth, key: authKey(auth), method: step.doc.method.toUpperCase() };
    prepared.set(step, entry);
    return entry;
  };

  outer: for (let iteration = 1; iteration <= settings.iterations; iteration++) {
    for (let index = 0; index < input.plan.length; index++) {
      if (input.signal?.aborted) {
        cancelled = true;
        break outer;
      }
      if (sequence > 0 && settings.delayMs > 0) {
        try {
          await sleep(settings.delayMs, undefined, input.signal ? { signal: input.signal } : {});
        } catch {
          cancelled = true;
          break outer;
        }
      }
      const step = input.plan[index]!;
      hooks.onStart?.(step, iteration, index);
      const requestId = `${input.runId ?? 'run'}-${++sequence}`.slice(0, 64);
      const { result, sent } = await runOne(step, iteration, index, requestId);
      results.push(result);
      if (hooks.onResult) await hooks.onResult(result, sent);
      if (input.signal?.aborted) {
        cancelled = true;
        break outer;
      }
      if (!result.passed && settings.bail) {
        bailed = true;
        break outer;
      }
    }
  }

  async function runOne(step: PlannedRequest, iteration: number, index: number, requestId: string) {
    const ready = prepare(step);
    const { effective, auth } = ready;
    // Only a request that fails early builds its result from here; a sent one writes its literal out below.
    const failed = (error: AppError | { code: string; message: string }) => ({
      result: {
        iteration,
        index,
        collectionId: step.collectionId,
        collection: step.collection,
        requestId: step.requestId,
        name: step.name,
        path: step.path,
        method: ready.method,
        url: effective.maskedUrl,
        checks: [],
        captures: [],
        error: { code: error.code, message: error.message },
        passed: false,
      } satisfies RequestResult,
      sent: undefined,
    });
    if (effective.unresolved.length > 0) {
      const names = effective.unresolved.map((n) => `{{${n}}}`).join(', ');
      return failed({ code: 'UNRESOLVED_VARIABLE', message: `${names} ${effective.unresolved.length > 1 ? 'are' : 'is'} not defined by the environment, the collection, --var or an earlier capture.` });
    }
    const refused = refusedAuth.get(ready.key);
    if (refused) return failed(refused);
    // The run's timeout is the default; a request's own settings win, as in the app's single send.
    const parsed = (ready.parsed ??= parseSend({ ...effective.sign, auth, timeoutMs: settings.timeoutMs, ...sendOptions(step.doc.settings), allowPlainHttp: input.allowPlainHttp === true }));
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return failed({ code: 'INVALID_INPUT', message: `The request cannot be sent as saved: ${detail}.` });
    }
    const { signal } = input;
    const onAbort = signal ? () => hooks.engine.cancel(requestId) : undefined;
    if (onAbort) signal!.addEventListener('abort', onAbort, { once: true });
    let sent: Awaited<ReturnType<RunnerEngine['send']>>;
    try {
      sent = await hooks.engine.send({ ...parsed.data, requestId }, { cookies });
    } catch (err) {
      const error = toAppError(err);
      if (error.code === 'MFA_CANCELLED') refusedAuth.set(ready.key, error);
      return failed(error);
    } finally {
      if (onAbort) signal!.removeEventListener('abort', onAbort);
    }
    const { response } = sent.result;
    const identity = identities.get(ready.key) ?? (await identityOf(auth, ready.key));
    const { checks, captures } = checksOf(step.doc);
    const outcome = checks.length > 0 || captures.length > 0 ? await hooks.evaluate(checks, captures, sent.result, identity, effective.scopes) : NOTHING_TO_CHECK;
    for (const c of outcome.captures) {
      if (c.value === undefined || captured.get(c.variable) === c.value) continue;
      captured.set(c.variable, c.value);
      capturedVersion++;
    }
    // Written out, not spread from a base object: built once per request, a spread of a 12-key object followed by
    // 8 more keys measured several microseconds in V8 (the runner bench).
    const result: RequestResult = {
      iteration,
      index,
      collectionId: step.collectionId,
      collection: step.collection,
      requestId: step.requestId,
      name: step.name,
      path: step.path,
      method: ready.method,
      url: effective.maskedUrl,
      status: response.status,
      statusText: response.statusText,
      durationMs: response.timings.total,
      size: response.body.size,
      identity,
      checks: outcome.results,
      captures: outcome.captures,
      passed: outcome.passed,
    };
    return { result, sent };
  }

  const totals = runTotals(results);
  return {
    collections: [...new Set(input.plan.map((s) => s.collection))],
    ...(input.environment ? { environment: input.environment.name } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: performance.now() - t0,
    settings,
    planned: input.plan.length,
    results,
    totals,
    bailed,
    cancelled,
    passed: !cancelled && totals.failedRequests === 0,
  };
}
