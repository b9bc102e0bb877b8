// A collection file's journal (issue 12: an edit writes only what changed). Rewriting a 50,000-request collection's
// file whole on every save costs ~22 MB of JSON on main's thread; instead, beside the base file
// (collection-<hash>.json, conf's, rewritten whole and atomically) each save appends one line, fsync'd, to
// collection-<hash>.journal holding only what it changed:
//   {"requests": [<request node>...], "folders": [<folder node>...], "root": <collection node>}
// (each part only when something in it changed), where a folder or collection node carries its settings and its
// children as refs, {"r": requestId} or {"f": folderId}, instead of its items. Secret variable values are sealed as
// in the base. Each part is a whole state (this request, this folder's settings and children), not a step, so
// replaying a journal over a base that already holds it (a crash between a compaction's base write and the
// journal's removal) changes nothing; one save is one line, so a save cut short by a crash is skipped whole.
// At open the journal is replayed over the base; a last line cut short is skipped, an entry that cannot be used is
// skipped and named, the rest kept, and the store then copies the journal aside as it was and writes the result
// whole (compaction). Compaction also runs when the journal grows past a quarter of the base.
import { collectionSchema, itemSchema, type Collection, type ItemNode } from '../../src/models/workspace';

type Raw = Record<string, unknown>;
type Ref = { r: string } | { f: string };
const isRec = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface JournalLine {
  requests?: Raw[];
  folders?: Raw[];
  root?: Raw;
}

/** The journal that goes with a base file. */
export const journalFile = (baseFile: string) => baseFile.replace(/\.json$/, '') + '.journal';

/** The journal is folded into the base once it is this big (bytes), against the base's size. */
export const compactionBound = (baseBytes: number) => Math.max(64 * 1024, Math.floor(baseBytes / 4));

interface Split {
  root: Raw;
  folders: Map<string, Raw>;
  requests: Map<string, Raw>;
}

/** A stored collection as its parts, children as refs; undefined when it is not a tree of unique ids. */
function split(collection: unknown): Split | undefined {
  if (!isRec(collection) || !Array.isArray(collection.items)) return undefined;
  const folders = new Map<string, Raw>();
  const requests = new Map<string, Raw>();
  let ok = true;
  const refs = (items: unknown[]): Ref[] =>
    items.map((item): Ref => {
      if (isRec(item) && item.kind === 'request' && typeof item.id === 'string' && !requests.has(item.id)) {
        requests.set(item.id, item);
        return { r: item.id };
      }
      if (isRec(item) && item.kind === 'folder' && typeof item.id === 'string' && Array.isArray(item.items) && !folders.has(item.id)) {
        folders.set(item.id, item);
        folders.set(item.id, { ...item, items: refs(item.items) });
        return { f: item.id };
      }
      ok = false;
      return { r: '' };
    });
  const root = { ...collection, items: refs(collection.items) };
  return ok ? { root, folders, requests } : undefined;
}

/** The collection the parts make, from the root's refs down (a ref to nothing, or a folder met twice, is left out). */
function join(parts: Split): Raw {
  const met = new Set<string>();
  const build = (refs: unknown): unknown[] => {
    const out: unknown[] = [];
    for (const ref of refs as Ref[]) {
      if ('r' in ref) {
        const node = parts.requests.get(ref.r);
        if (node) out.push(node);
        continue;
      }
      const folder = parts.folders.get(ref.f);
      if (!folder || met.has(ref.f)) continue;
      met.add(ref.f);
      out.push({ ...folder, items: build(folder.items) });
    }
    return out;
  };
  return { ...parts.root, items: build(parts.root.items) };
}

const isRefs = (value: unknown): value is Ref[] =>
  Array.isArray(value) && value.every((ref) => isRec(ref) && (typeof ref.r === 'string' || typeof ref.f === 'string') && Object.keys(ref).length === 1);

const named = (what: string, node: unknown) =>
  isRec(node) ? `${what} “${typeof node.name === 'string' ? node.name.slice(0, 80) : '?'}” (id ${JSON.stringify(String(node.id).slice(0, 64))})` : `a ${what}`;

export interface Replayed {
  /** The stored collection with the journal's changes (the base itself when none could be used). */
  value: unknown;
  /** What was skipped, in the user's words (the journal's lines that could not be used, by name where they have one). */
  skipped: string[];
}

/** The base with the journal's lines applied in order; what cannot be used is skipped and said. */
export function replayJournal(base: unknown, text: string): Replayed {
  const lines = text.split('\n');
  // A journal ends with a newline; anything after the last one is a line cut short by a crash (or a stray end).
  const torn = lines.pop() ?? '';
  const skipped: string[] = [];
  if (torn.trim() !== '') skipped.push(`the last change, cut short (${torn.length} bytes)`);
  const parts = split(base);
  if (!parts) {
    if (lines.some((l) => l.trim() !== '')) skipped.push('every change in it: the saved collection they apply to could not be read');
    return { value: base, skipped };
  }
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      skipped.push(`change ${i + 1}, which is not JSON`);
      return;
    }
    if (!isRec(line)) {
      skipped.push(`change ${i + 1}, which holds no change`);
      return;
    }
    for (const node of Array.isArray(line.requests) ? line.requests : line.requests === undefined ? [] : [line.requests]) {
      if (isRec(node) && node.kind === 'request' && typeof node.id === 'string' && itemSchema.safeParse(node).success) parts.requests.set(node.id, node);
      else skipped.push(`${named('request', node)} in change ${i + 1}`);
    }
    for (const node of Array.isArray(line.folders) ? line.folders : line.folders === undefined ? [] : [line.folders]) {
      if (isRec(node) && node.kind === 'folder' && typeof node.id === 'string' && isRefs(node.items) && itemSchema.safeParse({ ...node, items: [] }).success) {
        parts.folders.set(node.id, node);
      } else skipped.push(`${named('folder', node)} in change ${i + 1}`);
    }
    if (line.root !== undefined) {
      const node = line.root;
      if (isRec(node) && node.id === parts.root.id && isRefs(node.items) && collectionSchema.safeParse({ ...node, items: [] }).success) parts.root = node;
      else skipped.push(`the collection's own settings and order in change ${i + 1}`);
    }
  });
  return { value: join(parts), skipped };
}

interface Saved {
  requests: Map<string, ItemNode>;
  /** Each folder's settings and children as JSON, to compare; `root` the same for the collection. */
  shapes: Map<string, string>;
  root: string;
}
/** What each saved collection holds, indexed once per saved version (the store replaces the object on each save). */
const indexes = new WeakMap<Collection, Saved>();

function shape(node: Raw, refs: Ref[]): string {
  return JSON.stringify({ ...node, items: refs });
}

function indexOf(collection: Collection): Saved | undefined {
  let found = indexes.get(collection);
  if (found) return found;
  const requests = new Map<string, ItemNode>();
  const shapes = new Map<string, string>();
  let ok = true;
  const walk = (items: ItemNode[]): Ref[] =>
    items.map((item): Ref => {
      if (item.kind === 'request') {
        if (requests.has(item.id)) ok = false;
        requests.set(item.id, item);
        return { r: item.id };
      }
      if (shapes.has(item.id)) ok = false;
      shapes.set(item.id, '');
      shapes.set(item.id, shape(item as unknown as Raw, walk(item.items)));
      return { f: item.id };
    });
  const root = shape(collection as unknown as Raw, walk(collection.items));
  if (!ok) return undefined;
  found = { requests, shapes, root };
  indexes.set(collection, found);
  return found;
}

/**
 * What a save changes, as a journal line, and the collection the store keeps (unchanged requests are the saved
 * objects themselves, changed ones copies): undefined when the change cannot be a journal line (ids that are not
 * unique). `sealed` is `after` as stored (secret values sealed): the line is made of it, compared by `after`.
 * A request is unchanged when it is the saved object or writes the same JSON.
 */
export function journalChange(before: Collection, after: Collection, sealed: unknown): { line: JournalLine; kept: Collection } | undefined {
  const saved = indexOf(before);
  if (!saved || !isRec(sealed)) return undefined;
  const line: JournalLine = {};
  const requests = new Map<string, ItemNode>();
  const shapes = new Map<string, string>();
  let ok = true;
  const walk = (items: ItemNode[], stored: unknown[]): { kept: ItemNode[]; refs: Ref[] } => {
    const kept: ItemNode[] = [];
    const refs: Ref[] = [];
    items.forEach((item, i) => {
      if (item.kind === 'request') {
        if (requests.has(item.id)) ok = false;
        const old = saved.requests.get(item.id);
        const same = old !== undefined && (old === item || JSON.stringify(old) === JSON.stringify(item));
        const node = same ? old : structuredClone(item);
        if (!same) (line.requests ??= []).push(stored[i] as Raw);
        requests.set(item.id, node);
        kept.push(node);
        refs.push({ r: item.id });
        return;
      }
      if (shapes.has(item.id)) ok = false;
      shapes.set(item.id, '');
      const storedFolder = stored[i] as Raw;
      const inner = walk(item.items, storedFolder.items as unknown[]);
      const { items: _items, ...settings } = item;
      const now = shape(item as unknown as Raw, inner.refs);
      if (saved.shapes.get(item.id) !== now) (line.folders ??= []).push({ ...storedFolder, items: inner.refs });
      shapes.set(item.id, now);
      const node = { ...structuredClone(settings), items: inner.kept } as ItemNode;
      kept.push(node);
      refs.push({ f: item.id });
    });
    return { kept, refs };
  };
  const top = walk(after.items, sealed.items as unknown[]);
  const rootShape = shape(after as unknown as Raw, top.refs);
  if (saved.root !== rootShape) line.root = { ...sealed, items: top.refs };
  if (!ok) return undefined;
  const { items: _items, ...settings } = after;
  const kept = { ...structuredClone(settings), items: top.kept } as Collection;
  indexes.set(kept, { requests, shapes, root: rootShape });
  return { line, kept };
}

/** True when the line changes nothing (nothing to write). */
export const emptyLine = (line: JournalLine) => !line.requests && !line.folders && !line.root;
