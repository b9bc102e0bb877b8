// One Postman request's URL, headers and body as RoleCall keeps them. Postman's url object is rebuilt into the
// single URL RoleCall edits: enabled query params stay in it, disabled ones go to disabledParams (RoleCall's place
// for params kept but never sent), and path variables (`:id`) take their value. Files are kept by path only: RoleCall
// reads a file only after the user picks it, so every file body or part says so in the report. A row's own
// description (headers, query params, form fields and parts, path variables) is kept with it.
import type { DisabledParam, KeyValue, RequestBody, RequestDoc } from '../models/workspace';
import { clip, type ReportBuilder } from './importResult';

type ParamDescription = NonNullable<RequestDoc['paramDescriptions']>[number];

export interface Ctx {
  report: ReportBuilder;
  newId: () => string;
}

type Obj = Record<string, unknown>;
export const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
export const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value == null) return '';
  try {
    return JSON.stringify(value).slice(0, 64 * 1024);
  } catch {
    return ''; // a cycle or a structure too deep to print
  }
};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const MAX = { key: 1024, value: 64 * 1024, url: 64 * 1024, rows: 500, fields: 1000, parts: 200, raw: 64 * 1024 * 1024, path: 4096 } as const;

/** A row's description: Postman writes a string or {content, type}; empty when it has none. */
const descriptionOf = (entry: Obj): string => (isObj(entry.description) ? text(entry.description.content) : text(entry.description)).trim().slice(0, MAX.value);
const described = (entry: Obj): { description?: string } => {
  const description = descriptionOf(entry);
  return description ? { description } : {};
};

/** A key/value row from Postman's {key, value, disabled, description}, cut to the model's limits. */
export function row(entry: Obj, ctx: Ctx, where: string, what: string): KeyValue {
  return {
    id: ctx.newId(),
    key: clip(text(entry.key), MAX.key, ctx.report, `A ${what} name`, where),
    value: clip(text(entry.value), MAX.value, ctx.report, `A ${what} value`, where),
    enabled: entry.disabled !== true,
    secret: false,
    ...described(entry),
  };
}

function capped<T>(rows: T[], max: number, ctx: Ctx, what: string, where: string): T[] {
  if (rows.length <= max) return rows;
  ctx.report.add('warnings', `Only the first ${max} ${what} were imported`, where);
  return rows.slice(0, max);
}

export function readHeaders(raw: unknown, ctx: Ctx, where: string): KeyValue[] {
  // v2 also allows the headers as one "Name: value\n" string.
  const entries: Obj[] =
    typeof raw === 'string'
      ? raw
          .split(/\r?\n/)
          .filter((line) => line.trim() !== '')
          .map((line) => {
            const colon = line.indexOf(':');
            return colon < 0 ? { key: line.trim(), value: '' } : { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
          })
      : list(raw).filter(isObj);
  return capped(entries, MAX.rows, ctx, 'headers', where).map((h) => row(h, ctx, where, 'header'));
}

const segment = (value: unknown): string => (isObj(value) ? text(value.value) : text(value));

export interface ReadUrl {
  url: string;
  disabledParams: DisabledParam[];
  /** Query params' descriptions by name (RequestDoc.paramDescriptions). */
  paramDescriptions: ParamDescription[];
  /** Path variables that had a description, as Postman's git-native `pathVariables` rows (kept in `preserved`). */
  pathVariables: Array<{ key: string; value: string; description: string }>;
}

/** The URL as one string, the disabled query params kept beside it, and what the params' rows describe. */
export function readUrl(raw: unknown, ctx: Ctx, where: string): ReadUrl {
  if (!isObj(raw)) return { url: clip(text(raw), MAX.url, ctx.report, 'A URL', where), disabledParams: [], paramDescriptions: [], pathVariables: [] };
  const rawText = text(raw.raw);
  let base: string;
  let hash = '';
  let query: string | undefined;
  if (rawText.trim() !== '') {
    const hashAt = rawText.indexOf('#');
    if (hashAt >= 0) hash = rawText.slice(hashAt);
    const noHash = hashAt >= 0 ? rawText.slice(0, hashAt) : rawText;
    const q = noHash.indexOf('?');
    base = q >= 0 ? noHash.slice(0, q) : noHash;
    query = q >= 0 ? noHash.slice(q + 1) : undefined;
  } else {
    // Some exports (AWS's own samples among them) leave raw empty and keep only the parts.
    const host = Array.isArray(raw.host) ? raw.host.map(segment).join('.') : text(raw.host);
    const path = Array.isArray(raw.path) ? raw.path.map(segment).join('/') : text(raw.path).replace(/^\//, '');
    const protocol = text(raw.protocol);
    base = `${protocol ? `${protocol}://` : ''}${host}${raw.port ? `:${text(raw.port)}` : ''}${path ? `/${path}` : ''}`;
    if (raw.hash) hash = `#${text(raw.hash)}`;
  }
  base = pathVariables(base, raw.variable, ctx, where);
  const described = list(raw.variable)
    .filter(isObj)
    .slice(0, MAX.rows)
    .flatMap((v) => {
      const description = descriptionOf(v);
      return description && text(v.key) ? [{ key: text(v.key).slice(0, MAX.key), value: text(v.value).slice(0, MAX.value), description }] : [];
    });

  const disabledParams: DisabledParam[] = [];
  const paramDescriptions: ParamDescription[] = [];
  if (Array.isArray(raw.query)) {
    const enabled: string[] = [];
    for (const p of raw.query.filter(isObj).slice(0, MAX.rows)) {
      const key = text(p.key);
      const description = descriptionOf(p);
      if (description && !paramDescriptions.some((d) => d.key === key)) paramDescriptions.push({ key: key.slice(0, MAX.key), description });
      const value = p.value === null || p.value === undefined ? null : text(p.value);
      if (p.disabled === true) disabledParams.push({ key: key.slice(0, MAX.key), value: (value ?? '').slice(0, MAX.value) });
      else enabled.push(value === null ? key : `${key}=${value}`);
    }
    query = enabled.length ? enabled.join('&') : undefined;
  }
  const url = `${base}${query !== undefined ? `?${query}` : ''}${hash}`;
  return { url: clip(url, MAX.url, ctx.report, 'A URL', where), disabledParams, paramDescriptions, pathVariables: described };
}

/** Postman's `:name` path segments take their value; one without a value becomes {{name}} for the user to define. */
function pathVariables(base: string, raw: unknown, ctx: Ctx, where: string): string {
  let out = base;
  for (const v of list(raw).filter(isObj)) {
    const key = text(v.key);
    if (!key || !/^[\w.-]+$/.test(key)) continue;
    const value = text(v.value);
    const pattern = new RegExp(`/:${key.replace(/[.-]/g, (c) => `\\${c}`)}(?=/|$)`, 'g');
    if (!pattern.test(out)) continue;
    out = out.replace(pattern, () => `/${value !== '' ? value : `{{${key}}}`}`);
    if (value === '') ctx.report.add('warnings', `Path variable :${key} had no value and became {{${key}}}: define it in an environment`, where);
    else ctx.report.add('mapped', 'Path variables (:name) were replaced by their values in the URL', where);
  }
  return out;
}

const languageOf = (raw: Obj, headers: KeyValue[], ctx: Ctx, where: string): 'json' | 'text' | 'xml' => {
  const options = isObj(raw.options) && isObj(raw.options.raw) ? raw.options.raw : {};
  const language = text(options.language).toLowerCase();
  if (language === 'json' || language === 'xml' || language === 'text') return language;
  if (language) {
    ctx.report.add('notMapped', `Raw bodies in ${language} were imported as text`, where);
    return language === 'html' ? 'xml' : 'text';
  }
  const type = headers.find((h) => h.enabled && h.key.trim().toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
  return /json/.test(type) ? 'json' : /xml/.test(type) ? 'xml' : 'text';
};

const fileWarning = (ctx: Ctx, where: string) =>
  ctx.report.add('warnings', 'A file to send is named by its path only: pick the file again before sending', where);

/** The GraphQL query and variables texts are each held to this many characters (the model's bound). */
const GRAPHQL_MAX = 1024 * 1024;

export function readBody(raw: unknown, headers: KeyValue[], ctx: Ctx, where: string): RequestBody {
  if (!isObj(raw) || raw.mode === undefined || raw.mode === null) return { mode: 'none' };
  if (raw.disabled === true) {
    ctx.report.add('notMapped', 'A body switched off in Postman was not imported', where);
    return { mode: 'none' };
  }
  const mode = text(raw.mode);
  switch (mode) {
    case 'raw': {
      const body = text(raw.raw);
      if (body === '') return { mode: 'none' };
      return { mode: 'raw', language: languageOf(raw, headers, ctx, where), text: clip(body, MAX.raw, ctx.report, 'A body', where) };
    }
    case 'urlencoded':
      return { mode: 'urlencoded', fields: capped(list(raw.urlencoded).filter(isObj), MAX.fields, ctx, 'form fields', where).map((f) => row(f, ctx, where, 'form field')) };
    case 'formdata':
      return { mode: 'multipart', parts: capped(formParts(list(raw.formdata), ctx, where), MAX.parts, ctx, 'form parts', where) };
    case 'graphql': {
      // Postman keeps variables as JSON text; an object (some tools write one) is turned back into text.
      const graphql = isObj(raw.graphql) ? raw.graphql : {};
      const variables = isObj(graphql.variables) ? JSON.stringify(graphql.variables, null, 2) : text(graphql.variables);
      const operationName = text(graphql.operationName);
      return {
        mode: 'graphql',
        query: clip(text(graphql.query), GRAPHQL_MAX, ctx.report, 'A GraphQL query', where),
        variables: clip(variables, GRAPHQL_MAX, ctx.report, 'GraphQL variables', where),
        ...(operationName ? { operationName: operationName.slice(0, 256) } : {}),
      };
    }
    case 'file':
    case 'binary': {
      const file = isObj(raw.file) ? raw.file : isObj(raw.binary) ? raw.binary : {};
      const path = text(file.src);
      if (path === '') ctx.report.add('warnings', 'A file body names no file: pick one before sending', where);
      else fileWarning(ctx, where);
      return { mode: 'file', path: path.slice(0, MAX.path) };
    }
    default:
      ctx.report.add('notMapped', `Body mode "${mode.slice(0, 40)}" is not supported and was not imported`, where);
      return { mode: 'none' };
  }
}

type Part = Extract<RequestBody, { mode: 'multipart' }>['parts'][number];

function formParts(entries: unknown[], ctx: Ctx, where: string): Part[] {
  const parts: Part[] = [];
  for (const entry of entries.filter(isObj)) {
    const key = clip(text(entry.key), MAX.key, ctx.report, 'A form part name', where);
    const base = { key, enabled: entry.disabled !== true, ...(entry.contentType ? { contentType: text(entry.contentType).slice(0, 256) } : {}), ...described(entry) };
    if (entry.type === 'file') {
      // src is one path, several (a multi-file part) or null (no file chosen).
      const sources = Array.isArray(entry.src) ? entry.src.map(text) : [text(entry.src)];
      for (const src of sources) parts.push({ id: ctx.newId(), ...base, kind: 'file', value: src.slice(0, MAX.path) });
      if (sources.some((s) => s !== '')) fileWarning(ctx, where);
      else ctx.report.add('warnings', 'A file part names no file: pick one before sending', where);
    } else {
      parts.push({ id: ctx.newId(), ...base, kind: 'text', value: clip(text(entry.value), MAX.value, ctx.report, 'A form part value', where) });
    }
  }
  return parts;
}
