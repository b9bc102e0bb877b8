import { describe, expect, it } from 'vitest';
import { CREDENTIAL_ERROR_CODES } from './summary';

describe('credential error codes of a run', () => {
  it('count a missing or expired SSO sign-in as a credentials error (rolecall run exits 3)', () => {
    expect(CREDENTIAL_ERROR_CODES.has('SSO_SIGN_IN_REQUIRED')).toBe(true);
  });
});
