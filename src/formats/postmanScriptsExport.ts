// Scripts kept from Postman, written back as Postman v2.1 `event`s at the level they came from (collection, folder,
// request), so Postman -> RoleCall -> Postman loses none. The import keeps them as Postman's git-native `scripts`
// ({type: beforeRequest|afterResponse, code, language}, see postmanImport.ts), the form a collection folder holds
// too. RoleCall never ran them; Postman and newman will, which the export report says for each item.
import type { Preserved } from '../models/preserved';

export interface PostmanEvent {
  listen: 'prerequest' | 'test';
  script: { type: 'text/javascript'; exec: string[] };
}

const LISTEN: Record<string, PostmanEvent['listen']> = { beforeRequest: 'prerequest', afterResponse: 'test' };
const WORDS: Record<PostmanEvent['listen'], string> = { prerequest: 'pre-request', test: 'test' };

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The item's kept scripts as events (pre-request first), and report lines naming `where`. */
export function scriptEvents(preserved: Preserved | undefined, where: string): { events: PostmanEvent[]; report: string[] } {
  const kept = preserved && Object.hasOwn(preserved.fields, 'scripts') ? preserved.fields.scripts : undefined;
  if (!Array.isArray(kept)) return { events: [], report: [] };
  const code: Record<PostmanEvent['listen'], string[]> = { prerequest: [], test: [] };
  let skipped = 0;
  for (const entry of kept) {
    // A git-native file may name the type with a prefix ("http:afterResponse").
    const type = isObj(entry) && typeof entry.type === 'string' ? entry.type.replace(/^.*:/, '') : '';
    const listen = Object.hasOwn(LISTEN, type) ? LISTEN[type] : undefined;
    const language = isObj(entry) ? entry.language : undefined;
    if (!listen || !isObj(entry) || typeof entry.code !== 'string' || (language !== undefined && !/javascript/i.test(String(language)))) {
      skipped += 1;
      continue;
    }
    if (entry.code.trim() !== '') code[listen].push(entry.code);
  }
  const events: PostmanEvent[] = [];
  const report: string[] = [];
  for (const listen of ['prerequest', 'test'] as const) {
    if (code[listen].length === 0) continue;
    events.push({ listen, script: { type: 'text/javascript', exec: code[listen].join('\n').split('\n') } });
    report.push(`${where}: its ${WORDS[listen]} script, kept from Postman, is exported as Postman's; RoleCall never ran it (Postman and newman will).`);
  }
  if (skipped) report.push(`${where}: ${skipped} kept script${skipped === 1 ? '' : 's'} of a kind Postman v2.1 cannot hold not exported.`);
  return { events, report };
}
