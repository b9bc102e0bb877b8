// The one declaration of the process boundary. Main's handler registry, the preload, the renderer's client,
// the CLI and every test host are typed from this file; a channel added here without a handler or a preload
// method is a type error. Requests are validated in main with these schemas; responses are produced by main.
import { z } from 'zod';
import { authChoiceSchema, type Identity } from './models/auth';
import { sendInputSchema, signInputSchema, type SendResult, type SignResult } from './models/http';
import type { ProfileList } from './models/profile';
import { CHANNEL_NAMES, type ChannelName } from './api';

export { API_GLOBAL, CHANNEL_NAMES, EVENTS, createApi, methodName } from './api';
export type { Invoke, MethodName, RoleCallApi, Subscribe } from './api';

/** A response type carried at the type level only: main produces it, nobody parses it. */
const response = <T>() => undefined as unknown as T;

const empty = z.object({}).strict().default({});

export const channels = {
  /** Lists local AWS profiles (never a secret) and the problems found reading the files. */
  'profiles:list': { request: empty, response: response<ProfileList>() },
  /** Resolves an auth choice and asks STS who it is: ARN, account, the hops taken, the expiry. */
  'credentials:whoami': {
    request: z.object({ auth: authChoiceSchema, forceRefresh: z.boolean().default(false) }).strict(),
    response: response<Identity>(),
  },
  /** Forgets cached temporary credentials (all of them, or one auth choice's). */
  'credentials:clear': {
    request: z.object({ auth: authChoiceSchema.optional() }).strict(),
    response: response<{ cleared: number }>(),
  },
  /** Signs without sending: the preview in the inspector. Secrets in the result are masked. */
  'request:sign': { request: signInputSchema, response: response<SignResult>() },
  /** Signs (unless auth is none) and sends; returns the response and what was signed. */
  'request:send': { request: sendInputSchema, response: response<SendResult>() },
  /** Cancels an in-flight request:send by its requestId. */
  'request:cancel': {
    request: z.object({ requestId: z.string().min(1).max(64) }).strict(),
    response: response<{ cancelled: boolean }>(),
  },
  /** Answers (or cancels) an MFA prompt that main raised with the mfa:prompt event. */
  'mfa:answer': {
    request: z
      .object({
        promptId: z.string().min(1).max(64),
        code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the MFA device').optional(),
        cancel: z.boolean().default(false),
      })
      .strict(),
    response: response<{ accepted: boolean }>(),
  },
  /** Version and platform facts for the about box and bug reports. */
  'app:info': { request: empty, response: response<AppInfo>() },
} as const satisfies Record<ChannelName, { request: z.ZodType; response: unknown }>;

export interface AppInfo {
  version: string;
  platform: string;
  /** "electron" in the app, "browser-test" under Playwright, "cli" on the command line. */
  host: string;
}

/** Events main pushes to the renderer. */
export interface Events {
  /** Main needs an MFA code to continue resolving credentials; answer with mfa:answer. */
  'mfa:prompt': MfaPrompt;
}

export interface MfaPrompt {
  promptId: string;
  mfaSerial: string;
  /** The profile or role that asked, for the dialog's text. */
  reason: string;
}

export type Channel = keyof typeof channels;
export type ChannelRequest<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ChannelResponse<C extends Channel> = (typeof channels)[C]['response'];
export type EventName = keyof Events;

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;
