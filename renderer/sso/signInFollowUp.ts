// What happens after a sign-in completes depends on where it was started: from a failed send, the request goes again
// (once); from the identity badge or the Profiles page, nothing more. The workbench provides this around the response
// viewer, so the "Sign in" of a failed send reaches it without the viewer knowing about sending.
import { createContext } from 'react';

export const SignInFollowUp = createContext<((profile: string) => void) | undefined>(undefined);
