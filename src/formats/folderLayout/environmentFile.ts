// `environments/<stem>.environment.yaml`, Postman's environment file: name and values
// `[{key, value, enabled, type: default|secret}]`; a secret's value is never written.
import type { Environment } from '../../models/workspace';
import { rowsFromYaml, rowsToYaml } from './rows';
import { readString, type YamlFile } from './yamlText';

export function environmentToYaml(env: Environment): Record<string, unknown> {
  return { name: env.name, values: rowsToYaml(env.variables, 'environment') };
}

export function environmentFromYaml(file: YamlFile, id: string, stem: string): Environment {
  return { id, name: readString(file, ['name'], stem), variables: rowsFromYaml(file, ['values'], (i) => `${id}.v${i}`) };
}
