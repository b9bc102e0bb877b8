// The workspace's cookie jar, kept across restarts in the app's store sealed with the key vault's cipher (Electron's
// safeStorage in the app), as secret variable values are: cookie values are session credentials. With no usable
// cipher the jar lives in memory only and is gone at exit; it is never written in clear text. A sealed jar that
// cannot be opened (another machine's key) is left as stored until the jar changes, then replaced: cookies are
// session state a server sets again, not the user's work.
import { Buffer } from 'node:buffer';
import { appError } from '../../../src/errors';
import type { CookieList, CookieSettings } from '../../../src/models/cookies';
import type { Cipher } from '../keyVault';
import type { StoreBackend } from '../workspaceStore';
import { createCookieJar, type Jar } from './cookieJar';

const JAR_KEY = 'cookieJar';
const SETTINGS_KEY = 'cookieSettings';
/** Responses that set cookies in a burst (a login's redirects, a run) are written once. */
export const SAVE_DELAY_MS = 250;

export interface WorkspaceCookies {
  /** The jar, opened from the store on first use (safeStorage is ready only once the app is). */
  jar(): Jar;
  list(): CookieList;
  settings(): CookieSettings;
  setSettings(settings: CookieSettings): CookieSettings;
  /** Writes a pending change now (app exit, tests). */
  flush(): void;
  dispose(): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createWorkspaceCookies(backend: StoreBackend, cipher?: Cipher): WorkspaceCookies {
  const usable = () => (cipher?.available ? cipher : undefined);
  let current: Jar | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settings = readSettings(backend);

  const write = () => {
    timer = undefined;
    const c = usable();
    if (!c || !current) return;
    let sealed: string;
    try {
      sealed = Buffer.from(c.encrypt(current.serialize())).toString('base64');
    } catch (err) {
      throw appError('INTERNAL', 'RoleCall could not encrypt the cookie jar, so it was not saved.', `${c.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    backend.set(JAR_KEY, { protection: c.name, sealed });
  };
  const later = () => {
    if (!usable() || timer) return;
    timer = setTimeout(() => {
      try {
        write();
      } catch {
        // Kept in memory; the next change tries again. The message names no cookie, and nothing else is lost.
      }
    }, SAVE_DELAY_MS);
    timer.unref?.();
  };

  const jarOptions = { allowAwsHosts: () => settings.allowAwsHosts, onChange: later };
  const open = (): Jar => {
    if (current) return current;
    const serialized = unseal(backend.get(JAR_KEY), usable());
    try {
      current = createCookieJar(jarOptions, serialized);
    } catch {
      current = createCookieJar(jarOptions);
    }
    return current;
  };

  return {
    jar: open,
    list: () => ({ cookies: open().list(), settings, persisted: usable() !== undefined }),
    settings: () => settings,
    setSettings(next) {
      settings = { allowAwsHosts: next.allowAwsHosts };
      backend.set(SETTINGS_KEY, settings);
      return settings;
    },
    flush() {
      if (timer) clearTimeout(timer);
      if (timer || current) write();
    },
    dispose() {
      if (!timer) return;
      clearTimeout(timer);
      try {
        write();
      } catch {
        // Exit goes on; the jar is session state.
      }
    },
  };
}

function readSettings(backend: StoreBackend): CookieSettings {
  try {
    const raw = backend.get(SETTINGS_KEY);
    return { allowAwsHosts: isRecord(raw) && raw.allowAwsHosts === true };
  } catch {
    return { allowAwsHosts: false };
  }
}

function unseal(raw: unknown, cipher: Cipher | undefined): string | undefined {
  if (!cipher || !isRecord(raw) || typeof raw.sealed !== 'string') return undefined;
  try {
    const text = cipher.decrypt(new Uint8Array(Buffer.from(raw.sealed, 'base64')));
    JSON.parse(text);
    return text;
  } catch {
    return undefined;
  }
}
