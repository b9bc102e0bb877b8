// What a body is, judged from its Content-Type and first bytes: used when main could not format it, so the viewer
// still picks a sensible view. Main's response:format is the authority otherwise.
import type { BodyLanguage } from './BodyEditor';

export function languageOf(contentType: string | undefined): BodyLanguage {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json') || type === 'text/json') return 'json';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.endsWith('/xml') || type.endsWith('+xml')) return 'xml';
  return 'text';
}

/** True when the sample has a NUL byte or many control characters: show hex, not text. */
export function looksBinary(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return n > 0 && control / n > 0.1;
}
