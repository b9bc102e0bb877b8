import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFromPath, readImportFile } from './importFile';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rolecall-importfile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failure = async (run: Promise<unknown>): Promise<{ code: string; message: string }> => {
  try {
    await run;
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('read');
};

describe('readImportFile', () => {
  it('reads UTF-8, and UTF-16 with its byte-order mark as PowerShell writes it', async () => {
    await writeFile(join(dir, 'a.txt'), 'curl https://example.com/é');
    expect(await readImportFile(join(dir, 'a.txt'))).toBe('curl https://example.com/é');
    await writeFile(join(dir, 'b.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('curl https://x/', 'utf16le')]));
    expect(await readImportFile(join(dir, 'b.txt'))).toBe('curl https://x/');
  });

  it('refuses a file over the cap, a directory, bytes that are not text and a missing file', async () => {
    await writeFile(join(dir, 'big.json'), 'x'.repeat(2048));
    expect(await failure(readImportFile(join(dir, 'big.json'), 1024))).toMatchObject({ code: 'FILE_ERROR', message: expect.stringMatching(/larger than/) });
    expect(await failure(readImportFile(dir))).toMatchObject({ code: 'FILE_ERROR', message: expect.stringMatching(/not a regular file/) });
    await writeFile(join(dir, 'bin.dat'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]));
    expect(await failure(readImportFile(join(dir, 'bin.dat')))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not text/) });
    expect(await failure(readImportFile(join(dir, 'missing.json')))).toMatchObject({ code: 'FILE_ERROR' });
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(await failure(readImportFile(fifo))).toMatchObject({ code: 'FILE_ERROR', message: expect.stringMatching(/not a regular file/) });
  });

  it('imports what it read', async () => {
    await writeFile(join(dir, 'env.json'), JSON.stringify({ name: 'stag', values: [{ key: 'host', value: 'h' }] }));
    expect((await importFromPath(join(dir, 'env.json'))).environment?.name).toBe('stag');
  });
});
