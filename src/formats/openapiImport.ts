// An OpenAPI 3 document (JSON or YAML; API Gateway's exports in particular) as a RoleCall collection: one request
// per operation, in a folder per first tag (else per first path segment), addressed as {{baseUrl}}/path with path
// parameters as {{variables}}. Required query parameters go in the URL, optional ones wait in disabledParams;
// header parameters become headers (optional ones switched off); bodies come from examples or a schema skeleton.
// SigV4 security becomes AWS auth (see openapiSecurity.ts), written once on the collection when the document's
// default asks for it. Pure: the caller reads the file and decides what to keep.
import { collectionSchema, type Collection, type DisabledParam, type FolderNode, type ItemNode, type KeyValue, type RequestAuth, type RequestNode } from '../models/workspace';
import { stripCredentials } from './importCredentials';
import { defaultNewId, guarded, IMPORT_LIMITS, ImportError, ReportBuilder, type ImportNote } from './importResult';
import { readRequestBody } from './openapiBody';
import { readOpenApiDocument, Refs } from './openapiDocument';
import { SecurityReader, type Security } from './openapiSecurity';
import { readServer } from './openapiServer';
import type { ImportOptions, ImportResult } from './postmanImport';
import { isObj, text, type Ctx } from './postmanRequest';
import { issueSentence } from '../validationText';

type Obj = Record<string, unknown>;

export const OPENAPI_LIMITS = { operations: 5000, parameters: 200 } as const;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** OpenAPI says header parameters by these names are ignored: the body, the auth and content negotiation set them. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

interface Walk extends Ctx {
  refs: Refs;
  security: SecurityReader;
  docSecurity: Security;
  region: string;
  variables: Map<string, KeyValue>;
  notes: ImportNote[];
}

export function importOpenApi(input: unknown, options: ImportOptions = {}): ImportResult {
  return guarded('OpenAPI document', () => importDocument(input, options));
}

function importDocument(input: unknown, options: ImportOptions): ImportResult {
  const doc = readOpenApiDocument(input);
  const report = new ReportBuilder();
  const newId = options.newId ?? defaultNewId;
  const refs = new Refs(doc, report);
  const components = isObj(doc.components) ? doc.components : {};
  const security = new SecurityReader(isObj(components.securitySchemes) ? components.securitySchemes : {}, refs, report);
  const server = readServer(doc.servers, { report, newId });
  const walk: Walk = {
    report,
    newId,
    refs,
    security,
    docSecurity: security.read(doc.security, '') ?? 'none',
    region: server.region,
    variables: new Map(server.variables.map((v) => [v.key, v])),
    notes: [],
  };
  const info = isObj(doc.info) ? doc.info : {};
  const id = newId();
  if (text(info.description).trim()) walk.notes.push({ itemId: id, path: '', description: text(info.description).trim().slice(0, 64 * 1024) });

  const { items, operations, skipped } = readPaths(doc.paths as Obj, walk);
  if (operations === 0) throw new ImportError('This OpenAPI document has no operations under "paths", so there is nothing to import.');
  if (skipped > 0) report.add('warnings', `Only the first ${OPENAPI_LIMITS.operations} operations were imported; ${skipped} more were left out`);
  const folders = items.filter((i) => i.kind === 'folder').length;
  report.add('mapped', `${operations} operation${operations === 1 ? '' : 's'} became requests in ${folders} folder${folders === 1 ? '' : 's'}`);
  if (walk.docSecurity === 'aws' || hasAws(items)) {
    report.add('mapped', 'SigV4 security became AWS auth signing for execute-api: choose a profile or stored keys for it');
    if (!walk.region) report.add('warnings', 'The server URL names no AWS region: RoleCall detects it from the URL when sending, or set it in the signing settings');
  }
  if (walk.notes.length) report.add('mapped', "Descriptions became the requests' and the collection's descriptions (the Docs tab)");
  const description = walk.notes.find((n) => n.itemId === id)?.description;

  const collection: Collection = {
    id,
    name: text(info.title).trim().slice(0, 512) || 'Imported API',
    auth: walk.docSecurity === 'aws' ? { type: 'profile', profile: '' } : { type: 'none' },
    variables: [...walk.variables.values()],
    items,
    ...(description ? { description } : {}),
  };
  const parsed = collectionSchema.safeParse(collection);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError('The OpenAPI document could not be turned into a RoleCall collection.', issue ? issueSentence(issue) : undefined);
  }
  return { collection: parsed.data, report: report.build(), notes: walk.notes };
}

function readPaths(paths: Obj, walk: Walk): { items: ItemNode[]; operations: number; skipped: number } {
  const items: ItemNode[] = [];
  const folders = new Map<string, FolderNode>();
  let operations = 0;
  let skipped = 0;
  const apiGatewayExtensions = new Set<string>();
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = walk.refs.resolve(rawItem, path);
    if (!isObj(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObj(operation)) continue;
      if (operations >= OPENAPI_LIMITS.operations || operations >= IMPORT_LIMITS.items) {
        skipped += 1;
        continue;
      }
      operations += 1;
      for (const key of Object.keys(operation)) if (key.startsWith('x-amazon-apigateway-') && key !== 'x-amazon-apigateway-auth') apiGatewayExtensions.add(key);
      const folderName = folderFor(operation, path);
      const name = (text(operation.summary).trim() || text(operation.operationId).trim() || `${method.toUpperCase()} ${path}`).slice(0, 512);
      const request = readOperation(method, path, pathItem, operation, name, folderName ? `${folderName} / ${name}` : name, walk);
      if (!folderName) {
        items.push(request);
        continue;
      }
      let folder = folders.get(folderName);
      if (!folder) {
        folder = { kind: 'folder', id: walk.newId(), name: folderName, auth: { type: 'inherit' }, variables: [], items: [] };
        folders.set(folderName, folder);
        items.push(folder);
      }
      folder.items.push(request);
    }
  }
  if (apiGatewayExtensions.size) {
    walk.report.add('notMapped', `API Gateway settings (${[...apiGatewayExtensions].sort().join(', ')}) describe the backend, not the request; they were not imported`);
  }
  return { items, operations, skipped };
}

function folderFor(operation: Obj, path: string): string {
  const tag = Array.isArray(operation.tags) ? text(operation.tags[0]).trim() : '';
  if (tag) return tag.slice(0, 512);
  return (path.split('/').find((s) => s.trim() !== '') ?? '').slice(0, 512);
}

function readOperation(method: string, path: string, pathItem: Obj, operation: Obj, name: string, where: string, walk: Walk): RequestNode {
  const id = walk.newId();
  const { query, disabledParams, headers } = readParameters(pathItem, operation, where, walk);
  const urlPath = path.replace(/\{([^{}]+)\}/g, (_, param: string) => {
    if (!walk.variables.has(param)) walk.variables.set(param, { id: walk.newId(), key: param, value: '', enabled: true, secret: false });
    return `{{${param}}}`;
  });
  const { body, contentType } = readRequestBody(operation.requestBody, walk.refs, walk, where);
  if (contentType && !headers.some((h) => h.key.toLowerCase() === 'content-type')) {
    headers.push({ id: walk.newId(), key: 'Content-Type', value: contentType.slice(0, 256), enabled: true, secret: false });
  }
  const security = walk.security.readExtension(operation, where) ?? walk.security.read(operation.security, where) ?? walk.docSecurity;
  const auth: RequestAuth = security === walk.docSecurity ? { type: 'inherit' } : security === 'aws' ? { type: 'profile', profile: '' } : { type: 'none' };
  const description = text(operation.description).trim();
  if (description) walk.notes.push({ itemId: id, path: where, description: description.slice(0, 64 * 1024) });
  const node: RequestNode = {
    kind: 'request',
    id,
    name,
    method: method.toUpperCase(),
    url: `{{baseUrl}}${urlPath.startsWith('/') ? '' : '/'}${urlPath}${query.length ? `?${query.join('&')}` : ''}`.slice(0, 64 * 1024),
    headers,
    body,
    auth,
    signing: { region: security === 'aws' ? walk.region : '', service: security === 'aws' ? 'execute-api' : '', payload: 'signed', mode: 'header', expiresIn: 900 },
    disabledParams,
    checks: [],
    captures: [],
    ...(description ? { description: description.slice(0, 64 * 1024) } : {}),
  };
  return stripCredentials(node, where, walk.report);
}

/** Path-level parameters, overridden by the operation's own of the same name and place. */
function readParameters(pathItem: Obj, operation: Obj, where: string, walk: Walk): { query: string[]; disabledParams: DisabledParam[]; headers: KeyValue[] } {
  const byKey = new Map<string, Obj>();
  for (const raw of [...list(pathItem.parameters), ...list(operation.parameters)].slice(0, OPENAPI_LIMITS.parameters * 2)) {
    const param = walk.refs.resolve(raw, where);
    if (isObj(param) && text(param.name) !== '') byKey.set(`${text(param.in)}:${text(param.name)}`, param);
  }
  const query: string[] = [];
  const disabledParams: DisabledParam[] = [];
  const headers: KeyValue[] = [];
  for (const param of [...byKey.values()].slice(0, OPENAPI_LIMITS.parameters)) {
    const name = text(param.name).slice(0, 1024);
    const value = parameterValue(param, walk, where);
    const required = param.required === true;
    switch (param.in) {
      case 'path':
        if (!walk.variables.has(name)) walk.variables.set(name, { id: walk.newId(), key: name, value, enabled: true, secret: false });
        break;
      case 'query':
        if (required) query.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
        else disabledParams.push({ key: name, value });
        break;
      case 'header':
        if (!IGNORED_HEADERS.has(name.toLowerCase())) headers.push({ id: walk.newId(), key: name, value, enabled: required, secret: false });
        break;
      default:
        walk.report.add('notMapped', `${text(param.in) || 'Unplaced'} parameters (${name.slice(0, 80)}) were not imported`, where);
    }
  }
  return { query, disabledParams, headers };
}

function parameterValue(param: Obj, walk: Walk, where: string): string {
  const schema = walk.refs.resolve(param.schema, where);
  const firstExample = isObj(param.examples) ? Object.values(param.examples).map((e) => walk.refs.resolve(e, where)).find(isObj)?.value : undefined;
  const candidates = [param.example, firstExample, ...(isObj(schema) ? [schema.example, schema.default, Array.isArray(schema.enum) ? schema.enum[0] : undefined] : [])];
  const found = candidates.find((c) => c !== undefined && c !== null);
  return found === undefined ? '' : text(found).slice(0, 64 * 1024);
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function hasAws(items: ItemNode[]): boolean {
  return items.some((i) => (i.kind === 'folder' ? hasAws(i.items) : i.auth.type === 'profile'));
}
