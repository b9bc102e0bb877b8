// Browser mode's stand-ins for the desktop's save and open dialogs. A page cannot name a file on disk, and main must
// not read one the user did not pick, so: saving writes to a private folder and the page downloads the file from
// there (the browser's own save dialog or downloads folder decides where it lands); choosing a file asks the page that
// made the call to open the browser's file picker and upload what the user picked, and main hands out a body-file
// handle for that uploaded copy exactly as files:choose does for a desktop pick. Each call runs in a scope
// (AsyncLocalStorage) naming the page that made it, so a dialog always opens in the page that asked.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { appError, type Result } from '../../src/errors';
import { BODY_FILE_MAX_BYTES } from '../services/bodyFiles';

/** The page a call came from: how to ask it something, and the downloads the call made ready. */
export interface CallScope {
  /** The socket (or anything) the page is reached through; picks it was asked for end when it goes. */
  owner: unknown;
  ask(message: { pick: { pickId: string; title: string } }): void;
  downloads: Array<{ id: string; name: string; file: string }>;
}

export interface ReadyDownload {
  url: string;
  name: string;
}

interface Pick {
  owner: unknown;
  settle(outcome: { path?: string; error?: Error }): void;
}

export interface FileTransfer {
  /** Runs one call in its page's scope. */
  run<T>(scope: CallScope, call: () => Promise<T>): Promise<T>;
  chooseSavePath(suggestedName: string): Promise<string | undefined>;
  chooseOpenPath(opts: { title: string }): Promise<string | undefined>;
  /** After a call: the downloads it made ready (none if it failed or was cancelled); `path` in its result names the download. */
  finish(scope: CallScope, result: Result<unknown>): { result: Result<unknown>; downloads: ReadyDownload[] };
  /** A ready download, handed out once. */
  takeDownload(id: string): { name: string; file: string } | undefined;
  /** The bytes the user picked for a pending pick: 'unknown' when no such pick waits, 'tooLarge' past the cap. */
  receiveUpload(pickId: string, name: string, body: Readable): Promise<'saved' | 'unknown' | 'tooLarge' | 'failed'>;
  /** The user closed the picker without a file. */
  cancelPick(pickId: string): void;
  /** The page went away: whatever it was asked ends as cancelled. */
  dropOwner(owner: unknown): void;
  close(): Promise<void>;
}

export const DOWNLOAD_PREFIX = '/download/';
export const UPLOAD_PREFIX = '/upload/';

const id = () => randomBytes(18).toString('base64url');

/** A file name without folders or characters file systems refuse (as safeFileName in app.ts). */
function plainName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim() || fallback;
}

/** What the page shows where a desktop save names the file it wrote. */
export function downloadedAs(name: string): string {
  return `your browser's downloads (${name})`;
}

export async function createFileTransfer(options: { maxUploadBytes?: number } = {}): Promise<FileTransfer> {
  const maxUploadBytes = options.maxUploadBytes ?? BODY_FILE_MAX_BYTES;
  // Only this user may read it (mkdtemp makes it 0700); it goes when the server closes.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-browser-files-'));
  const scopes = new AsyncLocalStorage<CallScope>();
  const ready = new Map<string, { name: string; file: string }>();
  const picks = new Map<string, Pick>();

  const scopeOrFail = (what: string): CallScope => {
    const scope = scopes.getStore();
    if (!scope) throw appError('FILE_ERROR', `${what} needs the RoleCall page open in the browser.`);
    return scope;
  };

  return {
    run: (scope, call) => scopes.run(scope, call),

    async chooseSavePath(suggestedName) {
      const scope = scopeOrFail('Saving a file');
      const name = plainName(suggestedName, 'download');
      const folder = path.join(dir, 'downloads', id());
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const file = path.join(folder, name);
      scope.downloads.push({ id: id(), name, file });
      return file;
    },

    async chooseOpenPath({ title }) {
      const scope = scopeOrFail('Choosing a file');
      const pickId = id();
      return new Promise((resolve, reject) => {
        picks.set(pickId, {
          owner: scope.owner,
          settle: ({ path: chosen, error }) => {
            picks.delete(pickId);
            if (error) reject(error);
            else resolve(chosen);
          },
        });
        scope.ask({ pick: { pickId, title } });
      });
    },

    finish(scope, result) {
      const made = scope.downloads.splice(0);
      const value = result.ok ? (result.value as { cancelled?: boolean; path?: string } | undefined) : undefined;
      if (!value || value.cancelled || !made.length) {
        for (const d of made) void rm(path.dirname(d.file), { recursive: true, force: true });
        return { result, downloads: [] };
      }
      for (const d of made) ready.set(d.id, { name: d.name, file: d.file });
      const last = made[made.length - 1]!;
      return {
        result: { ok: true, value: { ...value, path: downloadedAs(last.name) } },
        downloads: made.map((d) => ({ url: `${DOWNLOAD_PREFIX}${d.id}`, name: d.name })),
      };
    },

    takeDownload(downloadId) {
      const found = ready.get(downloadId);
      ready.delete(downloadId);
      return found;
    },

    async receiveUpload(pickId, name, body) {
      const pick = picks.get(pickId);
      if (!pick) {
        body.resume();
        return 'unknown';
      }
      picks.delete(pickId);
      const folder = path.join(dir, 'uploads', id());
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const file = path.join(folder, plainName(name, 'upload'));
      const outcome = await new Promise<'saved' | 'tooLarge' | 'failed'>((resolve) => {
        let size = 0;
        const out = createWriteStream(file, { mode: 0o600 });
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxUploadBytes) {
            body.unpipe(out);
            out.destroy();
            body.resume();
            resolve('tooLarge');
          }
        });
        body.on('error', () => resolve('failed'));
        out.on('error', () => resolve('failed'));
        out.on('finish', () => resolve(size > maxUploadBytes ? 'tooLarge' : 'saved'));
        body.pipe(out);
      });
      if (outcome === 'saved') {
        pick.settle({ path: file });
        return outcome;
      }
      await rm(folder, { recursive: true, force: true });
      const shown = plainName(name, 'The file');
      pick.settle({
        error:
          outcome === 'tooLarge'
            ? appError('FILE_ERROR', `${shown} is larger than ${Math.round(maxUploadBytes / 1024 / 1024)} MB, the most RoleCall takes as a body.`)
            : appError('FILE_ERROR', `RoleCall could not receive ${shown} from the browser.`),
      });
      return outcome;
    },

    cancelPick(pickId) {
      picks.get(pickId)?.settle({});
    },

    dropOwner(owner) {
      for (const pick of [...picks.values()]) if (pick.owner === owner) pick.settle({});
    },

    async close() {
      for (const pick of [...picks.values()]) pick.settle({});
      ready.clear();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
