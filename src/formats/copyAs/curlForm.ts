// A multipart body as curl's own form options. RoleCall frames a form itself (effectiveRequest.ts: text parts
// inline, file parts as paths main reads); "Copy as curl" reads that framing back into parts and writes them as
// --form-string (text, taken literally) and -F name=@file;type=... (files), which curl runs as printed and the curl
// importer reads back as the same form. curl picks its own boundary and signs the body it sends. Anything the
// options cannot say exactly (a name with = or a quote, a path with ; or a comma, a typed text part curl would read
// as a file) gives undefined, and the caller keeps the byte-exact process substitution.
import type { Piece, Text } from './quote';

export type FormPart = { name: Text; kind: 'text'; value: Text; contentType?: Text } | { name: Text; kind: 'file'; path: Text; contentType: Text };

// Private-use characters stand for the env pieces (secret values) and the file segments while the framing is parsed.
const ENV = (i: number) => `\uE000${i}\uE001`;
const FILE = (i: number) => `\uE002${i}\uE003`;
const FILE_ONLY = /^\uE002(\d+)\uE003$/;

/** The parts of a RoleCall multipart body with this Content-Type, or undefined when it is not one curl's options can say. */
export function formParts(segments: Array<{ text: Text } | { path: Text }>, contentType: string): FormPart[] | undefined {
  const boundary = /^multipart\/form-data;\s*boundary=([A-Za-z0-9'()+_,./:=?-]{1,70})$/i.exec(contentType.trim())?.[1];
  if (!boundary) return undefined;
  const envs: string[] = [];
  const flat = (text: Text) => text.map((p: Piece) => ('env' in p ? ENV(envs.push(p.env) - 1) : p.text)).join('');
  const files: Text[] = [];
  const whole = segments.map((s) => ('path' in s ? FILE(files.push(s.path) - 1) : flat(s.text))).join('');
  if (/[\uE000-\uE003]/.test(segments.map((s) => ('text' in s ? s.text.map((p) => ('text' in p ? p.text : '')).join('') : '')).join(''))) return undefined;

  const open = `--${boundary}\r\n`;
  const close = `\r\n--${boundary}--\r\n`;
  if (!whole.startsWith(open) || !whole.endsWith(close)) return undefined;
  const chunks = whole.slice(open.length, whole.length - close.length).split(`\r\n--${boundary}\r\n`);
  const back = (value: string): Text =>
    value
      .split(/(\uE000\d+\uE001)/)
      .filter((s) => s !== '')
      .map((s) => {
        const env = /^\uE000(\d+)\uE001$/.exec(s);
        return env ? { env: envs[Number(env[1])]! } : { text: s };
      });
  const parts: FormPart[] = [];
  for (const chunk of chunks) {
    const split = chunk.indexOf('\r\n\r\n');
    if (split < 0) return undefined;
    const headers = chunk.slice(0, split).split('\r\n');
    const value = chunk.slice(split + 4);
    const disposition = /^Content-Disposition: form-data; name="([^"\r\n]*)"(?:; filename="([^"\r\n]*)")?$/.exec(headers[0] ?? '');
    if (!disposition || headers.length > 2) return undefined;
    const type = headers[1] === undefined ? undefined : /^Content-Type: (.+)$/.exec(headers[1])?.[1];
    if (headers[1] !== undefined && type === undefined) return undefined;
    const name = disposition[1]!;
    // -F reads up to the first =; a %22/%0D/%0A in the name is RoleCall's escape of a quote or line break.
    if (name === '' || /[=;"%\uE002\uE003]/.test(name)) return undefined;
    const file = FILE_ONLY.exec(value);
    if (disposition[2] !== undefined) {
      if (!file || type === undefined || /[;,"]/.test(type)) return undefined;
      const path = files[Number(file[1])]!;
      const pathText = flat(path);
      if (/[;,"]/.test(pathText) || /[\r\n]/.test(pathText) || pathText.trim() === '') return undefined;
      parts.push({ name: back(name), kind: 'file', path, contentType: back(type) });
    } else {
      if (/[\uE002\uE003]/.test(value)) return undefined;
      // A typed text part needs -F, which reads a leading @ or < as a file, a leading quote as quoting, ; as attributes.
      if (type !== undefined && (/^[@<"]/.test(value) || value.includes(';') || /[;,"]/.test(type))) return undefined;
      parts.push({ name: back(name), kind: 'text', value: back(value), ...(type !== undefined ? { contentType: back(type) } : {}) });
    }
  }
  return parts;
}

/** The curl options for the parts: --form-string for plain text, -F for typed text and files. */
export function formArgs(parts: FormPart[], word: (text: Text) => string): string[] {
  return parts.map((part) => {
    if (part.kind === 'file') return `-F ${word([...part.name, { text: '=@' }, ...part.path, { text: ';type=' }, ...part.contentType])}`;
    if (part.contentType) return `-F ${word([...part.name, { text: '=' }, ...part.value, { text: ';type=' }, ...part.contentType])}`;
    return `--form-string ${word([...part.name, { text: '=' }, ...part.value])}`;
  });
}
