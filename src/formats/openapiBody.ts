// An OpenAPI requestBody as a RoleCall body: the author's example (media type `example`, the first of `examples`,
// the schema's `example`), or when there is none a small skeleton built from the schema's properties, so the user
// edits values instead of typing the shape. JSON is pretty-printed. Skeletons stop at a fixed depth and at a
// schema already being expanded (a tree of nodes), so a recursive schema gives a finite body.
import type { KeyValue, RequestBody } from '../models/workspace';
import type { Refs } from './openapiDocument';
import { isObj, text, type Ctx } from './postmanRequest';

type Obj = Record<string, unknown>;

export const SCHEMA_LIMITS = { depth: 4, properties: 100 } as const;

export interface OpenApiBody {
  body: RequestBody;
  /** The media type chosen, for the Content-Type header; absent for multipart (the sender sets its boundary). */
  contentType?: string;
}

export function readRequestBody(raw: unknown, refs: Refs, ctx: Ctx, where: string): OpenApiBody {
  const requestBody = refs.resolve(raw, where);
  if (!isObj(requestBody) || !isObj(requestBody.content)) return { body: { mode: 'none' } };
  const types = Object.keys(requestBody.content);
  const type = types.find((t) => /json/i.test(t)) ?? types.find((t) => /x-www-form-urlencoded|multipart\/form-data/i.test(t)) ?? types[0];
  if (type === undefined) return { body: { mode: 'none' } };
  if (types.length > 1) ctx.report.add('notMapped', 'Only one media type per request body was imported (JSON first)', where);
  const media = refs.resolve(requestBody.content[type], where);
  const example = isObj(media) ? mediaExample(media, refs, ctx, where) : undefined;

  if (/json/i.test(type)) return { body: { mode: 'raw', language: 'json', text: jsonText(example) }, contentType: type };
  if (/x-www-form-urlencoded/i.test(type)) return { body: { mode: 'urlencoded', fields: fields(example, ctx) }, contentType: type };
  if (/multipart\/form-data/i.test(type)) {
    const parts = fields(example, ctx).map((f) => ({ id: f.id, key: f.key, enabled: true, kind: 'text' as const, value: f.value }));
    if (parts.length) ctx.report.add('warnings', 'Multipart parts were imported as text; choose files for file parts', where);
    return { body: { mode: 'multipart', parts } };
  }
  if (/xml|text\//i.test(type)) {
    return { body: { mode: 'raw', language: /xml/i.test(type) ? 'xml' : 'text', text: typeof example === 'string' ? example : '' }, contentType: type };
  }
  ctx.report.add('notMapped', `Request bodies of type ${type.slice(0, 100)} were left empty: choose the file to send`, where);
  return { body: { mode: 'none' }, contentType: type };
}

function mediaExample(media: Obj, refs: Refs, ctx: Ctx, where: string): unknown {
  if (media.example !== undefined) return media.example;
  if (isObj(media.examples)) {
    for (const entry of Object.values(media.examples)) {
      const example = refs.resolve(entry, where);
      if (!isObj(example)) continue;
      if (example.value !== undefined) return example.value;
      if (typeof example.externalValue === 'string') ctx.report.add('notMapped', 'Examples kept in other files (externalValue) were not read', where);
    }
  }
  if (media.schema === undefined) return undefined;
  const built = schemaExample(media.schema, refs, where, 1, new Set());
  const schema = refs.resolve(media.schema, where);
  if (!(isObj(schema) && schema.example !== undefined)) ctx.report.add('mapped', 'Bodies without an example were filled with a skeleton built from the schema', where);
  return built;
}

/** An example value for a schema: its own example, default or first enum value, else a skeleton of its shape. */
export function schemaExample(raw: unknown, refs: Refs, where: string, depth: number, expanding: Set<object>): unknown {
  const schema = refs.resolve(raw, where);
  if (!isObj(schema)) return null;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? text(schema.type.find((t) => t !== 'null')) : text(schema.type);
  const isObject = type === 'object' || isObj(schema.properties) || Array.isArray(schema.allOf);
  if (expanding.has(schema) || depth > SCHEMA_LIMITS.depth) return isObject ? {} : type === 'array' ? [] : scalar(type, schema);
  expanding.add(schema);
  try {
    const choice = Array.isArray(schema.oneOf) ? schema.oneOf[0] : Array.isArray(schema.anyOf) ? schema.anyOf[0] : undefined;
    if (choice !== undefined) return schemaExample(choice, refs, where, depth, expanding);
    if (type === 'array') return [schemaExample(schema.items, refs, where, depth + 1, expanding)];
    if (!isObject) return scalar(type, schema);
    const out: Obj = {};
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
      const merged = schemaExample(part, refs, where, depth, expanding);
      if (isObj(merged)) Object.assign(out, merged);
    }
    const properties = isObj(schema.properties) ? Object.entries(schema.properties).slice(0, SCHEMA_LIMITS.properties) : [];
    for (const [name, property] of properties) out[name] = schemaExample(property, refs, where, depth + 1, expanding);
    return out;
  } finally {
    expanding.delete(schema);
  }
}

function scalar(type: string, schema: Obj): unknown {
  if (type === 'integer' || type === 'number') return 0;
  if (type === 'boolean') return false;
  if (type === 'null' || type === '') return null;
  const format = text(schema.format);
  if (format === 'date-time') return '2024-01-01T00:00:00Z';
  if (format === 'date') return '2024-01-01';
  if (format === 'uuid') return '00000000-0000-0000-0000-000000000000';
  if (format === 'email') return 'user@example.com';
  return 'string';
}

function jsonText(example: unknown): string {
  if (example === undefined) return '';
  if (typeof example === 'string') {
    try {
      return JSON.stringify(JSON.parse(example), null, 2);
    } catch {
      return example;
    }
  }
  return text(example) === '' ? '' : (JSON.stringify(example, null, 2) ?? '');
}

function fields(example: unknown, ctx: Ctx): KeyValue[] {
  if (!isObj(example)) return [];
  return Object.entries(example)
    .slice(0, SCHEMA_LIMITS.properties)
    .map(([key, value]) => ({ id: ctx.newId(), key: key.slice(0, 1024), value: text(value), enabled: true, secret: false }));
}
