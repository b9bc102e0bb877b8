// One request as `<stem>.request.yaml` (Postman's http-request): name only when it differs from the stem, order,
// url, method, headers, queryParams (RoleCall keeps the query in the URL; only switched-off params are listed,
// disabled, and switched-on ones that have a description), body {type, content}, auth, settings. Credential headers and presigned query values are emptied
// (src/credentialGuard.ts) and body file paths lose any machine part before anything is written.
import { withoutCredentials } from '../../credentialGuard';
import type { RequestBody, RequestNode } from '../../models/workspace';
import { checksFromYaml, checksToYaml } from './checksBlock';
import { authFromYaml, authToYaml, DEFAULT_SIGNING, signingFromSettings, signingSettingsToYaml, type ReadAuth } from './authBlock';
import { portableFilePath } from './paths';
import { requestSettingsFromYaml, requestSettingsToYaml } from './requestSettings';
import { preservedFrom, withPreserved } from './preservedKeys';
import { rowsFromYaml, rowsToYaml } from './rows';
import { fieldProblem, has, readBoolean, readList, readNumber, readString, type YamlFile } from './yamlText';

export const REQUEST_KIND = 'http-request';

function bodyToYaml(body: RequestBody): Record<string, unknown> | undefined {
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'raw':
      return { type: body.language, content: body.text };
    case 'urlencoded':
      return { type: 'urlencoded', content: rowsToYaml(body.fields) };
    case 'multipart':
      return {
        type: 'formdata',
        content: body.parts.map((p) => ({
          key: p.key,
          type: p.kind,
          value: p.kind === 'file' ? portableFilePath(p.value) : p.value,
          ...(p.contentType !== undefined ? { contentType: p.contentType } : {}),
          ...(p.description ? { description: p.description } : {}),
          ...(p.enabled ? {} : { disabled: true }),
        })),
      };
    case 'file':
      return { type: 'file', content: portableFilePath(body.path), ...(body.contentType !== undefined ? { contentType: body.contentType } : {}) };
    case 'graphql':
      // Key order fixed (query, variables, operationName) so the same request always writes the same file.
      return {
        type: 'graphql',
        content: { query: body.query, variables: body.variables, ...(body.operationName !== undefined ? { operationName: body.operationName } : {}) },
      };
  }
}

export function requestToYaml(source: RequestNode, stem: string, order: number): Record<string, unknown> {
  const node = withoutCredentials(source);
  const out: Record<string, unknown> = { $kind: REQUEST_KIND };
  if (node.name !== stem) out.name = node.name;
  if (node.description) out.description = node.description;
  out.order = order;
  out.url = node.url;
  out.method = node.method;
  if (node.headers.length) out.headers = rowsToYaml(node.headers);
  const queryParams = queryParamsToYaml(node);
  if (queryParams.length) out.queryParams = queryParams;
  const body = bodyToYaml(node.body);
  if (body) out.body = body;
  const auth = authToYaml(node.auth, node.signing);
  if (auth) out.auth = auth;
  const settings = { ...signingSettingsToYaml(node.auth, node.signing), ...requestSettingsToYaml(node.settings) };
  if (Object.keys(settings).length) out.settings = settings;
  Object.assign(out, checksToYaml(node.checks, node.captures));
  // Scripts, pathVariables, examples and unknown keys as read, each where the file had it (preservedKeys.ts).
  return withPreserved(out, node.preserved);
}

function bodyFromYaml(file: YamlFile, idFor: (what: string) => (i: number) => string): RequestBody {
  if (!has(file, ['body'])) return { mode: 'none' };
  const type = readString(file, ['body', 'type'], 'none');
  const content = () => readString(file, ['body', 'content']);
  switch (type) {
    case 'none':
      return { mode: 'none' };
    case 'json':
    case 'text':
    case 'xml':
      return { mode: 'raw', language: type, text: content() };
    case 'html':
    case 'javascript':
      return { mode: 'raw', language: 'text', text: content() };
    case 'urlencoded':
      return { mode: 'urlencoded', fields: rowsFromYaml(file, ['body', 'content'], idFor('u')) };
    case 'formdata': {
      const partId = idFor('p');
      const parts = readList(file, ['body', 'content']).map((_entry, i) => {
        const at = ['body', 'content', i];
        const kind = readString(file, [...at, 'type'], 'text') === 'file' ? ('file' as const) : ('text' as const);
        const value = kind === 'file' && has(file, [...at, 'src']) ? readString(file, [...at, 'src']) : readString(file, [...at, 'value']);
        return {
          id: partId(i),
          key: readString(file, [...at, 'key']),
          enabled: !readBoolean(file, [...at, 'disabled'], false),
          kind,
          value,
          ...(has(file, [...at, 'contentType']) ? { contentType: readString(file, [...at, 'contentType']) } : {}),
          ...(readString(file, [...at, 'description']) ? { description: readString(file, [...at, 'description']) } : {}),
        };
      });
      return { mode: 'multipart', parts };
    }
    case 'file':
      return { mode: 'file', path: content(), ...(has(file, ['body', 'contentType']) ? { contentType: readString(file, ['body', 'contentType']) } : {}) };
    case 'graphql': {
      const at = ['body', 'content'];
      return {
        mode: 'graphql',
        query: readString(file, [...at, 'query']),
        variables: readString(file, [...at, 'variables']),
        ...(has(file, [...at, 'operationName']) ? { operationName: readString(file, [...at, 'operationName']) } : {}),
      };
    }
    default:
      fieldProblem(file, ['body', 'type'], `body type "${type}" is not supported; read as no body`);
      return { mode: 'none' };
  }
}

type ParamDescription = NonNullable<RequestNode['paramDescriptions']>[number];

/**
 * The switched-off params, and before them any switched-on param of the URL that has a description (the URL stays
 * where the request's params live; the entry only carries the description). Nothing described: as before.
 */
function queryParamsToYaml(node: RequestNode): Record<string, unknown>[] {
  const docs = node.paramDescriptions ?? [];
  const doc = (key: string) => {
    const description = docs.find((d) => d.key === key)?.description;
    return description ? { description } : {};
  };
  const described = docs.length ? urlParams(node.url).filter((p) => Object.keys(doc(p.key)).length) : [];
  return [
    ...described.map((p) => ({ key: p.key, value: p.value, ...doc(p.key) })),
    ...node.disabledParams.map((p) => ({ key: p.key, value: p.value, ...doc(p.key), disabled: true })),
  ];
}

/** The URL's query params as written (not decoded), first of each name. */
function urlParams(url: string): Array<{ key: string; value: string }> {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1).split('#')[0]! : '';
  const seen = new Set<string>();
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => (pair.includes('=') ? { key: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) } : { key: pair, value: '' }))
    .filter((p) => !seen.has(p.key) && seen.add(p.key));
}

/** Switched-on query params a Postman file lists but its URL lacks are appended to the URL (RoleCall's one place). */
function urlWithParams(file: YamlFile, url: string): { url: string; disabledParams: RequestNode['disabledParams']; paramDescriptions: ParamDescription[] } {
  const disabledParams: RequestNode['disabledParams'] = [];
  const paramDescriptions: ParamDescription[] = [];
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1).split('#')[0]!.split('&') : [];
  const added: string[] = [];
  readList(file, ['queryParams']).forEach((_entry, i) => {
    const at = ['queryParams', i];
    const key = readString(file, [...at, 'key']);
    const value = readString(file, [...at, 'value']);
    const description = readString(file, [...at, 'description']);
    if (description && !paramDescriptions.some((d) => d.key === key)) paramDescriptions.push({ key, description });
    if (readBoolean(file, [...at, 'disabled'], false)) disabledParams.push({ key, value });
    else if (!query.includes(`${key}=${value}`) && !(value === '' && query.includes(key))) added.push(`${key}=${value}`);
  });
  if (added.length === 0) return { url, disabledParams, paramDescriptions };
  const hash = url.indexOf('#');
  const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const joiner = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return { url: `${base}${joiner}${added.join('&')}${fragment}`, disabledParams, paramDescriptions };
}

export interface ReadRequest {
  node: RequestNode;
  order: number | undefined;
  /** A plain Postman awsv4 on the request itself (see authBlock). */
  native: ReadAuth['native'];
}

/** The request in `file`, named after `stem` unless the file names it. */
export function requestFromYaml(file: YamlFile, id: string, stem: string): ReadRequest {
  const kind = readString(file, ['$kind']);
  if (kind !== REQUEST_KIND) fieldProblem(file, ['$kind'], kind === '' ? `missing; read as ${REQUEST_KIND}` : `"${kind}" is not ${REQUEST_KIND}; read as one`);
  const idFor = (what: string) => (i: number) => `${id}.${what}${i}`;
  let method = readString(file, ['method'], 'GET');
  if (!/^[A-Za-z]{1,20}$/.test(method)) {
    fieldProblem(file, ['method'], `"${method}" is not an HTTP method; read as GET`);
    method = 'GET';
  }
  const signing = { ...DEFAULT_SIGNING };
  signingFromSettings(file, ['settings'], signing);
  const { auth, native } = authFromYaml(file, ['auth'], signing);
  const { url, disabledParams, paramDescriptions } = urlWithParams(file, readString(file, ['url']));
  const node: RequestNode = {
    kind: 'request',
    id,
    name: readString(file, ['name'], stem),
    method,
    url,
    headers: rowsFromYaml(file, ['headers'], idFor('h')),
    body: bodyFromYaml(file, idFor),
    auth,
    signing,
    disabledParams,
    ...checksFromYaml(file),
  };
  const description = readString(file, ['description']);
  if (description) node.description = description;
  if (paramDescriptions.length) node.paramDescriptions = paramDescriptions;
  const settings = requestSettingsFromYaml(file);
  if (settings) node.settings = settings;
  const order = readNumber(file, ['order']);
  // Last, once every modelled key was read: the rest is kept as it stands (never run).
  const preserved = preservedFrom(file, requestToYaml(node, stem, order ?? 0));
  if (preserved) node.preserved = preserved;
  return { node, order, native };
}
