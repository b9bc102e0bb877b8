// Turns what the AWS SDK throws (service errors, credential-provider errors, socket errors) into RoleCallErrors a user
// can act on: a one-line message in their terms, AWS's own text as detail and AWS's error code as awsCode.
import { appError, RoleCallError, type ErrorCode } from '../../src/errors';

export interface AwsErrorContext {
  /** The STS action that failed, when one was being called. */
  action?: 'AssumeRole' | 'GetCallerIdentity';
  roleArn?: string;
  profile?: string;
  /** The endpoint being called, for network errors. */
  endpoint?: string;
  /** The `aws sso login` command that works for the profile (its SSO origin, its sso-session), when it uses SSO. */
  ssoLogin?: string;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  cause?: unknown;
  errors?: unknown[];
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
}

const NETWORK: Record<string, [ErrorCode, string]> = {
  ENOTFOUND: ['DNS_FAILURE', 'its host name does not resolve'],
  EAI_AGAIN: ['DNS_FAILURE', 'its host name could not be resolved (DNS is not answering)'],
  ECONNREFUSED: ['CONNECTION_REFUSED', 'the connection was refused'],
  ECONNRESET: ['CONNECTION_RESET', 'the connection was reset'],
  EPIPE: ['CONNECTION_RESET', 'the connection was closed'],
  ETIMEDOUT: ['TIMEOUT', 'it did not answer in time'],
  ECONNABORTED: ['TIMEOUT', 'it did not answer in time'],
  EHOSTUNREACH: ['NETWORK_ERROR', 'the host is unreachable'],
  ENETUNREACH: ['NETWORK_ERROR', 'the network is unreachable'],
};

const TLS_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_|ERR_SSL_|ERR_CERT_)/;

/** The system error code of a socket error, looking through SDK wrappers and Node's AggregateError. */
function networkCode(err: ErrorLike, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (typeof err.code === 'string' && (err.code in NETWORK || TLS_CODE.test(err.code))) return err.code;
  for (const inner of [err.cause, ...(err.errors ?? [])]) {
    if (inner && typeof inner === 'object') {
      const code = networkCode(inner as ErrorLike, depth + 1);
      if (code) return code;
    }
  }
  return undefined;
}

function awsServiceError(err: ErrorLike, awsCode: string, ctx: AwsErrorContext): RoleCallError {
  const text = err.message ?? awsCode;
  const role = ctx.roleArn ?? /on resource: (arn:\S+)/.exec(text)?.[1] ?? 'The role';
  switch (awsCode) {
    case 'AccessDenied':
    case 'AccessDeniedException':
      if (ctx.action === 'AssumeRole') {
        return appError('STS_ACCESS_DENIED', `${role} refused the AssumeRole: check the role's trust policy and the caller's sts:AssumeRole permission.`, text, awsCode);
      }
      return appError('AWS_ERROR', `AWS denied ${ctx.action ?? 'the request'}.`, text, awsCode);
    case 'InvalidClientTokenId':
    case 'UnrecognizedClientException':
      return appError('INVALID_CLIENT_TOKEN', 'AWS does not recognise the access key (deleted, mistyped, or its session token is wrong).', text, awsCode);
    case 'SignatureDoesNotMatch':
      return appError('SIGNATURE_MISMATCH', 'AWS rejected the signature: the secret key does not match the access key.', text, awsCode);
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'RequestExpired':
      return appError('EXPIRED_TOKEN', 'The session token has expired: refresh the credentials or sign in again.', text, awsCode);
    case 'RegionDisabledException':
      return appError('AWS_ERROR', 'STS is not activated in this region for the account: use another STS region.', text, awsCode);
    default:
      return appError('AWS_ERROR', `AWS refused ${ctx.action ?? 'the request'} (${awsCode}).`, text, awsCode);
  }
}

function providerError(text: string, ctx: AwsErrorContext): RoleCallError {
  const profile = ctx.profile ? `Profile "${ctx.profile}"` : 'The profile';
  if (/could not be found|not found in/i.test(text)) return appError('PROFILE_NOT_FOUND', `${profile} is not in the AWS config or credentials file.`, text);
  if (/Detected a cycle/.test(text)) return appError('CREDENTIALS_ERROR', `${profile} has a source_profile chain that loops back on itself.`, text);
  if (/Could not resolve credentials using profile|Unable to find environment variable credentials/i.test(text)) {
    return appError('CREDENTIALS_MISSING', `${profile} has no credentials RoleCall can use.`, text);
  }
  if (/SSO|sso_/.test(text)) {
    const login = ctx.ssoLogin ?? (ctx.profile ? `aws sso login --profile ${ctx.profile}` : 'aws sso login');
    return appError('CREDENTIALS_ERROR', `The SSO session is missing, expired or misconfigured: run "${login}".`, text);
  }
  if (/credential_process/.test(text)) return appError('CREDENTIALS_ERROR', `${profile}'s credential_process failed.`, text);
  if (/web identity|web_identity/i.test(text)) return appError('CREDENTIALS_ERROR', `${profile}'s web identity token could not be used.`, text);
  return appError('CREDENTIALS_ERROR', `${profile} could not be resolved to credentials.`, text);
}

/** Maps anything the SDK or the network threw while resolving credentials or calling STS. */
export function toRoleCallError(error: unknown, ctx: AwsErrorContext = {}): RoleCallError {
  if (error instanceof RoleCallError) return error;
  if (!error || typeof error !== 'object') return appError('CREDENTIALS_ERROR', 'Resolving credentials failed.', String(error));
  const err = error as ErrorLike;
  const text = err.message ?? String(error);

  const socketCode = networkCode(err);
  if (socketCode) {
    const where = ctx.endpoint ? `the STS endpoint ${ctx.endpoint}` : 'the STS endpoint';
    if (TLS_CODE.test(socketCode)) return appError('TLS_ERROR', `Could not reach ${where}: its TLS certificate was not accepted.`, text, undefined);
    const [code, why] = NETWORK[socketCode]!;
    return appError(code, `Could not reach ${where}: ${why}.`, `${socketCode}: ${text}`);
  }
  if (err.name === 'AbortError') return appError('CANCELLED', 'The call to STS was cancelled.', text);
  if (err.name === 'TimeoutError') return appError('TIMEOUT', `STS did not answer in time${ctx.endpoint ? ` (${ctx.endpoint})` : ''}.`, text);

  if (err.name === 'CredentialsProviderError' || err.name === 'ProviderError' || err.name === 'TokenProviderError') {
    return providerError(text, ctx);
  }
  // A service error has the AWS code as its name and HTTP metadata; Query APIs may also carry Code.
  const awsCode = err.Code ?? (err.$metadata?.httpStatusCode !== undefined || err.$fault ? err.name : undefined);
  if (awsCode) return awsServiceError(err, awsCode, ctx);
  return appError('CREDENTIALS_ERROR', 'Resolving credentials failed.', text);
}
