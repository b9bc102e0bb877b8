// Masks secrets in a value before it leaves main. A signed request, its canonical request and a presigned URL
// carry the session token (raw in a header, percent-encoded in a query), so every string is searched for each
// secret in each form it can take there, and the mask says what was hidden and how long it was.

/** A secret and the words its mask uses ("session token"). */
export interface LabelledSecret {
  value?: string;
  label: string;
}

export type SecretInput = string | undefined | LabelledSecret;

/** Shorter strings are too likely to occur by chance (and no AWS secret is that short). */
export const MIN_SECRET_LENGTH = 8;

interface Needle {
  text: string;
  mask: string;
}

export function redactSecrets<T>(value: T, secrets: SecretInput[]): T {
  const needles = toNeedles(secrets);
  if (needles.length === 0) return deepCopy(value, (s) => s);
  return deepCopy(value, (s) => redactString(s, needles));
}

function toNeedles(secrets: SecretInput[]): Needle[] {
  const byText = new Map<string, string>();
  for (const secret of secrets) {
    const { value, label } = labelled(secret);
    if (!value || value.length < MIN_SECRET_LENGTH) continue;
    const mask = `«redacted: ${label}, ${value.length} chars»`;
    for (const form of encodings(value)) if (!byText.has(form)) byText.set(form, mask);
  }
  // Longest first, so a secret containing another is masked whole.
  return [...byText].map(([text, mask]) => ({ text, mask })).sort((a, b) => b.text.length - a.text.length);
}

export function labelled(secret: SecretInput): LabelledSecret {
  return typeof secret === 'object' ? secret : { value: secret, label: 'secret' };
}

/** The forms a secret takes in a URL or canonical query: as is, percent-encoded (either hex case), form-encoded. */
export function encodings(value: string): string[] {
  const strict = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const lowerHex = strict.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
  const form = strict.replace(/%20/g, '+');
  return [...new Set([value, strict, lowerHex, encodeURIComponent(value), form])];
}

function redactString(text: string, needles: Needle[]): string {
  let out = text;
  for (const { text: needle, mask } of needles) if (out.includes(needle)) out = out.split(needle).join(mask);
  return out;
}

function deepCopy<T>(value: T, mapString: (s: string) => string, seen = new WeakMap<object, unknown>()): T {
  if (typeof value === 'string') return mapString(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value) as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(deepCopy(item, mapString, seen));
    return copy as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (ArrayBuffer.isView(value)) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[mapString(key)] = deepCopy(item, mapString, seen);
  return copy as T;
}
