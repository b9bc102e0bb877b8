// The request a user builds, how it is signed, and what came back. Shared by the UI, main and the CLI.
import { z } from 'zod';
import { authChoiceSchema } from './auth';
import { capturesListSchema, checksListSchema, type CheckOutcome } from './checks';
import type { Refusal } from './refusal';
import { EXPIRES_DEFAULT_SECONDS, EXPIRES_MAX_SECONDS, HEADERS_MAX, METHOD_PATTERN, REGION_PATTERN, SERVICE_PATTERN, URL_MAX_CHARS } from './signInputRules';

export const headerListSchema = z.array(z.tuple([z.string(), z.string()])).max(HEADERS_MAX);

const bodyFilePath = z.string().min(1).max(4096);
/** Session-only: never saved with a request. */
export const bodyFileHandle = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be a handle from files:choose');

export const bodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('base64'), data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64') }),
  /**
   * A local file, read by main when the request is signed: only one the user picked in this run, proved by the
   * handle files:choose returned for that same path (FILE_NOT_CONFIRMED otherwise).
   */
  z.object({ kind: z.literal('file'), path: bodyFilePath, handle: bodyFileHandle.optional() }),
  /** Text and file segments sent back to back: multipart bodies whose file parts main reads (handles as above). */
  z.object({
    kind: z.literal('parts'),
    parts: z
      .array(z.union([z.object({ text: z.string() }).strict(), z.object({ path: bodyFilePath, handle: bodyFileHandle.optional() }).strict()]))
      .max(1000),
  }),
]);
export type BodySpec = z.infer<typeof bodySchema>;

/** A body file the user picked in main's open dialog (files:choose). The path is for display and for saving. */
export interface ChosenFile {
  /** Proves to main that the user picked this path in this run; never saved. */
  handle: string;
  name: string;
  size: number;
  path: string;
}

export const httpRequestSchema = z.object({
  method: z.string().regex(METHOD_PATTERN, 'must be an HTTP method such as GET or POST'),
  url: z.string().min(1).max(URL_MAX_CHARS),
  /** Headers in the order typed; duplicate names are kept (they are joined with "," when signed, per SigV4). */
  headers: headerListSchema.default([]),
  body: bodySchema.default({ kind: 'none' }),
});
export type HttpRequestSpec = z.input<typeof httpRequestSchema>;

export const signingOptionsSchema = z.object({
  /** Overrides the region detected from the host; required for custom domains. */
  region: z.string().regex(REGION_PATTERN, 'must be a region such as eu-west-1').optional(),
  /** Overrides the service detected from the host (execute-api, lambda, es, aoss, s3, ...). */
  service: z.string().regex(SERVICE_PATTERN, 'must be a service name such as execute-api').optional(),
  /** "unsigned" signs the literal UNSIGNED-PAYLOAD instead of the body's SHA-256. */
  payload: z.enum(['signed', 'unsigned']).default('signed'),
  /** Add x-amz-content-sha256 (required by S3 and aoss). Defaults to on for s3 and aoss. */
  contentSha256Header: z.boolean().optional(),
  /** "query" produces a presigned URL valid for expiresIn seconds. */
  mode: z.enum(['header', 'query']).default('header'),
  expiresIn: z.number().int().min(1).max(EXPIRES_MAX_SECONDS).default(EXPIRES_DEFAULT_SECONDS),
  /** Fixed signing time (ISO-8601) to reproduce a signature. */
  signingDate: z.iso.datetime({ offset: true }).optional(),
});
export type SigningOptions = z.input<typeof signingOptionsSchema>;

export const signInputSchema = z.object({
  request: httpRequestSchema,
  auth: authChoiceSchema,
  signing: signingOptionsSchema.default({ payload: 'signed', mode: 'header', expiresIn: EXPIRES_DEFAULT_SECONDS }),
  /** Sign (and send) over plain http to a host other than this machine; refused with INSECURE_HTTP otherwise. */
  allowPlainHttp: z.boolean().default(false),
});
export type SignInput = z.input<typeof signInputSchema>;

export const sendInputSchema = signInputSchema.extend({
  /** Lets the caller cancel with request:cancel. */
  requestId: z.string().regex(/^[\w-]{1,64}$/).optional(),
  timeoutMs: z.number().int().min(100).max(15 * 60 * 1000).default(30000),
  /** Bodies larger than this are spooled to a temporary file; only the head is kept in memory. */
  maxInMemoryBytes: z.number().int().min(1024).max(512 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Follow no redirects by default: a redirected signed request is a different request. */
  followRedirects: z.boolean().default(false),
  /** A larger response is stopped with RESPONSE_TOO_LARGE and nothing of it kept (default 1 GiB). */
  maxResponseBytes: z.number().int().min(1024).max(2 ** 50).default(1024 ** 3),
  /** The request's checks and captures, evaluated by main against the response (SendResult.checks). */
  checks: checksListSchema.optional(),
  captures: capturesListSchema.optional(),
  /** The values of the {{variables}} the checks expect, as the request was resolved (src/checks/checkVariables.ts). */
  checkVariables: z.array(z.object({ key: z.string().max(256), value: z.string().max(64 * 1024), secret: z.boolean().default(false) })).max(200).optional(),
});
export type SendInput = z.input<typeof sendInputSchema>;

export type Detection = 'explicit' | 'detected';

/** Everything SigV4 computed, for the inspector and for `rolecall sign --json`. */
export interface SigningExplanation {
  algorithm: 'AWS4-HMAC-SHA256';
  canonicalRequest: string;
  stringToSign: string;
  credentialScope: string;
  signedHeaders: string[];
  signature: string;
  /** X-Amz-Date, e.g. 20150830T123600Z. */
  amzDate: string;
  region: string;
  regionSource: Detection;
  service: string;
  serviceSource: Detection;
  /** The hex SHA-256 of the body, or UNSIGNED-PAYLOAD. */
  payloadHash: string;
  mode: 'header' | 'query';
  accessKeyId: string;
  /**
   * Present when the signing time was corrected for this computer's clock: the server's clock minus this one, in
   * milliseconds, added to the local time to date the signature (the AWS SDKs' systemClockOffset).
   */
  clockOffsetMs?: number;
  clockOffsetSource?: ClockOffsetSource;
}

/** Where a clock offset was read: the response's Date header, AWS's refusal text, S3's <ServerTime>, or the SDK's STS client. */
export type ClockOffsetSource = 'date-header' | 'aws-message' | 'server-time' | 'sdk';

/** What a send learned or used about this computer's clock against the server's. */
export interface ClockSkewInfo {
  /** The server's clock minus this computer's, in ms, now used to sign requests to it (0: the clocks agree). */
  offsetMs: number;
  source: ClockOffsetSource;
  /** True when the server refused the first attempt for its time and RoleCall signed it again and resent it once. */
  retried: boolean;
  /** The refused first attempt, when retried: its status and the server's message. */
  refused?: { status: number; message: string };
}

/** The request exactly as it goes on the wire. */
export interface SignedRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
}

export interface SignResult {
  request: SignedRequest;
  /** Absent when auth is "none": nothing was signed. */
  explanation?: SigningExplanation;
}

export interface Timings {
  /** Milliseconds from the start of the request; absent when a phase did not happen (reused socket, plain HTTP). */
  dns?: number;
  connect?: number;
  /** When the proxy's CONNECT tunnel stood (https through a proxy). */
  proxy?: number;
  tls?: number;
  firstByte: number;
  total: number;
}

export interface ResponseBody {
  /** Total bytes received. */
  size: number;
  /** The first bytes (all of them when complete), base64. */
  headBase64: string;
  /** True when headBase64 holds the whole body. */
  complete: boolean;
  /** Where the whole body was spooled when it was larger than maxInMemoryBytes. */
  spoolFile?: string;
}

/** AWS's error answer, parsed: the type, the message and, for signature mismatches, AWS's canonical request. */
export interface AwsErrorInfo {
  type?: string;
  message: string;
  expectedCanonicalRequest?: string;
  expectedStringToSign?: string;
}

/** One redirect RoleCall followed (main/services/redirectSigning.ts): the 3xx answer and the request sent next. */
export interface RedirectHop {
  /** The 3xx status that named the next URL. */
  status: number;
  /** The next request's method (a 303, or a 301/302 after a POST, makes it a GET). */
  method: string;
  /** The next request's URL, presigned query values masked. */
  url: string;
  /**
   * How the next request went: `resigned`, same origin, signed again with the same credentials; `stripped`, another
   * origin, sent with no signature, token, cookie or credential header of the first; `unsigned`, same origin, and the
   * request was not signed to begin with.
   */
  signing: 'resigned' | 'stripped' | 'unsigned';
}

export interface HttpResponse {
  /** The redirects followed before this response, in order; absent when it answered the request as sent. */
  redirects?: RedirectHop[];
  status: number;
  statusText: string;
  httpVersion: string;
  /** Raw headers in arrival order, duplicates kept. */
  headers: Array<[string, string]>;
  /** True when the server sent more than the 1000 headers kept in `headers`. */
  headersTruncated?: boolean;
  body: ResponseBody;
  timings: Timings;
}

export interface SendResult {
  sent: SignResult;
  response: HttpResponse;
  /** Present when the response is an AWS error document. */
  awsError?: AwsErrorInfo;
  /** Why AWS said no, when the response is a refusal (a 401/403, or an auth error in another 4xx): src/diagnosis. */
  refusal?: Refusal;
  /** Present when the signing time was corrected for clock skew, or this response showed the clock is off. */
  clockSkew?: ClockSkewInfo;
  /** The send's checks and captures evaluated against this response; present when the send carried any. */
  checks?: CheckOutcome;
}
