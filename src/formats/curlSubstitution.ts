// `@<(...)`: how "Copy as curl" writes a body no shell word can hold: bytes with a NUL as `printf %s BASE64 |
// base64 -d`, a signed multipart form as `printf %s TEXT; cat FILE; ...` (curl's own -F cannot be signed by
// --aws-sigv4). The importer reads those two forms back without running anything: the bytes as the text they are
// (UTF-8), the form as its text and file segments; any other command cannot be known without running it, so it
// is reported and left out.
import { splitWords } from './curlWords';

const PRINTF_BASE64 = /^<\(\s*printf\s+%s\s+([\s\S]+?)\s*\|\s*base64\s+(?:-d|--decode)\s*\)$/;
const NOT_RUN = 'Data made by a shell command (@<(...)) was not imported: RoleCall does not run commands';

export type Substituted = { text: string } | { segments: Array<{ text: string } | { path: string }> } | { problem: string };

/** What `<(...)` (the data argument without its @) stands for, or why it cannot be imported. */
export function substitutedData(arg: string): Substituted {
  const match = PRINTF_BASE64.exec(arg);
  if (!match) return segmentsOf(arg);
  const words = splitWords(match[1]!, 'bash').words;
  const data = words.length === 1 ? words[0]! : '';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0 || data === '') return { problem: NOT_RUN };
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: 'Binary data (@<(... | base64 -d)) is not text and was not imported: save it to a file and choose that file as the body' };
  }
}

/** `<(printf %s A; cat B; printf %s C)`: each step one printf of one word or one cat of one file, nothing else. */
function segmentsOf(arg: string): Substituted {
  if (!arg.startsWith('<(') || !arg.endsWith(')')) return { problem: NOT_RUN };
  let words: string[];
  try {
    // Split as bash would, with ; kept as a step separator (the splitter stops a command at an unquoted ;).
    words = [];
    let rest = arg.slice(2, -1);
    for (let guard = 0; guard < 1000; guard++) {
      const split = splitWords(rest, 'bash');
      words.push(...split.words, ';');
      if (!split.ignoredTail) break;
      if (!split.ignoredTail.startsWith(';')) return { problem: NOT_RUN };
      rest = split.ignoredTail.slice(1);
    }
  } catch {
    return { problem: NOT_RUN };
  }
  const segments: Array<{ text: string } | { path: string }> = [];
  for (let i = 0; i < words.length; ) {
    if (words[i] === 'printf' && words[i + 1] === '%s' && words[i + 3] === ';') segments.push({ text: words[i + 2]! });
    else if (words[i] === 'cat' && words[i + 2] === ';') segments.push({ path: words[i + 1]! });
    else return { problem: NOT_RUN };
    i += words[i] === 'printf' ? 4 : 3;
  }
  return segments.length ? { segments } : { problem: NOT_RUN };
}
