import { describe, expect, it } from 'vitest';
import { parseStatusExpression, statusMatches } from './statusExpression';

function matches(expression: string, status: number): boolean {
  const parsed = parseStatusExpression(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return statusMatches(parsed, status);
}

describe('parseStatusExpression', () => {
  it('takes an exact code, a class, a range and a list', () => {
    expect(matches('200', 200)).toBe(true);
    expect(matches('200', 201)).toBe(false);
    expect(matches('2xx', 204)).toBe(true);
    expect(matches('2XX', 299)).toBe(true);
    expect(matches('2xx', 300)).toBe(false);
    expect(matches('200-204', 204)).toBe(true);
    expect(matches('200 - 204', 205)).toBe(false);
    expect(matches('200, 201,404', 404)).toBe(true);
    expect(matches('200,201,4xx', 403)).toBe(true);
    expect(matches('200,201', 202)).toBe(false);
  });

  it('refuses what is not a status, naming the part', () => {
    for (const bad of ['', 'ok', '600', '20', '299-200', '200,', '2xx-3xx', '1000']) {
      const parsed = parseStatusExpression(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('is not a status');
    }
  });
});
