// Reads the SigV4 region and signing name from an AWS host name, and splits a typed URL without rewriting it.
// A custom domain says nothing about either: detection then returns neither and the caller asks the user.
// The raw split matters because the signer must put the path and query on the wire exactly as typed, and
// WHATWG URL would re-encode them (and turn "\" into "/").
import { appError } from './errors';

export type EndpointKind =
  | 'execute-api'
  | 'lambda-url'
  | 'opensearch'
  | 'opensearch-serverless'
  | 'appsync'
  | 's3'
  | 'global'
  | 'regional'
  | 'custom';

export interface DetectedEndpoint {
  region?: string;
  service?: string;
  kind: EndpointKind;
}

const REGION = /^[a-z]{2,4}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** Services whose only endpoint is global, signed in us-east-1 (aws partition). */
const GLOBAL_SERVICES = new Set(['iam', 'sts', 'route53', 'cloudfront', 'waf', 'organizations', 'budgets', 'shield']);

/** Host prefixes whose SigV4 signing name differs from the prefix. */
const SIGNING_NAMES: Record<string, string> = {
  email: 'ses',
  'runtime.sagemaker': 'sagemaker',
  'api.sagemaker': 'sagemaker',
  'api.ecr': 'ecr',
  'streams.dynamodb': 'dynamodb',
  'data.iot': 'iotdata',
  'data-ats.iot': 'iotdata',
  'runtime.lex': 'lex',
  'bedrock-runtime': 'bedrock',
  'bedrock-agent-runtime': 'bedrock',
  'aps-workspaces': 'aps',
  'appsync-realtime-api': 'appsync',
};

/** DNS suffixes of AWS partitions, longest first. */
const SUFFIXES = ['.amazonaws.com.cn', '.amazonaws.com', '.api.aws', '.on.aws'];

export function detectEndpoint(url: URL | string): DetectedEndpoint {
  let host: string;
  try {
    host = (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return { kind: 'custom' };
  }
  const suffix = SUFFIXES.find((s) => host.endsWith(s));
  if (!suffix) return { kind: 'custom' };
  const labels = host.slice(0, -suffix.length).split('.');
  // Interface endpoints: vpce-123-abc.execute-api.us-east-1.vpce.amazonaws.com.
  if (labels.at(-1) === 'vpce') labels.pop();

  if (suffix === '.on.aws') {
    const [, kind, region] = labels.slice(-3);
    if (kind === 'lambda-url' && region && REGION.test(region)) return { region, service: 'lambda', kind: 'lambda-url' };
    return { kind: 'custom' };
  }

  const s3 = detectS3(labels);
  if (s3) return s3;

  const regionAt = findRegion(labels);
  if (regionAt < 0) {
    const only = labels.length === 1 ? stripVariant(labels[0] ?? '') : undefined;
    if (only && GLOBAL_SERVICES.has(only) && suffix === '.amazonaws.com') {
      return { region: 'us-east-1', service: only, kind: 'global' };
    }
    return { kind: 'custom' };
  }
  const region = labels[regionAt] as string;
  const before = labels.slice(0, regionAt).filter((l) => l !== 'dualstack' && l !== 'fips');
  const after = labels.slice(regionAt + 1);

  // OpenSearch domains put the service after the region: search-x.eu-west-1.es.amazonaws.com.
  const tail = after.length === 1 ? stripVariant(after[0] as string) : undefined;
  if (tail === 'es' || tail === 'aoss') {
    const service = tail;
    return { region, service, kind: service === 'es' ? 'opensearch' : 'opensearch-serverless' };
  }
  if (after.length > 0) return { kind: 'custom' };

  const prefix = stripVariant(before.at(-1) ?? '');
  if (!prefix) return { kind: 'custom' };
  if (prefix === 'execute-api') return { region, service: 'execute-api', kind: 'execute-api' };
  if (prefix === 'appsync-api' || prefix === 'appsync-realtime-api') return { region, service: 'appsync', kind: 'appsync' };
  const pair = before.slice(-2).map(stripVariant).join('.');
  const service = SIGNING_NAMES[pair] ?? SIGNING_NAMES[prefix] ?? prefix;
  return { region, service, kind: 'regional' };
}

/** s3.amazonaws.com, bucket.s3.eu-west-1.amazonaws.com, s3-eu-west-1, s3.dualstack.REGION, s3-fips, access points. */
function detectS3(labels: string[]): DetectedEndpoint | undefined {
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i] as string;
    const rest = labels.slice(i + 1).filter((l) => l !== 'dualstack');
    if (label === 's3' || label === 's3-fips' || label === 's3-accesspoint' || label === 's3-control' || label === 's3-external-1') {
      if (rest.length === 0) return { region: 'us-east-1', service: 's3', kind: 's3' };
      if (rest.length === 1 && REGION.test(rest[0] as string)) return { region: rest[0], service: 's3', kind: 's3' };
      return undefined;
    }
    const legacy = /^s3-(.+)$/.exec(label);
    if (legacy && rest.length === 0 && REGION.test(legacy[1] as string)) return { region: legacy[1], service: 's3', kind: 's3' };
  }
  return undefined;
}

function findRegion(labels: string[]): number {
  for (let i = labels.length - 1; i >= 0; i--) if (REGION.test(labels[i] as string)) return i;
  return -1;
}

function stripVariant(label: string): string {
  return label.replace(/-fips$/, '');
}

/** A typed URL split without re-encoding: `path` and `query` are the user's exact characters. */
export interface ParsedRequestUrl {
  /** WHATWG parse of the origin, for protocol, host and port. */
  url: URL;
  /** "https://host[:port]" as the HTTP client will send it. */
  origin: string;
  /** The path exactly as typed; "/" when none was typed. */
  path: string;
  /** The query exactly as typed, without "?"; undefined when there was no "?". */
  query?: string;
}

export function parseRequestUrl(raw: string): ParsedRequestUrl {
  const text = raw.trim();
  const scheme = /^(https?):\/\//i.exec(text);
  if (!scheme) {
    throw appError('INVALID_URL', 'The URL must start with http:// or https://.', `Got: ${clip(text)}`);
  }
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw appError('INVALID_URL', 'The URL contains a control character (a tab or a line break?).', `Got: ${clip(text)}`);
  }
  const afterScheme = text.slice(scheme[0].length);
  const authorityEnd = afterScheme.search(/[/?#]/);
  const authority = authorityEnd < 0 ? afterScheme : afterScheme.slice(0, authorityEnd);
  const rest = authorityEnd < 0 ? '' : afterScheme.slice(authorityEnd);
  if (!authority) throw appError('INVALID_URL', 'The URL has no host name.', `Got: ${clip(text)}`);
  if (authority.includes('@')) {
    throw appError('INVALID_URL', 'Put credentials in a profile, not in the URL (user:password@ is not supported).');
  }
  if (/[\\\s]/.test(authority)) throw appError('INVALID_URL', 'The host name contains a space or a backslash.', `Got: ${clip(authority)}`);
  let url: URL;
  try {
    url = new URL(`${scheme[1]!.toLowerCase()}://${authority}/`);
  } catch (err) {
    throw appError('INVALID_URL', 'The host name or port in the URL is not valid.', err instanceof Error ? err.message : String(err));
  }
  if (!url.hostname) throw appError('INVALID_URL', 'The URL has no host name.', `Got: ${clip(text)}`);
  const withoutFragment = rest.split('#', 1)[0] ?? '';
  const q = withoutFragment.indexOf('?');
  const path = (q < 0 ? withoutFragment : withoutFragment.slice(0, q)) || '/';
  const parsed: ParsedRequestUrl = { url, origin: `${url.protocol}//${url.host}`, path };
  if (q >= 0) parsed.query = withoutFragment.slice(q + 1);
  return parsed;
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
