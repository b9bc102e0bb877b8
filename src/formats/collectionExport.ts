// One entry point for collections:export: the document for a format, as file text, and the file name to suggest.
import type { ExportFormat } from '../contract';
import type { Collection } from '../models/workspace';
import { toPostmanCollection } from './postmanExport';
import { toRoleCallFile } from './rolecallExport';

export function exportCollection(collection: Collection, format: ExportFormat): { fileName: string; text: string } {
  const document = format === 'postman' ? toPostmanCollection(collection) : toRoleCallFile(collection);
  const suffix = format === 'postman' ? '.postman_collection.json' : '.rolecall.json';
  return { fileName: `${collection.name.trim() || 'collection'}${suffix}`, text: `${JSON.stringify(document, null, 2)}\n` };
}
