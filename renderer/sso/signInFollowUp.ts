// What happens after a sign-in completes depends on where it was started: from a failed send, the request goes again
// (once); from the identity badge or the Profiles page, nothing more. The workbench provides this around the response
// viewer, so the "Sign in" of a failed send reaches it without the viewer knowing about sending.
import { createContext } from 'react';

export const SignInFollowUp = createContext<((profile: string) => void) | undefined>(undefined);

/**
 * Whether a completed sign-in sends the tab's request again: only while its last answer is the sign-in it needed
 * and nothing is in flight. A re-send that fails again leaves that failure shown; only another sign-in tries again.
 */
export function resendsAfterSignIn(run: { error?: { code: string }; pendingId?: string } | undefined): boolean {
  return run?.error?.code === 'SSO_SIGN_IN_REQUIRED' && !run.pendingId;
}
