// The headless engine: profiles, credentials, signing and sending composed once. The IPC handlers and the CLI
// both drive it, so the app and the command line sign and send in exactly the same way.
import { Buffer } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { appError } from '../src/errors';
import { parseAwsError } from '../src/awsErrorResponse';
import { parseRequestUrl } from '../src/endpoint';
import { toWireUrl } from '../src/wireUrl';
import type { AuthChoice } from '../src/models/auth';
import type { BodySpec, SendResult, SignResult } from '../src/models/http';
import { signInputSchema, sendInputSchema } from '../src/models/http';
import type { z } from 'zod';
import { createCredentialsService, type MfaCodeProvider, type StaticKeys } from './services/credentials';
import { refuseInsecureHttp } from './services/plainHttp';
import { createProfilesService } from './services/profiles';
import { signRequest } from './services/signer';
import { sendRaw } from './services/transport';

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
}

export async function bodyBytes(body: BodySpec): Promise<Uint8Array> {
  if (body.kind === 'text') return new TextEncoder().encode(body.text);
  if (body.kind === 'base64') return new Uint8Array(Buffer.from(body.data, 'base64'));
  if (body.kind === 'file') return new Uint8Array(await readBodyFile(body.path));
  if (body.kind === 'parts') {
    const chunks = await Promise.all(body.parts.map((part) => ('text' in part ? Buffer.from(part.text, 'utf8') : readBodyFile(part.path))));
    return new Uint8Array(Buffer.concat(chunks));
  }
  return new Uint8Array(0);
}

async function readBodyFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw appError('FILE_ERROR', `Could not read the body file ${path}.`, err instanceof Error ? err.message : String(err));
  }
}

export function createEngine(options: EngineOptions) {
  const env = options.env ?? process.env;
  const profiles = createProfilesService({ env });
  const credentials = createCredentialsService({
    env,
    mfa: options.mfa,
    stsEndpoint: options.stsEndpoint,
    ...(options.storedKeys ? { storedKeys: options.storedKeys } : {}),
  });
  const inFlight = new Map<string, AbortController>();

  async function sign(input: ParsedSignInput): Promise<Signed> {
    const { request, auth, signing } = input;
    refuseInsecureHttp(request.url, auth.kind !== 'none', input.allowPlainHttp);
    const body = await bodyBytes(request.body);
    parseRequestUrl(request.url);
    const url = toWireUrl(request.url);
    if (auth.kind === 'none') {
      return { result: { request: { method: request.method.toUpperCase(), url, headers: request.headers } }, body, secrets: [] };
    }
    const resolved = await credentials.resolve(auth as Exclude<AuthChoice, { kind: 'none' }>);
    const { request: wire, explanation } = await signRequest({
      request: { method: request.method.toUpperCase(), url, headers: request.headers, body },
      credentials: resolved.credentials,
      signing,
    });
    return {
      result: { request: wire, explanation },
      body,
      secrets: [
        { value: resolved.credentials.secretAccessKey, label: 'secret access key' },
        { value: resolved.credentials.sessionToken, label: 'session token' },
      ],
    };
  }

  async function send(input: ParsedSendInput): Promise<{ result: SendResult; secrets: Secret[] }> {
    const signed = await sign(input);
    const controller = new AbortController();
    if (input.requestId) {
      if (inFlight.has(input.requestId)) throw appError('INVALID_INPUT', `A request with id ${input.requestId} is already running.`);
      inFlight.set(input.requestId, controller);
    }
    try {
      const response = await sendRaw(signed.result.request, signed.body, {
        timeoutMs: input.timeoutMs,
        maxInMemoryBytes: input.maxInMemoryBytes,
        signal: controller.signal,
        followRedirects: input.followRedirects,
        maxResponseBytes: input.maxResponseBytes,
        ...(options.revealSecrets ? {} : { secrets: signed.secrets }),
        ...(options.spoolDir ? { spoolDir: options.spoolDir } : {}),
      });
      const result: SendResult = { sent: signed.result, response };
      if (response.status >= 400) {
        const text = Buffer.from(response.body.headBase64, 'base64').toString('utf8');
        const awsError = parseAwsError(response.status, response.headers, text);
        if (awsError) result.awsError = awsError;
      }
      return { result, secrets: signed.secrets };
    } finally {
      if (input.requestId) inFlight.delete(input.requestId);
    }
  }

  function cancel(requestId: string): boolean {
    const controller = inFlight.get(requestId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  return { profiles, credentials, sign, send, cancel };
}

export type Engine = ReturnType<typeof createEngine>;

/** Parses a sign input with the contract's schema, for callers (the CLI) that build one by hand. */
export function parseSignInput(input: unknown): ParsedSignInput {
  return signInputSchema.parse(input);
}
export function parseSendInput(input: unknown): ParsedSendInput {
  return sendInputSchema.parse(input);
}
