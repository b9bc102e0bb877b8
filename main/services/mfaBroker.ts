// Bridges the credentials service, which needs an MFA code in the middle of resolving, and whatever window can ask
// the user for it: each request becomes a prompt event, answered (or cancelled) later by promptId.
import { randomUUID } from 'node:crypto';
import type { MfaPrompt } from '../../src/contract';
import { appError } from '../../src/errors';
import type { MfaCodeProvider } from './credentials';

export interface MfaBroker {
  provider: MfaCodeProvider;
  /** Settles a pending prompt; false when the id is unknown (already answered, timed out) or the code is malformed. */
  answer(promptId: string, code?: string, cancel?: boolean): boolean;
  pending(): MfaPrompt[];
}

interface Pending {
  prompt: MfaPrompt;
  resolve(code: string): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Five minutes: long enough to find the device, short enough not to leave a resolve hanging forever. */
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

export function createMfaBroker(emit: (prompt: MfaPrompt) => void, opts: { timeoutMs?: number } = {}): MfaBroker {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const waiting = new Map<string, Pending>();

  const settle = (promptId: string): Pending | undefined => {
    const entry = waiting.get(promptId);
    if (!entry) return undefined;
    waiting.delete(promptId);
    clearTimeout(entry.timer);
    return entry;
  };

  const provider: MfaCodeProvider = (mfaSerial, reason) =>
    new Promise<string>((resolve, reject) => {
      const prompt: MfaPrompt = { promptId: randomUUID(), mfaSerial, reason };
      const timer = setTimeout(() => {
        settle(prompt.promptId)?.reject(appError('MFA_CANCELLED', 'No MFA code was entered in time.', `timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref?.();
      waiting.set(prompt.promptId, { prompt, resolve, reject, timer });
      try {
        emit(prompt);
      } catch (err) {
        settle(prompt.promptId);
        reject(appError('MFA_CANCELLED', 'RoleCall could not show the MFA prompt.', err instanceof Error ? err.message : String(err)));
      }
    });

  return {
    provider,
    answer(promptId, code, cancel = false) {
      if (!waiting.has(promptId)) return false;
      if (cancel || code === undefined) {
        settle(promptId)!.reject(appError('MFA_CANCELLED', 'The MFA prompt was cancelled.'));
        return true;
      }
      if (!/^\d{6}$/.test(code)) return false;
      settle(promptId)!.resolve(code);
      return true;
    },
    pending: () => [...waiting.values()].map((entry) => ({ ...entry.prompt })),
  };
}
