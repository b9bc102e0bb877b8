import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors';
import { errorHint } from './errorHints';

describe('errorHint', () => {
  it('has a title and a hint for every error code', () => {
    for (const code of ERROR_CODES) {
      const hint = errorHint({ code });
      expect(hint.title.length, code).toBeGreaterThan(3);
      expect(hint.hint.length, code).toBeGreaterThan(10);
    }
  });

  it('tells the user what to do for the network and AWS failures', () => {
    expect(errorHint({ code: 'DNS_FAILURE' }).hint).toMatch(/typo/);
    expect(errorHint({ code: 'CONNECTION_REFUSED' }).title).toBe('Connection refused');
    expect(errorHint({ code: 'STS_ACCESS_DENIED' }).hint).toMatch(/trust policy/);
    expect(errorHint({ code: 'REGION_REQUIRED' }).hint).toMatch(/set the region/);
  });
});
