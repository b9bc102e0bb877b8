// RoleCall's own collection file (rolecallExport.ts) read back: checked against collectionSchema and given fresh ids
// throughout, so importing the same file twice gives two collections rather than one overwriting the other. A file
// from an older RoleCall (or one edited by hand) may hold a credential the store refuses: it is emptied and reported.
import { cloneItem, countItems } from '../collectionTree';
import { collectionWithoutCredentials } from '../credentialGuard';
import { collectionSchema, WORKSPACE_VERSION, type Collection } from '../models/workspace';
import { defaultNewId, guarded, ImportError, ReportBuilder, type ImportReport } from './importResult';
import { parseJson } from './postmanImport';
import { ROLECALL_COLLECTION_FORMAT } from './rolecallExport';
import { issueSentence } from '../validationText';

export interface RoleCallImportResult {
  collection: Collection;
  report: ImportReport;
}

export function importRoleCallCollection(json: unknown, options: { newId?: () => string } = {}): RoleCallImportResult {
  return guarded('RoleCall collection', () => importFile(json, options.newId ?? defaultNewId));
}

/** True when a parsed JSON document says it is RoleCall's collection file. */
export const isRoleCallFile = (doc: unknown): boolean =>
  typeof doc === 'object' && doc !== null && (doc as { format?: unknown }).format === ROLECALL_COLLECTION_FORMAT;

function importFile(json: unknown, newId: () => string): RoleCallImportResult {
  const doc = parseJson(json, 'collection');
  if (!isRoleCallFile(doc)) throw new ImportError(`This is not a RoleCall collection file: "format" is not "${ROLECALL_COLLECTION_FORMAT}".`);
  const report = new ReportBuilder();
  if (typeof doc.version === 'number' && doc.version > WORKSPACE_VERSION) {
    report.add('warnings', `The file was written by a newer RoleCall (format version ${doc.version}); what this version does not know was left out`);
  }
  const parsed = collectionSchema.safeParse(doc.collection);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError('The RoleCall collection in this file is not valid.', issue ? issueSentence(issue) : undefined);
  }
  const source = parsed.data;
  const fresh: Collection = {
    ...source,
    id: newId(),
    variables: source.variables.map((v) => ({ ...v, id: newId() })),
    items: source.items.map((item) => cloneItem(item, newId)),
  };
  const clean = collectionWithoutCredentials(fresh);
  if (JSON.stringify(clean) !== JSON.stringify(fresh)) {
    report.add('warnings', 'Credential header values or presigned signatures in the file were emptied: RoleCall keeps no credentials in collections');
  }
  const counts = countItems(clean.items);
  report.add('mapped', `${counts.requests} request${counts.requests === 1 ? '' : 's'} in ${counts.folders} folder${counts.folders === 1 ? '' : 's'}, with auth, variables, signing settings, checks and captures`);
  if (clean.variables.some((v) => v.secret && v.value === '')) {
    report.add('warnings', 'Secret variables were exported without their values: type them in RoleCall');
  }
  return { collection: clean, report: report.build() };
}
