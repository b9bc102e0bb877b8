// A RoleCall collection as a Postman Collection v2.1 document. Folders nest `item[]`, variables keep their
// {{name}} syntax (Postman's own). RoleCall's AWS identities (a profile, environment credentials, stored keys,
// an assumed role) have no Postman equivalent: they become Postman's awsv4 auth with the region and service
// from the signing settings and EMPTY accessKey/secretKey/sessionToken, and the item's description says what
// RoleCall used, so nothing is dropped silently. No credential and no secret variable value is ever written.
import { detectEndpoint } from '../endpoint';
import type { Collection, FolderNode, ItemNode, KeyValue, RequestAuth, RequestBody, RequestNode } from '../models/workspace';
import { blankSecrets } from './blankSecrets';

export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface PostmanVariable {
  key: string;
  value: string;
  type: 'string';
  disabled?: boolean;
  description?: string;
}
export interface PostmanAuthAttribute {
  key: string;
  value: string | boolean;
  type: 'string' | 'boolean';
}
export type PostmanAuth = { type: 'noauth' } | { type: 'awsv4'; awsv4: PostmanAuthAttribute[] };
export interface PostmanQueryParam {
  key: string;
  value: string | null;
  disabled?: boolean;
}
export interface PostmanUrl {
  raw: string;
  protocol?: string;
  host?: string[];
  port?: string;
  path?: string[];
  query?: PostmanQueryParam[];
  hash?: string;
}
interface PostmanField {
  key: string;
  type: 'text' | 'file';
  value?: string;
  src?: string;
  contentType?: string;
  disabled?: boolean;
}
export type PostmanBody =
  | { mode: 'raw'; raw: string; options: { raw: { language: 'json' | 'text' | 'xml' } } }
  | { mode: 'urlencoded'; urlencoded: PostmanField[] }
  | { mode: 'formdata'; formdata: PostmanField[] }
  | { mode: 'file'; file: { src: string } };
export interface PostmanHeader {
  key: string;
  value: string;
  type: 'text';
  disabled?: boolean;
}
export interface PostmanRequest {
  method: string;
  header: PostmanHeader[];
  url: PostmanUrl;
  body?: PostmanBody;
  auth?: PostmanAuth;
  description?: string;
}
export interface PostmanRequestItem {
  name: string;
  request: PostmanRequest;
  response: [];
}
export interface PostmanFolder {
  name: string;
  item: PostmanItem[];
  description?: string;
  auth?: PostmanAuth;
  variable?: PostmanVariable[];
}
export type PostmanItem = PostmanRequestItem | PostmanFolder;
export interface PostmanCollection {
  info: { name: string; schema: typeof POSTMAN_SCHEMA; description?: string };
  item: PostmanItem[];
  auth?: PostmanAuth;
  variable?: PostmanVariable[];
}

type AwsAuth = Exclude<RequestAuth, { type: 'inherit' } | { type: 'none' }>;
const isAws = (auth: RequestAuth): auth is AwsAuth => auth.type !== 'inherit' && auth.type !== 'none';

const SECRET_NOTE = 'Secret in RoleCall: its value is not exported. Fill it in.';

export function toPostmanCollection(source: Collection): PostmanCollection {
  const collection = blankSecrets(source);
  // A collection's "inherit" means none (see collectionSchema).
  const auth: RequestAuth = collection.auth.type === 'inherit' ? { type: 'none' } : collection.auth;
  const out: PostmanCollection = {
    info: { name: collection.name, schema: POSTMAN_SCHEMA },
    item: collection.items.map((item) => toItem(item, auth)),
  };
  const scoped = scopeAuth(auth);
  if (scoped) out.auth = scoped;
  if (isAws(auth)) out.info.description = describeAuth(auth);
  if (collection.variables.length) out.variable = toVariables(collection.variables);
  return out;
}

/** `inherited` is the auth in force above this item (what "inherit" resolves to). */
function toItem(item: ItemNode, inherited: RequestAuth): PostmanItem {
  return item.kind === 'folder' ? toFolder(item, inherited) : toRequestItem(item, inherited);
}

function toFolder(folder: FolderNode, inherited: RequestAuth): PostmanFolder {
  const effective = folder.auth.type === 'inherit' ? inherited : folder.auth;
  const out: PostmanFolder = { name: folder.name, item: folder.items.map((item) => toItem(item, effective)) };
  if (folder.auth.type !== 'inherit') out.auth = scopeAuth(folder.auth);
  if (isAws(folder.auth)) out.description = describeAuth(folder.auth);
  if (folder.variables.length) out.variable = toVariables(folder.variables);
  return out;
}

function toRequestItem(node: RequestNode, inherited: RequestAuth): PostmanRequestItem {
  const request: PostmanRequest = {
    method: node.method.toUpperCase(),
    header: node.headers.map((h) => ({ key: h.key, value: h.value, type: 'text' as const, ...(h.enabled ? {} : { disabled: true }) })),
    url: toPostmanUrl(node.url),
  };
  // Switched-off params are not in the URL (RoleCall never sends them); Postman keeps them in url.query, disabled.
  if (node.disabledParams.length) {
    request.url.query = [...(request.url.query ?? []), ...node.disabledParams.map((p) => ({ key: p.key, value: p.value, disabled: true }))];
  }
  const body = toBody(node.body);
  if (body) request.body = body;
  if (node.body.mode === 'file' && node.body.contentType && !node.headers.some((h) => h.enabled && h.key.trim().toLowerCase() === 'content-type')) {
    request.header.push({ key: 'Content-Type', value: node.body.contentType, type: 'text' });
  }

  const effective = node.auth.type === 'inherit' ? inherited : node.auth;
  if (node.auth.type === 'none') request.auth = { type: 'noauth' };
  else if (isAws(effective)) {
    // Region, service and query signing live on the request in RoleCall; Postman would lose them by inheriting.
    const signing = requestSigning(node);
    if (node.auth.type !== 'inherit' || signing.region || signing.service || signing.query) {
      request.auth = awsv4(signing);
      request.description = describeAuth(effective);
    }
  }
  return { name: node.name, request, response: [] };
}

function requestSigning(node: RequestNode): { region: string; service: string; query: boolean } {
  // An empty region or service means "detect from the URL" in RoleCall; a templated host detects nothing.
  const detected: { region?: string; service?: string } = node.signing.region && node.signing.service ? {} : detectEndpoint(node.url.trim());
  return {
    region: node.signing.region || detected.region || '',
    service: node.signing.service || detected.service || '',
    query: node.signing.mode === 'query',
  };
}

/** Auth on a collection or folder: no signing settings there, so Postman's defaults apply. */
function scopeAuth(auth: RequestAuth): PostmanAuth | undefined {
  if (auth.type === 'inherit') return undefined;
  if (auth.type === 'none') return { type: 'noauth' };
  return awsv4({ region: '', service: '', query: false });
}

function awsv4(signing: { region: string; service: string; query: boolean }): PostmanAuth {
  const text = (key: string, value: string): PostmanAuthAttribute => ({ key, value, type: 'string' });
  const awsv4: PostmanAuthAttribute[] = [text('accessKey', ''), text('secretKey', ''), text('sessionToken', '')];
  if (signing.region) awsv4.push(text('region', signing.region));
  if (signing.service) awsv4.push(text('service', signing.service));
  if (signing.query) awsv4.push({ key: 'addAuthDataToQuery', value: true, type: 'boolean' });
  return { type: 'awsv4', awsv4 };
}

/** What RoleCall signed with, in words, for the item's description. */
export function describeAuth(auth: AwsAuth): string {
  const base = (b: { kind: 'profile'; profile: string } | { kind: 'env' } | { kind: 'storedKeys'; name: string }): string =>
    b.kind === 'profile' ? `AWS profile "${b.profile}"` : b.kind === 'env' ? 'environment credentials (AWS_ACCESS_KEY_ID…)' : `stored keys "${b.name}"`;
  let what: string;
  if (auth.type === 'assumeRole') {
    what = `assume role ${auth.roleArn} from ${base(auth.base)}${auth.mfaSerial ? ` with MFA (${auth.mfaSerial})` : ''}`;
  } else if (auth.type === 'profile') what = base({ kind: 'profile', profile: auth.profile });
  else if (auth.type === 'storedKeys') what = base({ kind: 'storedKeys', name: auth.name });
  else what = base({ kind: 'env' });
  return `RoleCall auth: ${what}. Credentials are not exported: fill in the AWS Signature accessKey and secretKey (and sessionToken for temporary credentials).`;
}

function toVariables(rows: KeyValue[]): PostmanVariable[] {
  return rows.map((v) => ({
    key: v.key,
    value: v.value,
    type: 'string' as const,
    ...(v.enabled ? {} : { disabled: true }),
    ...(v.secret ? { description: SECRET_NOTE } : {}),
  }));
}

function toBody(body: RequestBody): PostmanBody | undefined {
  const disabled = (enabled: boolean) => (enabled ? {} : { disabled: true });
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'raw':
      return { mode: 'raw', raw: body.text, options: { raw: { language: body.language } } };
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: body.fields.map((f) => ({ key: f.key, value: f.value, type: 'text' as const, ...disabled(f.enabled) })) };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.map((p) => ({
          key: p.key,
          type: p.kind,
          ...(p.kind === 'file' ? { src: p.value } : { value: p.value }),
          ...(p.contentType ? { contentType: p.contentType } : {}),
          ...disabled(p.enabled),
        })),
      };
    case 'file':
      return { mode: 'file', file: { src: body.path } };
  }
}

/** Splits a typed URL (which may hold {{variables}}) the way Postman stores it, keeping `raw` exactly as typed. */
export function toPostmanUrl(raw: string): PostmanUrl {
  const url: PostmanUrl = { raw };
  let rest = raw.trim();
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    url.hash = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  const q = rest.indexOf('?');
  if (q >= 0) {
    url.query = rest
      .slice(q + 1)
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const eq = pair.indexOf('=');
        return eq < 0 ? { key: pair, value: null } : { key: pair.slice(0, eq), value: pair.slice(eq + 1) };
      });
    rest = rest.slice(0, q);
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (scheme) {
    url.protocol = scheme[1]!;
    rest = rest.slice(scheme[0].length);
  }
  const slash = rest.indexOf('/');
  let authority = slash < 0 ? rest : rest.slice(0, slash);
  const port = /^(.+):(\d+|\{\{[^{}]+\}\})$/.exec(authority);
  if (port) {
    authority = port[1]!;
    url.port = port[2]!;
  }
  // Dots inside {{a.b}} do not split the host.
  if (authority) url.host = authority.match(/(\{\{[^{}]*\}\}|[^.])+/g) ?? [authority];
  if (slash >= 0) url.path = rest.slice(slash + 1).split('/');
  return url;
}
