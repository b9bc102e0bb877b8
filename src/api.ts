// The renderer-facing API built from the channel names alone. Kept free of zod and of every schema so the
// sandboxed preload and the browser test bridge stay small; src/contract.ts checks these names against its
// schemas, so a channel cannot be added in one place and forgotten in the other.
import type { Result } from './errors';
import type { ChannelRequest, ChannelResponse, EventName, Events } from './contract';

export const CHANNEL_NAMES = [
  'profiles:list',
  'credentials:whoami',
  'credentials:clear',
  'request:sign',
  'request:send',
  'request:cancel',
  'presign:reveal',
  'mfa:answer',
  'sso:start',
  'sso:poll',
  'sso:cancel',
  'sso:tokenState',
  'workspace:load',
  'requests:get',
  'collections:page',
  'workspace:dismissNotice',
  'collections:save',
  'collections:delete',
  'collections:export',
  'collections:order',
  'environments:save',
  'environments:export',
  'history:add',
  'history:clear',
  'history:keepResponse',
  'history:response',
  'tabs:save',
  'keys:save',
  'keys:delete',
  'keys:rename',
  'response:read',
  'response:format',
  'response:save',
  'bodyView:open',
  'bodyView:lines',
  'bodyView:search',
  'bodyView:match',
  'bodyView:close',
  'files:choose',
  'folders:open',
  'folders:create',
  'folders:close',
  'folders:recent',
  'collections:moveToFolder',
  'import:preview',
  'import:commit',
  'import:discard',
  'policy:workshop',
  'runner:start',
  'runner:cancel',
  'runner:result',
  'runner:detail',
  'runner:export',
  'cookies:list',
  'cookies:reveal',
  'cookies:set',
  'cookies:delete',
  'cookies:clear',
  'cookies:settings',
  'preferences:get',
  'preferences:set',
  'app:info',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENTS: readonly EventName[] = ['mfa:prompt', 'sso:status', 'folders:changed', 'runner:progress', 'runner:finished', 'profiles:changed', 'request:receiving'];

/** Name of the global the preload and the test host define. */
export const API_GLOBAL = 'rolecall';

/** Method names on window.rolecall: "profiles:list" becomes "profilesList". */
type CamelOf<S extends string> = S extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : S;
export type MethodName<C extends ChannelName> = CamelOf<C>;

export function methodName<C extends ChannelName>(channel: C): MethodName<C> {
  const [a, b] = channel.split(':') as [string, string];
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}` as MethodName<C>;
}

/** The API the renderer sees on window.rolecall. Every call resolves to a Result; nothing throws across. */
export type RoleCallApi = {
  [C in ChannelName as MethodName<C>]: (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>;
} & {
  /** Subscribes to an event from main; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

export type Invoke = (channel: ChannelName, request: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * The page-side listeners of a transport that delivers events itself (browser mode's socket, the browser test
 * bridge); Electron's preload uses ipcRenderer's own. `emit` returns how many listeners heard the event.
 */
export function createEventHub(): { subscribe: Subscribe; emit(event: EventName, payload: unknown): number } {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit(event, payload) {
      const set = listeners.get(event);
      for (const listener of [...(set ?? [])]) listener(payload);
      return set?.size ?? 0;
    },
  };
}

/**
 * Builds the renderer-facing API from a transport. The preload passes ipcRenderer.invoke; the browser test
 * host passes a Playwright binding; both therefore expose exactly the same methods.
 */
export function createApi(invoke: Invoke, subscribe: Subscribe): RoleCallApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    api[methodName(channel)] = (request: unknown) => invoke(channel, request ?? {});
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event ${event}`);
    return subscribe(event, listener);
  };
  return api as RoleCallApi;
}
