// One entry point for collections:export: the document for a format, as file text, the file name to suggest, and
// (Postman only) what the document could not express, one line each, for the user to read before sharing it.
import type { ExportFormat } from '../contract';
import type { Collection } from '../models/workspace';
import { exportPostmanCollection } from './postmanExport';
import { toRoleCallFile } from './rolecallExport';

export interface CollectionExport {
  fileName: string;
  text: string;
  /** Postman only: what RoleCall does that the Postman document cannot say (empty when nothing). */
  report?: string[];
}

export function exportCollection(collection: Collection, format: ExportFormat): CollectionExport {
  const base = collection.name.trim() || 'collection';
  if (format === 'postman') {
    const { collection: document, report } = exportPostmanCollection(collection);
    return { fileName: `${base}.postman_collection.json`, text: `${JSON.stringify(document, null, 2)}\n`, report };
  }
  return { fileName: `${base}.rolecall.json`, text: `${JSON.stringify(toRoleCallFile(collection), null, 2)}\n` };
}
