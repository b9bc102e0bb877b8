// Turns a response body into what the viewer shows: is it text at all, which language is it, and a pretty form
// when one exists. Done in main so a 50 MB document is parsed off the window's thread. HTML is only ever labelled
// 'html' and returned as text: the viewer shows markup, it never renders it.
import { Buffer } from 'node:buffer';
import type { FormattedBody } from '../../src/contract';

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

/** Re-indents XML that has no layout of its own (one line of tags); anything with text between tags keeps it. */
export function indentXml(xml: string): string | undefined {
  const trimmed = xml.trim();
  if (/>\s*\n\s*</.test(trimmed)) return undefined; // already laid out
  const tokens = trimmed.match(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]+>|[^<]+/g);
  if (!tokens) return undefined;
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const pad = '  '.repeat(depth);
    if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      lines.push('  '.repeat(depth) + token);
    } else if (token.startsWith('<?') || token.startsWith('<!') || token.endsWith('/>')) {
      lines.push(pad + token);
    } else if (token.startsWith('<')) {
      // <a>text</a> stays on one line.
      const next = tokens[i + 1];
      const close = tokens[i + 2];
      if (next !== undefined && !next.startsWith('<') && close?.startsWith('</')) {
        lines.push(pad + token + next + close);
        i += 2;
      } else {
        lines.push(pad + token);
        depth++;
      }
    } else if (token.trim()) {
      lines.push(pad + token.trim());
    }
  }
  return lines.join('\n');
}

/**
 * Lays out valid JSON with two-space indentation, as JSON.stringify(value, null, 2) would, but copying every
 * string and number exactly as the server wrote it: 12345678901234567890 is not rounded, "\u00e9" stays escaped.
 */
export function indentJson(json: string): string {
  // Strings, punctuation, and the literals (numbers, true, false, null) between them; whitespace is skipped.
  const token = /"(?:[^"\\]|\\.)*"|[{}[\],:]|[^\s{}[\],:"]+/g;
  const pads: string[] = [];
  const newline = (depth: number) => (pads[depth] ??= '\n' + '  '.repeat(depth));
  const out: string[] = [];
  let depth = 0;
  let open: string | undefined; // an opening bracket not yet written, in case it is empty
  for (let m = token.exec(json); m !== null; m = token.exec(json)) {
    const t = m[0];
    if (open !== undefined) {
      if ((open === '{' && t === '}') || (open === '[' && t === ']')) {
        out.push(open + t);
        open = undefined;
        continue;
      }
      depth++;
      out.push(open + newline(depth));
      open = undefined;
    }
    if (t === '{' || t === '[') open = t;
    else if (t === '}' || t === ']') {
      depth--;
      out.push(newline(depth) + t);
    } else if (t === ',') out.push(',' + newline(depth));
    else if (t === ':') out.push(': ');
    else out.push(t);
  }
  if (open !== undefined) out.push(open);
  return out.join('');
}

export function formatBody(bytes: Uint8Array, contentType?: string): FormattedBody {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Not text: the viewer shows hex from the source itself.
  if (isBinary(bytes)) return { text: '', language: 'text', formatted: false, binary: true };
  const text = buffer.toString('utf8');
  const language = detectLanguage(text, contentType);
  if (language === 'json' && bytes.length <= FORMAT_LIMIT_BYTES) {
    try {
      JSON.parse(text); // validates; the pretty form is built from the text so numbers and escapes stay as sent
      return { text: indentJson(text), language, formatted: true, binary: false };
    } catch {
      return { text, language, formatted: false, binary: false };
    }
  }
  if (language === 'xml' && bytes.length <= FORMAT_LIMIT_BYTES) {
    const indented = indentXml(text);
    if (indented !== undefined) return { text: indented, language, formatted: true, binary: false };
  }
  return { text, language, formatted: false, binary: false };
}
