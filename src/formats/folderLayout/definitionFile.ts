// `.resources/definition.yaml`: a collection's or folder's own settings. Postman writes `$kind: collection` for
// both. Keys in this order: $kind, name (only when it differs from the directory name), order (folders: their
// place among their siblings), variables, auth. Secret variables say `type: secret` and carry no value.
import type { Preserved } from '../../models/preserved';
import type { KeyValue, RequestAuth, ScopeSigning } from '../../models/workspace';
import { authFromYaml, authToYaml, type ReadAuth } from './authBlock';
import { preservedFrom, withPreserved } from './preservedKeys';
import { rowsFromYaml, rowsToYaml } from './rows';
import { scopeSigningFromYaml, scopeSigningToYaml } from './scopeSigning';
import { fieldProblem, readNumber, readString, type YamlFile } from './yamlText';

export const DEFINITION_KIND = 'collection';

export interface Definition {
  name: string;
  auth: RequestAuth;
  variables: KeyValue[];
  description?: string;
  /** Scripts and keys RoleCall does not model, written back where they were (preservedKeys.ts). */
  preserved?: Preserved;
  /** Region and service for the requests below (scopeSigning.ts). */
  signing?: ScopeSigning;
}

export function definitionToYaml(def: Definition, dirName: string, order?: number): Record<string, unknown> {
  const out: Record<string, unknown> = { $kind: DEFINITION_KIND };
  if (def.name !== dirName) out.name = def.name;
  if (def.description) out.description = def.description;
  if (order !== undefined) out.order = order;
  if (def.variables.length) out.variables = rowsToYaml(def.variables);
  const { auth, settings } = scopeSigningToYaml(authToYaml(def.auth), def.signing);
  if (auth) out.auth = auth;
  if (settings) out.settings = settings;
  return withPreserved(out, def.preserved);
}

export interface ReadDefinition extends Definition {
  order: number | undefined;
  native: ReadAuth['native'];
}

export function definitionFromYaml(file: YamlFile, ownerId: string, dirName: string): ReadDefinition {
  const kind = readString(file, ['$kind']);
  if (kind !== DEFINITION_KIND) fieldProblem(file, ['$kind'], kind === '' ? `missing; read as ${DEFINITION_KIND}` : `"${kind}" is not ${DEFINITION_KIND}; read as one`);
  const { auth, native } = authFromYaml(file, ['auth']);
  const read: ReadDefinition = {
    name: readString(file, ['name'], dirName),
    order: readNumber(file, ['order']),
    variables: rowsFromYaml(file, ['variables'], (i) => `${ownerId}.v${i}`),
    auth,
    native,
  };
  const description = readString(file, ['description']);
  if (description) read.description = description;
  const signing = scopeSigningFromYaml(file);
  if (signing) read.signing = signing;
  // Last, once every modelled key was read: the rest is kept as it stands (never run).
  const preserved = preservedFrom(file, definitionToYaml(read, dirName, read.order));
  if (preserved) read.preserved = preserved;
  return read;
}

/** A definition for a directory that has none: its name, inheriting, no variables. */
export const emptyDefinition = (dirName: string): ReadDefinition => ({ name: dirName, order: undefined, variables: [], auth: { type: 'inherit' }, native: undefined });
