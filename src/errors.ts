// Errors are values: every failure that crosses a boundary (IPC, CLI, test host) carries a stable code,
// a one-line message in the user's terms, and, when AWS or the network said something, that text as `detail`.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_URL',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'CONFIG_PARSE',
  'PROFILE_NOT_FOUND',
  'CREDENTIALS_MISSING',
  'CREDENTIALS_ERROR',
  'MFA_CANCELLED',
  /** An SSO profile's cached IAM Identity Center sign-in is missing or expired: sign in (sso:start) or run aws sso login. */
  'SSO_SIGN_IN_REQUIRED',
  'STS_ACCESS_DENIED',
  'INVALID_CLIENT_TOKEN',
  'SIGNATURE_MISMATCH',
  'EXPIRED_TOKEN',
  'AWS_ERROR',
  'REGION_REQUIRED',
  'SERVICE_REQUIRED',
  'DNS_FAILURE',
  'CONNECTION_REFUSED',
  'CONNECTION_RESET',
  'TLS_ERROR',
  'TIMEOUT',
  'CANCELLED',
  'NETWORK_ERROR',
  'FILE_ERROR',
  /** The workspace was written by a newer RoleCall: it is shown read-only and never rewritten. */
  'READ_ONLY_WORKSPACE',
  /** A body larger than the send's maxResponseBytes: stopped, nothing of it kept. */
  'RESPONSE_TOO_LARGE',
  /** Spooling a large body would have left too little free space on the disk. */
  'DISK_FULL',
  /** The response's headers exceed Node's header size limit. */
  'HEADERS_TOO_LARGE',
  /** A signed request over plain http to a host that is not this machine (allowPlainHttp overrides). */
  'INSECURE_HTTP',
  /** A body file main did not just hand out a handle for: the user must pick it again (files:choose). */
  'FILE_NOT_CONFIRMED',
  /** A file of an opened collection folder changed on disk since RoleCall read it: reload, or save again to overwrite. */
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** One line, in the user's terms: what went wrong and, where we know it, what to do. */
  message: string;
  /** The underlying text (AWS's own message, the socket error) for those who want it. */
  detail?: string;
  /** AWS's error code when AWS answered (AccessDenied, SignatureDoesNotMatch, ...). */
  awsCode?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** An Error that carries an AppError, thrown inside services and turned back into a value at the boundary. */
export class RoleCallError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;
  readonly awsCode?: string;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'RoleCallError';
    this.code = error.code;
    this.detail = error.detail;
    this.awsCode = error.awsCode;
  }

  toAppError(): AppError {
    const out: AppError = { code: this.code, message: this.message };
    if (this.detail !== undefined) out.detail = this.detail;
    if (this.awsCode !== undefined) out.awsCode = this.awsCode;
    return out;
  }
}

export function appError(code: ErrorCode, message: string, detail?: string, awsCode?: string): RoleCallError {
  const error: AppError = { code, message };
  if (detail !== undefined) error.detail = detail;
  if (awsCode !== undefined) error.awsCode = awsCode;
  return new RoleCallError(error);
}

/** Turns anything thrown into an AppError; unknown errors become INTERNAL with their text as detail. */
export function toAppError(err: unknown): AppError {
  if (err instanceof RoleCallError) return err.toAppError();
  const text = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: 'Something unexpected went wrong inside RoleCall.', detail: text };
}

export function formatAppError(error: AppError): string {
  const head = `${error.message} [${error.code}${error.awsCode ? `/${error.awsCode}` : ''}]`;
  return error.detail ? `${head}\n${error.detail}` : head;
}
