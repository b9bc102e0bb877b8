// What the explainer knows about one refusal, gathered once: the response (status, headers, a bounded body
// prefix, AWS's parsed error), the request that was sent, how it was signed, and who RoleCall resolved the caller
// to. Every cause reads these facts; none re-parses the response. The body is hostile input: only its first
// MATCH_CHARS characters are ever searched, with indexOf, never with a regex over the body.
import { detectEndpoint, type DetectedEndpoint } from '../endpoint';
import type { CredentialHop } from '../models/auth';
import type { AwsErrorInfo } from '../models/http';
import type { Refusal, RefusalFamily } from '../models/refusal';

/** AWS's refusal messages are a few hundred characters; nothing worth matching lies further in. */
export const MATCH_CHARS = 8 * 1024;

export interface RefusalRequest {
  method: string;
  url: string;
  /** What SigV4 used, when the request was signed by RoleCall. */
  signing?: {
    region: string;
    service: string;
    regionSource?: 'explicit' | 'detected';
    serviceSource?: 'explicit' | 'detected';
    /** X-Amz-Date, e.g. 20150830T123600Z. */
    amzDate?: string;
    signedHeaders?: string[];
    credentialScope?: string;
    mode?: 'header' | 'query';
    accessKeyId?: string;
    /** Ours, to compare with the one AWS sends back on a mismatch. */
    canonicalRequest?: string;
  };
  /** Headers as sent (names are enough; values are only read for Authorization's scheme). */
  headers?: Array<[string, string]>;
}

export interface RefusalIdentity {
  /** GetCallerIdentity's ARN, when known. */
  arn?: string;
  account?: string;
  /** The chain RoleCall resolved: base credentials, then each AssumeRole hop. */
  hops?: CredentialHop[];
}

export interface RefusalInput {
  status: number;
  headers: Array<[string, string]>;
  /** The body's first characters (the engine passes AWS_ERROR_SCAN_CHARS). */
  bodyText: string;
  awsError?: AwsErrorInfo;
  request: RefusalRequest;
  identity?: RefusalIdentity;
}

export interface Facts {
  input: RefusalInput;
  status: number;
  /** AWS's error type: x-amzn-ErrorType, the body's __type / Code, cleaned. */
  type: string;
  /** AWS's message (bounded), or the body's first characters when AWS gave none. */
  text: string;
  requestId?: string;
  endpoint: DetectedEndpoint;
  host: string;
  path: string;
  signed: boolean;
  /** The principal RoleCall signed as, when it knows one: the resolved ARN, else the last role assumed. */
  knownPrincipal?: string;
  /** The body parsed as JSON, when it is a JSON object (OpenSearch's error shapes are not in AwsErrorInfo). */
  json?: Record<string, unknown>;
}

export function gatherFacts(input: RefusalInput): Facts {
  const body = input.bodyText.slice(0, MATCH_CHARS);
  const json = parseObject(input.bodyText);
  const type = input.awsError?.type ?? header(input.headers, 'x-amzn-errortype')?.split(':')[0]?.trim() ?? '';
  const text = (input.awsError?.message ?? body.trim()).slice(0, MATCH_CHARS);
  const { host, path } = splitUrl(input.request.url);
  const facts: Facts = {
    input,
    status: input.status,
    type,
    text,
    endpoint: detectEndpoint(input.request.url),
    host,
    path,
    signed: isSigned(input.request),
  };
  const requestId = findRequestId(input.headers, body, json);
  if (requestId) facts.requestId = requestId;
  const principal = knownPrincipal(input.identity);
  if (principal) facts.knownPrincipal = principal;
  if (json) facts.json = json;
  return facts;
}

/** A Refusal with the parts every cause shares filled in from the facts. */
export function refusal(
  facts: Facts,
  family: RefusalFamily,
  fields: Pick<Refusal, 'id' | 'title' | 'explanation' | 'checks' | 'fixes'> & Partial<Refusal>,
): Refusal {
  const out: Refusal = { family, likelihood: [], awsText: facts.text, status: facts.status, ...fields };
  if (facts.type && out.awsType === undefined) out.awsType = facts.type;
  if (facts.requestId && out.requestId === undefined) out.requestId = facts.requestId;
  if (out.principal === undefined && facts.knownPrincipal) out.principal = facts.knownPrincipal;
  return out;
}

export function header(headers: Array<[string, string]>, lowerName: string): string | undefined {
  return headers.find(([name]) => name.toLowerCase() === lowerName)?.[1];
}

/** The last assumed role when GetCallerIdentity was not called: what AWS will see, as far as RoleCall knows. */
function knownPrincipal(identity: RefusalIdentity | undefined): string | undefined {
  if (identity?.arn) return identity.arn;
  const role = identity?.hops?.filter((h) => h.roleArn).at(-1)?.roleArn;
  return role ? `${role} (as an assumed-role session)` : undefined;
}

function isSigned(request: RefusalRequest): boolean {
  if (request.signing) return true;
  const auth = header(request.headers ?? [], 'authorization');
  if (auth?.startsWith('AWS4-HMAC-SHA256')) return true;
  const query = request.url.indexOf('?');
  return query >= 0 && request.url.slice(query, query + 4096).toLowerCase().includes('x-amz-signature=');
}

function splitUrl(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname.toLowerCase(), path: parsed.pathname };
  } catch {
    return { host: '', path: '' };
  }
}

function findRequestId(headers: Array<[string, string]>, body: string, json: Record<string, unknown> | undefined): string | undefined {
  const fromHeader = header(headers, 'x-amzn-requestid') ?? header(headers, 'x-amz-request-id') ?? header(headers, 'x-amz-apigw-id');
  if (fromHeader) return fromHeader.slice(0, 200);
  const fromJson = json?.['request-id'] ?? json?.requestId ?? json?.RequestId;
  if (typeof fromJson === 'string') return fromJson.slice(0, 200);
  // Query protocol (STS, IAM): <RequestId>…</RequestId> after the <Error>.
  const open = body.indexOf('<RequestId>');
  const close = open < 0 ? -1 : body.indexOf('</RequestId>', open);
  return close < 0 ? undefined : body.slice(open + '<RequestId>'.length, Math.min(close, open + 211)).trim() || undefined;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const doc: unknown = JSON.parse(trimmed);
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The account id in an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:...), if it has one. */
export function arnAccount(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}
