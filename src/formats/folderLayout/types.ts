// The folder layout's public shapes: what main's folder service hands in (the files of an opened folder) and gets
// back (the collections, what could not be read, and where every item came from so the next write keeps it there).
import type { Collection, Environment } from '../../models/workspace';

/** A folder's files: POSIX relative path -> UTF-8 text. */
export type FolderFiles = Record<string, string>;

/** A file that could not be read, or a field in it that was ignored; `line` is 1-based. */
export interface FolderProblem {
  path: string;
  line?: number;
  message: string;
}

/** Where each item came from, so a later write keeps stems and order numbers (an insert touches one file). */
export interface ItemPlacement {
  /** A request's file, or a folder's directory. */
  path: string;
  /** The `order` number in the file; 0 when the file had none. */
  order: number;
}

export interface FolderMeta {
  collections: Record<string /* collection id */, { dir: string; items: Record<string /* item id */, ItemPlacement> }>;
  environments: Record<string /* env id */, string /* path */>;
  /**
   * Files that exist but could not be read (conflict markers, bad YAML). A write never replaces them and no new
   * item takes their names, so a half-merged file is never overwritten; the folder service keeps them on disk.
   */
  unreadable?: string[];
}

/** A variable marked secret: the file says only that; its value lives in the local encrypted store. */
export interface SecretName {
  collectionId?: string;
  /** Set for a folder's variable (the folder's item id); absent for the collection's own. */
  itemId?: string;
  environmentId?: string;
  name: string;
}

export interface FolderRead {
  collections: Collection[];
  environments: Environment[];
  secretNames: SecretName[];
  problems: FolderProblem[];
  meta: FolderMeta;
}

export interface FolderInput {
  collections: Collection[];
  environments: Environment[];
}

export const COLLECTIONS_DIR = 'collections';
export const ENVIRONMENTS_DIR = 'environments';
export const RESOURCES_DIR = '.resources';
export const DEFINITION_FILE = 'definition.yaml';
export const REQUEST_SUFFIX = '.request.yaml';
export const ENVIRONMENT_SUFFIX = '.environment.yaml';
/** Postman accepts `.yml` when reading; RoleCall writes `.yaml` only. */
export const REQUEST_SUFFIX_ALIAS = '.request.yml';
export const ENVIRONMENT_SUFFIX_ALIAS = '.environment.yml';

/** Bounds on what one read takes in: a hostile or mistaken folder (a node_modules, a huge dump) cannot stall the app. */
export const LIMITS = {
  files: 20_000,
  fileChars: 16 * 1024 * 1024,
  totalChars: 256 * 1024 * 1024,
  /** Directory levels below the opened folder. */
  depth: 32,
  problems: 1000,
} as const;
