// The limits and defaults of a request's send settings, without their schema (requestSettings.ts): the renderer
// needs these on its first screen, and importing the schema would bring zod's schema builders into that chunk.
export const REQUEST_TIMEOUT_MIN_MS = 100;
export const REQUEST_TIMEOUT_MAX_MS = 15 * 60 * 1000;

/** What request:send does when a request says nothing (src/models/http.ts sendInputSchema's defaults). */
export const REQUEST_DEFAULTS = { timeoutMs: 30_000, followRedirects: false } as const;

/** The send options a request's settings ask for: only what it sets, so request:send's defaults apply otherwise. */
export function sendOptions(settings: { timeoutMs?: number; followRedirects?: boolean } | undefined): { timeoutMs?: number; followRedirects?: boolean } {
  return {
    ...(settings?.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
    ...(settings?.followRedirects !== undefined ? { followRedirects: settings.followRedirects } : {}),
  };
}
