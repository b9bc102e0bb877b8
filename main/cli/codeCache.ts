// Loads one of the bin's bundles with V8's code cache, so a command after the first skips compiling it.
//
// Node 22.1+ has module.enableCompileCache(): used when present. Node 20 has none, so the bundle is compiled here
// with vm.Script and the code V8 produced is stored as a file. Its name carries the bundle's size, modification
// time and inode and the Node version, as Python keys its .pyc files (V8 itself checks only the text's length and
// its flags; hashing the whole bundle would cost more than the cache saves), and the file starts with a SHA-1 of
// the data, a checksum against damage (SHA-1 is the cheapest one already loaded): a stale or damaged file is never
// handed to V8, which trusts what it is given; it is ignored and written afresh.
//
// The cache holds compiled code only: V8's serialised bytecode of the bundle as it is shipped, made from the
// bundle's text before any command's data exists (never a heap snapshot), so no key or token can be in it.
import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

const MAGIC = 'rolecall-v8-cache-2\n';
const DIGEST_BYTES = 20;

/** Where compiled code is kept: $XDG_CACHE_HOME/rolecall, else ~/.cache/rolecall; undefined when turned off. */
export function codeCacheDir(env: Record<string, string | undefined>): string | undefined {
  if (env.ROLECALL_CODE_CACHE === '0') return undefined;
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(base, 'rolecall');
}

/** One-shot (Node 20.12+, below the engines field's 20.19): no Hash object to build, which a start-up feels. */
function sha1(data: string | Uint8Array): Buffer {
  return hash('sha1', data, 'buffer');
}

/** The cached data in a file written by `store`, or undefined when it is missing, damaged or of another format. */
export function readCacheFile(file: string): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = MAGIC.length;
  if (raw.length <= head + DIGEST_BYTES || raw.toString('latin1', 0, head) !== MAGIC) return undefined;
  const data = raw.subarray(head + DIGEST_BYTES);
  return sha1(data).equals(raw.subarray(head, head + DIGEST_BYTES)) ? data : undefined;
}

/** Writes the data with its digest, through a temporary file and a rename, so a reader never sees half a file. */
function store(dir: string, file: string, data: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([Buffer.from(MAGIC, 'latin1'), sha1(data), data]), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // A cache that cannot be written costs the next run its compile time, nothing else.
  }
}

type Loaded = Record<string, unknown>;

type EnableCompileCache = (dir?: string) => unknown;
const enableCompileCache = (Module as { enableCompileCache?: EnableCompileCache }).enableCompileCache;

/** Node 22's own compile cache for what is required from now on; false on Node 20, which has none. */
function nodeCompileCache(cacheDir: string | undefined): boolean {
  if (!enableCompileCache) return false;
  if (cacheDir) {
    try {
      enableCompileCache(cacheDir);
    } catch {
      // Without the cache the bundle still runs.
    }
  }
  return true;
}

/**
 * Makes the cache safe to end the process with process.exit(): on Node 20 the cache here is written by an 'exit'
 * listener, which process.exit() runs; Node 22 writes its own only when the process ends on its own, unless asked
 * to now (module.flushCompileCache, 22.10+). False when it cannot be: then let the process end on its own.
 */
export function readyToExit(): boolean {
  if (!enableCompileCache) return true;
  const flush = (Module as { flushCompileCache?: () => void }).flushCompileCache;
  if (!flush) return false;
  try {
    flush();
  } catch {
    // A cache that cannot be written costs the next run its compile time, nothing else.
  }
  return true;
}

/** A bundle that loads packages with import() (ESM-only ones): required, with Node 22's cache where there is one. */
export function requireBundle(file: string, cacheDir: string | undefined): Loaded {
  nodeCompileCache(cacheDir);
  return Module.createRequire(file)(file) as Loaded;
}

/**
 * Runs the CommonJS bundle at `file` as `require(file)` would and returns its exports; compiled code comes from and
 * goes to `cacheDir` (none: a plain require). On Node 20 the bundle must not use import(): a script compiled by
 * vm.Script has no loader for it (bundleOptions.ts builds such a bundle with require in its place).
 */
export function loadBundle(file: string, cacheDir: string | undefined): Loaded {
  if (nodeCompileCache(cacheDir) || !cacheDir) return Module.createRequire(file)(file) as Loaded;
  // The bundles' code is ASCII (bundleOptions.ts sets esbuild's charset; only comments may hold other bytes), and
  // Latin-1 reads ASCII without decoding.
  // A bundle's "#!" line is for the shell; inside the function Node wraps a module in it is a syntax error.
  const text = readFileSync(file, 'latin1');
  const source = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const stat = statSync(file, { bigint: true });
  const key = sha1(`${process.version}\0${process.arch}\0${stat.size}\0${stat.mtimeNs}\0${stat.ino}`).toString('hex').slice(0, 32);
  const cacheFile = join(cacheDir, `${basename(file)}.${key}.v8`);
  const cachedData = readCacheFile(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  compiled.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  if (!cachedData || script.cachedDataRejected) {
    // Made at exit, so it holds the functions this command compiled along the way, not only the top level.
    process.once('exit', () => store(cacheDir, cacheFile, script.createCachedData()));
  }
  return mod.exports as Loaded;
}
