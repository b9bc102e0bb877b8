// What the page sees of an IAM Identity Center sign-in that main runs (sso:start, sso:status, sso:poll): the code
// the user confirms and the URL to confirm it at. Never a token, client secret or device code.
import type { AppError } from '../errors';

export interface SsoFlow {
  flowId: string;
  /** The SSO profile signed in (the origin of the asked profile's source_profile chain). */
  profile: string;
  /** The sso-session signed in; absent for a legacy profile. */
  sessionName?: string;
  startUrl: string;
  /** The code the user checks in the browser. */
  userCode: string;
  verificationUri: string;
  /** The URL with the code filled in: what RoleCall opens. */
  verificationUriComplete: string;
  /** When the code stops being accepted (ISO 8601, UTC). */
  expiresAt: string;
  /** The terminal command that does the same sign-in (for those who prefer `aws`). */
  loginCommand: string;
  /** True when main opened the URL in the system browser itself. */
  opened: boolean;
}

export type SsoFlowState = 'pending' | 'signedIn' | 'denied' | 'expired' | 'cancelled' | 'failed';

export interface SsoStatus {
  flowId: string;
  profile: string;
  state: SsoFlowState;
  message?: string;
  /** When the new token expires (signedIn). */
  tokenExpiresAt?: string;
  /** What went wrong (failed). */
  error?: AppError;
}

/** Whether a profile needs an IAM Identity Center sign-in now (sso:tokenState), read from the token cache only. */
export type SsoTokenState =
  | { sso: false }
  | {
      sso: true;
      /** The SSO profile that signs in (the origin of the profile's source_profile chain). */
      ssoProfile: string;
      /** No token cached, or expired with no refresh possible. */
      signInNeeded: boolean;
      /** When the cached token expires (ISO 8601), when one is cached. */
      expiresAt?: string;
    };
