// A Postman environment file ({name, values: [{key, value, enabled, type}]}) as a RoleCall environment. Secret-typed
// values (and values whose names say they are credentials) are marked secret and left empty: see postmanVariables.ts.
import { environmentSchema, type Environment } from '../models/workspace';
import { defaultNewId, guarded, ImportError, ReportBuilder, type ImportReport } from './importResult';
import type { ImportOptions } from './postmanImport';
import { parseJson } from './postmanImport';
import { text } from './postmanRequest';
import { readVariables } from './postmanVariables';
import { issueSentence } from '../validationText';

export interface EnvironmentImportResult {
  environment: Environment;
  report: ImportReport;
}

export function importPostmanEnvironment(json: unknown, options: ImportOptions = {}): EnvironmentImportResult {
  return guarded('Postman environment', () => importEnvironment(json, options));
}

function importEnvironment(json: unknown, options: ImportOptions): EnvironmentImportResult {
  const doc = parseJson(json, 'environment');
  if (!Array.isArray(doc.values)) {
    if (Array.isArray(doc.item) || typeof doc.info === 'object') throw new ImportError('This is a Postman collection, not an environment: import it as a collection.');
    throw new ImportError('This is not a Postman environment: "values" is missing or not a list.');
  }
  const report = new ReportBuilder();
  const newId = options.newId ?? defaultNewId;
  const name = text(doc.name).trim().slice(0, 256) || 'Imported environment';
  const environment = { id: newId(), name, variables: readVariables(doc.values, { report, newId }, name) };
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError('The environment could not be turned into a RoleCall environment.', issue ? issueSentence(issue) : undefined);
  }
  return { environment: parsed.data, report: report.build() };
}
