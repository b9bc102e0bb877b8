// A folder's files as collections and environments. Each request file is read on its own: one that cannot be
// parsed (merge-conflict markers, bad YAML) is a problem naming its line, and everything else still loads. Ids
// are derived from paths (or reused from `previous` meta for paths it knows), so reading again gives the same
// ids. Bounded: only so many files, characters and directory levels are looked at.
import type { Collection, Environment, FolderNode, ItemNode, KeyValue, RequestNode } from '../../models/workspace';
import type { ReadAuth } from './authBlock';
import { definitionFromYaml, emptyDefinition, type ReadDefinition } from './definitionFile';
import { environmentFromYaml } from './environmentFile';
import { joinPath, pathId } from './paths';
import { requestFromYaml } from './requestFile';
import {
  COLLECTIONS_DIR,
  DEFINITION_FILE,
  ENVIRONMENT_SUFFIX,
  ENVIRONMENT_SUFFIX_ALIAS,
  ENVIRONMENTS_DIR,
  LIMITS,
  REQUEST_SUFFIX,
  REQUEST_SUFFIX_ALIAS,
  RESOURCES_DIR,
  type FolderFiles,
  type FolderMeta,
  type FolderProblem,
  type FolderRead,
  type ItemPlacement,
  type SecretName,
} from './types';
import { parseYamlFile } from './yamlText';

interface Dir {
  path: string;
  name: string;
  definition?: string;
  requests: Map<string, string>; // stem -> path
  dirs: Map<string, Dir>;
}

const newDir = (path: string, name: string): Dir => ({ path, name, requests: new Map(), dirs: new Map() });
const stemOf = (name: string, suffixes: string[]) => suffixes.filter((s) => name.endsWith(s)).map((s) => name.slice(0, -s.length))[0];
const byPosition = (a: { order?: number; stem: string }, b: { order?: number; stem: string }) =>
  (a.order ?? Infinity) - (b.order ?? Infinity) || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0);

class Reader {
  readonly problems: FolderProblem[] = [];
  readonly secretNames: SecretName[] = [];
  readonly meta: FolderMeta = { collections: {}, environments: {} };
  private readonly usedIds = new Set<string>();
  private readonly knownIds = new Map<string, string>(); // path -> id from previous meta

  constructor(
    private readonly files: FolderFiles,
    previous: FolderMeta | undefined,
  ) {
    for (const [id, c] of Object.entries(previous?.collections ?? {})) {
      this.knownIds.set(`c:${c.dir}`, id);
      for (const [itemId, placement] of Object.entries(c.items)) this.knownIds.set(`i:${placement.path}`, itemId);
    }
    for (const [id, path] of Object.entries(previous?.environments ?? {})) this.knownIds.set(`e:${path}`, id);
  }

  problem(problem: FolderProblem): void {
    if (this.problems.length < LIMITS.problems) this.problems.push(problem);
  }

  /** The previous id for this path, else one derived from it; never one already used in this read. */
  idFor(kind: 'c' | 'i' | 'e', prefix: string, path: string): string {
    let id = this.knownIds.get(`${kind}:${path}`) ?? pathId(prefix, path);
    for (let n = 2; this.usedIds.has(id); n++) id = pathId(prefix, `${path}#${n}`);
    this.usedIds.add(id);
    return id;
  }

  parse(path: string) {
    const file = parseYamlFile(path, this.files[path]!, this.problems);
    if (!file) (this.meta.unreadable ??= []).push(path);
    return file;
  }

  secrets(rows: KeyValue[], where: Omit<SecretName, 'name'>): void {
    for (const row of rows) if (row.secret) this.secretNames.push({ ...where, name: row.key });
  }

  collection(dir: Dir): Collection {
    const id = this.idFor('c', 'c', dir.path);
    const items: Record<string, ItemPlacement> = {};
    this.meta.collections[id] = { dir: dir.path, items };
    const def = this.definition(dir);
    this.secrets(def.variables, { collectionId: id });
    // At the top, "inherit" has nothing to inherit from: it means none (collectionSchema).
    const auth = def.auth.type === 'inherit' ? { type: 'none' as const } : def.auth;
    return { id, name: def.name, auth, variables: def.variables, items: this.items(dir, id, items, def.native), ...documented(def) };
  }

  private definition(dir: Dir): ReadDefinition {
    const file = dir.definition === undefined ? undefined : this.parse(dir.definition);
    return file ? definitionFromYaml(file, pathId('d', dir.path), dir.name) : emptyDefinition(dir.name);
  }

  private items(dir: Dir, collectionId: string, placements: Record<string, ItemPlacement>, native: ReadAuth['native']): ItemNode[] {
    const found: { item: ItemNode; order?: number; stem: string; path: string }[] = [];
    for (const [stem, path] of dir.requests) {
      const file = this.parse(path);
      if (!file) continue;
      const read = requestFromYaml(file, this.idFor('i', 'r', path), stem);
      if (native && read.node.auth.type === 'inherit') inheritSigning(read.node, native);
      found.push({ item: read.node, order: read.order, stem, path });
    }
    for (const [name, sub] of dir.dirs) {
      const id = this.idFor('i', 'f', sub.path);
      const def = this.definition(sub);
      this.secrets(def.variables, { collectionId, itemId: id });
      const below = def.auth.type === 'inherit' ? native : def.native;
      const folder: FolderNode = { kind: 'folder', id, name: def.name, auth: def.auth, variables: def.variables, items: [], ...documented(def) };
      found.push({ item: folder, order: def.order, stem: name, path: sub.path });
      folder.items = this.items(sub, collectionId, placements, below);
    }
    found.sort(byPosition);
    for (const f of found) placements[f.item.id] = { path: f.path, order: f.order ?? 0 };
    return found.map((f) => f.item);
  }

  environment(path: string, stem: string): Environment | undefined {
    const file = this.parse(path);
    if (!file) return undefined;
    const env = environmentFromYaml(file, this.idFor('e', 'e', path), stem);
    this.meta.environments[env.id] = path;
    this.secrets(env.variables, { environmentId: env.id });
    return env;
  }
}

/** A definition's description and what RoleCall keeps unmodelled, only when there are any. */
const documented = (def: ReadDefinition) => ({
  ...(def.description ? { description: def.description } : {}),
  ...(def.signing ? { signing: def.signing } : {}),
  ...(def.preserved ? { preserved: def.preserved } : {}),
});

/** A plain Postman awsv4 on a folder or collection: its region, service and query mode reach the requests below. */
function inheritSigning(node: RequestNode, native: NonNullable<ReadAuth['native']>): void {
  if (node.signing.region === '') node.signing.region = native.region;
  if (node.signing.service === '') node.signing.service = native.service;
  if (native.mode === 'query') node.signing.mode = 'query';
}

/** The paths worth reading, within the bounds; what was left out is a problem. */
function selectPaths(files: FolderFiles, reader: Reader): string[] {
  const relevant = Object.keys(files)
    .filter((p) => p.startsWith(`${COLLECTIONS_DIR}/`) || p.startsWith(`${ENVIRONMENTS_DIR}/`))
    .sort();
  if (relevant.length > LIMITS.files) {
    reader.problem({ path: '', message: `The folder holds ${relevant.length} files; only the first ${LIMITS.files} were read.` });
    relevant.length = LIMITS.files;
  }
  let total = 0;
  return relevant.filter((path) => {
    const segments = path.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..') || path.includes('\\')) {
      reader.problem({ path, message: 'Not a plain relative path; skipped.' });
      return false;
    }
    if (segments.length > LIMITS.depth + 1) {
      reader.problem({ path, message: `Nested deeper than ${LIMITS.depth} folders; skipped.` });
      return false;
    }
    const size = files[path]!.length;
    total += size;
    if (size > LIMITS.fileChars || total > LIMITS.totalChars) {
      reader.problem({ path, message: size > LIMITS.fileChars ? `Larger than ${LIMITS.fileChars} characters; skipped.` : 'The folder is too large in total; skipped.' });
      return false;
    }
    return true;
  });
}

/** Files under collections/ as directory trees: definitions, request files and subdirectories; the rest ignored. */
function collectionTrees(paths: string[]): Dir[] {
  const roots = new Map<string, Dir>();
  for (const path of paths) {
    const segments = path.split('/');
    if (segments[0] !== COLLECTIONS_DIR || segments.length < 3) continue;
    const fileName = segments[segments.length - 1]!;
    const dirSegments = segments.slice(1, -1);
    const isDefinition = dirSegments[dirSegments.length - 1] === RESOURCES_DIR && (fileName === DEFINITION_FILE || fileName === 'definition.yml');
    const owners = isDefinition ? dirSegments.slice(0, -1) : dirSegments;
    const stem = isDefinition ? undefined : stemOf(fileName, [REQUEST_SUFFIX, REQUEST_SUFFIX_ALIAS]);
    // Examples, scripts and anything else under .resources, hidden directories and other files are not ours.
    if ((!isDefinition && stem === undefined) || owners.length === 0 || owners.some((s) => s.startsWith('.'))) continue;
    let dir: Dir = roots.get(owners[0]!) ?? newDir(joinPath(COLLECTIONS_DIR, owners[0]!), owners[0]!);
    roots.set(owners[0]!, dir);
    for (const name of owners.slice(1)) {
      const sub: Dir = dir.dirs.get(name) ?? newDir(joinPath(dir.path, name), name);
      dir.dirs.set(name, sub);
      dir = sub;
    }
    if (isDefinition) dir.definition ??= path;
    else if (!dir.requests.has(stem!)) dir.requests.set(stem!, path);
  }
  return [...roots.values()];
}

export function readFolder(files: FolderFiles, previous?: FolderMeta): FolderRead {
  const reader = new Reader(files, previous);
  const paths = selectPaths(files, reader);
  const collections = collectionTrees(paths).map((dir) => reader.collection(dir));
  const environments: Environment[] = [];
  for (const path of paths) {
    const segments = path.split('/');
    const stem = segments.length === 2 && segments[0] === ENVIRONMENTS_DIR ? stemOf(segments[1]!, [ENVIRONMENT_SUFFIX, ENVIRONMENT_SUFFIX_ALIAS]) : undefined;
    const env = stem === undefined ? undefined : reader.environment(path, stem);
    if (env) environments.push(env);
  }
  reader.meta.unreadable?.sort();
  return { collections, environments, secretNames: reader.secretNames, problems: reader.problems, meta: reader.meta };
}
