// Builds the main-side application for one host (the Electron shell, the browser test host, the CLI): the engine,
// the MFA broker that turns credential prompts into events, and the handler registry. Secrets are masked here,
// at the last step before a response crosses the boundary.
import { appError } from '../src/errors';
import type { AppInfo, EventName, Events } from '../src/contract';
import { createEngine, type Engine, type Secret } from './engine';
import { createRegistry, type Handlers, type Registry } from './ipc/registry';
import { createMfaBroker } from './services/mfaBroker';
import { redactSecrets } from './services/redact';
import packageJson from '../package.json';

export interface AppOptions {
  host: AppInfo['host'];
  env?: Record<string, string | undefined>;
  stsEndpoint?: string;
  emit: (event: EventName, payload: Events[EventName]) => void;
  trustedOrigins?: string[];
  /** The CLI only: print a presigned URL whole. Every other host masks secrets before a response leaves main. */
  revealSecrets?: boolean;
  spoolDir?: string;
}

export interface App {
  registry: Registry;
  /** The engine itself, for in-process callers on the Node side (tests); never handed to a renderer. */
  engine: Engine;
  dispose(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const broker = createMfaBroker((prompt) => options.emit('mfa:prompt', prompt));
  const engine = createEngine({
    mfa: broker.provider,
    ...(options.env ? { env: options.env } : {}),
    ...(options.stsEndpoint ? { stsEndpoint: options.stsEndpoint } : {}),
    ...(options.spoolDir ? { spoolDir: options.spoolDir } : {}),
  });

  const reveal = options.host === 'cli' && options.revealSecrets === true;
  const mask = <T>(value: T, secrets: Secret[]): T => (reveal ? value : redactSecrets(value, secrets));

  const handlers: Handlers = {
    'profiles:list': () => engine.profiles.list(),
    'credentials:whoami': async ({ auth, forceRefresh }) => {
      if (auth.kind === 'none') throw appError('INVALID_INPUT', 'Choose a profile, environment credentials or a role to assume first.');
      return engine.credentials.whoami(auth, { forceRefresh });
    },
    'credentials:clear': async ({ auth }) => ({ cleared: engine.credentials.clear(auth) }),
    'request:sign': async (input) => {
      const signed = await engine.sign(input);
      return mask(signed.result, signed.secrets);
    },
    'request:send': async (input) => {
      const { result, secrets } = await engine.send(input);
      return mask(result, secrets);
    },
    'request:cancel': async ({ requestId }) => ({ cancelled: engine.cancel(requestId) }),
    'mfa:answer': async ({ promptId, code, cancel }) => ({ accepted: broker.answer(promptId, code, cancel) }),
    'app:info': async () => ({ version: packageJson.version, platform: process.platform, host: options.host }),
  };

  return {
    registry: createRegistry(handlers, options.trustedOrigins ? { trustedOrigins: options.trustedOrigins } : {}),
    engine,
    async dispose() {
      for (const prompt of broker.pending()) broker.answer(prompt.promptId, undefined, true);
    },
  };
}
