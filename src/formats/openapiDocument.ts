// An OpenAPI document as a plain object, and its internal $refs followed. JSON or YAML text is parsed with YAML's
// alias expansion capped (a "billion laughs" file stays small); a $ref inside the document (#/components/...) is
// followed with a guard against chains that come back to themselves; a ref to another file or URL is reported,
// never fetched: an import reads only the text it was given.
import { parseDocument } from 'yaml';
import { ImportError, type ReportBuilder } from './importResult';
import { isObj } from './postmanRequest';

type Obj = Record<string, unknown>;

/** How many $ref hops one lookup may take before it is treated as a cycle. */
const MAX_REF_HOPS = 32;

/** The parsed document (text or an already parsed object), checked to be OpenAPI 3. */
export function readOpenApiDocument(input: unknown): Obj {
  const doc = typeof input === 'string' ? parseText(input) : input;
  if (!isObj(doc)) throw new ImportError('An OpenAPI document is an object with "openapi" and "paths"; this file holds something else.');
  if (typeof doc.swagger === 'string' || typeof doc.swagger === 'number') {
    throw new ImportError('Swagger 2.0 (OpenAPI 2) is not supported: export the API as OpenAPI 3 (API Gateway: "Export as OpenAPI 3") or convert it.');
  }
  const version = typeof doc.openapi === 'string' || typeof doc.openapi === 'number' ? String(doc.openapi) : '';
  if (!/^3\.\d+/.test(version)) throw new ImportError(`This is not an OpenAPI 3 document: "openapi" is ${version ? `"${version.slice(0, 20)}"` : 'missing'}.`);
  if (!isObj(doc.paths)) throw new ImportError('This OpenAPI document has no "paths" object, so there is no operation to import.');
  return doc;
}

function parseText(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed);
    } catch (err) {
      throw new ImportError('This OpenAPI file starts like JSON but is not valid JSON.', err instanceof Error ? err.message : String(err));
    }
  }
  const parsed = parseDocument(trimmed);
  const error = parsed.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    throw new ImportError(`This OpenAPI file is not valid YAML${line !== undefined ? ` (line ${line})` : ''}.`, error.message.split('\n')[0]);
  }
  try {
    return parsed.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ImportError('This OpenAPI file could not be read as YAML.', err instanceof Error ? err.message : String(err));
  }
}

/** Follows $refs within one document, reporting refs it cannot or will not follow. */
export class Refs {
  constructor(
    private readonly root: Obj,
    private readonly report: ReportBuilder,
  ) {}

  /** The value with its $ref chain followed; undefined for an external, dangling or cyclic ref. */
  resolve(value: unknown, where: string): unknown {
    let current = value;
    const seen = new Set<string>();
    while (isObj(current) && typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (!ref.startsWith('#')) {
        this.report.add('notMapped', `External $ref "${ref.slice(0, 200)}" was not followed (RoleCall reads only the file given)`, where);
        return undefined;
      }
      if (seen.has(ref) || seen.size >= MAX_REF_HOPS) {
        this.report.add('warnings', `$ref "${ref.slice(0, 200)}" leads back to itself; it was left out`, where);
        return undefined;
      }
      seen.add(ref);
      const target = this.pointer(ref);
      if (target === undefined) {
        this.report.add('warnings', `$ref "${ref.slice(0, 200)}" points to nothing in the document; it was left out`, where);
        return undefined;
      }
      current = target;
    }
    return current;
  }

  /** A JSON pointer ("#/components/schemas/Pet") into the document; own properties only. */
  private pointer(ref: string): unknown {
    const tokens = ref.slice(1).split('/').slice(1);
    let node: unknown = this.root;
    for (const raw of tokens) {
      let token: string;
      try {
        token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      } catch {
        return undefined;
      }
      if (Array.isArray(node) && /^\d+$/.test(token)) node = node[Number(token)];
      else if (isObj(node) && Object.hasOwn(node, token)) node = node[token];
      else return undefined;
    }
    return node;
  }
}
