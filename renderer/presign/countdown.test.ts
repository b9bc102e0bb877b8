import { describe, expect, it } from 'vitest';
import { timeLeft } from './countdown';

describe('presigned URL countdown', () => {
  const at = Date.UTC(2026, 0, 1);
  it('reads in the largest two units', () => {
    expect(timeLeft(at + 898_400, at).text).toBe('14 min 58 s');
    expect(timeLeft(at + (2 * 3600 + 5 * 60) * 1000, at).text).toBe('2 h 5 min');
    expect(timeLeft(at + (3 * 86400 + 4 * 3600) * 1000, at).text).toBe('3 d 4 h');
    expect(timeLeft(at + 9_999, at).text).toBe('9 s');
  });
  it('is expired at and after the expiry', () => {
    expect(timeLeft(at, at)).toEqual({ expired: true, text: 'expired' });
    expect(timeLeft(at, at + 1)).toEqual({ expired: true, text: 'expired' });
    expect(timeLeft(at + 1000, at).expired).toBe(false);
  });
});
