// A plain-language title and next step for every error code, shown above AWS's or the socket's own text. A Record
// over ErrorCode, so a code added to src/errors.ts without a hint here is a type error.
import type { AppError, ErrorCode } from '../../src/errors';

export interface ErrorHint {
  title: string;
  hint: string;
}

const HINTS: Record<ErrorCode, ErrorHint> = {
  INVALID_INPUT: { title: 'The request is not complete', hint: 'A field has a value RoleCall cannot use; the detail names it.' },
  INVALID_URL: { title: 'The URL cannot be used', hint: 'Check the scheme (https://), the host and any {{variables}} in it.' },
  UNKNOWN_CHANNEL: { title: 'RoleCall could not handle this', hint: 'The window and the main process disagree; restart RoleCall.' },
  FORBIDDEN_SENDER: { title: 'Refused by RoleCall', hint: 'Only RoleCall’s own window may make requests; restart RoleCall.' },
  CONFIG_PARSE: { title: 'The AWS config could not be read', hint: 'Fix the line named below in ~/.aws/config or ~/.aws/credentials.' },
  PROFILE_NOT_FOUND: { title: 'Profile not found', hint: 'The profile is not in your AWS config files; pick another one or add it.' },
  CREDENTIALS_MISSING: { title: 'No credentials', hint: 'The chosen profile or keys have no access key; add them or pick another auth.' },
  CREDENTIALS_ERROR: { title: 'Credentials could not be resolved', hint: 'RoleCall could not get keys for this auth; the detail says which step failed.' },
  SSO_SIGN_IN_REQUIRED: { title: 'SSO sign-in needed', hint: 'The IAM Identity Center sign-in for this profile is missing or expired: sign in, then send again.' },
  MFA_CANCELLED: { title: 'MFA cancelled', hint: 'The role needs an MFA code; send again and enter the code from your device.' },
  STS_ACCESS_DENIED: {
    title: 'STS refused to assume the role',
    hint: 'The role’s trust policy does not allow your identity, or the external ID or MFA is wrong. AWS’s answer is below.',
  },
  INVALID_CLIENT_TOKEN: {
    title: 'AWS does not know these credentials',
    hint: 'The access key is wrong, deleted or from another partition. Check the profile or stored keys.',
  },
  SIGNATURE_MISMATCH: {
    title: 'Signature mismatch',
    hint: 'AWS computed a different signature: usually a wrong secret key, or something changed the request after signing.',
  },
  EXPIRED_TOKEN: { title: 'The session has expired', hint: 'Temporary credentials ran out; send again to get fresh ones, or use “Clear cached credentials” beside Identity if it persists.' },
  AWS_ERROR: { title: 'AWS answered with an error', hint: 'AWS’s own message is below.' },
  REGION_REQUIRED: {
    title: 'Region needed',
    hint: 'The region cannot be read from this host (a custom domain?): set the region under signing options.',
  },
  SERVICE_REQUIRED: {
    title: 'Service needed',
    hint: 'The service cannot be read from this host: set it under signing options (execute-api for API Gateway).',
  },
  DNS_FAILURE: { title: 'Host not found', hint: 'The host name does not resolve: check the URL for typos, or your VPN and DNS.' },
  CONNECTION_REFUSED: { title: 'Connection refused', hint: 'Nothing is listening at that host and port: check the URL and that the server runs.' },
  CONNECTION_RESET: { title: 'Connection dropped', hint: 'The server or something in between closed the connection before answering.' },
  TLS_ERROR: { title: 'Secure connection failed', hint: 'The server’s certificate is not trusted or does not match the host name.' },
  TIMEOUT: { title: 'No answer in time', hint: 'The server did not answer before the timeout: it may be slow, or a firewall drops the traffic.' },
  CANCELLED: { title: 'Cancelled', hint: 'The request was cancelled before an answer arrived.' },
  NETWORK_ERROR: { title: 'Network error', hint: 'The request could not be sent; the detail has the system’s message.' },
  FILE_ERROR: { title: 'File problem', hint: 'A file could not be read or written; the detail has the path and reason.' },
  READ_ONLY_WORKSPACE: { title: 'The workspace is read-only', hint: 'A newer RoleCall saved it; open it with that version to make changes. Nothing was changed.' },
  RESPONSE_TOO_LARGE: { title: 'Response too large', hint: 'The answer was bigger than RoleCall accepts, so it was stopped and not kept.' },
  DISK_FULL: { title: 'Disk nearly full', hint: 'Keeping this response would have filled the disk; free some space and send again.' },
  HEADERS_TOO_LARGE: { title: 'Response headers too large', hint: 'The server sent more header data than RoleCall accepts; the body was not read.' },
  INSECURE_HTTP: {
    title: 'Plain http to another machine',
    hint: 'Anyone on the network could read this signed request and its token. Use https, or send over plain HTTP anyway.',
  },
  FILE_NOT_CONFIRMED: { title: 'Pick the file again', hint: 'RoleCall sends only files you picked in this session: choose the file again to send it.' },
  CONFLICT: { title: 'Changed on disk', hint: 'A file of this collection changed on disk since RoleCall read it: reload the folder, or save again to overwrite it.' },
  INTERNAL: { title: 'Something went wrong inside RoleCall', hint: 'This is a bug; the detail below helps to report it.' },
};

export function errorHint(error: Pick<AppError, 'code'>): ErrorHint {
  return HINTS[error.code] ?? HINTS.INTERNAL;
}
