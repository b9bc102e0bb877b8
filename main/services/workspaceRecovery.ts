// How the workspace store reads what it finds on disk without losing any of it: each section (the collection
// order, environments, history, tabs) and each entry in it is validated on its own; what is good is kept, and what
// is not is collected here, to be written as JSON to a set-aside file beside the store before the store is ever
// rewritten without it; a file that cannot be parsed at all is moved aside as it is (openBackend). Nothing is
// dropped that is not first kept somewhere the user is told about.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { appError } from '../../src/errors';
import type { StoreBackend } from './workspaceStore';
import { issueSentence } from '../../src/validationText';

/** Store files (and what is set aside from them) are the user's alone: hosts pass this as conf's configFileMode. */
export const STORE_FILE_MODE = 0o600;

/** A file that could not be opened at all and was moved aside: what happened and where it went. */
export interface Recovered {
  message: string;
  backupFile: string;
}

/** Where an unreadable store file is kept: beside it, named with the time, never overwriting an older backup. */
export function backupPath(file: string, now: Date = new Date()): string {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${base}.unreadable-${stamp}${ext || '.json'}`;
  for (let i = 1; fs.existsSync(candidate) && i < 1000; i++) candidate = `${base}.unreadable-${stamp}-${i}${ext || '.json'}`;
  return candidate;
}

/** Moves (or, with keep, copies) the store file to a backup; returns the backup's path. */
export function setAside(file: string, keep: boolean, now: Date): string {
  const backup = backupPath(file, now);
  try {
    if (keep) fs.copyFileSync(file, backup);
    else fs.renameSync(file, backup);
    fs.chmodSync(backup, STORE_FILE_MODE);
  } catch (err) {
    throw appError('FILE_ERROR', 'RoleCall could not set its unreadable workspace file aside.', `${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return backup;
}

/**
 * Opens a file backend whose constructor reads the file (conf, electron-store throw on bad JSON). When it throws
 * and the file exists, the file is moved to a backup and the backend is opened again on a fresh file.
 */
export function openBackend(
  file: string,
  create: () => StoreBackend,
  now: () => Date = () => new Date(),
  what = 'workspace',
): { backend: StoreBackend; recovered?: Recovered } {
  try {
    return { backend: create() };
  } catch (err) {
    if (!fs.existsSync(file)) throw err;
    const backupFile = setAside(file, false, now());
    const reason = err instanceof Error ? err.message : String(err);
    return { backend: create(), recovered: { message: `The saved ${what} could not be read (${reason}); it was set aside as it was, in ${backupFile}.`, backupFile } };
  }
}

/** One thing that could not be read: where it was ("environments[2]"), why, and the value as it was stored. */
export interface SetAsideEntry {
  where: string;
  problem: string;
  value: unknown;
}

/** Collects what is set aside while a store is read. */
export class SetAsideList {
  readonly entries: SetAsideEntry[] = [];

  add(where: string, problem: string, value: unknown): void {
    this.entries.push({ where, problem, value });
  }

  /** A short summary for a notice: where and why, never the values (they may hold anything). */
  summary(max = 5): string {
    const shown = this.entries.slice(0, max).map((e) => `${e.where} (${e.problem})`);
    const more = this.entries.length - shown.length;
    return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  }
}

export const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (!issue) return 'not valid';
  return issueSentence(issue);
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads an array section entry by entry: the entries the schema accepts (after `open`, e.g. unsealing secrets),
 * at most `max`; the rest go to `aside`. A value that is not an array at all is set aside whole.
 */
export function readEntries<T>(
  value: unknown,
  where: string,
  schema: z.ZodType<T>,
  aside: SetAsideList,
  opts: { max?: number; open?: (entry: unknown) => unknown; idOf?: (entry: T) => string } = {},
): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    aside.add(where, 'not a list', value);
    return [];
  }
  const kept: T[] = [];
  const ids = new Set<string>();
  value.forEach((raw, i) => {
    const at = `${where}[${i}]`;
    if (opts.max !== undefined && kept.length >= opts.max) return aside.add(at, `more than ${opts.max} entries`, raw);
    const parsed = schema.safeParse(opts.open ? opts.open(raw) : raw);
    if (!parsed.success) return aside.add(at, firstIssue(parsed.error), raw);
    const id = opts.idOf?.(parsed.data);
    if (id !== undefined) {
      if (ids.has(id)) return aside.add(at, `a second entry with id ${JSON.stringify(id)}`, raw);
      ids.add(id);
    }
    kept.push(parsed.data);
  });
  return kept;
}

/** Reads the tabs section: each open tab on its own; an active id that is not open is dropped (it is only a pointer). */
export function readTabs<T extends { id: string }>(value: unknown, tabSchema: z.ZodType<T>, max: number, aside: SetAsideList): { open: T[]; activeId?: string } {
  if (value === undefined || value === null) return { open: [] };
  if (!isRecord(value)) {
    aside.add('tabs', 'not a set of tabs', value);
    return { open: [] };
  }
  const open = readEntries(value.open, 'tabs.open', tabSchema, aside, { max, idOf: (t) => t.id });
  const activeId = typeof value.activeId === 'string' && open.some((t) => t.id === value.activeId) ? value.activeId : undefined;
  return activeId ? { open, activeId } : { open };
}

/** Where a store's set-aside data goes: beside it, named with the time, never overwriting an earlier one. */
export function setAsidePath(storeFile: string, now: Date): string {
  const ext = path.extname(storeFile);
  const base = storeFile.slice(0, storeFile.length - ext.length);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${base}.set-aside-${stamp}.json`;
  for (let i = 1; fs.existsSync(candidate) && i < 1000; i++) candidate = `${base}.set-aside-${stamp}-${i}.json`;
  return candidate;
}

/**
 * Writes the set-aside entries as JSON beside the store, atomically (a temporary file renamed into place) and
 * readable by the owner only; returns the file's path. Throws when it cannot: the caller then leaves the store as
 * it is rather than rewrite it without what could not be kept.
 */
export function writeSetAside(storeFile: string, entries: SetAsideEntry[], now: Date, mode: number, version: unknown): string {
  const file = setAsidePath(storeFile, now);
  const document = { setAsideFrom: storeFile, at: now.toISOString(), storedVersion: version ?? null, entries };
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    try {
    // Compact, as the store writes it, so each entry is the same text it was in the store.
    fs.writeSync(fd, `${JSON.stringify(document)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return file;
}
