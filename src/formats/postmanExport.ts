// A RoleCall collection as a Postman Collection v2.1 document that Postman and newman run. Folders nest `item[]`,
// variables keep their {{name}} syntax (Postman's own); folder variables move to the collection
// (postmanFolderVariables.ts). Auth is written once where it is set (collection, folder or
// request) and inherited below it, as Postman inherits; AWS auth becomes awsv4 signing with credential variables
// (see postmanAuthExport.ts). RoleCall keeps region, service and presign mode per request, Postman per auth block:
// a block takes the signing most of the requests under it use, and a request that differs gets its own block.
// Scripts kept from a Postman import go back as `event`s where they were (postmanScriptsExport.ts); RoleCall's own
// checks do not (they are not code). What Postman cannot express is said in the descriptions and returned as
// `report`. No credential and no secret variable value is ever written.
import { detectEndpoint } from '../endpoint';
import type { Collection, FolderNode, ItemNode, KeyValue, RequestAuth, RequestBody, RequestNode } from '../models/workspace';
import { resolveText, type VariableScope } from '../variables';
import { blankSecrets } from './blankSecrets';
import { hoistFolderVariables } from './postmanFolderVariables';
import { scriptEvents, type PostmanEvent } from './postmanScriptsExport';
import {
  awsv4,
  CREDENTIAL_VARIABLES,
  commonSigning,
  credentialsGuide,
  describeAuth,
  describeIdentity,
  isAws,
  sameSigning,
  type AwsAuth,
  signingCaveats,
  type PostmanAuth,
  type PostmanSigning,
} from './postmanAuthExport';

export type { PostmanAuth, PostmanAuthAttribute } from './postmanAuthExport';
export { describeAuth } from './postmanAuthExport';

export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface PostmanVariable {
  key: string;
  value: string;
  type: 'string';
  disabled?: boolean;
  description?: string;
}
export interface PostmanQueryParam {
  key: string;
  value: string | null;
  disabled?: boolean;
  description?: string;
}
/** A path variable (`:name`): only written back when one kept from Postman had a description. */
export interface PostmanPathVariable {
  key: string;
  value: string;
  description?: string;
}
export interface PostmanUrl {
  raw: string;
  protocol?: string;
  host?: string[];
  port?: string;
  path?: string[];
  query?: PostmanQueryParam[];
  hash?: string;
  variable?: PostmanPathVariable[];
}
interface PostmanField {
  key: string;
  type: 'text' | 'file';
  value?: string;
  src?: string;
  contentType?: string;
  disabled?: boolean;
  description?: string;
}
export type PostmanBody =
  | { mode: 'raw'; raw: string; options: { raw: { language: 'json' | 'text' | 'xml' } } }
  | { mode: 'urlencoded'; urlencoded: PostmanField[] }
  | { mode: 'formdata'; formdata: PostmanField[] }
  | { mode: 'file'; file: { src: string } }
  | { mode: 'graphql'; graphql: { query: string; variables: string; operationName?: string } };
export interface PostmanHeader {
  key: string;
  value: string;
  type: 'text';
  disabled?: boolean;
  description?: string;
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
  /** Pre-request and test scripts kept from Postman (postmanScriptsExport.ts); RoleCall's checks are never written here. */
  event?: PostmanEvent[];
  request: PostmanRequest;
  response: [];
  /** Postman's per-request settings: only followRedirects has a RoleCall counterpart. */
  protocolProfileBehavior?: { followRedirects: boolean };
}
export interface PostmanFolder {
  name: string;
  item: PostmanItem[];
  event?: PostmanEvent[];
  description?: string;
  auth?: PostmanAuth;
}
export type PostmanItem = PostmanRequestItem | PostmanFolder;
export interface PostmanCollection {
  info: { name: string; schema: typeof POSTMAN_SCHEMA; description?: string };
  item: PostmanItem[];
  event?: PostmanEvent[];
  auth?: PostmanAuth;
  variable?: PostmanVariable[];
}

export interface PostmanExport {
  collection: PostmanCollection;
  /** What RoleCall does that the Postman document cannot say, one line each, naming the item ("Folder / Request: …"). */
  report: string[];
}

const SECRET_NOTE = 'Secret in RoleCall: its value is not exported. Fill it in.';
const CREDENTIAL_NOTE = 'Set this in your Postman environment (type secret) or with newman --env-var; leave it empty here.';

/** What the walk carries down: the signing of the awsv4 block in force above (undefined when none is). */
interface Context {
  trail: string[];
  /** Folders' variables innermost first, then the collection's: for detecting region and service from a URL. */
  scopes: VariableScope[];
  signing: PostmanSigning | undefined;
  report: string[];
}

export function toPostmanCollection(source: Collection): PostmanCollection {
  return exportPostmanCollection(source).collection;
}

export function exportPostmanCollection(source: Collection): PostmanExport {
  const hoisted = hoistFolderVariables(blankSecrets(source));
  const collection = hoisted.collection;
  const report: string[] = [];
  // A collection's "inherit" means none (see collectionSchema).
  const auth: RequestAuth = collection.auth.type === 'inherit' ? { type: 'none' } : collection.auth;
  const scopes: VariableScope[] = [{ label: 'collection', variables: collection.variables }];
  const usesAws = isAws(auth) || anyAws(collection.items);

  const out: PostmanCollection = { info: { name: collection.name, schema: POSTMAN_SCHEMA }, item: [] };
  let signing: PostmanSigning | undefined;
  if (isAws(auth)) {
    signing = commonSigning(inheritors(collection.items, scopes));
    out.auth = awsv4(signing);
    report.push(`Collection: ${identityNote(auth)}`);
  } else out.auth = { type: 'noauth' };
  const scripts = scriptEvents(collection.preserved, 'Collection');
  if (scripts.events.length) out.event = scripts.events;
  report.push(...scripts.report);
  out.item = collection.items.map((item) => toItem(item, { trail: [], scopes, signing, report }));
  const info = withOwn(collection.description, usesAws ? [credentialsGuide(), ...(isAws(auth) ? [describeAuth(auth)] : [])].join('\n\n') : undefined);
  if (info) out.info.description = info;

  const variables = toVariables(collection.variables);
  if (usesAws) {
    for (const name of Object.values(CREDENTIAL_VARIABLES)) {
      if (collection.variables.some((v) => v.key === name)) report.push(`Collection: the variable ${name} is yours, not an empty placeholder: make sure it holds no key.`);
      else variables.push({ key: name, value: '', type: 'string', description: CREDENTIAL_NOTE });
    }
  }
  if (variables.length) out.variable = variables;
  return { collection: out, report: [...report, ...hoisted.report] };
}

function anyAws(items: ItemNode[]): boolean {
  return items.some((item) => isAws(item.auth) || (item.kind === 'folder' && anyAws(item.items)));
}

function identityNote(auth: AwsAuth): string {
  const role = auth.type === 'assumeRole' ? " (give Postman the role's temporary credentials, with the session token)" : '';
  return `RoleCall signs with ${describeIdentity(auth)}; Postman cannot use profiles, environment credentials or roles and signs with the AWS_* variables instead${role}.`;
}

const folderScopes = (folder: FolderNode, scopes: VariableScope[]): VariableScope[] => [{ label: folder.name, variables: folder.variables }, ...scopes];

/** The signings of the requests that take their auth from the scope holding `items`. */
function inheritors(items: ItemNode[], scopes: VariableScope[]): PostmanSigning[] {
  const out: PostmanSigning[] = [];
  for (const item of items) {
    if (item.auth.type !== 'inherit') continue;
    if (item.kind === 'folder') out.push(...inheritors(item.items, folderScopes(item, scopes)));
    else out.push(requestSigning(item, scopes));
  }
  return out;
}

function toItem(item: ItemNode, context: Context): PostmanItem {
  return item.kind === 'folder' ? toFolder(item, context) : toRequestItem(item, context);
}

function toFolder(folder: FolderNode, context: Context): PostmanFolder {
  const scopes = folderScopes(folder, context.scopes);
  const trail = [...context.trail, folder.name];
  let signing = context.signing;
  const out: PostmanFolder = { name: folder.name, item: [] };
  if (folder.auth.type === 'none') {
    out.auth = { type: 'noauth' };
    signing = undefined;
  } else if (isAws(folder.auth)) {
    signing = commonSigning(inheritors(folder.items, scopes));
    out.auth = awsv4(signing);
    out.description = describeAuth(folder.auth);
    context.report.push(`${trail.join(' / ')}: ${identityNote(folder.auth)}`);
  }
  const folderDocs = withOwn(folder.description, out.description);
  if (folderDocs) out.description = folderDocs;
  const scripts = scriptEvents(folder.preserved, trail.join(' / '));
  if (scripts.events.length) out.event = scripts.events;
  context.report.push(...scripts.report);
  out.item = folder.items.map((item) => toItem(item, { ...context, trail, scopes, signing }));
  return out;
}

function toRequestItem(node: RequestNode, context: Context): PostmanRequestItem {
  const where = [...context.trail, node.name].join(' / ');
  const signing = requestSigning(node, context.scopes);
  const request: PostmanRequest = {
    method: node.method.toUpperCase(),
    header: node.headers.map((h) => ({ key: h.key, value: h.value, type: 'text' as const, ...(h.enabled ? {} : { disabled: true }), ...described(h.description) })),
    url: toPostmanUrl(node.signing.mode === 'query' && isSigned(node, context) ? withExpiry(node.url, node.signing.expiresIn) : node.url),
  };
  // Switched-off params are not in the URL (RoleCall never sends them); Postman keeps them in url.query, disabled.
  if (node.disabledParams.length) {
    request.url.query = [...(request.url.query ?? []), ...node.disabledParams.map((p) => ({ key: p.key, value: p.value, disabled: true }))];
  }
  const paramDocs = node.paramDescriptions ?? [];
  if (request.url.query && paramDocs.length) {
    request.url.query = request.url.query.map((q) => ({ ...q, ...described(paramDocs.find((d) => d.key === q.key)?.description) }));
  }
  const pathVariables = keptPathVariables(node);
  if (pathVariables.length) request.url.variable = pathVariables;
  const body = toBody(node.body);
  if (body) request.body = body;
  if (node.body.mode === 'file' && node.body.contentType && !node.headers.some((h) => h.enabled && h.key.trim().toLowerCase() === 'content-type')) {
    request.header.push({ key: 'Content-Type', value: node.body.contentType, type: 'text' });
  }

  if (node.auth.type === 'none') request.auth = { type: 'noauth' };
  else if (isAws(node.auth)) {
    request.auth = awsv4(signing);
    request.description = describeAuth(node.auth);
    context.report.push(`${where}: ${identityNote(node.auth)}`);
  } else if (context.signing && !sameSigning(context.signing, signing)) {
    // Same keys as the block above, but this request's own region, service or presign mode.
    request.auth = awsv4(signing);
  }
  const docs = withOwn(node.description, request.description);
  if (docs) request.description = docs;
  if (isSigned(node, context)) for (const caveat of signingCaveats(node, signing)) context.report.push(`${where}: ${caveat}`);
  // Postman's tests are scripts; RoleCall writes no code into a file, so its declared checks stay behind.
  if (node.checks.length || node.captures.length) {
    context.report.push(`${where}: ${plural(node.checks.length, 'check')} and ${plural(node.captures.length, 'capture')} not exported (Postman tests are scripts; RoleCall writes none)`);
  }
  const follow = node.settings?.followRedirects;
  if (node.settings?.timeoutMs !== undefined) context.report.push(`${where}: its timeout (${node.settings.timeoutMs / 1000} s) not exported (Postman has no per-request timeout)`);
  const scripts = scriptEvents(node.preserved, where);
  context.report.push(...scripts.report);
  return {
    name: node.name,
    ...(scripts.events.length ? { event: scripts.events } : {}),
    request,
    response: [],
    ...(follow !== undefined ? { protocolProfileBehavior: { followRedirects: follow } } : {}),
  };
}

const described = (description: string | undefined): { description?: string } => (description ? { description } : {});

/** Path variables kept from Postman (postmanImport.ts keeps those that had a description, as git-native rows). */
function keptPathVariables(node: RequestNode): PostmanPathVariable[] {
  const kept = node.preserved && Object.hasOwn(node.preserved.fields, 'pathVariables') ? node.preserved.fields.pathVariables : undefined;
  if (!Array.isArray(kept)) return [];
  return kept.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const { key, value, description } = row as Record<string, unknown>;
    if (typeof key !== 'string' || key === '') return [];
    return [{ key, value: typeof value === 'string' ? value : '', ...described(typeof description === 'string' ? description : undefined) }];
  });
}

/** The item's own description first, then what RoleCall says about its auth. */
const withOwn = (own: string | undefined, generated: string | undefined): string | undefined => [own, generated].filter(Boolean).join('\n\n') || undefined;

const isSigned = (node: RequestNode, context: Context) => isAws(node.auth) || (node.auth.type === 'inherit' && context.signing !== undefined);

/** Postman's signer reads the presign expiry from the URL's X-Amz-Expires; one the user typed is kept. */
function withExpiry(url: string, expiresIn: number): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const q = base.indexOf('?');
  if (q >= 0 && base.slice(q + 1).split('&').some((pair) => pair.split('=')[0]!.toLowerCase() === 'x-amz-expires')) return url;
  const sep = q < 0 ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${sep}X-Amz-Expires=${expiresIn}${hash < 0 ? '' : url.slice(hash)}`;
}

/** Region, service and presign mode as RoleCall would sign this request, detecting from the URL where unset. */
function requestSigning(node: RequestNode, scopes: VariableScope[]): PostmanSigning {
  // An empty region or service means "detect from the URL" in RoleCall; a URL still templated detects nothing.
  const detected: { region?: string; service?: string } =
    node.signing.region && node.signing.service ? {} : detectEndpoint(resolveText(node.url.trim(), scopes).text);
  return {
    region: node.signing.region || detected.region || '',
    service: node.signing.service || detected.service || '',
    query: node.signing.mode === 'query',
  };
}

function toVariables(rows: KeyValue[]): PostmanVariable[] {
  return rows.map((v) => ({
    key: v.key,
    value: v.value,
    type: 'string' as const,
    ...(v.enabled ? {} : { disabled: true }),
    ...(v.secret ? { description: [v.description, SECRET_NOTE].filter(Boolean).join('\n\n') } : described(v.description)),
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
      return { mode: 'urlencoded', urlencoded: body.fields.map((f) => ({ key: f.key, value: f.value, type: 'text' as const, ...disabled(f.enabled), ...described(f.description) })) };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.map((p) => ({
          key: p.key,
          type: p.kind,
          ...(p.kind === 'file' ? { src: p.value } : { value: p.value }),
          ...(p.contentType ? { contentType: p.contentType } : {}),
          ...disabled(p.enabled),
          ...described(p.description),
        })),
      };
    case 'file':
      return { mode: 'file', file: { src: body.path } };
    case 'graphql':
      // Postman's graphql body keeps query and variables (JSON text); operationName is an extra key Postman ignores
      // and RoleCall's import reads back.
      return {
        mode: 'graphql',
        graphql: { query: body.query, variables: body.variables, ...(body.operationName !== undefined ? { operationName: body.operationName } : {}) },
      };
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
