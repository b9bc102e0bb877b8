// Tells the window when ~/.aws/config or ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE)
// change, so a profile added in an editor or by `aws configure` shows without a restart. fs.watchFile polls each
// path's stat: it works for a file that does not exist yet, survives editors that replace the file, and needs no
// watch on a folder that may itself be missing. A directory watch, where the folder exists, makes it prompt.
// Both see the same edit (the folder watch at once, the poll up to a second later), and an editor's save may touch a
// file without changing it; a change is reported only when the files' bytes differ from those last reported, so one
// edit is one event and the window never marks an answer stale for an edit it was already told of.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { dirname, basename } from 'node:path';
import { awsFilePaths, type Env } from './profiles';

export interface AwsFilesWatchOptions {
  /** How often each file's stat is polled. */
  intervalMs?: number;
  /** Changes closer together than this are reported once. */
  debounceMs?: number;
}

export interface AwsFilesWatcher {
  close(): void;
}

export function watchAwsFiles(env: Env, onChange: () => void, opts: AwsFilesWatchOptions = {}): AwsFilesWatcher {
  const intervalMs = opts.intervalMs ?? 1000;
  const debounceMs = opts.debounceMs ?? 150;
  const { config, credentials } = awsFilePaths(env);
  const files = [...new Set([config, credentials])];
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let reported = contentOf(files);
  const fire = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (closed) return;
      const now = contentOf(files);
      if (now === reported) return;
      reported = now;
      onChange();
    }, debounceMs);
    timer.unref();
  };

  const onStat = (curr: fs.Stats, prev: fs.Stats) => {
    if (curr.mtimeMs !== prev.mtimeMs || curr.size !== prev.size || curr.ino !== prev.ino || curr.ctimeMs !== prev.ctimeMs) fire();
  };
  for (const file of files) fs.watchFile(file, { interval: intervalMs, persistent: false }, onStat);

  const dirWatchers: fs.FSWatcher[] = [];
  for (const dir of new Set(files.map((f) => dirname(f)))) {
    const names = new Set(files.filter((f) => dirname(f) === dir).map((f) => basename(f)));
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        if (!name || names.has(String(name))) fire();
      });
      watcher.on('error', () => watcher.close());
      dirWatchers.push(watcher);
    } catch {
      // No such folder yet: the stat polling above still sees the file appear.
    }
  }

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const file of files) fs.unwatchFile(file, onStat);
      for (const watcher of dirWatchers) watcher.close();
    },
  };
}

/** A digest of the files' bytes (a missing or unreadable file reads as such), to tell a real change from a touch. */
function contentOf(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    let bytes: Buffer | undefined;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = undefined;
    }
    hash.update(bytes ? `${bytes.length}:` : 'missing:');
    if (bytes) hash.update(bytes);
  }
  return hash.digest('hex');
}
