// How one request is sent, kept with it: how long to wait and whether to follow redirects. Absent fields mean the
// app's defaults (REQUEST_DEFAULTS), so a request saved before these existed sends exactly as it did.
import { z } from 'zod';
import { REQUEST_TIMEOUT_MAX_MS, REQUEST_TIMEOUT_MIN_MS } from './requestDefaults';

export { REQUEST_DEFAULTS, REQUEST_TIMEOUT_MAX_MS, REQUEST_TIMEOUT_MIN_MS, sendOptions } from './requestDefaults';

export const requestSettingsSchema = z.object({
  /** Give up on the whole exchange (credentials, body, network) after this many milliseconds. */
  timeoutMs: z.number().int().min(REQUEST_TIMEOUT_MIN_MS).max(REQUEST_TIMEOUT_MAX_MS).optional(),
  /** Follow 3xx answers; a redirect to another origin drops the signature and every credential header. */
  followRedirects: z.boolean().optional(),
});
export type RequestSettings = z.infer<typeof requestSettingsSchema>;
