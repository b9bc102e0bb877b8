// Base64 to bytes without one giant intermediate string: atob works on slices that are multiples of 4 characters.

const SLICE = 4 * 256 * 1024;

export function base64ToBytes(base64: string): Uint8Array {
  const clean = base64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4) - padding);
  let at = 0;
  for (let i = 0; i < clean.length; i += SLICE) {
    const binary = atob(clean.slice(i, i + SLICE));
    for (let j = 0; j < binary.length; j++) out[at++] = binary.charCodeAt(j);
  }
  return out;
}

/** Decodes bytes as UTF-8 (invalid sequences become U+FFFD), the way the raw view shows a body. */
export function bytesToText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
