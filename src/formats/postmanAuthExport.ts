// RoleCall's AWS auth as Postman's awsv4 auth, and what Postman's signer cannot do the way RoleCall does.
// Postman signs with keys only: profiles, environment credentials and assumed roles have no equivalent, so every
// awsv4 block refers to the same three variables, which a team sets once in a Postman environment or with newman's
// --env-var. What the runtime's signer (postman-runtime's authorizer/aws4.js on the `aws4` package) does, and so
// what can be carried over:
// - region and service: per auth block; unset means us-east-1 and execute-api.
// - addAuthDataToQuery: presigned style; X-Amz-Expires is taken from the URL's query when present (aws4 defaults
//   to 86400 s for s3 and sends none otherwise), so the expiry travels as a query parameter.
// - the payload hash: always computed and sent as X-Amz-Content-Sha256 for a non-empty body (a typed header of that
//   name is removed first), and for every s3 request; UNSIGNED-PAYLOAD only for s3 in query mode. So "unsigned
//   payload" and "no content-hash header" cannot be expressed in header mode, and in query mode a body sent to a
//   service other than s3 is signed as if empty.
import type { RequestAuth, RequestNode } from '../models/workspace';

export type AwsAuth = Exclude<RequestAuth, { type: 'inherit' } | { type: 'none' }>;
export const isAws = (auth: RequestAuth): auth is AwsAuth => auth.type !== 'inherit' && auth.type !== 'none';

/** The variables every exported awsv4 block signs with: the AWS CLI's own names, so CI can pass its environment through. */
export const CREDENTIAL_VARIABLES = {
  accessKey: 'AWS_ACCESS_KEY_ID',
  secretKey: 'AWS_SECRET_ACCESS_KEY',
  sessionToken: 'AWS_SESSION_TOKEN',
} as const;

export interface PostmanAuthAttribute {
  key: string;
  value: string | boolean;
  type: 'string' | 'boolean';
}
export type PostmanAuth = { type: 'noauth' } | { type: 'awsv4'; awsv4: PostmanAuthAttribute[] };

/** What one awsv4 block says besides the keys. Empty region or service means Postman's default. */
export interface PostmanSigning {
  region: string;
  service: string;
  query: boolean;
}

export const sameSigning = (a: PostmanSigning, b: PostmanSigning) => a.region === b.region && a.service === b.service && a.query === b.query;

export function awsv4(signing: PostmanSigning): PostmanAuth {
  const text = (key: string, value: string): PostmanAuthAttribute => ({ key, value, type: 'string' });
  const attributes: PostmanAuthAttribute[] = [
    text('accessKey', `{{${CREDENTIAL_VARIABLES.accessKey}}}`),
    text('secretKey', `{{${CREDENTIAL_VARIABLES.secretKey}}}`),
    text('sessionToken', `{{${CREDENTIAL_VARIABLES.sessionToken}}}`),
  ];
  if (signing.region) attributes.push(text('region', signing.region));
  if (signing.service) attributes.push(text('service', signing.service));
  if (signing.query) attributes.push({ key: 'addAuthDataToQuery', value: true, type: 'boolean' });
  return { type: 'awsv4', awsv4: attributes };
}

/** The signing most of these requests use (the first of equals wins), for the scope that sets their auth. */
export function commonSigning(signings: PostmanSigning[]): PostmanSigning {
  const counts: Array<{ signing: PostmanSigning; n: number }> = [];
  for (const signing of signings) {
    const found = counts.find((c) => sameSigning(c.signing, signing));
    if (found) found.n += 1;
    else counts.push({ signing, n: 1 });
  }
  let best = counts[0];
  for (const c of counts) if (best && c.n > best.n) best = c;
  return best?.signing ?? { region: '', service: '', query: false };
}

function identity(b: { kind: 'profile'; profile: string } | { kind: 'env' } | { kind: 'storedKeys'; name: string }): string {
  return b.kind === 'profile' ? `AWS profile "${b.profile}"` : b.kind === 'env' ? 'environment credentials (AWS_ACCESS_KEY_ID…)' : `stored keys "${b.name}"`;
}

/** What RoleCall signs with, in words. */
export function describeIdentity(auth: AwsAuth): string {
  if (auth.type === 'assumeRole') return `assume role ${auth.roleArn} from ${identity(auth.base)}${auth.mfaSerial ? ` with MFA (${auth.mfaSerial})` : ''}`;
  if (auth.type === 'profile') return identity({ kind: 'profile', profile: auth.profile });
  if (auth.type === 'storedKeys') return identity({ kind: 'storedKeys', name: auth.name });
  return identity({ kind: 'env' });
}

/** The description of an item that sets AWS auth. */
export function describeAuth(auth: AwsAuth): string {
  const { accessKey, secretKey, sessionToken } = CREDENTIAL_VARIABLES;
  return `RoleCall auth: ${describeIdentity(auth)}. Postman signs with {{${accessKey}}}, {{${secretKey}}} and {{${sessionToken}}} instead.`;
}

/** The collection description: how a team gives Postman or newman its keys, once. */
export function credentialsGuide(): string {
  const { accessKey, secretKey, sessionToken } = CREDENTIAL_VARIABLES;
  return [
    `AWS Signature auth in this collection signs with the variables {{${accessKey}}}, {{${secretKey}}} and {{${sessionToken}}}.`,
    `Set them once in a Postman environment (type "secret"), or run newman with --env-var ${accessKey}=… --env-var ${secretKey}=… --env-var ${sessionToken}=… ` +
      `(leave ${sessionToken} empty for long-term keys). Never type keys into the collection itself.`,
    'RoleCall signs these requests with AWS profiles, environment credentials or assumed roles; Postman cannot: use keys for the identity each folder or request names.',
  ].join('\n');
}

/** What this request's RoleCall signing settings do that Postman's signer will not; empty when nothing is lost. */
export function signingCaveats(node: RequestNode, signing: PostmanSigning): string[] {
  const out: string[] = [];
  const s3 = signing.service === 's3';
  const hasBody = node.body.mode !== 'none';
  if (node.signing.payload === 'unsigned' && !(s3 && signing.query)) {
    out.push('unsigned payload is not carried over: Postman signs the payload hash');
  }
  const header = node.signing.contentSha256Header;
  if (signing.query) {
    if (header === true) out.push('the X-Amz-Content-Sha256 header is not sent: Postman sends none in query (presigned) mode');
    if (hasBody && !s3) out.push('a body in query (presigned) mode is signed by Postman as if empty: the server will refuse the signature');
  } else if (header === false && (hasBody || s3)) {
    out.push('Postman sends the X-Amz-Content-Sha256 header anyway (it always does with a body, and for s3)');
  } else if (header === true && !hasBody && !s3) {
    out.push('the X-Amz-Content-Sha256 header is not sent: Postman sends it only with a body or for s3');
  }
  if (!signing.region || !signing.service) {
    const missing = [!signing.region && 'region (Postman uses us-east-1)', !signing.service && 'service (Postman uses execute-api)'].filter(Boolean).join(' and ');
    out.push(`no ${missing}: not set and not detectable from the URL`);
  }
  return out;
}
