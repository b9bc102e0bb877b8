// The headless engine: profiles, credentials, signing and sending composed once. The IPC handlers and the CLI
// both drive it, so the app and the command line sign and send in exactly the same way.
import { Buffer } from 'node:buffer';
// fs.promises and the global performance are read by a send: loading node:fs/promises and node:perf_hooks at start
// costs `rolecall sign` time it never uses.
import { promises as fsp } from 'node:fs';
import { appError, RoleCallError } from '../src/errors';
import { AWS_ERROR_SCAN_CHARS, parseAwsError } from '../src/awsErrorResponse';
import { explainRefusal } from '../src/diagnosis/explainRefusal';
import { answeredRequest, withRedirects } from '../src/diagnosis/redirects';
import { parseRequestUrl } from '../src/endpoint';
import { toWireUrl } from '../src/wireUrl';
import type { AuthChoice, CredentialHop } from '../src/models/auth';
import type { AwsErrorInfo, BodySpec, SendResult, SignResult } from '../src/models/http';
import type { signInputSchema, sendInputSchema } from '../src/models/http';
import type { z } from 'zod';
import { createBodyFiles, type BodyFiles } from './services/bodyFiles';
import { answerOf, clockKey, createClockOffsets, judgeAnswer, type Attempt } from './services/clockSkew';
import { createCredentialsService, type MfaCodeProvider, type StaticKeys } from './services/credentials';
import { refuseInsecureHttp } from './services/plainHttp';
import { createProfilesService } from './services/profiles';
import { signRequest } from './services/signer';
import type { ReceivingNotice } from './services/transport';
import type { ResignHop } from './services/redirectSigning';
import type { RequestCookies } from './services/cookies/cookieJar';
import { maskJarCookies, withJarCookies, type WithJar } from './services/cookies/cookieHeader';
import { hopCookies } from './services/cookies/hopCookies';

export type ParsedSignInput = z.output<typeof signInputSchema>;
export type ParsedSendInput = z.output<typeof sendInputSchema>;

export interface EngineOptions {
  env?: Record<string, string | undefined>;
  stsEndpoint?: string;
  mfa: MfaCodeProvider;
  spoolDir?: string;
  /** The CLI's presign only: response bodies keep the secrets a server echoes (masked everywhere else). */
  revealSecrets?: boolean;
  /** The key vault's lookup, for the storedKeys auth choice and base. */
  storedKeys?: (name: string) => Promise<StaticKeys>;
  /** The files the user picked (files:choose); shared with the handler that hands out their handles. */
  bodyFiles?: BodyFiles;
  /** Reads AWS's error out of a 4xx/5xx body; the app runs it on its format worker. Default: parseAwsError here. */
  awsErrors?: (status: number, headers: Array<[string, string]>, text: string) => Promise<AwsErrorInfo | undefined>;
  /** This computer's clock (tests inject a wrong one); signatures are dated by it plus the learned clock offset. */
  now?: () => number;
}

/** A value that must never leave main, with the label its mask shows. */
export interface Secret {
  value?: string;
  label: string;
}

export interface Signed {
  result: SignResult;
  body: Uint8Array;
  /** The secrets the result may contain, for redaction at the IPC boundary. */
  secrets: Secret[];
  /** The credential chain that signed it, so a refusal can name the role AWS saw. */
  hops?: CredentialHop[];
  /** How the signature was dated, to judge the answer's clock (absent when nothing was signed). */
  clock?: Attempt;
  /** The CA bundle file to trust for the request: AWS_CA_BUNDLE, else the signing profile's ca_bundle. */
  caBundle?: string;
  /** What the cookie jar added to the Cookie header (before signing), to mask and to redo on a redirect. */
  jar?: WithJar;
  /** Signs a same-origin redirect hop with the same credentials and settings (absent when nothing was signed). */
  resign?: ResignHop;
}

/** What one send may use besides its input: the cookie jar (the workspace's in the app, a run's own in a run). */
export interface SendExtras {
  cookies?: RequestCookies;
  /** Told when the body is still arriving after its head (transport.ts onReceiving), with the secrets to mask. */
  onReceiving?: (notice: ReceivingNotice, secrets: Secret[]) => void;
}

export async function bodyBytes(body: BodySpec, files: BodyFiles, signal?: AbortSignal): Promise<Uint8Array> {
  if (body.kind === 'text') return new TextEncoder().encode(body.text);
  if (body.kind === 'base64') return new Uint8Array(Buffer.from(body.data, 'base64'));
  if (body.kind === 'file') return new Uint8Array(await files.read(body.path, body.handle, signal));
  if (body.kind === 'parts') {
    // One after another: the parts share one size cap each and a cancel stops before the next.
    const chunks: Buffer[] = [];
    for (const part of body.parts) chunks.push('text' in part ? Buffer.from(part.text, 'utf8') : await files.read(part.path, part.handle, signal));
    return new Uint8Array(Buffer.concat(chunks));
  }
  return new Uint8Array(0);
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts (work that cannot stop is left behind). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function abortReason(signal: AbortSignal): RoleCallError {
  return signal.reason instanceof RoleCallError ? signal.reason : appError('CANCELLED', 'The request was cancelled.', 'Cancelled by the user.');
}

export function createEngine(options: EngineOptions) {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  // What this run learned about the servers' clocks against this computer's (main/services/clockSkew.ts).
  const clocks = createClockOffsets();
  const profiles = createProfilesService({ env });
  const credentials = createCredentialsService({
    env,
    clocks,
    mfa: options.mfa,
    stsEndpoint: options.stsEndpoint,
    ...(options.storedKeys ? { storedKeys: options.storedKeys } : {}),
  });
  const inFlight = new Map<string, AbortController>();
  const bodyFiles = options.bodyFiles ?? createBodyFiles();

  /** `readBody` is the body already read, when a request is signed again: a retry resends the same bytes. */
  async function sign(input: ParsedSignInput, signal?: AbortSignal, readBody?: Uint8Array, cookies?: RequestCookies): Promise<Signed> {
    const { auth, signing } = input;
    let request = input.request;
    refuseInsecureHttp(request.url, auth.kind !== 'none', input.allowPlainHttp);
    const body = readBody ?? (await bodyBytes(request.body, bodyFiles, signal));
    parseRequestUrl(request.url);
    const url = toWireUrl(request.url);
    // The jar's cookies join the headers before signing, so the signature covers them like a typed Cookie header.
    const jar = cookies ? withJarCookies(request.headers, cookies.pairsFor(url)) : undefined;
    if (jar?.added) request = { ...request, headers: jar.headers };
    const withJar = jar?.added ? { jar } : {};
    if (auth.kind === 'none') {
      const caBundle = env.AWS_CA_BUNDLE?.trim();
      return { result: { request: { method: request.method.toUpperCase(), url, headers: request.headers } }, body, secrets: [], ...(caBundle ? { caBundle } : {}), ...withJar };
    }
    const resolved = await credentials.resolve(auth as Exclude<AuthChoice, { kind: 'none' }>);
    const key = clockKey(url);
    const offset = clocks.get(key);
    const fixedDate = signing.signingDate !== undefined;
    const clock: Attempt = { key, signedAt: now(), usedOffsetMs: fixedDate ? 0 : (offset?.offsetMs ?? 0), fixedDate };
    const { request: wire, explanation } = await signRequest({
      request: { method: request.method.toUpperCase(), url, headers: request.headers, body },
      credentials: resolved.credentials,
      signing,
      clock: { nowMs: clock.signedAt, offsetMs: offset?.offsetMs ?? 0, source: offset?.source ?? 'date-header' },
    });
    // A redirect within the origin is a new request (path, query, maybe method and body): signed afresh, same keys.
    const resign: ResignHop = async (hop) => {
      const hopOffset = clocks.get(key);
      const again = await signRequest({
        request: hop,
        credentials: resolved.credentials,
        signing,
        clock: { nowMs: now(), offsetMs: hopOffset?.offsetMs ?? 0, source: hopOffset?.source ?? 'date-header' },
      });
      return { ...hop, ...again.request };
    };
    return {
      result: { request: wire, explanation },
      body,
      resign,
      secrets: [
        { value: resolved.credentials.secretAccessKey, label: 'secret access key' },
        { value: resolved.credentials.sessionToken, label: 'session token' },
      ],
      hops: resolved.hops,
      clock,
      ...(resolved.sts?.caBundle ? { caBundle: resolved.sts.caBundle } : {}),
      ...withJar,
    };
  }

  /** One request on the wire and what came back, with the clock read from the answer (and whether to retry for it). */
  async function exchange(input: ParsedSendInput, signed: Signed, signal: AbortSignal, started: number, mayRetry: boolean, extras: SendExtras): Promise<{ result: SendResult; retry: boolean }> {
    const { cookies, onReceiving } = extras;
    // Loaded by the first send: Node's http, https and tls, which signing alone never needs (rolecall sign).
    const [{ sendRaw }, { trustedCas }] = await Promise.all([import('./services/transport'), import('./services/caBundle')]);
    const response = await sendRaw(signed.result.request, signed.body, {
      timeoutMs: Math.max(1, Math.round(input.timeoutMs - (performance.now() - started))),
      maxInMemoryBytes: input.maxInMemoryBytes,
      signal,
      followRedirects: input.followRedirects,
      ...(signed.resign ? { resign: signed.resign } : {}),
      maxResponseBytes: input.maxResponseBytes,
      ...(options.revealSecrets ? {} : { secrets: signed.secrets }),
      ...(options.spoolDir ? { spoolDir: options.spoolDir } : {}),
      proxyEnv: env,
      ...(signed.caBundle ? { ca: trustedCas(signed.caBundle, env) } : {}),
      ...(cookies ? { cookies: hopCookies(cookies, signed.jar?.added) } : {}),
      ...(onReceiving ? { onReceiving: (notice: ReceivingNotice) => onReceiving(notice, signed.secrets) } : {}),
    });
    const result: SendResult = { sent: signed.result, response };
    if (response.status >= 400) {
      // Only the prefix the parser reads is decoded: the body head can be megabytes.
      const text = Buffer.from(response.body.headBase64.slice(0, 4 * Math.ceil(AWS_ERROR_SCAN_CHARS / 3)), 'base64').toString('utf8');
      const awsError = options.awsErrors
        ? await options.awsErrors(response.status, response.headers, text)
        : parseAwsError(response.status, response.headers, text);
      if (awsError) result.awsError = awsError;
      const refusal = explainRefusal({
        status: response.status,
        headers: response.headers,
        bodyText: text,
        request: answeredRequest(signed.result, response.redirects),
        ...(awsError ? { awsError } : {}),
        ...(signed.hops ? { identity: { hops: signed.hops } } : {}),
      });
      if (refusal) result.refusal = withRedirects(refusal, response.redirects);
    }
    if (!signed.clock) return { result, retry: false };
    const judged = judgeAnswer(clocks, signed.clock, answerOf(result.response, result.awsError?.type), now(), mayRetry);
    if (judged.info) result.clockSkew = judged.info;
    return { result, retry: judged.retry };
  }

  async function send(input: ParsedSendInput, extras: SendExtras = {}): Promise<{ result: SendResult; secrets: Secret[] }> {
    const { cookies } = extras;
    // Registered and timed before the body is read and credentials resolved: a slow file or an unanswered MFA
    // prompt is cancelled and timed out like the network part.
    const controller = new AbortController();
    if (input.requestId) {
      if (inFlight.has(input.requestId)) throw appError('INVALID_INPUT', `A request with id ${input.requestId} is already running.`);
      inFlight.set(input.requestId, controller);
    }
    const started = performance.now();
    const seconds = +(input.timeoutMs / 1000).toFixed(2);
    const timer = setTimeout(
      () => controller.abort(appError('TIMEOUT', `The request was not ready to send within ${seconds} s.`, `Timed out after ${input.timeoutMs} ms while reading the body or resolving credentials.`)),
      input.timeoutMs,
    );
    try {
      let signed: Signed;
      try {
        signed = await untilAborted(sign(input, controller.signal, undefined, cookies), controller.signal);
      } finally {
        clearTimeout(timer);
      }
      let exchanged = await exchange(input, signed, controller.signal, started, true, extras);
      if (exchanged.retry) {
        // AWS refused the time it was signed at: sign the same bytes again with the corrected clock, and send once more.
        const refused = exchanged.result;
        if (refused.response.body.spoolFile) await fsp.rm(refused.response.body.spoolFile, { force: true }).catch(() => {});
        signed = await untilAborted(sign(input, controller.signal, signed.body, cookies), controller.signal);
        exchanged = await exchange(input, signed, controller.signal, started, false, extras);
        const info = exchanged.result.clockSkew ?? refused.clockSkew;
        if (info) {
          exchanged.result.clockSkew = {
            ...info,
            retried: true,
            refused: { status: refused.response.status, message: (refused.awsError?.message ?? refused.response.statusText).slice(0, 500) },
          };
        }
      }
      const result = hideJarCookies(exchanged.result, signed.jar);
      return { result, secrets: signed.secrets };
    } finally {
      if (input.requestId) inFlight.delete(input.requestId);
    }
  }

  function cancel(requestId: string): boolean {
    const controller = inFlight.get(requestId);
    if (!controller) return false;
    controller.abort(appError('CANCELLED', 'The request was cancelled.', 'Cancelled by the user.'));
    return true;
  }

  /** The preview (and presign, without a jar): what a send would sign now, the jar's cookie values masked. */
  async function preview(input: ParsedSignInput, extras: SendExtras = {}): Promise<Signed> {
    const signed = await sign(input, undefined, undefined, extras.cookies);
    return signed.jar?.added ? { ...signed, result: maskJarCookies(signed.result, signed.jar.added, signed.jar.pairs) } : signed;
  }

  return { profiles, credentials, bodyFiles, sign: preview, send, cancel };
}

export type Engine = ReturnType<typeof createEngine>;

/** The jar's cookie values masked where the sent request shows them (the refusal quotes the sent request too). */
function hideJarCookies(result: SendResult, jar: WithJar | undefined): SendResult {
  if (!jar?.added) return result;
  return {
    ...result,
    sent: maskJarCookies(result.sent, jar.added, jar.pairs),
    ...(result.refusal ? { refusal: maskJarCookies(result.refusal, jar.added, jar.pairs) } : {}),
  };
}
