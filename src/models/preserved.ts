// What a shared file held that RoleCall does not model (Postman scripts, path variables, inline examples, keys a
// newer Postman or a teammate's tool added): kept with the item exactly as read, so saving in RoleCall loses
// nothing a teammate wrote. Opaque data: never run, never sent, never shown as HTML (the Docs tab lists it as text).
// Bounded in size so a hostile file cannot grow every save, tab and IPC message without limit.
import { z } from 'zod';

/** The most a preserved record may hold, as JSON characters. */
export const PRESERVED_MAX_CHARS = 1024 * 1024;

const key = z.string().min(1).max(256);

const keptKeys = z.object({
  /** Every key of the mapping in its order (modelled ones too), so a rewrite puts each back where it was. */
  order: z.array(key).max(256),
  /** The values of the keys RoleCall does not model, as the file held them (plain data: text, numbers, lists, maps). */
  fields: z.record(key, z.unknown()),
});

export const preservedSchema = keptKeys
  .extend({
    /** The same for a mapping RoleCall models only in part (Postman's `settings`: strictSSL, protocolVersion...). */
    within: z.record(key, keptKeys).optional(),
  })
  .refine((p) => Object.keys(p.fields).length <= 256 && jsonSize(p) <= PRESERVED_MAX_CHARS, {
    message: `Kept file content is limited to ${PRESERVED_MAX_CHARS} characters`,
  });
export type Preserved = z.infer<typeof preservedSchema>;

/** JSON length of `value`, or Infinity for what JSON cannot hold (cycles, BigInt). */
export function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

/** A Markdown description: edited and shown as text, never rendered as HTML. */
export const DESCRIPTION_MAX_CHARS = 256 * 1024;
export const descriptionSchema = z.string().max(DESCRIPTION_MAX_CHARS);
