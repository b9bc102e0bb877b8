// Turns a request as the user keeps it (a template with {{variables}}, auth that may say "inherit") into the exact
// input main signs and sends. Pure, so the inspector's preview, the send and the tests all see the same request.
// Inheritance runs request → folders (innermost first) → collection; a collection that says "inherit" means none.
// Variables are looked up in what this session captured from responses, then the environment, then the folders
// innermost first, then the collection.
import type { AuthChoice, BaseIdentity } from './models/auth';
import type { BodySpec, SignInput } from './models/http';
import type { Collection, Environment, FolderNode, KeyValue, RequestAuth, RequestBody, RequestDoc } from './models/workspace';

/** What inheritance reads of a folder or collection (the sidebar's light tree has it; their requests are not needed). */
type Scope = Pick<FolderNode, 'name' | 'auth' | 'variables' | 'signing'>;
type CollectionScope = Pick<Collection, 'name' | 'auth' | 'variables' | 'signing'>;
import { resolveText, type VariableScope, type VariableUse } from './variables';
import { GRAPHQL_CONTENT_TYPE, graphqlPayload } from './graphqlBody';

export interface EffectiveInput {
  doc: RequestDoc;
  /** The folders holding the request, outermost first (as the tree nests them). */
  folders: Scope[];
  collection?: CollectionScope;
  environment?: Environment;
  /** What "inherit" ends at when no collection holds the request (an unsaved tab): the default profile. */
  fallbackAuth?: RequestAuth;
  /** Values captured from responses in this session: looked up before the environment. */
  captured?: KeyValue[];
}

export interface EffectiveRequest {
  /** Ready for request:sign and request:send. */
  sign: SignInput;
  /** Where the auth came from: 'request', 'folder "X"', 'collection "Y"', or 'default' when nothing set one. */
  authSource: string;
  /** The lookup order, first wins: what the UI shows as "resolution order". */
  scopes: VariableScope[];
  /** Names used but defined nowhere; the request still carries them as {{name}}. */
  unresolved: string[];
  uses: VariableUse[];
  /** The resolved URL with secret variables' values masked, for history and display. */
  maskedUrl: string;
}

export const SECRET_MASK = '••••••';

const CONTENT_TYPES: Record<'json' | 'text' | 'xml', string> = {
  json: 'application/json',
  text: 'text/plain; charset=utf-8',
  xml: 'application/xml',
};

export function variableScopes(input: Omit<EffectiveInput, 'doc'>): VariableScope[] {
  const scopes: VariableScope[] = [];
  if (input.captured?.length) scopes.push({ label: 'captured this session', variables: input.captured });
  if (input.environment) scopes.push({ label: `environment "${input.environment.name}"`, variables: input.environment.variables });
  for (const folder of [...input.folders].reverse()) scopes.push({ label: `folder "${folder.name}"`, variables: folder.variables });
  if (input.collection) scopes.push({ label: `collection "${input.collection.name}"`, variables: input.collection.variables });
  return scopes;
}

/** The auth that applies and who set it. */
export function inheritedAuth(doc: RequestDoc, folders: Scope[], collection?: CollectionScope, fallback?: RequestAuth): { auth: RequestAuth; source: string } {
  if (doc.auth.type !== 'inherit') return { auth: doc.auth, source: 'request' };
  for (const folder of [...folders].reverse()) {
    if (folder.auth.type !== 'inherit') return { auth: folder.auth, source: `folder "${folder.name}"` };
  }
  if (collection) {
    const auth: RequestAuth = collection.auth.type === 'inherit' ? { type: 'none' } : collection.auth;
    return { auth, source: `collection "${collection.name}"` };
  }
  if (fallback && fallback.type !== 'inherit') return { auth: fallback, source: DEFAULT_PROFILE_SOURCE };
  return { auth: { type: 'none' }, source: 'default' };
}

export const DEFAULT_PROFILE_SOURCE = 'the default profile';

/**
 * Region and service as the request says, else as its folders (innermost first), else its collection says: a
 * custom domain's requests name neither, so they are set once where they live. Unresolved ({{variables}} stay).
 */
export function inheritedSigning(doc: RequestDoc, folders: Scope[], collection?: CollectionScope): { region: string; service: string } {
  const scopes = [...[...folders].reverse().map((f) => f.signing), collection?.signing];
  const pick = (key: 'region' | 'service') => (doc.signing[key].trim() ? doc.signing[key] : (scopes.find((s) => s?.[key].trim())?.[key] ?? ''));
  return { region: pick('region'), service: pick('service') };
}

export function effectiveRequest(input: EffectiveInput): EffectiveRequest {
  const { doc } = input;
  const scopes = variableScopes(input);
  const uses: VariableUse[] = [];
  const unresolved = new Set<string>();
  const resolve = (text: string): string => {
    const r = resolveText(text, scopes);
    uses.push(...r.uses);
    r.unresolved.forEach((name) => unresolved.add(name));
    return r.text;
  };

  const url = resolve(doc.url);
  const headers: Array<[string, string]> = enabled(doc.headers).map((h) => [resolve(h.key), resolve(h.value)]);
  const body = bodySpec(doc, resolve, headers);
  const { auth, source } = inheritedAuth(doc, input.folders, input.collection, input.fallbackAuth);
  const choice = authChoice(auth, resolve);

  const scoped = inheritedSigning(doc, input.folders, input.collection);
  const region = resolve(scoped.region).trim();
  const service = resolve(scoped.service).trim();
  const signing: SignInput['signing'] = {
    payload: doc.signing.payload,
    mode: doc.signing.mode,
    expiresIn: doc.signing.expiresIn,
    ...(region ? { region } : {}),
    ...(service ? { service } : {}),
    ...(doc.signing.contentSha256Header !== undefined ? { contentSha256Header: doc.signing.contentSha256Header } : {}),
  };

  return {
    sign: { request: { method: doc.method.toUpperCase(), url, headers, body }, auth: choice, signing },
    authSource: source,
    scopes,
    unresolved: [...unresolved],
    uses,
    maskedUrl: maskSecrets(doc.url, scopes),
  };
}

/** Resolves a text with secret variables shown as a mask: what history and screens may keep. */
export function maskSecrets(text: string, scopes: VariableScope[]): string {
  const masked = scopes.map((scope) => ({
    label: scope.label,
    variables: scope.variables.map((v) => (v.secret ? { ...v, value: SECRET_MASK } : v)),
  }));
  return resolveText(text, masked).text;
}

function enabled(rows: KeyValue[]): KeyValue[] {
  return rows.filter((row) => row.enabled && row.key.trim() !== '');
}

function hasHeader(headers: Array<[string, string]>, name: string): boolean {
  return headers.some(([key]) => key.trim().toLowerCase() === name);
}

/** The body main will send; adds the Content-Type the body implies unless the user typed one. */
function bodySpec(doc: RequestDoc, resolve: (text: string) => string, headers: Array<[string, string]>): BodySpec {
  const body: RequestBody = doc.body;
  const contentType = (value: string) => {
    if (!hasHeader(headers, 'content-type')) headers.push(['Content-Type', value]);
  };
  switch (body.mode) {
    case 'none':
      return { kind: 'none' };
    case 'raw':
      contentType(CONTENT_TYPES[body.language]);
      return { kind: 'text', text: resolve(body.text) };
    case 'urlencoded': {
      const form = new URLSearchParams();
      for (const field of enabled(body.fields)) form.append(resolve(field.key), resolve(field.value));
      contentType('application/x-www-form-urlencoded');
      return { kind: 'text', text: form.toString() };
    }
    case 'multipart': {
      const boundary = `----RoleCallFormBoundary${doc.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 40) || 'x'}`;
      contentType(`multipart/form-data; boundary=${boundary}`);
      return multipart(body.parts.filter((p) => p.enabled && p.key.trim() !== ''), boundary, resolve);
    }
    case 'file': {
      if (body.contentType) contentType(resolve(body.contentType));
      const path = resolve(body.path).trim();
      return path ? { kind: 'file', path } : { kind: 'none' };
    }
    case 'graphql':
      contentType(GRAPHQL_CONTENT_TYPE);
      return { kind: 'text', text: graphqlPayload(resolve(body.query), resolve(body.variables), body.operationName && resolve(body.operationName)) };
  }
}

type Part = Extract<RequestBody, { mode: 'multipart' }>['parts'][number];

/** RFC 7578 framing; text parts inline, file parts as paths main reads, so the bytes never pass the renderer. */
function multipart(parts: Part[], boundary: string, resolve: (text: string) => string): BodySpec {
  const segments: Array<{ text: string } | { path: string }> = [];
  let text = '';
  const quote = (value: string) => value.replace(/["\r\n]/g, (c) => (c === '"' ? '%22' : c === '\r' ? '%0D' : '%0A'));
  for (const part of parts) {
    const name = quote(resolve(part.key));
    text += `--${boundary}\r\n`;
    if (part.kind === 'text') {
      text += `Content-Disposition: form-data; name="${name}"\r\n`;
      if (part.contentType) text += `Content-Type: ${resolve(part.contentType)}\r\n`;
      text += `\r\n${resolve(part.value)}\r\n`;
      continue;
    }
    const path = resolve(part.value).trim();
    const filename = quote(path.split(/[\\/]/).pop() || 'file');
    text += `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\n`;
    text += `Content-Type: ${part.contentType ? resolve(part.contentType) : 'application/octet-stream'}\r\n\r\n`;
    segments.push({ text }, { path });
    text = '\r\n';
  }
  text += `--${boundary}--\r\n`;
  if (segments.length === 0) return { kind: 'text', text };
  segments.push({ text });
  return { kind: 'parts', parts: segments };
}

function baseIdentity(base: Extract<RequestAuth, { type: 'assumeRole' }>['base'], resolve: (text: string) => string): BaseIdentity {
  if (base.kind === 'env') return { kind: 'env' };
  if (base.kind === 'profile') return { kind: 'profile', profile: resolve(base.profile).trim() };
  return { kind: 'storedKeys', name: resolve(base.name).trim() };
}

function authChoice(auth: RequestAuth, resolve: (text: string) => string): AuthChoice {
  switch (auth.type) {
    case 'inherit':
    case 'none':
      return { kind: 'none' };
    case 'env':
      return { kind: 'env' };
    case 'profile':
      return { kind: 'profile', profile: resolve(auth.profile).trim() };
    case 'storedKeys':
      return { kind: 'storedKeys', name: resolve(auth.name).trim() };
    case 'assumeRole': {
      const opt = (text: string) => resolve(text).trim() || undefined;
      const duration = opt(auth.durationSeconds);
      const choice: AuthChoice = { kind: 'assumeRole', base: baseIdentity(auth.base, resolve), roleArn: resolve(auth.roleArn).trim() };
      const sessionName = opt(auth.sessionName);
      const externalId = opt(auth.externalId);
      const mfaSerial = opt(auth.mfaSerial);
      const stsRegion = opt(auth.stsRegion);
      const stsEndpoint = opt(auth.stsEndpoint);
      if (sessionName) choice.sessionName = sessionName;
      if (externalId) choice.externalId = externalId;
      // A non-number is passed as NaN so main's schema rejects it with its own message rather than dropping it.
      if (duration) choice.durationSeconds = /^\d+$/.test(duration) ? Number(duration) : Number.NaN;
      if (mfaSerial) choice.mfaSerial = mfaSerial;
      if (stsRegion) choice.stsRegion = stsRegion;
      if (stsEndpoint) choice.stsEndpoint = stsEndpoint;
      return choice;
    }
  }
}
