// A RoleCall environment as a Postman environment file ({name, values: [{key, value, enabled, type}]}), the file
// Postman's "Import" and newman's --environment read. Secret variables keep their key, type "secret" and an empty
// value: the value stays in RoleCall's encrypted store and each teammate fills in their own.
import type { Environment } from '../models/workspace';

export interface PostmanEnvironmentValue {
  key: string;
  value: string;
  enabled: boolean;
  type: 'default' | 'secret';
}

export interface PostmanEnvironment {
  name: string;
  values: PostmanEnvironmentValue[];
  _postman_variable_scope: 'environment';
}

export function exportPostmanEnvironment(environment: Environment): PostmanEnvironment {
  return {
    name: environment.name,
    values: environment.variables.map((v) => ({ key: v.key, value: v.secret ? '' : v.value, enabled: v.enabled, type: v.secret ? 'secret' : 'default' })),
    _postman_variable_scope: 'environment',
  };
}

/** The file to write and the name to suggest for it. */
export function environmentFile(environment: Environment): { fileName: string; text: string } {
  return { fileName: `${environment.name.trim() || 'environment'}.postman_environment.json`, text: `${JSON.stringify(exportPostmanEnvironment(environment), null, 2)}\n` };
}
