// Postman variables (collection, folder and environment: [{key, value, type, disabled|enabled}]) as RoleCall rows.
// A secret-typed value, or one whose name says it holds a credential (AWS_SECRET_ACCESS_KEY, password, session
// token), is marked secret and left empty: the importer carries no secret across, the user types it once in RoleCall
// where secret values are sealed at rest.
import type { KeyValue } from '../models/workspace';
import { clip } from './importResult';
import { isObj, text, type Ctx } from './postmanRequest';

const MAX_VARIABLES = 1000;
const CREDENTIAL_NAME = /secret|passw(or)?d|session[-_ ]?token|security[-_ ]?token|private[-_ ]?key|^aws[-_]?session$/i;

export function readVariables(raw: unknown, ctx: Ctx, where: string): KeyValue[] {
  const entries = (Array.isArray(raw) ? raw : []).filter(isObj);
  if (entries.length > MAX_VARIABLES) ctx.report.add('warnings', `Only the first ${MAX_VARIABLES} variables were imported`, where);
  const secretNames: string[] = [];
  const rows = entries.slice(0, MAX_VARIABLES).map((entry): KeyValue => {
    const key = clip(text(entry.key), 1024, ctx.report, 'A variable name', where);
    const value = text(entry.value);
    // Collections say disabled: true, environments enabled: false.
    const enabled = entry.disabled !== true && entry.enabled !== false;
    const secret = entry.type === 'secret' || CREDENTIAL_NAME.test(key);
    if (secret && value !== '') secretNames.push(key);
    const description = (isObj(entry.description) ? text(entry.description.content) : text(entry.description)).trim().slice(0, 64 * 1024);
    return { id: ctx.newId(), key, value: secret ? '' : clip(value, 64 * 1024, ctx.report, 'A variable value', where), enabled, secret, ...(description ? { description } : {}) };
  });
  if (rows.length) ctx.report.add('mapped', `Variables (${rows.length})`, where);
  if (secretNames.length) {
    ctx.report.add('warnings', `Secret variables ${secretNames.map((n) => `"${n}"`).join(', ')} were marked secret and left empty: type their values in RoleCall`, where);
  }
  return rows;
}
