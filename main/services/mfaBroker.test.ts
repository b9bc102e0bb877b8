import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MfaPrompt } from '../../src/contract';
import { RoleCallError } from '../../src/errors';
import { createMfaBroker } from './mfaBroker';

const serial = 'arn:aws:iam::123456789012:mfa/alice';

describe('createMfaBroker', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits a prompt and resolves with the answered code', async () => {
    const prompts: MfaPrompt[] = [];
    const broker = createMfaBroker((p) => prompts.push(p));
    const code = broker.provider(serial, 'profile deploy');
    expect(prompts).toEqual([{ promptId: expect.any(String), mfaSerial: serial, reason: 'profile deploy' }]);
    expect(broker.pending()).toEqual(prompts);
    expect(broker.answer(prompts[0]!.promptId, '123456')).toBe(true);
    await expect(code).resolves.toBe('123456');
    expect(broker.pending()).toEqual([]);
    expect(broker.answer(prompts[0]!.promptId, '123456')).toBe(false);
  });

  it('rejects with MFA_CANCELLED on cancel and ignores unknown ids', async () => {
    const prompts: MfaPrompt[] = [];
    const broker = createMfaBroker((p) => prompts.push(p));
    const code = broker.provider(serial, 'r');
    expect(broker.answer('unknown', '123456')).toBe(false);
    expect(broker.answer(prompts[0]!.promptId, undefined, true)).toBe(true);
    await expect(code).rejects.toMatchObject({ code: 'MFA_CANCELLED' });
  });

  it('keeps the prompt open when the code is malformed', async () => {
    const prompts: MfaPrompt[] = [];
    const broker = createMfaBroker((p) => prompts.push(p));
    const code = broker.provider(serial, 'r');
    expect(broker.answer(prompts[0]!.promptId, '12ab56')).toBe(false);
    expect(broker.pending()).toHaveLength(1);
    broker.answer(prompts[0]!.promptId, '654321');
    await expect(code).resolves.toBe('654321');
  });

  it('rejects with MFA_CANCELLED after the timeout', async () => {
    vi.useFakeTimers();
    const broker = createMfaBroker(() => undefined, { timeoutMs: 1000 });
    const code = broker.provider(serial, 'r');
    const settled = code.catch((e: unknown) => e);
    vi.advanceTimersByTime(999);
    expect(broker.pending()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const err = await settled;
    expect(err).toBeInstanceOf(RoleCallError);
    expect((err as RoleCallError).code).toBe('MFA_CANCELLED');
    expect(broker.pending()).toEqual([]);
  });

  it('keeps concurrent prompts apart', async () => {
    const prompts: MfaPrompt[] = [];
    const broker = createMfaBroker((p) => prompts.push(p));
    const a = broker.provider(serial, 'a');
    const b = broker.provider(serial, 'b');
    expect(new Set(prompts.map((p) => p.promptId)).size).toBe(2);
    broker.answer(prompts[1]!.promptId, '222222');
    broker.answer(prompts[0]!.promptId, '111111');
    await expect(Promise.all([a, b])).resolves.toEqual(['111111', '222222']);
  });

  it('rejects when the prompt cannot be shown', async () => {
    const broker = createMfaBroker(() => {
      throw new Error('no window');
    });
    await expect(broker.provider(serial, 'r')).rejects.toMatchObject({ code: 'MFA_CANCELLED', detail: 'no window' });
    expect(broker.pending()).toEqual([]);
  });
});
