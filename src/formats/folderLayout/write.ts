// Collections and environments as the files of a folder. Deterministic: the same input (and previous meta) gives
// byte-identical files. With `previous` (from the last read or write) every item still in the same directory
// keeps its file stem and order number, so renaming a request rewrites its file (with a `name:`), an insertion
// adds one file, and nothing else moves. What is never written: secret values, credential headers, machine
// paths, history, ids (ids come back from paths, see read.ts).
import type { Collection, Environment, ItemNode } from '../../models/workspace';
import { definitionToYaml } from './definitionFile';
import { environmentToYaml } from './environmentFile';
import { allocateOrders } from './order';
import { baseName, isSafeStem, joinPath, parentOf, stemFor, uniqueStem } from './paths';
import { requestToYaml } from './requestFile';
import {
  COLLECTIONS_DIR,
  DEFINITION_FILE,
  ENVIRONMENT_SUFFIX,
  ENVIRONMENTS_DIR,
  ENVIRONMENT_SUFFIX_ALIAS,
  REQUEST_SUFFIX,
  REQUEST_SUFFIX_ALIAS,
  RESOURCES_DIR,
  type FolderFiles,
  type FolderInput,
  type FolderMeta,
  type ItemPlacement,
} from './types';
import { toYamlText } from './yamlText';

const stripSuffix = (name: string, suffix: string) => (name.endsWith(suffix) ? name.slice(0, -suffix.length) : undefined);

/** The stem `previous` gave this entry, when it is still in `dir` and safe to keep. */
function keptStem(path: string | undefined, dir: string, suffix: string): string | undefined {
  if (path === undefined || parentOf(path) !== dir) return undefined;
  const stem = suffix === '' ? baseName(path) : stripSuffix(baseName(path), suffix);
  return stem !== undefined && isSafeStem(stem) ? stem : undefined;
}

/** Stems for entries of one directory: kept stems first (when still unique), then new ones from names. */
function assignStems(entries: { name: string; kept: string | undefined }[], reserved: string[]): string[] {
  const taken = new Set(reserved.map((stem) => stem.toLowerCase()));
  const stems = entries.map((e) => {
    if (e.kept === undefined || taken.has(e.kept.toLowerCase())) return undefined;
    taken.add(e.kept.toLowerCase());
    return e.kept;
  });
  return entries.map((e, i) => stems[i] ?? uniqueStem(stemFor(e.name), taken));
}

class Writer {
  readonly files: FolderFiles = {};
  readonly meta: FolderMeta = { collections: {}, environments: {} };
  private readonly unreadable: Set<string>;

  constructor(private readonly previous: FolderMeta | undefined) {
    this.unreadable = new Set(previous?.unreadable ?? []);
    if (this.unreadable.size) this.meta.unreadable = [...this.unreadable].sort();
  }

  put(path: string, value: Record<string, unknown>): void {
    if (!this.unreadable.has(path)) this.files[path] = toYamlText(value);
  }

  /** Stems of unreadable files in `dir` ending in `suffix`, or ('' ) of folders in `dir` with an unreadable definition. */
  private reserved(dir: string, suffix: string): string[] {
    const out: string[] = [];
    for (const path of this.unreadable) {
      if (suffix !== '' && parentOf(path) === dir && path.endsWith(suffix)) out.push(baseName(path).slice(0, -suffix.length));
      const owner = parentOf(parentOf(path));
      if (suffix === '' && path.endsWith(`/${RESOURCES_DIR}/${DEFINITION_FILE}`) && parentOf(owner) === dir) out.push(baseName(owner));
    }
    return out;
  }

  collections(collections: Collection[]): void {
    const stems = assignStems(
      collections.map((c) => ({ name: c.name, kept: keptStem(this.previous?.collections[c.id]?.dir, COLLECTIONS_DIR, '') })),
      [],
    );
    collections.forEach((collection, i) => {
      const dir = joinPath(COLLECTIONS_DIR, stems[i]!);
      const placements: Record<string, ItemPlacement> = {};
      this.meta.collections[collection.id] = { dir, items: placements };
      // A collection's "inherit" means none (collectionSchema); both are written as no auth key.
      const auth = collection.auth.type === 'none' ? { type: 'inherit' as const } : collection.auth;
      this.put(joinPath(dir, RESOURCES_DIR, DEFINITION_FILE), definitionToYaml({ ...collection, auth }, stems[i]!));
      this.items(dir, collection.items, this.previous?.collections[collection.id]?.items ?? {}, placements);
    });
  }

  private items(dir: string, items: ItemNode[], previous: Record<string, ItemPlacement>, placements: Record<string, ItemPlacement>): void {
    const kept = items.map((item) => keptStem(previous[item.id]?.path, dir, item.kind === 'request' ? REQUEST_SUFFIX : ''));
    const stems = assignStems(
      items.map((item, i) => ({ name: item.name, kept: kept[i] })),
      [...this.reserved(dir, REQUEST_SUFFIX), ...this.reserved(dir, REQUEST_SUFFIX_ALIAS), ...this.reserved(dir, '')],
    );
    const orders = allocateOrders(items.map((item, i) => (kept[i] === stems[i] ? previous[item.id]?.order : undefined)));
    items.forEach((item, i) => {
      const stem = stems[i]!;
      const order = orders[i]!;
      if (item.kind === 'request') {
        const path = joinPath(dir, `${stem}${REQUEST_SUFFIX}`);
        placements[item.id] = { path, order };
        this.put(path, requestToYaml(item, stem, order));
      } else {
        const path = joinPath(dir, stem);
        placements[item.id] = { path, order };
        this.put(joinPath(path, RESOURCES_DIR, DEFINITION_FILE), definitionToYaml(item, stem, order));
        this.items(path, item.items, previous, placements);
      }
    });
  }

  environments(environments: Environment[]): void {
    const stems = assignStems(
      environments.map((e) => ({ name: e.name, kept: keptStem(this.previous?.environments[e.id], ENVIRONMENTS_DIR, ENVIRONMENT_SUFFIX) })),
      [...this.reserved(ENVIRONMENTS_DIR, ENVIRONMENT_SUFFIX), ...this.reserved(ENVIRONMENTS_DIR, ENVIRONMENT_SUFFIX_ALIAS)],
    );
    environments.forEach((env, i) => {
      const path = joinPath(ENVIRONMENTS_DIR, `${stems[i]!}${ENVIRONMENT_SUFFIX}`);
      this.meta.environments[env.id] = path;
      this.put(path, environmentToYaml(env));
    });
  }
}

export function writeFolder(input: FolderInput, previous?: FolderMeta): { files: FolderFiles; meta: FolderMeta } {
  const writer = new Writer(previous);
  writer.collections(input.collections);
  writer.environments(input.environments);
  return { files: writer.files, meta: writer.meta };
}
