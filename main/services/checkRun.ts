// Checks and captures after a send, on the Node side: builds the ObservedResponse from a SendResult (the body from
// memory, or the first CHECK_BODY_LIMIT bytes of the spool file) and the identity the request was signed as, then
// hands both to src/checks/evaluate.ts. Used by the app's request:send and by the runner alike.
//
// The identity is asked of STS only when an enabled identity check needs it, and then once per set of credentials
// (keyed by access key id, which is not a secret): GetCallerIdentity after every send would double the calls.
import type { Capture, Check, CheckOutcome, ObservedResponse } from '../../src/models/checks';
import type { AuthChoice, Identity } from '../../src/models/auth';
import type { SendResult } from '../../src/models/http';
import { evaluateChecks } from '../../src/checks/evaluate';
import type { VariableScope } from '../../src/variables';
import { readSpoolRange } from './transport';

/** How much of a body checks read: JSON checks on a larger body fail saying so, text checks see its start. */
export const CHECK_BODY_LIMIT = 8 * 1024 * 1024;

/** Who a request was signed as, or why that is not known. */
export interface SignedAs {
  arn?: string;
  account?: string;
  problem?: string;
}

export interface CheckRunInput {
  result: SendResult;
  checks: Check[];
  captures: Capture[];
  /** Needed only when an enabled identity check is among `checks` (see needsIdentity). */
  signedAs?: SignedAs;
  /** Where the engine spools large bodies; without it a spooled body is checked by its in-memory head only. */
  spoolDir?: string;
  /** The variables the request was resolved with, for {{names}} in what checks expect. */
  variables?: VariableScope[];
}

export const needsIdentity = (checks: Check[]): boolean => checks.some((check) => check.enabled && check.kind === 'identity');

export async function runChecks(input: CheckRunInput): Promise<CheckOutcome> {
  return evaluateChecks(input.checks, input.captures, await observedResponse(input.result, input.signedAs, input.spoolDir), input.variables);
}

export async function observedResponse(result: SendResult, signedAs: SignedAs | undefined, spoolDir: string | undefined): Promise<ObservedResponse> {
  const { response } = result;
  const body = await bodyText(result, spoolDir);
  return {
    status: response.status,
    headers: response.headers,
    bodyText: body.text,
    ...(body.truncated ? { bodyTruncated: true } : {}),
    durationMs: response.timings.total,
    ...(signedAs?.arn ? { identityArn: signedAs.arn } : {}),
    ...(signedAs?.account ? { identityAccount: signedAs.account } : {}),
    ...(signedAs?.problem ? { identityProblem: signedAs.problem } : {}),
  };
}

async function bodyText(result: SendResult, spoolDir: string | undefined): Promise<{ text: string; truncated: boolean }> {
  const body = result.response.body;
  if (body.complete || !body.spoolFile || !spoolDir) {
    const head = Buffer.from(body.headBase64, 'base64');
    const kept = head.subarray(0, CHECK_BODY_LIMIT);
    return { text: kept.toString('utf8'), truncated: !body.complete || head.length > kept.length };
  }
  const length = Math.min(body.size, CHECK_BODY_LIMIT);
  const bytes = await readSpoolRange(body.spoolFile, 0, length, spoolDir);
  return { text: Buffer.from(bytes).toString('utf8'), truncated: body.size > length };
}

interface CredentialSource {
  resolve(auth: Exclude<AuthChoice, { kind: 'none' }>): Promise<{ credentials: { accessKeyId: string } }>;
  whoami(auth: Exclude<AuthChoice, { kind: 'none' }>): Promise<Identity>;
}

const MAX_CACHED_IDENTITIES = 200;

/** Who an auth signs as: from this cache when its credentials were seen before, else GetCallerIdentity once. */
export function createIdentityCache(credentials: CredentialSource) {
  const byKeyId = new Map<string, { arn: string; account: string }>();
  return {
    async signedAs(auth: AuthChoice): Promise<SignedAs> {
      if (auth.kind === 'none') return { problem: 'the request was not signed, so it has no AWS identity' };
      try {
        const { credentials: current } = await credentials.resolve(auth);
        const known = byKeyId.get(current.accessKeyId);
        if (known) return known;
        const identity = await credentials.whoami(auth);
        const found = { arn: identity.arn, account: identity.account };
        if (byKeyId.size >= MAX_CACHED_IDENTITIES) byKeyId.delete(byKeyId.keys().next().value as string);
        byKeyId.set(identity.accessKeyId, found);
        return found;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return { problem: `who this request was signed as could not be asked of STS: ${message.slice(0, 300)}` };
      }
    },
    /** Teaches the cache an identity learned elsewhere ("Who am I?"), so a later identity check asks STS nothing. */
    remember(identity: Identity): void {
      byKeyId.set(identity.accessKeyId, { arn: identity.arn, account: identity.account });
    },
  };
}
export type IdentityCache = ReturnType<typeof createIdentityCache>;
