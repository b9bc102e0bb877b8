// What every "Copy as" generator starts from: the effective request (as request:sign would receive it) made ready
// for printing. Region and service are fixed (given, or read from an AWS host name), duplicate headers are joined
// the way SigV4 joins them, an unsigned payload becomes the x-amz-content-sha256 header servers need to see, and
// every secret variable's value is cut out of the text and replaced by an environment variable reference.
import { detectEndpoint } from '../../endpoint';
import type { EffectiveRequest } from '../../effectiveRequest';
import type { AuthChoice } from '../../models/auth';
import type { BodySpec, SigningOptions } from '../../models/http';
import { lookup } from '../../variables';
import type { Text } from './quote';

export interface CopyAsInput {
  request: { method: string; url: string; headers?: Array<[string, string]>; body?: BodySpec };
  auth: AuthChoice;
  signing?: SigningOptions;
  /** Values of the secret variables the request uses: the snippet reads each from an environment variable. */
  secrets?: Array<{ name: string; value: string }>;
}

export type SnippetBody =
  | { kind: 'none' }
  | { kind: 'text'; text: Text }
  | { kind: 'base64'; data: string }
  | { kind: 'file'; path: Text }
  | { kind: 'parts'; parts: Array<{ text: Text } | { path: Text }> };

export interface SnippetInput {
  method: string;
  url: Text;
  /** The URL as given, secrets included: only for reshaping before it is cut with text(). */
  rawUrl: string;
  /** Unique names (case-insensitively), in first-seen order; duplicates joined with ",". */
  headers: Array<[string, Text]>;
  body: SnippetBody;
  auth: AuthChoice;
  /** Cuts secret values out of any other text the snippet prints (profile names, role ARN, external id...). */
  text: (value: string) => Text;
  region: string;
  service: string;
  signed: boolean;
  unsignedPayload: boolean;
  /** Send x-amz-content-sha256 with the body's hash (S3, aoss, or asked for). */
  contentSha: boolean;
  presign: boolean;
  expiresIn: number;
  isS3: boolean;
  /** Environment variables the snippet reads secret values from, sorted. */
  secretEnv: string[];
  /** What the user should know: placeholders left, options a tool cannot honour. */
  notes: string[];
}

export const REGION_PLACEHOLDER = 'REGION';
export const SERVICE_PLACEHOLDER = 'SERVICE';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const S3_FAMILY = new Set(['s3', 's3-object-lambda', 's3-outposts', 's3express']);
const NEEDS_CONTENT_SHA = new Set([...S3_FAMILY, 'aoss']);

/** The copyAs input for an effective request, with the values of the secret variables it used. */
export function copyAsInputFrom(effective: EffectiveRequest): CopyAsInput {
  const secrets = new Map<string, string>();
  for (const use of effective.uses) {
    if (!use.secret) continue;
    const found = lookup(use.name, effective.scopes);
    if (found) secrets.set(use.name, found.value);
  }
  return { ...effective.sign, secrets: [...secrets].map(([name, value]) => ({ name, value })) };
}

export function snippetInput(input: CopyAsInput): SnippetInput {
  const notes: string[] = [];
  const { text, used } = secretSplitter(input.secrets ?? []);
  const signing = input.signing ?? {};
  const signed = input.auth.kind !== 'none';
  const detected = detectEndpoint(input.request.url);
  const region = signing.region || detected.region || '';
  const service = signing.service || detected.service || '';
  if (signed && !region) notes.push(`The host does not name its AWS region: replace ${REGION_PLACEHOLDER} with it (e.g. eu-west-1).`);
  if (signed && !service) notes.push(`The host does not name its AWS service: replace ${SERVICE_PLACEHOLDER} with it (e.g. execute-api).`);
  const isS3 = S3_FAMILY.has(service);
  const presign = signed && signing.mode === 'query';
  const unsignedPayload = signed && signing.payload === 'unsigned';
  const contentSha = signed && !unsignedPayload && (signing.contentSha256Header ?? (!presign && NEEDS_CONTENT_SHA.has(service)));

  const headers = joinDuplicates(input.request.headers ?? []);
  if (unsignedPayload && !headers.some(([name]) => name.toLowerCase() === 'x-amz-content-sha256')) {
    headers.push(['x-amz-content-sha256', UNSIGNED_PAYLOAD]);
  }
  return {
    method: input.request.method.toUpperCase(),
    url: text(input.request.url),
    rawUrl: input.request.url,
    headers: headers.map(([name, value]) => [name, text(value)]),
    body: snippetBody(input.request.body ?? { kind: 'none' }, text),
    auth: input.auth,
    text,
    region: region || REGION_PLACEHOLDER,
    service: service || SERVICE_PLACEHOLDER,
    signed,
    unsignedPayload,
    contentSha,
    presign,
    expiresIn: signing.expiresIn ?? 900,
    isS3,
    get secretEnv() {
      return [...used].sort();
    },
    notes,
  };
}

/** SigV4 signs repeated headers as one, values joined with ","; sending them joined keeps what is signed on the wire. */
function joinDuplicates(headers: Array<[string, string]>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [rawName, value] of headers) {
    const name = rawName.trim();
    const existing = out.find(([key]) => key.toLowerCase() === name.toLowerCase());
    if (existing) existing[1] = `${existing[1]},${value.trim()}`;
    else out.push([name, value.trim()]);
  }
  return out;
}

function snippetBody(body: BodySpec, text: (value: string) => Text): SnippetBody {
  switch (body.kind) {
    case 'none':
      return { kind: 'none' };
    case 'text':
      // A NUL cannot be written in a shell word; such a text travels as base64 like any binary body.
      if (body.text.includes('\0')) return { kind: 'base64', data: toBase64(body.text) };
      return body.text === '' ? { kind: 'none' } : { kind: 'text', text: text(body.text) };
    case 'base64':
      return body.data === '' ? { kind: 'none' } : { kind: 'base64', data: body.data };
    case 'file':
      return { kind: 'file', path: text(body.path) };
    case 'parts':
      return { kind: 'parts', parts: body.parts.map((part) => ('text' in part ? { text: text(part.text) } : { path: text(part.path) })) };
  }
}

function toBase64(value: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Environment variable names for secret variables: upper case, [A-Z0-9_], never one of AWS's own. */
function envName(name: string, taken: Set<string>): string {
  let base = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  if (!/^[A-Z_]/.test(base)) base = `_${base}`;
  if (base.startsWith('AWS_')) base = `SECRET_${base}`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
  taken.add(candidate);
  return candidate;
}

function secretSplitter(secrets: Array<{ name: string; value: string }>): { text: (value: string) => Text; used: Set<string> } {
  const taken = new Set<string>();
  // Longest first, so a secret that contains another is cut out whole.
  const known = secrets
    .filter((s) => s.value !== '')
    .sort((a, b) => b.value.length - a.value.length)
    .map((s) => ({ value: s.value, env: envName(s.name, taken) }));
  const used = new Set<string>();
  const text = (value: string): Text => {
    const out: Text = [];
    let rest = value;
    for (let guard = 0; rest !== '' && guard < 100_000; guard++) {
      let best: { at: number; value: string; env: string } | undefined;
      for (const secret of known) {
        const at = rest.indexOf(secret.value);
        if (at >= 0 && (!best || at < best.at)) best = { at, ...secret };
      }
      if (!best) break;
      if (best.at > 0) out.push({ text: rest.slice(0, best.at) });
      out.push({ env: best.env });
      used.add(best.env);
      rest = rest.slice(best.at + best.value.length);
    }
    if (rest !== '') out.push({ text: rest });
    return out;
  };
  return { text, used };
}
