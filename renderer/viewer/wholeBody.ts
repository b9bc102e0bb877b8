// The whole of a spooled body as text, read from main in slices when the user asks to copy it: the windowed view
// never holds it. Bounded: past COPY_LIMIT_BYTES the copy is refused (Save to file has no limit).
import type { RoleCallApi } from '../../src/contract';
import { settle } from '../api';
import { base64ToBytes } from './base64';

export const COPY_LIMIT_BYTES = 64 * 1024 * 1024;
const SLICE = 4 * 1024 * 1024;

export async function readWholeBody(api: RoleCallApi, file: string, size: number): Promise<string> {
  if (size > COPY_LIMIT_BYTES) throw new Error('This body is too big to copy; save it to a file instead.');
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for (let offset = 0, i = 0; i <= Math.ceil(size / SLICE); i++) {
    const answer = await settle(() => api.responseRead({ file, offset, length: SLICE }));
    if (!answer.ok) throw new Error(answer.error.message);
    const bytes = base64ToBytes(answer.value.base64);
    offset += bytes.length;
    parts.push(decoder.decode(bytes, { stream: !answer.value.eof }));
    if (answer.value.eof || bytes.length === 0) break;
  }
  parts.push(decoder.decode());
  return parts.join('');
}
