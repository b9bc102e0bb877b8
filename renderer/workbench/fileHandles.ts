// The body files the user picked in this run, by path. Main reads a body file only with the handle files:choose
// returned for it; the handle lives here and nowhere else, so no tab, collection, history entry or export can
// ever save one. A request opened after a restart has paths without handles, and sending asks to pick them again.
import type { RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { BodySpec, ChosenFile, SignInput } from '../../src/models/http';
import { settle } from '../api';

const handles = new Map<string, string>();
// Lets a view re-sign its preview when a file is picked: the request text is unchanged, only the handle is new.
let version = 0;
const listeners = new Set<() => void>();

export function rememberFile(file: Pick<ChosenFile, 'path' | 'handle'>): void {
  handles.set(file.path, file.handle);
  version++;
  for (const listener of listeners) listener();
}

/** The paths of the body's files, in order. */
export function bodyFilePaths(body: BodySpec | undefined): string[] {
  if (!body) return [];
  if (body.kind === 'file') return [body.path];
  if (body.kind === 'parts') return body.parts.flatMap((part) => ('path' in part ? [part.path] : []));
  return [];
}

/** The request with the handle of every body file picked in this run; unknown paths go without one. */
export function withFileHandles<T extends SignInput>(input: T, known: ReadonlyMap<string, string> = handles): T {
  const body = input.request.body;
  if (!body || (body.kind !== 'file' && body.kind !== 'parts')) return input;
  const handled = (path: string) => {
    const handle = known.get(path);
    return handle ? { path, handle } : { path };
  };
  const next: BodySpec =
    body.kind === 'file'
      ? { kind: 'file', ...handled(body.path) }
      : { kind: 'parts', parts: body.parts.map((part) => ('path' in part ? handled(part.path) : part)) };
  return { ...input, request: { ...input.request, body: next } };
}

/** Opens main's file dialog; remembers and returns what was picked, or undefined when cancelled. */
export async function chooseFile(api: RoleCallApi, defaultPath?: string): Promise<{ file?: ChosenFile; error?: AppError }> {
  const result = await settle(() => api.filesChoose(defaultPath ? { defaultPath } : {}));
  if (!result.ok) return { error: result.error };
  if (result.value.cancelled) return {};
  rememberFile(result.value);
  return { file: result.value };
}

/**
 * After FILE_NOT_CONFIRMED: asks the user to pick again each file of the body this run has no handle for (the
 * dialog opens on the saved path). True when every one was picked at the path the request names.
 */
export async function reconfirmFiles(api: RoleCallApi, body: BodySpec | undefined, refused?: string): Promise<{ confirmed: boolean; error?: AppError }> {
  const paths = [...new Set([...(refused ? [refused] : []), ...bodyFilePaths(body).filter((path) => !handles.has(path))])];
  for (const path of paths) {
    handles.delete(path);
    const { file, error } = await chooseFile(api, path);
    if (error) return { confirmed: false, error };
    if (!file) return { confirmed: false };
    if (file.path !== path) {
      return {
        confirmed: false,
        error: {
          code: 'FILE_NOT_CONFIRMED',
          message: `You picked ${file.name}, but the request sends ${baseName(path)}: change the file in the body to send another one.`,
          detail: path,
        },
      };
    }
  }
  return { confirmed: paths.length > 0 };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export function subscribeFileHandles(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function fileHandlesVersion(): number {
  return version;
}
