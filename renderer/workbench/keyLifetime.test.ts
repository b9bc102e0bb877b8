import { describe, expect, it } from 'vitest';
import { keyLifetimeText } from './keyLifetime';

describe('the identity badge on keys without an expiry', () => {
  it('says temporary keys for session keys (ASIA…) and long-term keys for AKIA…', () => {
    expect(keyLifetimeText({ accessKeyId: 'ASIAIOSFODNN7EXAMPLE' })).toBe('temporary keys');
    expect(keyLifetimeText({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE' })).toBe('long-term keys');
  });
});
