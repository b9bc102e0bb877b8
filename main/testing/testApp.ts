// The app as the Electron host builds it, for channel tests: a conf store in `dir` (collections as files there,
// the response spool in dir/spool), a quiet emit, and whatever else the test passes. Reopening the same `dir` is
// a restart; a store the host had to set aside is reported as the host reports it.
import { join } from 'node:path';
import { createApp, type App, type AppOptions } from '../app';
import { openConfStore } from '../services/confStore';

export function openTestApp(dir: string, options: Partial<AppOptions> = {}): App {
  const store = openConfStore(dir);
  return createApp({
    host: 'browser-test',
    env: {},
    emit: () => {},
    store: store.backend,
    ...(store.recovered ? { storeRecovered: store.recovered } : {}),
    collectionFiles: store.collectionFiles,
    spoolDir: join(dir, 'spool'),
    ...options,
  });
}
