// The bin's code cache (codeCache.ts) is a speed-up only: a missing, damaged, stale or unwritable cache must leave
// every command working, and the cache must hold compiled code, never a key, a token or a signature.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeCacheDir, readCacheFile, readyToExit } from './codeCache';
import { buildCli, runCli, type CliRun } from '../testing/cliRunner';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYCACHETESTKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjCACHETESTSESSIONTOKEN0123456789abcdef';
const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDCACHETEST', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN };
const ARGS = ['sign', 'https://example.amazonaws.com/items', '--region', 'us-east-1', '--service', 'execute-api', '--date', '2015-08-30T12:36:00Z'];
/** Node 22.1+ keeps the cache itself (module.enableCompileCache) in its own format; the file checks are Node 20's. */
const nodeKeepsCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

let dir = '';
let bin = '';
let expected: CliRun;

async function freshCache(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rolecall-code-cache-'));
}

const sign = (cache: string) => runCli(bin, ARGS, { env: { ...KEYS, XDG_CACHE_HOME: cache } });

async function cacheFiles(cache: string): Promise<string[]> {
  const folder = join(cache, 'rolecall');
  return existsSync(folder) ? (await readdir(folder)).map((name) => join(folder, name)) : [];
}

beforeAll(async () => {
  ({ dir, bin } = await buildCli('rolecall-code-cache-'));
  expected = await runCli(bin, ARGS, { env: { ...KEYS, ROLECALL_CODE_CACHE: '0' } });
  expect(expected.code).toBe(0);
  expect(expected.stdout).toMatch(/Signature=[0-9a-f]{64}/);
}, 60_000);

describe('where the code cache lives', () => {
  it('is the user cache folder, never beside the bin or in the project', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe(join('/x/cache', 'rolecall'));
    expect(codeCacheDir({ HOME: '/home/u' })).toBe(join('/home/u', '.cache', 'rolecall'));
    // A relative XDG_CACHE_HOME is invalid by the spec: it would put the cache wherever the command was run.
    expect(codeCacheDir({ XDG_CACHE_HOME: 'cache', HOME: '/home/u' })).toBe(join('/home/u', '.cache', 'rolecall'));
    expect(codeCacheDir({ ROLECALL_CODE_CACHE: '0', HOME: '/home/u' })).toBeUndefined();
  });
});

describe('ending a successful sign with process.exit (bin.ts)', () => {
  it('is allowed only where the cache is still written: on exit here (Node 20), or flushed first (Node 22.10+)', () => {
    const canFlush = typeof (Module as { flushCompileCache?: unknown }).flushCompileCache === 'function';
    expect(readyToExit()).toBe(!nodeKeepsCache || canFlush);
  });
});

describe('a cache file that is not right', () => {
  it('is refused when missing, of another format, truncated or altered', async () => {
    const folder = await freshCache();
    const file = join(folder, 'x.v8');
    expect(readCacheFile(file)).toBeUndefined();
    await writeFile(file, 'not a cache');
    expect(readCacheFile(file)).toBeUndefined();
  });
});

describe('rolecall sign with the code cache', () => {
  it('writes compiled code on the first run and answers the same on every run', async () => {
    const cache = await freshCache();
    expect(await sign(cache)).toEqual(expected);
    expect(await sign(cache)).toEqual(expected);
    if (nodeKeepsCache) return console.log('skipped the file checks: this Node keeps its own compile cache');
    const files = await cacheFiles(cache);
    expect(files).toHaveLength(1);
    expect(readCacheFile(files[0]!)).toBeInstanceOf(Buffer);
    // Nothing beside the bin: the cache is the user's, not the installation's.
    expect((await readdir(dir)).sort()).toEqual(['rolecall-main.cjs', 'rolecall-sign.cjs', 'rolecall.cjs']);
  });

  it('never holds the secret key, the session token or the signature', async () => {
    const cache = await freshCache();
    const run = await sign(cache);
    const signature = /Signature=([0-9a-f]{64})/.exec(run.stdout)![1]!;
    const files = await cacheFiles(cache);
    if (!nodeKeepsCache) expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = await readFile(file);
      for (const secret of [SECRET, TOKEN, signature]) {
        expect(bytes.includes(Buffer.from(secret, 'latin1'))).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
    }
  });

  it('ignores a damaged file, still signs, and writes a good one', async () => {
    if (nodeKeepsCache) return console.log('skipped: this Node keeps its own compile cache');
    const cache = await freshCache();
    await sign(cache);
    const [file] = await cacheFiles(cache);
    const bytes = await readFile(file!);
    for (let i = 64; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0xff;
    await writeFile(file!, bytes);
    expect(readCacheFile(file!)).toBeUndefined();
    expect(await sign(cache)).toEqual(expected);
    expect(readCacheFile(file!)).toBeInstanceOf(Buffer);
  });

  it('ignores code V8 refuses (made from another script), still signs, and replaces it', async () => {
    if (nodeKeepsCache) return console.log('skipped: this Node keeps its own compile cache');
    const cache = await freshCache();
    await sign(cache);
    const [file] = await cacheFiles(cache);
    // A well-formed file (right header and digest) whose code is of another script: only V8 can tell.
    const vm = await import('node:vm');
    const other = new vm.Script('1 + 1').createCachedData();
    const good = await readFile(file!);
    const { createHash } = await import('node:crypto');
    const header = good.subarray(0, good.length - (readCacheFile(file!)!.length) - 20);
    await writeFile(file!, Buffer.concat([header, createHash('sha1').update(other).digest(), other]));
    expect(readCacheFile(file!)).toEqual(other);
    expect(await sign(cache)).toEqual(expected);
    expect(readCacheFile(file!)!.equals(other)).toBe(false);
  });

  it('keys the cache by the bundle: a bundle changed in place never runs old code', async () => {
    if (nodeKeepsCache) return console.log('skipped: this Node keeps its own compile cache');
    const cache = await freshCache();
    const copy = await buildCli('rolecall-code-cache-changed-');
    const env = { ...KEYS, XDG_CACHE_HOME: cache };
    expect((await runCli(copy.bin, ARGS, { env })).stdout).toBe(expected.stdout);
    expect(await cacheFiles(cache)).toHaveLength(1);
    const signBundle = join(copy.dir, 'rolecall-sign.cjs');
    // The same file, the same length (all V8 itself checks): the heading the CLI prints changes.
    const text = await readFile(signBundle, 'utf8');
    expect(text).toContain('"# Canonical request"');
    await writeFile(signBundle, text.replace('"# Canonical request"', '"# CANONICAL REQUEST"'));
    const run = await runCli(copy.bin, ARGS, { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# CANONICAL REQUEST');
    expect(await cacheFiles(cache)).toHaveLength(2);
  });

  it('signs when the cache folder cannot be written', async () => {
    const cache = await freshCache();
    // A file where the folder should be: neither read nor write can succeed.
    await writeFile(join(cache, 'rolecall'), 'in the way');
    expect(await sign(cache)).toEqual(expected);
    expect(await sign(cache)).toEqual(expected);
  });
});
