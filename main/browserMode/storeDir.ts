// Where `rolecall ui` keeps its workspace: a per-user folder of its own, next to where the desktop app keeps its
// (Electron's userData), but separate so the two never write one file at once and browser mode's store never
// claims an encryption it does not have.
import os from 'node:os';
import path from 'node:path';

export function browserStoreDir(env: Record<string, string | undefined>, platform: string = process.platform, home: string = os.homedir()): string {
  if (env.ROLECALL_BROWSER_DATA_DIR) return env.ROLECALL_BROWSER_DATA_DIR;
  if (platform === 'win32') return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'rolecall-browser');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'rolecall-browser');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), 'rolecall-browser');
}
