// Turns a response body into what the viewer shows: is it text at all, which language is it, and a pretty form
// when one exists. Done in main's format worker (formatWorker.ts) so a 50 MB document is parsed off the window's
// thread and off the thread that answers IPC. HTML is only ever labelled 'html' and returned as text: the viewer
// shows markup, it never renders it.
import { Buffer } from 'node:buffer';
import type { FormattedBody } from '../../src/contract';
import { createJsonIndenter } from '../../src/layout/jsonIndenter';
import { flattenedNote } from '../../src/layout/limits';
import { indentXml } from '../../src/layout/xmlIndenter';

/** How much of the start of a body decides whether it is binary. */
export const SNIFF_BYTES = 64 * 1024;
/** Above this size JSON is returned as it came: parsing and re-serialising would cost more than it helps. */
export const FORMAT_LIMIT_BYTES = 64 * 1024 * 1024;

/** NUL bytes or invalid UTF-8 in the first 64 KB; a sequence cut by the 64 KB boundary is not held against it. */
export function isBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: bytes.length > SNIFF_BYTES });
    return false;
  } catch {
    return true;
  }
}

/** The language from the content type when there is one, else from the first characters. */
export function detectLanguage(text: string, contentType?: string): FormattedBody['language'] {
  const type = (contentType ?? '').toLowerCase();
  if (/\bjson\b|\+json/.test(type)) return 'json';
  if (type.includes('html')) return 'html';
  if (/\bxml\b|\+xml/.test(type)) return 'xml';
  const start = text.slice(0, 1024).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (/^<!doctype\s+html|^<html[\s>]|^<(head|body)[\s>]/i.test(start)) return 'html';
  if (start.startsWith('<')) return /<html[\s>]/i.test(text.slice(0, 4096)) ? 'html' : 'xml';
  return 'text';
}

function laidOut(text: string, language: FormattedBody['language'], flattened: { nesting: boolean; size: boolean }): FormattedBody {
  const note = flattenedNote(flattened);
  return { text, language, formatted: true, binary: false, ...(note ? { note } : {}) };
}

/** The body as text, not formatted: cheap enough for main's own thread (one decode, 64 KB sniffed). */
export function unformattedBody(bytes: Uint8Array, contentType: string | undefined, note?: string): FormattedBody {
  const noted = note ? { note } : {};
  // Not text: the viewer shows hex from the source itself.
  if (isBinary(bytes)) return { text: '', language: 'text', formatted: false, binary: true, ...noted };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text, language: detectLanguage(text, contentType), formatted: false, binary: false, ...noted };
}

export function formatBody(bytes: Uint8Array, contentType?: string): FormattedBody {
  // Not text: the viewer shows hex from the source itself.
  if (isBinary(bytes)) return { text: '', language: 'text', formatted: false, binary: true };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const language = detectLanguage(text, contentType);
  if (language === 'json' && bytes.length <= FORMAT_LIMIT_BYTES) {
    try {
      JSON.parse(text); // validates; the pretty form is built from the text so numbers and escapes stay as sent
    } catch {
      return { text, language, formatted: false, binary: false };
    }
    const indenter = createJsonIndenter();
    const pretty = indenter.push(text) + indenter.end();
    return laidOut(pretty, language, indenter.flattened);
  }
  if (language === 'xml' && bytes.length <= FORMAT_LIMIT_BYTES) {
    const indented = indentXml(text);
    if (indented !== undefined) return laidOut(indented.text, language, indented.flattened);
  }
  return { text, language, formatted: false, binary: false };
}
