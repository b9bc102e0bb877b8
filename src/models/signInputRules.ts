// The limits of a sign input, shared by its zod schema (http.ts) and by `rolecall sign`'s check of a plain input
// (main/cli/plainSignInput.ts), which signs without loading zod: one place to change a limit for both.

export const METHOD_PATTERN = /^[A-Za-z]{1,20}$/;
export const URL_MAX_CHARS = 64 * 1024;
export const HEADERS_MAX = 500;
export const REGION_PATTERN = /^[a-z0-9-]{2,40}$/;
export const SERVICE_PATTERN = /^[a-z0-9-]{1,64}$/;
/** A presigned URL's life in seconds: SigV4's own limit is 7 days. */
export const EXPIRES_MAX_SECONDS = 604800;
export const EXPIRES_DEFAULT_SECONDS = 900;
