// How one request is sent, kept with it: how long to wait and whether to follow redirects. Absent fields mean the
// app's defaults (REQUEST_DEFAULTS), so a request saved before these existed sends exactly as it did.
import { z } from 'zod';

export const REQUEST_TIMEOUT_MIN_MS = 100;
export const REQUEST_TIMEOUT_MAX_MS = 15 * 60 * 1000;

/** What request:send does when a request says nothing (src/models/http.ts sendInputSchema's defaults). */
export const REQUEST_DEFAULTS = { timeoutMs: 30_000, followRedirects: false } as const;

export const requestSettingsSchema = z.object({
  /** Give up on the whole exchange (credentials, body, network) after this many milliseconds. */
  timeoutMs: z.number().int().min(REQUEST_TIMEOUT_MIN_MS).max(REQUEST_TIMEOUT_MAX_MS).optional(),
  /** Follow 3xx answers; a redirect to another origin drops the signature and every credential header. */
  followRedirects: z.boolean().optional(),
});
export type RequestSettings = z.infer<typeof requestSettingsSchema>;

/** The send options a request's settings ask for: only what it sets, so request:send's defaults apply otherwise. */
export function sendOptions(settings: RequestSettings | undefined): { timeoutMs?: number; followRedirects?: boolean } {
  return {
    ...(settings?.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
    ...(settings?.followRedirects !== undefined ? { followRedirects: settings.followRedirects } : {}),
  };
}
