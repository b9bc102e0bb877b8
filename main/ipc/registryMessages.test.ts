// What a user reads when main refuses input: sentences naming the field, never zod's own text.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/contract';
import { createApp } from '../app';

const RAW = /Too small|Too big|Invalid input|expected string|>=|Unrecognized key|received undefined/;

describe('the registry\'s refusals of bad input', () => {
  const app = createApp({ host: 'cli', env: {}, emit: () => {} });

  it('"Stored keys" with none chosen says what to do, in words', async () => {
    const result = await app.registry.invoke('request:send', {
      request: { method: 'GET', url: 'https://example.com/', headers: [], body: { kind: 'none' } },
      auth: { kind: 'storedKeys', name: '' },
    });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/stored keys are not chosen/);
    expect(`${result.error.message}\n${result.error.detail ?? ''}`).not.toMatch(RAW);
  });

  it('no channel answers garbage with raw schema text', async () => {
    for (const channel of CHANNELS) {
      const result = await app.registry.invoke(channel, { surely: 'not valid' });
      if (result.ok) continue;
      expect(`${result.error.message}\n${result.error.detail ?? ''}`, channel).not.toMatch(RAW);
    }
  });
});
