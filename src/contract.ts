// The one declaration of the process boundary. Main's handler registry, the preload, the renderer's client,
// the CLI and every test host are typed from this file; a channel added here without a handler or a preload
// method is a type error. Requests are validated in main with these schemas; responses are produced by main.
import { z } from 'zod';
import type { Result } from './errors';
import { authChoiceSchema, type Identity } from './models/auth';
import { sendInputSchema, signInputSchema, type SendResult, type SignResult } from './models/http';
import type { ProfileList } from './models/profile';

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
} as const;

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

export const CHANNELS = Object.keys(channels) as Channel[];
export const EVENTS: EventName[] = ['mfa:prompt'];

/** Method names on window.rolecall: "profiles:list" becomes "profilesList". */
type CamelOf<S extends string> = S extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : S;
export type MethodName<C extends Channel> = CamelOf<C>;

export function methodName<C extends Channel>(channel: C): MethodName<C> {
  const [a, b] = channel.split(':') as [string, string];
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}` as MethodName<C>;
}

/** The API the renderer sees on window.rolecall. Every call resolves to a Result; nothing throws across. */
export type RoleCallApi = {
  [C in Channel as MethodName<C>]: (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>;
} & {
  /** Subscribes to an event from main; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export type Invoke = (channel: Channel, request: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the renderer-facing API from a transport. The preload passes ipcRenderer.invoke; the browser test
 * host passes a Playwright binding; both therefore expose exactly the same methods.
 */
export function createApi(invoke: Invoke, subscribe: Subscribe): RoleCallApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[methodName(channel)] = (request: unknown) => invoke(channel, request ?? {});
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event ${event}`);
    return subscribe(event, listener);
  };
  return api as RoleCallApi;
}

/** Name of the global the preload and the test host define. */
export const API_GLOBAL = 'rolecall';
