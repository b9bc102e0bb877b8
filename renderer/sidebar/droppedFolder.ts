// A folder dropped on the sidebar, read in the page through the browser's entry API (webkitGetAsEntry): only its
// importable text files (.json, .yaml, .txt…, Postman's .resources included; .git, node_modules and other hidden
// folders left alone), bounded in count, size and depth, and sent to main as texts with relative paths. Main never
// reads a path the page names, in the browser and in Electron alike.
import { DROPPED_FOLDER_MAX_FILES, IMPORT_MAX_BYTES } from '../../src/models/importLimits';

/** The part of the entry API this reader uses (FileSystemEntry and its kinds); tests give plain objects. */
export interface Entry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  file?: (ok: (file: File) => void, fail?: (err: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (entries: Entry[]) => void, fail?: (err: unknown) => void) => void };
}

export interface DroppedFolder {
  name: string;
  files: Array<{ path: string; text: string }>;
}

export const FOLDER_LIMITS = { files: DROPPED_FOLDER_MAX_FILES, chars: IMPORT_MAX_BYTES, depth: 32, entries: 20_000 };

const IMPORTABLE = /\.(json|ya?ml|txt|curl|sh)$/i;
const skipDir = (name: string) => name === 'node_modules' || (name.startsWith('.') && name !== '.resources');

/** The dropped folder's entry, taken while the drop event lasts (the list is emptied after it); undefined for files. */
export function folderEntry(items: DataTransferItemList | ArrayLike<{ webkitGetAsEntry?: () => unknown }>): Entry | undefined {
  const entries = Array.from(items as ArrayLike<{ webkitGetAsEntry?: () => unknown }>).map((item) => item.webkitGetAsEntry?.() as Entry | null | undefined);
  return entries.length === 1 && entries[0]?.isDirectory ? entries[0] : undefined;
}

const readAll = (dir: Entry): Promise<Entry[]> =>
  new Promise((resolve, reject) => {
    const reader = dir.createReader!();
    const out: Entry[] = [];
    // readEntries hands out a batch at a time and an empty batch at the end.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0 || out.length > FOLDER_LIMITS.entries) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });

const fileOf = (entry: Entry): Promise<File> => new Promise((resolve, reject) => entry.file!(resolve, reject));

export async function readDroppedFolder(root: Entry, limits = FOLDER_LIMITS): Promise<{ folder: DroppedFolder } | { problem: string }> {
  const files: DroppedFolder['files'] = [];
  let chars = 0;
  let seen = 0;
  const tooMany = `${root.name} holds more than ${limits.files} files to import: open it with "Open folder…" instead.`;
  const walk = async (dir: Entry, prefix: string, depth: number): Promise<string | undefined> => {
    if (depth > limits.depth) return undefined;
    const entries = (await readAll(dir)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++seen > limits.entries) return tooMany;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory) {
        if (skipDir(entry.name)) continue;
        const problem = await walk(entry, path, depth + 1);
        if (problem) return problem;
      } else if (entry.isFile && IMPORTABLE.test(entry.name)) {
        if (files.length >= limits.files) return tooMany;
        const file = await fileOf(entry);
        if (file.size > limits.chars) continue;
        const text = await file.text();
        chars += text.length;
        if (chars > limits.chars) return `${root.name} holds more than ${Math.round(limits.chars / (1024 * 1024))} MiB of files to import: open it with "Open folder…" instead.`;
        files.push({ path, text });
      }
    }
    return undefined;
  };
  try {
    const problem = await walk(root, '', 0);
    if (problem) return { problem };
  } catch (err) {
    return { problem: `${root.name} could not be read${err instanceof Error ? `: ${err.message}` : ''}.` };
  }
  if (files.length === 0) return { problem: `${root.name} holds no .json, .yaml or .txt file to import.` };
  return { folder: { name: root.name, files } };
}
