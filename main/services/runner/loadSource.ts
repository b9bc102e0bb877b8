// What `rolecall run PATH` runs: a collection folder (the git-native layout the app opens: a folder holding
// collections/ and environments/, or one collection's own directory inside collections/), or a collection file
// (RoleCall's export, a Postman v2.x collection). And the environment it runs with: one of the folder's
// environments by name, or a file (a Postman environment). Secret variables are saved without a value; a run takes
// them from --var NAME=VALUE or from the process environment as ROLECALL_VAR_<NAME>, and leaves them undefined
// otherwise, so a request that uses one fails by name rather than being sent with an empty value.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { appError, RoleCallError } from '../../../src/errors';
import { readFolder, type FolderProblem } from '../../../src/formats/folderLayout';
import type { Collection, Environment, ItemNode, KeyValue } from '../../../src/models/workspace';
import type { RunOverride } from '../../../src/runner/runVariables';
import { scanFolder } from '../folderScan';
import { importFromPath } from '../importFile';

export interface RunSource {
  collections: Collection[];
  environments: Environment[];
  /** Where the collections came from, for messages. */
  label: string;
  /** Files that could not be read, fields that were ignored: printed as warnings. */
  warnings: string[];
}

const usage = (message: string, detail?: string) => appError('INVALID_INPUT', message, detail);

async function kindOf(target: string): Promise<'dir' | 'file' | undefined> {
  const s = await stat(target).catch(() => undefined);
  return s?.isDirectory() ? 'dir' : s?.isFile() ? 'file' : undefined;
}

function problemText(p: FolderProblem): string {
  return `${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}

export async function loadRunSource(target: string): Promise<RunSource> {
  const kind = await kindOf(target);
  if (!kind) throw usage(`${target} does not exist: give a collection folder or a collection file.`);
  if (kind === 'file') return fromFile(target);

  const abs = path.resolve(target);
  if (await kindOf(path.join(abs, 'collections'))) return fromFolder(abs, undefined);
  // One collection's directory: its folder root is two up (…/collections/<name>).
  if (path.basename(path.dirname(abs)) === 'collections') return fromFolder(path.dirname(path.dirname(abs)), `collections/${path.basename(abs)}`);
  throw usage(
    `${target} holds no collections/ folder.`,
    'Give the folder the app opens (it holds collections/ and environments/), a collection directory inside its collections/, or a collection file.',
  );
}

async function fromFolder(root: string, onlyDir: string | undefined): Promise<RunSource> {
  const scan = await scanFolder(root);
  const read = readFolder(scan.files);
  const problems = [...scan.problems, ...read.problems];
  if (read.meta.unreadable?.length) {
    // A request file that cannot be read would silently drop its tests from the run.
    const lines = problems.filter((p) => read.meta.unreadable!.includes(p.path)).map(problemText);
    throw usage(`${read.meta.unreadable.length} file(s) in ${root} could not be read, so the run would be incomplete.`, lines.join('\n'));
  }
  let collections = read.collections;
  if (onlyDir) collections = collections.filter((c) => read.meta.collections[c.id]?.dir === onlyDir);
  if (collections.length === 0) throw usage(`No collection found in ${onlyDir ? path.join(root, onlyDir) : root}.`);
  return { collections, environments: read.environments, label: root, warnings: problems.map(problemText) };
}

async function fromFile(file: string): Promise<RunSource> {
  let outcome;
  try {
    outcome = await importFromPath(file);
  } catch (err) {
    throw readFailure(file, err);
  }
  if (!outcome.collection) throw usage(`${file} is a ${outcome.formatLabel}, not a collection.`, 'Give an environment file with --env.');
  const warnings = outcome.offeredKeys.length > 0 ? [`${file} holds access keys; they are not used: credentials come from your profiles or the environment.`] : [];
  return { collections: [outcome.collection], environments: [], label: file, warnings };
}

function readFailure(file: string, err: unknown): RoleCallError {
  if (err instanceof RoleCallError) return appError('INVALID_INPUT', err.message, err.detail);
  return usage(`Could not read ${file}.`, err instanceof Error ? err.message : String(err));
}

/** --env: a file path (a Postman environment) when one exists there, else a folder environment's name or file stem. */
export async function loadEnvironment(choice: string, source: RunSource): Promise<Environment> {
  if ((await kindOf(choice)) === 'file') {
    let outcome;
    try {
      outcome = await importFromPath(choice);
    } catch (err) {
      throw readFailure(choice, err);
    }
    if (!outcome.environment) throw usage(`${choice} is a ${outcome.formatLabel}, not an environment.`);
    return outcome.environment;
  }
  const wanted = choice.trim().toLowerCase();
  const found = source.environments.find((e) => e.name.toLowerCase() === wanted) ?? source.environments.find((e) => e.id.toLowerCase().endsWith(wanted));
  if (found) return found;
  const names = source.environments.map((e) => `"${e.name}"`);
  throw usage(`No environment named "${choice}"${names.length ? `; ${source.label} has ${names.join(', ')}` : ` in ${source.label}`}.`, 'Give a name from environments/ or a Postman environment file.');
}

/** The process-environment name a secret variable's value is read from: ROLECALL_VAR_ and the name, other characters as _. */
export function secretEnvName(name: string): string {
  return `ROLECALL_VAR_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function secretRows(items: ItemNode[]): KeyValue[] {
  return items.flatMap((item) => (item.kind === 'folder' ? [...item.variables, ...secretRows(item.items)] : [])).filter((v) => v.secret);
}

/**
 * Values for secret variables from ROLECALL_VAR_<NAME> (marked secret), and the secret variables nobody gave a
 * value switched off, so their use is reported as undefined rather than sent empty.
 */
export function fillSecrets(
  collections: Collection[],
  environment: Environment | undefined,
  given: RunOverride[],
  env: Record<string, string | undefined>,
): { collections: Collection[]; environment?: Environment; overrides: RunOverride[] } {
  const secrets = [...(environment?.variables ?? []), ...collections.flatMap((c) => [...c.variables, ...secretRows(c.items)])].filter((v) => v.secret);
  const overrides = given.map((o) => (secrets.some((s) => s.key === o.key) ? { ...o, secret: true } : o));
  for (const name of new Set(secrets.map((s) => s.key))) {
    const value = env[secretEnvName(name)];
    if (value !== undefined && !overrides.some((o) => o.key === name)) overrides.push({ key: name, value, secret: true });
  }
  const off = (rows: KeyValue[]) => rows.map((v) => (v.secret && v.value === '' ? { ...v, enabled: false } : v));
  const offItems = (items: ItemNode[]): ItemNode[] =>
    items.map((item) => (item.kind === 'folder' ? { ...item, variables: off(item.variables), items: offItems(item.items) } : item));
  return {
    collections: collections.map((c) => ({ ...c, variables: off(c.variables), items: offItems(c.items) })),
    ...(environment ? { environment: { ...environment, variables: off(environment.variables) } } : {}),
    overrides,
  };
}
