// The folder large response bodies are spooled to. It is the user's own: created 0700, and refused when it is a
// link, belongs to someone else or others may write to it (in a shared /tmp another user could have made it first
// and would then read or swap the bodies). Files in it are created new (never an existing file or a link) and 0600.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appError } from '../../src/errors';

const { O_WRONLY, O_RDONLY, O_CREAT, O_EXCL } = fs.constants;
// Windows has no O_NOFOLLOW; the folder check is what protects there.
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** Flags for a new spool file: it must not exist yet, and a link in its place is refused. */
export const CREATE_SPOOL_FILE = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
/** Flags for reading a spool file without following a link. */
export const READ_SPOOL_FILE = O_RDONLY | O_NOFOLLOW;

let cachedDefault: string | undefined;

/** The CLI's and tests' folder: one per user under the system's temporary folder (the app passes its own). */
export function defaultSpoolDir(): string {
  cachedDefault ??= path.join(os.tmpdir(), `rolecall-${userTag()}`);
  return cachedDefault;
}

function userTag(): string {
  const uid = process.getuid?.();
  if (uid !== undefined) return String(uid);
  return os.userInfo().username.replace(/[^\w.-]/g, '_') || 'user';
}

/** Creates the folder when missing, then checks it is a real folder of this user's that no one else can write. */
export function ensureSpoolDir(dir: string): void {
  try {
    fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw appError('FILE_ERROR', `Could not create the folder for large responses, ${dir}.`, err instanceof Error ? err.message : String(err));
    }
  }
  const stat = fs.lstatSync(dir);
  const refuse = (why: string) =>
    appError('FILE_ERROR', `RoleCall will not keep response bodies in ${dir}: ${why}.`, 'Remove or fix that folder and try again.');
  if (stat.isSymbolicLink() || !stat.isDirectory()) throw refuse('it is not a plain folder');
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) throw refuse('it belongs to another user');
  if (process.platform !== 'win32' && (stat.mode & 0o022) !== 0) throw refuse('other users may write to it');
}
