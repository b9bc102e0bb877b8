// A dropped folder's files, as the page read them (never a path main would read): a Postman git-native collection
// folder (the folder holding collections/, a postman/ folder around it, or one collection's own directory), or a
// folder of files "Import…" takes one at a time (Postman collections and environments, OpenAPI, RoleCall files).
// Several collections become one, named after the folder, each as a folder in it; one environment comes along,
// and what could not be imported is reported by file. Pure, and bounded by the limits the contract enforces.
import type { Collection, Environment, FolderNode } from '../models/workspace';
import { DROPPED_FOLDER_MAX_FILES } from '../models/importing';
import { readFolder, type FolderFiles } from './folderLayout';
import { defaultNewId, guarded, ImportError, ReportBuilder, type ImportNote, type OfferedKeys } from './importResult';
import { importAny, type ImportAnyOptions, type ImportOutcome } from './importAny';

/** The most files one dropped folder may bring (the contract and the page's reader hold to it too). */
export const FOLDER_IMPORT_MAX_FILES = DROPPED_FOLDER_MAX_FILES;

const GIT_NATIVE = /(^|\/)(collections\/.+\.request\.ya?ml|collections\/.+\/\.resources\/definition\.ya?ml|environments\/[^/]+\.environment\.ya?ml)$/;
const OWN_COLLECTION = /(^|\/)([^/]+\.request\.ya?ml|\.resources\/definition\.ya?ml)$/;
const IMPORTABLE = /\.(json|ya?ml|txt|curl|sh)$/i;

export function importFolderFiles(name: string, files: FolderFiles, options: ImportAnyOptions = {}): ImportOutcome {
  return guarded('folder', () => importFolder(name.trim().slice(0, 200) || 'Dropped folder', files, options.newId ?? defaultNewId));
}

function importFolder(name: string, files: FolderFiles, newId: () => string): ImportOutcome {
  const paths = Object.keys(files).sort();
  if (paths.length === 0) throw new ImportError('The dropped folder holds no file RoleCall can import.');
  if (paths.length > FOLDER_IMPORT_MAX_FILES) throw new ImportError(`The dropped folder holds more than ${FOLDER_IMPORT_MAX_FILES} files: open it with "Open folder…" instead.`);
  const layout = gitNativeFiles(name, files, paths);
  return layout ? fromLayout(name, layout, newId) : fromFiles(name, files, paths, newId);
}

/** The files re-rooted where the layout starts (collections/ and environments/), or undefined when it is not one. */
function gitNativeFiles(name: string, files: FolderFiles, paths: string[]): FolderFiles | undefined {
  const anchor = paths.find((p) => GIT_NATIVE.test(p));
  if (anchor) {
    const at = /(^|\/)(collections|environments)\//.exec(anchor)!;
    const prefix = anchor.slice(0, at.index + at[1]!.length);
    return Object.fromEntries(paths.filter((p) => p.startsWith(prefix)).map((p) => [p.slice(prefix.length), files[p]!]));
  }
  // One collection's own directory, dropped by itself.
  if (paths.some((p) => OWN_COLLECTION.test(p))) return Object.fromEntries(paths.map((p) => [`collections/${name.replace(/[/\\]/g, '-')}/${p}`, files[p]!]));
  return undefined;
}

function fromLayout(name: string, files: FolderFiles, newId: () => string): ImportOutcome {
  const read = readFolder(files);
  const report = new ReportBuilder();
  for (const problem of read.problems.slice(0, 50)) report.add('warnings', `${problem.path}${problem.line ? ` line ${problem.line}` : ''}: ${problem.message}`);
  if (read.collections.length === 0 && read.environments.length === 0) throw new ImportError('The dropped folder looks like a Postman collection folder but holds no request that could be read.');
  // A folder's ids come from its paths and could meet an open folder's: the import gets fresh ones.
  const collection = read.collections.length ? withNewIds(combined(name, read.collections, newId), newId) : undefined;
  if (collection) report.add('mapped', `${read.collections.length === 1 ? 'The collection' : `${read.collections.length} collections, each as a folder,`} from a Postman collection folder (git-native YAML)`);
  report.add('mapped', 'To keep working in the folder itself (edits saved to its files), open it with "Open folder…" instead');
  const first = environmentOf(read.environments, report);
  const environment = first && withNewIds(first, newId);
  return {
    format: 'folder',
    formatLabel: 'Postman collection folder',
    ...(collection ? { collection } : {}),
    ...(environment ? { environment } : {}),
    report: report.build(),
    offeredKeys: [],
    notes: [],
  };
}

function fromFiles(name: string, files: FolderFiles, paths: string[], newId: () => string): ImportOutcome {
  const report = new ReportBuilder();
  const collections: Collection[] = [];
  const environments: Environment[] = [];
  const offeredKeys: OfferedKeys[] = [];
  const notes: ImportNote[] = [];
  for (const path of paths) {
    if (!IMPORTABLE.test(path) || path.split('/').some((s) => s.startsWith('.'))) continue;
    let outcome: ImportOutcome;
    try {
      outcome = importAny(files[path]!, { newId });
    } catch (err) {
      report.add('warnings', `${path} was not imported: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (outcome.collection) collections.push(outcome.collection);
    if (outcome.environment) environments.push(outcome.environment);
    offeredKeys.push(...outcome.offeredKeys);
    notes.push(...outcome.notes);
    report.add('mapped', `${path}: ${outcome.formatLabel}`);
    for (const line of [...outcome.report.notMapped]) report.add('notMapped', line, path);
    for (const line of [...outcome.report.warnings]) report.add('warnings', line, path);
  }
  if (collections.length === 0 && environments.length === 0) throw new ImportError('No file in the dropped folder could be imported: RoleCall imports Postman collections and environments, OpenAPI documents, RoleCall collection files and curl commands.');
  const environment = environmentOf(environments, report);
  return {
    format: 'folder',
    formatLabel: `Folder of ${collections.length + environments.length} files`,
    ...(collections.length ? { collection: combined(name, collections, newId) } : {}),
    ...(environment ? { environment } : {}),
    report: report.build(),
    offeredKeys,
    notes,
  };
}

/** One collection as it is, or several as folders of one named after the dropped folder. */
function combined(name: string, collections: Collection[], newId: () => string): Collection {
  if (collections.length === 1) return collections[0]!;
  const folders: FolderNode[] = collections.map((c) => ({
    kind: 'folder',
    id: c.id,
    name: c.name,
    // A collection's "none" ends inheritance; as a folder it must say so, or it would take the outer collection's.
    auth: c.auth.type === 'inherit' ? { type: 'none' } : c.auth,
    variables: c.variables,
    items: c.items,
    ...(c.description ? { description: c.description } : {}),
    ...(c.preserved ? { preserved: c.preserved } : {}),
  }));
  return { id: newId(), name, auth: { type: 'none' }, variables: [], items: folders };
}

function environmentOf(environments: Environment[], report: ReportBuilder): Environment | undefined {
  if (environments.length > 1) report.add('warnings', `Only the first of ${environments.length} environments was imported (${environments[0]!.name}); import the others one at a time`);
  return environments[0];
}

/** Fresh ids everywhere, preserved data untouched (it is opaque: an `id` in it is the file's, not RoleCall's). */
function withNewIds<T>(value: T, newId: () => string): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, inner] of Object.entries(v)) out[k] = k === 'id' && typeof inner === 'string' ? newId() : k === 'preserved' ? inner : walk(inner);
    return out;
  };
  return walk(value) as T;
}
