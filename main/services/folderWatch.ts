// Notices changes in an opened collection folder (a `git pull`, an edit in another editor) and calls back once
// things settle. fs.watch with `recursive` (Linux since Node 20, macOS, Windows); where it cannot watch (it throws,
// or fails later, e.g. out of inotify watches) a timer polls instead. The callback re-reads and compares, so a
// spurious call costs a scan, never a wrong reload.
import fs from 'node:fs';

export interface FolderWatcher {
  close(): void;
  /** "events" while fs.watch works, "polling" after it could not. */
  readonly mode: 'events' | 'polling';
}

export interface WatchOptions {
  debounceMs?: number;
  pollMs?: number;
  /** For tests: force the polling fallback. */
  poll?: boolean;
}

export function watchFolder(root: string, onChange: () => void, opts: WatchOptions = {}): FolderWatcher {
  const debounceMs = opts.debounceMs ?? 200;
  const pollMs = opts.pollMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  let poller: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher | undefined;
  let closed = false;
  let mode: FolderWatcher['mode'] = 'events';

  const fire = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onChange();
    }, debounceMs);
    timer.unref();
  };
  const startPolling = () => {
    mode = 'polling';
    watcher?.close();
    watcher = undefined;
    if (poller || closed) return;
    poller = setInterval(() => !closed && onChange(), pollMs);
    poller.unref();
  };

  if (opts.poll) startPolling();
  else {
    try {
      watcher = fs.watch(root, { recursive: true, persistent: false }, fire);
      watcher.on('error', startPolling);
    } catch {
      startPolling();
    }
  }

  return {
    get mode() {
      return mode;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (poller) clearInterval(poller);
      watcher?.close();
    },
  };
}
