// File names in the folder layout. A file stem is the item's name made safe for every file system Postman names
// (no / \ : * ? " < > |, no control characters, no leading dot that would hide it or clash with .resources, no
// trailing dot or space Windows drops), unique case-insensitively within its directory. Ids are derived from
// paths, because the files carry no RoleCall ids and re-reading must give the same ids.

const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;
const MAX_STEM = 120;

/** The stem for a name, before it is made unique. */
export function stemFor(name: string): string {
  let stem = name.replace(UNSAFE, '-').trim();
  stem = stem.replace(/^\.+/, (dots) => '-'.repeat(dots.length));
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM).trimEnd();
  stem = stem.replace(/[. ]+$/, '');
  return stem === '' ? 'Untitled' : stem;
}

/** `stem`, or `stem (2)`, `stem (3)`… whichever is free in `taken` (lower-cased stems); records the one chosen. */
export function uniqueStem(stem: string, taken: Set<string>): string {
  let candidate = stem;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A stem read from disk or meta that RoleCall could also have written (so keeping it is safe). */
export const isSafeStem = (stem: string): boolean => stem !== '' && stemFor(stem) === stem;

export const joinPath = (...parts: string[]): string => parts.filter((p) => p !== '').join('/');

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

/** A path that names a place on one machine: POSIX absolute, home-relative, a Windows drive or UNC share. */
export const isMachinePath = (path: string): boolean => /^(\/|~|[A-Za-z]:[\\/]|\\\\)/.test(path.trim());

/**
 * A body file's path as a shared folder may hold it: relative paths as typed, a machine path cut to its file name
 * (the teammate picks the file again; nobody's home directory lands in the repository).
 */
export function portableFilePath(path: string): string {
  if (!isMachinePath(path)) return path;
  const parts = path.trim().split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? '';
}

/** A short, stable id for a path: cyrb53 (53-bit, no crypto needed: ids only have to differ, not resist attack). */
export function pathId(prefix: string, path: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < path.length; i++) {
    const ch = path.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return prefix + (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
