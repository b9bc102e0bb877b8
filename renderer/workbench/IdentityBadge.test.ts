import { describe, expect, it } from 'vitest';
import { countdown } from './IdentityBadge';

describe('countdown', () => {
  const at = Date.parse('2030-01-01T00:00:00Z');
  it('shows minutes and seconds, hours when there are any', () => {
    expect(countdown('2030-01-01T00:59:05Z', at)).toBe('59:05');
    expect(countdown('2030-01-01T00:00:09Z', at)).toBe('00:09');
    expect(countdown('2030-01-01T02:03:04Z', at)).toBe('2:03:04');
  });
  it('says expired at and after the expiry, and nothing for a bad date', () => {
    expect(countdown('2030-01-01T00:00:00Z', at)).toBe('expired');
    expect(countdown('2029-12-31T23:00:00Z', at)).toBe('expired');
    expect(countdown('not a date', at)).toBe('');
  });
});
