// A completed sign-in re-sends only the send that failed for want of it, never one in flight or one that worked.
import { describe, expect, it } from 'vitest';
import { resendsAfterSignIn } from './signInFollowUp';

describe('re-sending after a sign-in', () => {
  it('re-sends a send that failed for want of a sign-in', () => {
    expect(resendsAfterSignIn({ error: { code: 'SSO_SIGN_IN_REQUIRED' } })).toBe(true);
  });
  it('does not re-send while a send is in flight, after another failure, after a success or with no send', () => {
    expect(resendsAfterSignIn({ error: { code: 'SSO_SIGN_IN_REQUIRED' }, pendingId: 'r2' })).toBe(false);
    expect(resendsAfterSignIn({ error: { code: 'ACCESS_DENIED' } })).toBe(false);
    expect(resendsAfterSignIn({})).toBe(false);
    expect(resendsAfterSignIn(undefined)).toBe(false);
  });
});
