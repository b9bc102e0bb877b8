// YAML in and out. Out: the caller builds plain objects in the key order the file should have; this module fixes
// the scalar styles so the same data always gives the same bytes and reads as Postman writes it: multi-line text
// as a literal block (`|-`), anything holding {{variables}} and any string a YAML 1.1 reader would take for a
// number, boolean or null single-quoted, no line folding, LF, one trailing newline. In: a file with merge-conflict
// markers or a YAML error becomes a problem naming its 1-based line; fields are read through small helpers that
// report a wrong shape by its key path and line and fall back, so one bad field never loses the whole file.
import { Document, LineCounter, parseDocument, Scalar, visit } from 'yaml';
import { LIMITS, type FolderProblem } from './types';

const YAML11_SPECIAL =
  /^(?:[-+]?(?:\.\d|\d)[\d_.,:eE+-]*|0[xob][\da-fA-F_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<)$/;

export function toYamlText(value: Record<string, unknown>): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      const text = node.value;
      if (text.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (text.includes('{{') || text.includes('}}') || YAML11_SPECIAL.test(text)) node.type = Scalar.QUOTE_SINGLE;
    },
  });
  // The library falls back to a quoted style by itself where a block or single quotes cannot hold the text
  // (carriage returns, control characters, trailing blanks after the last newline).
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0, singleQuote: true, blockQuote: 'literal', indentSeq: true, doubleQuotedAsJSON: true });
  return text.endsWith('\n') ? text : `${text}\n`;
}

export type Keys = (string | number)[];

/** One parsed file: its root mapping and where its fields sit, for problems that name a line. */
export interface YamlFile {
  path: string;
  root: Record<string, unknown>;
  problems: FolderProblem[];
  lineOf(keys: Keys): number | undefined;
  /** Top-level keys a reader looked at: the rest is what RoleCall does not model (see preservedKeys.ts). */
  touched: Set<string>;
}

const CONFLICT_MARKER = /^(<{7}|\|{7}|={7}|>{7})(?:\s|$)/;

function report(problems: FolderProblem[], problem: FolderProblem): void {
  if (problems.length < LIMITS.problems) problems.push(problem);
}

/** Parses one file; undefined (with a problem) when it cannot be read as a YAML mapping at all. */
export function parseYamlFile(path: string, text: string, problems: FolderProblem[]): YamlFile | undefined {
  const lines = text.split('\n');
  const marker = lines.findIndex((line) => CONFLICT_MARKER.test(line));
  if (marker >= 0) {
    const kind = lines[marker]!.slice(0, 7);
    report(problems, { path, line: marker + 1, message: `Merge conflict marker (${kind}): resolve the conflict in this file, then it loads again.` });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = error.linePos?.[0]?.line;
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    report(problems, { path, ...(line ? { line } : {}), message: `Not valid YAML: ${message}` });
    return undefined;
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    report(problems, { path, message: `Not valid YAML: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    report(problems, { path, line: 1, message: 'Expected a YAML mapping (key: value lines) at the top of the file.' });
    return undefined;
  }
  const lineOf = (keys: Keys): number | undefined => {
    for (let n = keys.length; n >= 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { path, root: root as Record<string, unknown>, problems, lineOf, touched: new Set() };
}

/** Reports a field that was ignored or fell back, by its key path and line. */
export function fieldProblem(file: YamlFile, keys: Keys, message: string): void {
  const line = file.lineOf(keys);
  report(file.problems, { path: file.path, ...(line ? { line } : {}), message: `${keys.join('.')}: ${message}` });
}

const get = (file: YamlFile, keys: Keys): unknown => {
  if (keys.length > 0) file.touched.add(String(keys[0]));
  return keys.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined), file.root);
};

/** Text at `keys`; numbers and booleans a hand edit left unquoted read as their text. */
export function readString(file: YamlFile, keys: Keys, fallback = ''): string {
  const value = get(file, keys);
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  fieldProblem(file, keys, 'expected text; ignored');
  return fallback;
}

export function readBoolean(file: YamlFile, keys: Keys, fallback: boolean): boolean {
  const value = get(file, keys);
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  fieldProblem(file, keys, 'expected true or false; ignored');
  return fallback;
}

export function readNumber(file: YamlFile, keys: Keys): number | undefined {
  const value = get(file, keys);
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isFinite(n)) return n;
  fieldProblem(file, keys, 'expected a number; ignored');
  return undefined;
}

export function readList(file: YamlFile, keys: Keys): unknown[] {
  const value = get(file, keys);
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  fieldProblem(file, keys, 'expected a list; ignored');
  return [];
}

export function readMap(file: YamlFile, keys: Keys): Record<string, unknown> | undefined {
  const value = get(file, keys);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  fieldProblem(file, keys, 'expected a mapping; ignored');
  return undefined;
}

export const has = (file: YamlFile, keys: Keys): boolean => get(file, keys) !== undefined && get(file, keys) !== null;
