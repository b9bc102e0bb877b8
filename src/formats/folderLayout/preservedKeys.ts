// Keys of a request or definition file that RoleCall does not model (scripts, pathVariables, inline examples, a
// newer Postman's keys) are kept with the item as read and written back where they were, and the file's own key
// order is kept too: an edit in RoleCall then changes only the lines it changed. What counts as modelled is what
// the reader looked at (YamlFile.touched), so a field another reader starts to read stops being preserved by itself.
import { jsonSize, PRESERVED_MAX_CHARS, type Preserved } from '../../models/preserved';
import { fieldProblem, type YamlFile } from './yamlText';

const MAX_KEYS = 256;
const MAX_KEY_CHARS = 256;
/** Mappings RoleCall models in part, whose other keys are kept too; `rolecall.` keys in them are RoleCall's own. */
const PARTLY_MODELLED = ['settings'];

/**
 * What `file` holds beyond what its reader took, once the reader is done; undefined when nothing is left over and
 * the file's keys already stand in `canonical` order (what the writer would give), so most items carry nothing.
 */
export function preservedFrom(file: YamlFile, written: Record<string, unknown>): Preserved | undefined {
  const canonical = Object.keys(written);
  const keys = Object.keys(file.root);
  const fields: Record<string, unknown> = {};
  for (const key of keys) {
    if (file.touched.has(key)) continue;
    const value = file.root[key];
    if (value === undefined || value === null) continue;
    if (key === '__proto__' || key.length > MAX_KEY_CHARS || Object.keys(fields).length >= MAX_KEYS) {
      fieldProblem(file, [key], 'too many or too long keys to keep; not written back when this is saved in RoleCall');
      continue;
    }
    fields[key] = value;
  }
  if (jsonSize(fields) > PRESERVED_MAX_CHARS) {
    fieldProblem(file, [Object.keys(fields)[0] ?? ''], `what RoleCall does not use here is larger than ${PRESERVED_MAX_CHARS} characters; not written back when this is saved in RoleCall`);
    return undefined;
  }
  const order = keys.filter((k) => k !== '__proto__' && k.length <= MAX_KEY_CHARS).slice(0, MAX_KEYS);
  const known = order.filter((k) => canonical.includes(k));
  const sameOrder = known.every((k, i) => k === canonical.filter((c) => known.includes(c))[i]);
  const within: NonNullable<Preserved['within']> = {};
  for (const key of PARTLY_MODELLED) {
    const inner = partlyKept(file.root[key], written[key]);
    if (inner) within[key] = inner;
  }
  const hasWithin = Object.keys(within).length > 0;
  if (Object.keys(fields).length === 0 && sameOrder && !hasWithin) return undefined;
  return { order, fields, ...(hasWithin ? { within } : {}) };
}

/** A mapping's keys the writer does not give back (and that are not RoleCall's `rolecall.` ones), with its order. */
function partlyKept(read: unknown, written: unknown): { order: string[]; fields: Record<string, unknown> } | undefined {
  if (!read || typeof read !== 'object' || Array.isArray(read)) return undefined;
  const mine = written && typeof written === 'object' ? Object.keys(written) : [];
  const order = Object.keys(read).filter((k) => k !== '__proto__' && k.length <= MAX_KEY_CHARS).slice(0, MAX_KEYS);
  const fields: Record<string, unknown> = {};
  for (const k of order) {
    const value = (read as Record<string, unknown>)[k];
    if (!mine.includes(k) && !k.startsWith('rolecall.') && value !== undefined && value !== null) fields[k] = value;
  }
  return Object.keys(fields).length ? { order, fields } : undefined;
}

/**
 * `out` (the writer's keys in its order) with the preserved fields added, every key where the file had it. A key
 * the file did not have goes right after the key the writer puts before it, so an added field lands in its usual place.
 */
export function withPreserved(out: Record<string, unknown>, preserved: Preserved | undefined): Record<string, unknown> {
  if (!preserved) return out;
  const within = preserved.within ?? {};
  const value = (k: string) => {
    const inner = Object.hasOwn(within, k) ? within[k] : undefined;
    if (!inner) return k in out ? out[k] : preserved.fields[k];
    const own = out[k] && typeof out[k] === 'object' && !Array.isArray(out[k]) ? (out[k] as Record<string, unknown>) : {};
    return withPreserved(own, inner);
  };
  const present = (k: string) => k in out || Object.hasOwn(preserved.fields, k) || Object.hasOwn(within, k);
  const seq = preserved.order.filter((k, i) => present(k) && preserved.order.indexOf(k) === i);
  const canonical = Object.keys(out);
  canonical.forEach((key, i) => {
    if (seq.includes(key)) return;
    const before = canonical.slice(0, i).reverse().find((k) => seq.includes(k));
    seq.splice(before === undefined ? 0 : seq.indexOf(before) + 1, 0, key);
  });
  for (const key of [...Object.keys(preserved.fields), ...Object.keys(within)]) if (!seq.includes(key)) seq.push(key);
  const result: Record<string, unknown> = {};
  for (const key of seq) result[key] = value(key);
  return result;
}
