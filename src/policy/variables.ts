// The request context as conditions read it (key names case-insensitive, every value as text) and policy
// variables: ${aws:username} in a Resource or a condition value takes the request's value, ${key, 'default'}
// a default, and ${*} ${?} ${$} stand for the literal characters.
import type { ContextValue } from './types';

export interface ContextLookup {
  /** The key's values as text; undefined when the request does not carry the key. */
  get(key: string): string[] | undefined;
}

export function contextLookup(context: Record<string, ContextValue>): ContextLookup {
  const map = new Map<string, string[]>();
  for (const [key, value] of Object.entries(context)) {
    map.set(key.toLowerCase(), (Array.isArray(value) ? value : [value]).map((v) => String(v)));
  }
  return { get: (key) => map.get(key.toLowerCase()) };
}

/** The text with its variables replaced; undefined when a variable has neither a value nor a default. */
export function substituteVariables(text: string, lookup: ContextLookup): string | undefined {
  if (!text.includes('${')) return text;
  let missing = false;
  const out = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner === '*' || inner === '?' || inner === '$') return inner;
    const withDefault = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/.exec(inner);
    const key = withDefault ? (withDefault[1] as string) : inner.trim();
    const values = lookup.get(key);
    if (values && values.length === 1) return values[0] as string;
    if (withDefault) return withDefault[2] as string;
    missing = true;
    return whole;
  });
  return missing ? undefined : out;
}
