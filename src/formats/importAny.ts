// One entry point for "Import…": recognises what a file (or pasted text) is and runs the importer for it. Postman
// collections (v2.0/v2.1; v1 is refused by its importer with a clear message), Postman environments, RoleCall's own
// collection file, curl commands and OpenAPI 3 documents (JSON or YAML) import here, and a Postman git-native (v3) file is pointed at "Open folder…", which reads the whole folder. Pure: the caller reads
// the text and decides what to keep (offered keys go to the key store, never into the collection).
import { countItems } from '../collectionTree';
import { IMPORT_MAX_BYTES } from '../models/importing';
import type { Collection, Environment } from '../models/workspace';
import { importCurlCommand } from './curlImport';
import { defaultNewId, guarded, ImportError, type ImportNote, type ImportReport, type OfferedKeys } from './importResult';
import { importOpenApi } from './openapiImport';
import { importPostmanEnvironment } from './postmanEnvironment';
import { importPostmanCollection } from './postmanImport';
import { importRoleCallCollection, isRoleCallFile } from './rolecallImport';

export { IMPORT_MAX_BYTES };

export type ImportFormat = 'postman-collection' | 'postman-environment' | 'rolecall' | 'curl' | 'openapi' | 'folder';

export interface ImportOutcome {
  format: ImportFormat;
  /** The format in words, e.g. "Postman Collection v2.1". */
  formatLabel: string;
  collection?: Collection;
  environment?: Environment;
  report: ImportReport;
  /** Literal keys found; never part of `collection`. */
  offeredKeys: OfferedKeys[];
  notes: ImportNote[];
}

export interface ImportAnyOptions {
  newId?: () => string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function importAny(input: string, options: ImportAnyOptions = {}): ImportOutcome {
  if (input.length > IMPORT_MAX_BYTES) throw new ImportError(`This is larger than ${IMPORT_MAX_BYTES / (1024 * 1024)} MiB, the most RoleCall imports.`);
  const text = input.replace(/^\uFEFF/, '').trim();
  if (text === '') throw new ImportError('There is nothing to import: the text is empty.');
  const newId = options.newId ?? defaultNewId;

  if (/^(\$\s+)?curl(\.exe)?\s/i.test(text)) return fromCurl(text, newId);
  if (text.startsWith('{') || text.startsWith('[')) return fromJson(text, newId);
  if (/^\s*(openapi|swagger)\s*:/m.test(text)) return fromOpenApi(text, newId);
  if (/^\s*\$kind\s*:\s*(http-request|collection|environment)/m.test(text) || /^\s*values\s*:/m.test(text)) {
    throw new ImportError('This looks like a file from a Postman collection folder (git-native YAML layout): open the whole folder with "Open folder…" instead.');
  }
  throw new ImportError('RoleCall cannot tell what this is. It imports Postman collections (v2.0, v2.1) and environments, RoleCall collection files, curl commands and OpenAPI 3 documents.');
}

function fromOpenApi(doc: unknown, newId: () => string): ImportOutcome {
  const result = importOpenApi(doc, { newId });
  const version = isObj(doc) ? String(doc.openapi) : (/^\s*openapi\s*:\s*['"]?([\d.]+)/m.exec(String(doc))?.[1] ?? '3');
  return { format: 'openapi', formatLabel: `OpenAPI ${version}`, collection: result.collection, report: result.report, offeredKeys: [], notes: result.notes };
}

function fromJson(text: string, newId: () => string): ImportOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ImportError('This file starts like JSON but is not valid JSON.', err instanceof Error ? err.message : String(err));
  }
  if (!isObj(doc)) throw new ImportError(`RoleCall imports a JSON object; this file holds ${Array.isArray(doc) ? 'an array' : 'something else'}.`);
  if (isRoleCallFile(doc)) {
    const { collection, report } = importRoleCallCollection(doc, { newId });
    return { format: 'rolecall', formatLabel: 'RoleCall collection', collection, report, offeredKeys: [], notes: [] };
  }
  if (doc.openapi !== undefined || doc.swagger !== undefined) return fromOpenApi(doc, newId);
  if (Array.isArray(doc.values) && !isObj(doc.info)) {
    const { environment, report } = importPostmanEnvironment(doc, { newId });
    return { format: 'postman-environment', formatLabel: 'Postman environment', environment, report, offeredKeys: [], notes: [] };
  }
  // Everything else that is an object goes to the collection importer, which names v1 and other shapes clearly.
  const result = importPostmanCollection(doc, { newId });
  const schema = isObj(doc.info) && typeof doc.info.schema === 'string' ? doc.info.schema : '';
  const version = /collection\/v2\.0/.test(schema) ? 'v2.0' : 'v2.1';
  return {
    format: 'postman-collection',
    formatLabel: `Postman Collection ${version}`,
    collection: result.collection,
    report: result.report,
    offeredKeys: result.offeredKeys ?? [],
    notes: result.notes,
  };
}

function fromCurl(text: string, newId: () => string): ImportOutcome {
  const result = importCurlCommand(text, { newId });
  const collection = guarded('curl command', (): Collection => ({
    id: newId(),
    name: 'Imported from curl',
    auth: { type: 'none' },
    variables: [],
    items: [{ ...result.request, kind: 'request' }],
  }));
  return { format: 'curl', formatLabel: 'curl command', collection, report: result.report, offeredKeys: result.offeredKeys ?? [], notes: [] };
}

/** The counts a preview shows for a collection. */
export function collectionCounts(collection: Collection): { name: string; folders: number; requests: number } {
  return { name: collection.name, ...countItems(collection.items) };
}
