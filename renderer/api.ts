// The renderer's only way to the Node side. The preload (Electron) or the browser test host installs the API
// before this code runs; its type and the global's name come from the contract so they cannot drift.
// Type-only imports: the contract's zod schemas are main's business and stay out of the page's bundle.
import type { API_GLOBAL, RoleCallApi } from '../src/contract';
import type { Result } from '../src/errors';
import { transportError } from './format';

type ApiGlobal = { readonly [K in typeof API_GLOBAL]?: RoleCallApi };

declare global {
  interface Window {
    /** Indexed through ApiGlobal: renaming API_GLOBAL in the contract breaks this line, not the app at runtime. */
    readonly rolecall?: ApiGlobal['rolecall'];
  }
}

/** The installed API, or undefined when the page was opened outside RoleCall (a plain browser tab). */
export function getApi(): RoleCallApi | undefined {
  return window.rolecall;
}

/** A call to main whose bridge threw (rather than answering with a Result) settles as a failed Result too. */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (err) {
    return { ok: false, error: transportError(err) };
  }
}
