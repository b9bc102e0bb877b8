// The single table of IPC handlers. The Electron shell, the browser test host, the contract test and the CLI all
// call `invoke`, so what is tested is what the app runs: input is parsed with the contract's schema, the sender is
// checked, and every outcome, failure included, comes back as a Result value.
import { CHANNELS, channels, type Channel, type ChannelResponse, type ParsedRequest } from '../../src/contract';
import { appError, toAppError, type Result } from '../../src/errors';
import { invalidInput } from '../../src/validationText';

export interface CallContext {
  /** URL of the frame that sent the call; checked against the app's own origin when `trustedOrigins` is set. */
  senderUrl?: string;
}

export type Handlers = {
  [C in Channel]: (request: ParsedRequest<C>, context: CallContext) => Promise<ChannelResponse<C>>;
};

export interface Registry {
  readonly channels: readonly Channel[];
  invoke(channel: string, request: unknown, context?: CallContext): Promise<Result<unknown>>;
}

export interface RegistryOptions {
  /** Origins (e.g. "rolecall://app", "http://localhost:5173") whose frames may call; absent means no check (CLI, tests). */
  trustedOrigins?: string[];
}

export function isTrustedSender(senderUrl: string | undefined, trustedOrigins: string[]): boolean {
  if (!senderUrl) return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  // Scheme and host, not URL.origin: that is "null" for every non-http scheme (file:, rolecall:, other:), so it
  // would let any such frame pass for the app.
  const originOf = (u: URL) => `${u.protocol}//${u.host}`;
  return trustedOrigins.some((origin) => originOf(url) === originOf(new URL(origin)));
}

function isChannel(name: string): name is Channel {
  return (CHANNELS as string[]).includes(name);
}

export function createRegistry(handlers: Handlers, options: RegistryOptions = {}): Registry {
  return {
    channels: CHANNELS,
    async invoke(channel, request, context = {}) {
      try {
        if (!isChannel(channel)) throw appError('UNKNOWN_CHANNEL', `RoleCall has no channel named "${channel}".`);
        if (options.trustedOrigins && !isTrustedSender(context.senderUrl, options.trustedOrigins)) {
          throw appError('FORBIDDEN_SENDER', 'This window is not allowed to call RoleCall.', context.senderUrl);
        }
        const parsed = channels[channel].request.safeParse(request ?? {});
        if (!parsed.success) throw invalidInput(parsed.error.issues, `${channel} request`);
        const handler = handlers[channel] as (r: unknown, c: CallContext) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data, context) };
      } catch (err) {
        return { ok: false, error: toAppError(err) };
      }
    },
  };
}
