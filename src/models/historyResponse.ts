// The response a history entry keeps: status, headers and the first HISTORY_RESPONSE_BODY_BYTES of the body, for the
// newest HISTORY_RESPONSE_COUNT entries, all of them within HISTORY_RESPONSE_TOTAL_BYTES on disk. Older entries lose
// their response first. The window hands main the response it got (already masked of the signing credentials) and
// main refuses to keep a body that holds credentials (main/services/historyResponseGuard.ts).
import { z } from 'zod';
import { HISTORY_RESPONSE_BODY_BYTES } from './historyResponseLimits';


/** base64 of HISTORY_RESPONSE_BODY_BYTES, rounded up to whole quads. */
const MAX_BASE64 = Math.ceil(HISTORY_RESPONSE_BODY_BYTES / 3) * 4;

export const storedResponseInputSchema = z
  .object({
    status: z.number().int().min(0).max(999),
    statusText: z.string().max(1024).default(''),
    httpVersion: z.string().max(16).default('1.1'),
    headers: z.array(z.tuple([z.string().max(1024), z.string().max(64 * 1024)])).max(1000),
    /** The body's first bytes (all of them when `size` is not larger), base64. */
    bodyBase64: z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    /** How many bytes the whole body had. */
    size: z.number().int().min(0),
    durationMs: z.number().min(0).optional(),
    /** Set by the window when it left the body out (it held a secret variable's value it could not mask). */
    withheld: z.string().max(512).optional(),
    /**
     * A body spooled to disk: main reads its first bytes from the spool file (the window holds only a little of it)
     * and masks `maskForms` (the secret variables' values in their encoded forms) in them as the window would.
     */
    spoolFile: z.string().min(1).max(4096).optional(),
    maskForms: z.array(z.string().min(1).max(64 * 1024)).max(512).optional(),
  })
  .strict();
export type StoredResponseInput = z.input<typeof storedResponseInputSchema>;

/** What main keeps and answers for an entry (history:response). */
export interface StoredResponse {
  entryId: string;
  /** When the request was sent (the history entry's time). */
  at: string;
  status: number;
  statusText: string;
  httpVersion: string;
  headers: Array<[string, string]>;
  bodyBase64: string;
  /** The whole body's size; larger than the kept bytes when it was cut. */
  size: number;
  /** True when only the first HISTORY_RESPONSE_BODY_BYTES were kept. */
  truncated: boolean;
  durationMs?: number;
  /** Why no body was kept (it held credentials), when none was. */
  withheld?: string;
}

export const storedResponseSchema = z
  .object({
    entryId: z.string().min(1).max(64),
    at: z.string().max(64),
    status: z.number().int(),
    statusText: z.string().max(1024),
    httpVersion: z.string().max(16),
    headers: z.array(z.tuple([z.string(), z.string()])).max(1000),
    bodyBase64: z.string().max(MAX_BASE64),
    size: z.number().int().min(0),
    truncated: z.boolean(),
    durationMs: z.number().optional(),
    withheld: z.string().max(512).optional(),
  })
  .strict();
