// The workspace backend outside Electron (browser mode, the tests, the browser test host): conf, electron-store's
// own engine with atomic writes, in a folder of the caller's choosing, with a file per collection under
// collections/. Opened through openBackend, so a garbage file is set aside as in the app.
import path from 'node:path';
import Conf from 'conf';
import { openBackend, STORE_FILE_MODE, STORE_NAME, type BackendFactory, type Recovered, type StoreBackend } from './workspaceStore';

/** The main store file conf writes in `dir`. */
export const confStoreFile = (dir: string) => path.join(dir, `${STORE_NAME}.json`);
export const confCollectionsDir = (dir: string) => path.join(dir, 'collections');

export const confBackend: BackendFactory = (dir, name) => {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dir,
    projectName: 'rolecall',
    configName: name,
    // Keys carry ids, which may hold dots; compact JSON keeps big collections' writes small.
    accessPropertiesByDotNotation: false,
    serialize: (value) => JSON.stringify(value),
    configFileMode: STORE_FILE_MODE,
  });
  return {
    path: conf.path,
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
    getAll: () => conf.store,
    setAll: (value) => {
      conf.store = value;
    },
  };
};

export interface ConfStore {
  backend: StoreBackend;
  recovered?: Recovered;
  collectionFiles: { dir: string; create: BackendFactory };
}

export function openConfStore(dir: string): ConfStore {
  return { ...openBackend(confStoreFile(dir), () => confBackend(dir, STORE_NAME)), collectionFiles: { dir: confCollectionsDir(dir), create: confBackend } };
}
