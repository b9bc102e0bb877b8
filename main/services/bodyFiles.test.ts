import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RoleCallError } from '../../src/errors';
import { BODY_FILE_MAX_BYTES, createBodyFiles } from './bodyFiles';
import { failure, within } from '../testing/settle';

const SECRET = '[default]\naws_secret_access_key = bodyFilesTestSecretNeverSent/0001\n';
const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-bodyfiles-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

const fifoSupported = process.platform !== 'win32';

describe('body files: only what the user picked', () => {
  it('reads a picked file through its handle', async () => {
    const dir = await tempDir();
    const file = join(dir, 'payload.bin');
    await writeFile(file, Buffer.from([0, 1, 2, 255]));
    const files = createBodyFiles();
    const chosen = await files.confirm(file);
    expect(chosen).toMatchObject({ name: 'payload.bin', size: 4, path: file });
    expect(chosen.handle).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect([...(await files.read(file, chosen.handle))]).toEqual([0, 1, 2, 255]);
  });

  it('refuses a path with no handle, naming the file but not its contents', async () => {
    const dir = await tempDir();
    const credentials = join(dir, 'credentials');
    await writeFile(credentials, SECRET);
    const err = await failure(createBodyFiles().read(credentials, undefined));
    expect(err.code).toBe('FILE_NOT_CONFIRMED');
    expect(err.message).toContain('credentials');
    expect(JSON.stringify(err.toAppError())).not.toContain('bodyFilesTestSecret');
  });

  it("does not let path A's handle read path B, nor a handle another run handed out", async () => {
    const dir = await tempDir();
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    await writeFile(a, 'A');
    await writeFile(b, SECRET);
    const files = createBodyFiles();
    const { handle } = await files.confirm(a);
    expect((await failure(files.read(b, handle))).code).toBe('FILE_NOT_CONFIRMED');
    expect((await failure(createBodyFiles().read(a, handle))).code).toBe('FILE_NOT_CONFIRMED');
    expect((await failure(files.read(a, 'made-up-handle-0000000'))).code).toBe('FILE_NOT_CONFIRMED');
  });

  it('refuses a directory and /dev/zero without reading them', async () => {
    const dir = await tempDir();
    const files = createBodyFiles();
    const folder = await failure(files.confirm(dir));
    expect(folder.code).toBe('FILE_ERROR');
    expect(folder.message).toMatch(/not a regular file/);
    if (existsSync('/dev/zero')) {
      const zero = await within(failure(files.confirm('/dev/zero')), 2000);
      expect(zero).not.toBe('hung');
      expect((zero as RoleCallError).message).toMatch(/not a regular file/);
    }
  });

  it.runIf(fifoSupported)('refuses a FIFO at once, when picked and when the picked file is replaced by one', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'pipe');
    mkfifo(fifo);
    const files = createBodyFiles();
    const picked = await within(failure(files.confirm(fifo)), 2000);
    expect(picked).not.toBe('hung');
    expect((picked as RoleCallError).message).toMatch(/not a regular file/);

    const file = join(dir, 'data.bin');
    await writeFile(file, 'data');
    const { handle } = await files.confirm(file);
    await unlink(file);
    mkfifo(file);
    const swapped = await within(failure(files.read(file, handle)), 2000);
    expect(swapped).not.toBe('hung');
    expect((swapped as RoleCallError).code).toBe('FILE_ERROR');
  });

  it('refuses a file larger than the cap, when picked and when it grew after', async () => {
    expect(BODY_FILE_MAX_BYTES).toBe(256 * 1024 * 1024);
    const dir = await tempDir();
    const file = join(dir, 'big.bin');
    await writeFile(file, Buffer.alloc(2048));
    const files = createBodyFiles({ maxBytes: 1024 });
    const big = await failure(files.confirm(file));
    expect(big.code).toBe('FILE_ERROR');
    expect(big.message).toContain('1024 bytes');

    await writeFile(file, Buffer.alloc(10));
    const { handle } = await files.confirm(file);
    await writeFile(file, Buffer.alloc(4096));
    expect((await failure(files.read(file, handle))).message).toMatch(/larger than/);
  });

  it('states the default cap in MiB', async () => {
    const dir = await tempDir();
    const file = join(dir, 'sparse.bin');
    await writeFile(file, '');
    execFileSync('truncate', ['-s', String(BODY_FILE_MAX_BYTES + 1), file]);
    expect((await failure(createBodyFiles().confirm(file))).message).toContain('256 MiB');
  });

  it('follows a picked link once, to what it pointed at, and refuses the path once it is swapped for a link', async () => {
    const dir = await tempDir();
    const target = join(dir, 'target.txt');
    const link = join(dir, 'link.txt');
    await writeFile(target, 'T');
    await symlink(target, link);
    const files = createBodyFiles();
    const viaLink = await files.confirm(link);
    expect((await files.read(link, viaLink.handle)).toString()).toBe('T');

    const secret = join(dir, 'secret');
    await writeFile(secret, SECRET);
    const plain = join(dir, 'plain.txt');
    await writeFile(plain, 'P');
    const { handle } = await files.confirm(plain);
    await unlink(plain);
    await symlink(secret, plain);
    const err = await failure(files.read(plain, handle));
    expect(err.code).toBe('FILE_ERROR');
    expect(JSON.stringify(err.toAppError())).not.toContain('bodyFilesTestSecret');
  });

  it('stops when the request is cancelled, with the signal’s reason', async () => {
    const dir = await tempDir();
    const file = join(dir, 'f.txt');
    await writeFile(file, 'x');
    const files = createBodyFiles();
    const { handle } = await files.confirm(file);
    const controller = new AbortController();
    controller.abort();
    expect((await failure(files.read(file, handle, controller.signal))).code).toBe('CANCELLED');
  });
});
