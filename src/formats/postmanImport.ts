// A Postman Collection (v2.0 or v2.1) as a RoleCall collection. Folders nest as folders, variables keep their
// {{name}} syntax, auth follows Postman's inheritance (no auth on an item = inherit; "noauth" = none). awsv4 becomes
// AWS auth with no identity chosen yet (see postmanAwsv4.ts); region, service and presigning are request settings
// in RoleCall, so a collection's or folder's awsv4 settings are written onto every request that inherits it. Auth
// types RoleCall cannot sign with (basic, bearer, OAuth...) become "none" and are reported. Descriptions become the
// items' own; scripts are kept with their item as Postman's git-native `scripts` (so a folder written from it holds
// them as Postman reads them) and never run. Both are also listed as `notes` for the preview.
// Pure: the caller reads the file and decides what to keep.
import type { Preserved } from '../models/preserved';
import { collectionSchema, type Collection, type FolderNode, type ItemNode, type RequestAuth, type RequestNode } from '../models/workspace';
import { defaultNewId, guarded, IMPORT_LIMITS, ImportError, ReportBuilder, type ImportNote, type ImportReport, type OfferedKeys } from './importResult';
import { stripCredentials } from './importCredentials';
import { KeyOffers, mapAwsv4, type AwsSigning } from './postmanAwsv4';
import { isObj, readBody, readHeaders, readUrl, text, type Ctx } from './postmanRequest';
import { readVariables } from './postmanVariables';
import { issueSentence } from '../validationText';

export interface ImportOptions {
  /** Makes the ids of everything created; defaults to random UUIDs. */
  newId?: () => string;
}

export interface ImportResult {
  /** Valid against collectionSchema; holds no key and no secret value. */
  collection: Collection;
  report: ImportReport;
  /** Literal AWS keys found in awsv4 auth, to offer for the encrypted key store. Absent when there were none. */
  offeredKeys?: OfferedKeys[];
  /** Descriptions and scripts, which RoleCall's model has no field for. */
  notes: ImportNote[];
}

const SCHEMAS = /schema\.(getpostman|postman)\.com\/json\/collection\/v2\.[01]\.\d+\/collection\.json/;

/** {name} or <name> that the author meant to be replaced, as opposed to a {{variable}}. */
const PLACEHOLDER = /(?<!\{)\{[A-Za-z][\w-]*\}(?!\})|<[A-Za-z][\w -]*>/;

type Obj = Record<string, unknown>;
/** Where the auth in force comes from, for the requests below: its signing settings, or none. */
type Inherited = AwsSigning | undefined;
interface Walk extends Ctx {
  keys: KeyOffers;
  notes: ImportNote[];
  count: number;
  skipped: number;
}

const DEFAULT_SIGNING = { region: '', service: '', mode: 'header' } as const;

export function importPostmanCollection(json: unknown, options: ImportOptions = {}): ImportResult {
  return guarded('Postman collection', () => importCollection(json, options));
}

function importCollection(json: unknown, options: ImportOptions): ImportResult {
  const doc = checkCollection(parseJson(json, 'collection'));
  const info = doc.info as Obj;
  const name = text(info.name).trim().slice(0, 512) || 'Imported collection';
  const report = new ReportBuilder();
  const walk: Walk = { report, newId: options.newId ?? defaultNewId, keys: new KeyOffers(name.slice(0, 200)), notes: [], count: 0, skipped: 0 };
  if (!SCHEMAS.test(text(info.schema))) report.add('warnings', 'The file names no Postman v2.0/v2.1 schema; it was read as v2.1');

  const id = walk.newId();
  const { auth, inherited } = scopeAuth(doc.auth, id, '', walk, undefined);
  const kept = keepNotes(walk, id, '', info.description, doc.event);
  const collection: Collection = {
    id,
    name,
    auth: auth.type === 'inherit' ? { type: 'none' } : auth,
    variables: readVariables(doc.variable, walk, ''),
    items: readItems(doc.item as unknown[], [], inherited, 1, walk),
    ...kept,
  };
  if (walk.skipped > 0) report.add('warnings', `Only the first ${IMPORT_LIMITS.items} folders and requests were imported; ${walk.skipped} more were left out`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  report.add('mapped', `${plural(countRequests(collection.items), 'request')} in ${plural(countFolders(collection.items), 'folder')}`);

  const parsed = collectionSchema.safeParse(collection);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError('The collection could not be turned into a RoleCall collection.', issue ? issueSentence(issue) : undefined);
  }
  const offered = walk.keys.list();
  return { collection: parsed.data, report: report.build(), ...(offered.length ? { offeredKeys: offered } : {}), notes: walk.notes };
}

/** Accepts the parsed document or its text. */
export function parseJson(json: unknown, what: string): Obj {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (err) {
      throw new ImportError(`This file is not JSON, so it cannot be a Postman ${what}.`, err instanceof Error ? err.message : String(err));
    }
  }
  if (!isObj(value)) throw new ImportError(`A Postman ${what} is a JSON object; this file holds ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}.`);
  return value;
}

function checkCollection(doc: Obj): Obj {
  const schema = isObj(doc.info) ? text(doc.info.schema) : '';
  if (/collection\/v1\./.test(schema) || (!isObj(doc.info) && (Array.isArray(doc.requests) || Array.isArray(doc.order)))) {
    throw new ImportError('Postman Collection v1 is not supported; open it in Postman and export as v2.1.');
  }
  if (!isObj(doc.info) && Array.isArray(doc.values)) {
    throw new ImportError('This is a Postman environment, not a collection: import it as an environment.');
  }
  if (!isObj(doc.info)) throw new ImportError('This is not a Postman collection: it has no "info" object.');
  if (/collection\/v[3-9]/.test(schema)) throw new ImportError(`Postman collection schema ${schema} is not supported; export the collection as v2.1.`);
  if (!Array.isArray(doc.item)) throw new ImportError('This is not a Postman v2 collection: "item" is missing or not a list.');
  return doc;
}

function readItems(items: unknown[], trail: string[], inherited: Inherited, depth: number, walk: Walk): ItemNode[] {
  const out: ItemNode[] = [];
  for (const raw of items) {
    if (walk.count >= IMPORT_LIMITS.items) {
      walk.skipped += 1;
      continue;
    }
    const where = [...trail, isObj(raw) ? text(raw.name) || '(unnamed)' : '(not an item)'].join(' / ');
    if (!isObj(raw)) {
      walk.report.add('warnings', 'Entries that are neither a folder nor a request were left out', trail.join(' / '));
      continue;
    }
    walk.count += 1;
    if (Array.isArray(raw.item)) {
      if (depth > IMPORT_LIMITS.depth) {
        walk.report.add('warnings', `Folders nested deeper than ${IMPORT_LIMITS.depth} levels were left out`, where);
        continue;
      }
      out.push(readFolder(raw, [...trail, text(raw.name)], inherited, depth, walk));
    } else if (raw.request !== undefined) out.push(readRequest(raw, where, inherited, walk));
    else walk.report.add('warnings', 'Entries that are neither a folder nor a request were left out', where);
  }
  return out;
}

function readFolder(raw: Obj, trail: string[], inherited: Inherited, depth: number, walk: Walk): FolderNode {
  const where = trail.join(' / ');
  const id = walk.newId();
  const scoped = scopeAuth(raw.auth, id, where, walk, inherited);
  const kept = keepNotes(walk, id, where, raw.description, raw.event);
  return {
    kind: 'folder',
    id,
    name: text(raw.name).slice(0, 512),
    auth: scoped.auth,
    variables: readVariables(raw.variable, walk, where),
    items: readItems(raw.item as unknown[], trail, scoped.inherited, depth + 1, walk),
    ...kept,
  };
}

function readRequest(raw: Obj, where: string, inherited: Inherited, walk: Walk): RequestNode {
  const id = walk.newId();
  // v2 allows a request to be just its URL.
  const request: Obj = isObj(raw.request) ? raw.request : { url: raw.request, method: 'GET' };
  const scoped = scopeAuth(request.auth, id, where, walk, inherited);
  let method = text(request.method).trim().toUpperCase() || 'GET';
  if (!/^[A-Z]{1,20}$/.test(method)) {
    walk.report.add('warnings', `Method "${method.slice(0, 30)}" is not a method RoleCall can send; GET was used`, where);
    method = 'GET';
  }
  const headers = readHeaders(request.header, walk, where);
  const { url, disabledParams, paramDescriptions, pathVariables } = readUrl(request.url, walk, where);
  const kept = keepNotes(walk, id, where, request.description ?? raw.description, raw.event);
  // Path variables' values went into the URL; those with a description are kept as Postman's git-native rows.
  if (pathVariables.length) kept.preserved = { order: [], ...kept.preserved, fields: { ...kept.preserved?.fields, pathVariables } };
  if (PLACEHOLDER.test(url)) walk.report.add('warnings', 'URLs hold placeholders such as {name} or <name> to fill in (RoleCall variables are {{name}})', where);
  if (Array.isArray(raw.response) && raw.response.length) walk.report.add('notMapped', 'Saved example responses were not imported', where);
  // Postman's followRedirects is RoleCall's redirect setting; its other request settings have no counterpart.
  const behavior: Obj = isObj(raw.protocolProfileBehavior) ? raw.protocolProfileBehavior : {};
  const followRedirects = typeof behavior.followRedirects === 'boolean' ? behavior.followRedirects : undefined;
  if (Object.keys(behavior).some((key) => key !== 'followRedirects')) {
    walk.report.add('notMapped', 'Postman request settings (protocolProfileBehavior) other than followRedirects were not imported', where);
  }
  const node: RequestNode = {
    kind: 'request',
    id,
    name: text(raw.name).slice(0, 512),
    method,
    url,
    headers,
    body: readBody(request.body, headers, walk, where),
    auth: scoped.auth,
    signing: { ...DEFAULT_SIGNING, ...scoped.inherited, payload: 'signed', expiresIn: 900 },
    disabledParams,
    checks: [],
    captures: [],
    ...(paramDescriptions.length ? { paramDescriptions } : {}),
    ...kept,
  };
  if (followRedirects !== undefined) node.settings = { followRedirects };
  const body = node.body;
  const rows = [...headers, ...(body.mode === 'urlencoded' ? body.fields : body.mode === 'multipart' ? body.parts : [])];
  if (paramDescriptions.length || pathVariables.length || rows.some((r) => r.description)) {
    walk.report.add('mapped', 'Descriptions of headers, params, path variables and form fields were kept with their rows');
  }
  return stripCredentials(node, where, walk.report);
}

/**
 * The RoleCall auth for an item and what the items below it inherit. Absent or "inherit" keeps what is above;
 * "noauth" and unsupported types stop AWS signing below; awsv4 starts it with its own settings.
 */
function scopeAuth(raw: unknown, id: string, where: string, walk: Walk, inherited: Inherited): { auth: RequestAuth; inherited: Inherited } {
  if (!isObj(raw) || raw.type === undefined || raw.type === null || raw.type === 'inherit') return { auth: { type: 'inherit' }, inherited };
  const type = text(raw.type);
  if (type === 'noauth') return { auth: { type: 'none' }, inherited: undefined };
  if (type === 'awsv4') {
    const { auth, signing } = mapAwsv4(raw.awsv4, id, where, walk.report, walk.keys);
    return { auth, inherited: signing };
  }
  walk.report.add('notMapped', `Auth type "${type.slice(0, 40)}" is not one RoleCall signs with: it became "no auth"`, where);
  return { auth: { type: 'none' }, inherited: undefined };
}

const descriptionText = (raw: unknown): string => (isObj(raw) ? text(raw.content) : text(raw)).trim();

function script(events: unknown, listen: string): string {
  const found = (Array.isArray(events) ? events : []).filter(isObj).filter((e) => e.listen === listen && isObj(e.script));
  const lines = found.flatMap((e) => {
    const exec = (e.script as Obj).exec;
    return Array.isArray(exec) ? exec.map(text) : [text(exec)];
  });
  return lines.join('\n').trim() === '' ? '' : lines.join('\n');
}

/** Postman v2's script events by their git-native (v3) names. */
const SCRIPT_TYPES = { prerequest: 'beforeRequest', test: 'afterResponse' } as const;

/** The item's description and its scripts (kept as data, see preserved.ts); also noted for the preview. */
function keepNotes(walk: Walk, itemId: string, path: string, description: unknown, events: unknown): { description?: string; preserved?: Preserved } {
  const note: ImportNote = { itemId, path };
  const kept: { description?: string; preserved?: Preserved } = {};
  const desc = descriptionText(description);
  if (desc) {
    note.description = kept.description = desc.slice(0, 64 * 1024);
    walk.report.add('mapped', "Descriptions became the items' descriptions (the Docs tab)");
  }
  const scripts: Array<{ type: string; code: string; language: string }> = [];
  for (const listen of ['prerequest', 'test'] as const) {
    const code = script(events, listen);
    if (!code) continue;
    note[listen] = code.slice(0, 64 * 1024);
    scripts.push({ type: SCRIPT_TYPES[listen], code: note[listen], language: 'text/javascript' });
    walk.report.add('notMapped', `${listen === 'prerequest' ? 'Pre-request' : 'Test'} scripts were kept with their items, never run, and go back to Postman on export`, path);
  }
  if (scripts.length) kept.preserved = { order: [], fields: { scripts } };
  if (note.description !== undefined || note.prerequest !== undefined || note.test !== undefined) walk.notes.push(note);
  return kept;
}

function countRequests(items: ItemNode[]): number {
  return items.reduce((n, item) => n + (item.kind === 'folder' ? countRequests(item.items) : 1), 0);
}
function countFolders(items: ItemNode[]): number {
  return items.reduce((n, item) => n + (item.kind === 'folder' ? 1 + countFolders(item.items) : 0), 0);
}
