// Declared checks and captures on a request: what a response must show, and values to carry to later requests.
// Data only, never code: a shared collection file can hold them without anything running from it.
import { z } from 'zod';

const text = (max = 4096) => z.string().max(max);
const id = z.string().min(1).max(64);

/** How a value is compared. "matches" takes a regular expression (JavaScript syntax, no flags unless given). */
export const comparisonSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('exists') }),
  z.object({ op: z.literal('absent') }),
  z.object({ op: z.literal('equals'), value: text(64 * 1024) }),
  z.object({ op: z.literal('contains'), value: text(64 * 1024) }),
  z.object({ op: z.literal('matches'), pattern: text(), flags: z.string().regex(/^[imsu]*$/).default('') }),
  z.object({ op: z.literal('type'), type: z.enum(['string', 'number', 'boolean', 'object', 'array', 'null']) }),
  z.object({ op: z.literal('length'), min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }),
]);
export type Comparison = z.infer<typeof comparisonSchema>;

export const checkSchema = z.discriminatedUnion('kind', [
  /** "200", "2xx", "200-299" or "200,201,204". */
  z.object({ kind: z.literal('status'), id, enabled: z.boolean().default(true), expect: text(256) }),
  z.object({ kind: z.literal('time'), id, enabled: z.boolean().default(true), underMs: z.number().int().min(1) }),
  z.object({ kind: z.literal('header'), id, enabled: z.boolean().default(true), name: text(1024), compare: comparisonSchema }),
  /** A JSONPath expression over the JSON body, e.g. $.items[0].id. */
  z.object({ kind: z.literal('json'), id, enabled: z.boolean().default(true), path: text(), compare: comparisonSchema }),
  z.object({ kind: z.literal('text'), id, enabled: z.boolean().default(true), compare: comparisonSchema }),
  /** The identity the request was signed as: an ARN (exact, or * wildcards) or a 12-digit account. */
  z.object({ kind: z.literal('identity'), id, enabled: z.boolean().default(true), expect: text(2048) }),
]);
export type Check = z.infer<typeof checkSchema>;

/** Saves a value from the response into a variable for the requests that follow (in a run, and in the app). */
export const captureSchema = z.object({
  id,
  enabled: z.boolean().default(true),
  /** May be blank while being typed in the Checks tab (so the request still saves); a blank one captures nothing. */
  variable: z.string().max(256),
  from: z.enum(['json', 'header', 'status']),
  /** JSONPath for "json", header name for "header", unused for "status". */
  path: text().default(''),
});
export type Capture = z.infer<typeof captureSchema>;

export const checksListSchema = z.array(checkSchema).max(200);
export const capturesListSchema = z.array(captureSchema).max(200);

/** What checks are evaluated against; built by main from the response (the body read from memory or the spool). */
export interface ObservedResponse {
  status: number;
  headers: Array<[string, string]>;
  /** The body as UTF-8 text (bodies larger than the evaluation limit are cut and `bodyTruncated` is set). */
  bodyText: string;
  bodyTruncated?: boolean;
  durationMs: number;
  /** The ARN the request was signed as, when known (from the credential chain or GetCallerIdentity). */
  identityArn?: string;
  identityAccount?: string;
  /** Why the identity is not known (unsigned request, GetCallerIdentity refused), shown on an identity check. */
  identityProblem?: string;
}

export interface CheckResult {
  checkId: string;
  /** A short readable statement of the check: "status is 2xx", "$.id exists". */
  label: string;
  passed: boolean;
  /** What was actually seen (cut to a readable length), shown beside a failure and a pass alike. */
  actual: string;
  /** Why it failed, in words, when it did. */
  message?: string;
}

export interface CaptureResult {
  captureId: string;
  variable: string;
  /** Undefined when nothing was found; the variable keeps its previous value then. */
  value?: string;
  message?: string;
}

export interface CheckOutcome {
  results: CheckResult[];
  captures: CaptureResult[];
  passed: boolean;
}
