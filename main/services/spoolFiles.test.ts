import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodySourceBytes, cleanSpool, readSpoolSlice, saveBodySource } from './spoolFiles';

let dir: string;
let spool: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-spool-'));
  spool = path.join(dir, 'spool');
  await mkdir(spool);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('spooled bodies', () => {
  it('reads slices with an exact end-of-file flag', async () => {
    const file = path.join(spool, 'body-1');
    await writeFile(file, '0123456789');
    expect(await readSpoolSlice(file, 0, 4, spool)).toEqual({ base64: Buffer.from('0123').toString('base64'), eof: false });
    expect(await readSpoolSlice(file, 6, 4, spool)).toEqual({ base64: Buffer.from('6789').toString('base64'), eof: true });
  });

  it('refuses files outside the spool folder, for reading and for saving', async () => {
    const outside = path.join(dir, 'secret.txt');
    await writeFile(outside, 'not a body');
    await expect(bodySourceBytes({ kind: 'file', file: outside }, spool)).rejects.toMatchObject({ code: 'FILE_ERROR' });
    await expect(bodySourceBytes({ kind: 'file', file: path.join(spool, '..', 'secret.txt') }, spool)).rejects.toMatchObject({ code: 'FILE_ERROR' });
    await expect(saveBodySource({ kind: 'file', file: outside }, spool, path.join(dir, 'copy'))).rejects.toMatchObject({ code: 'FILE_ERROR' });
    expect(existsSync(path.join(dir, 'copy'))).toBe(false);
  });

  it('never reads through a link placed in the spool folder', async () => {
    const secret = path.join(dir, 'credentials');
    await writeFile(secret, 'aws_secret_access_key = private');
    const link = path.join(spool, 'planted.body');
    symlinkSync(secret, link);
    await expect(bodySourceBytes({ kind: 'file', file: link }, spool)).rejects.toMatchObject({ code: 'FILE_ERROR' });
    await expect(readSpoolSlice(link, 0, 100, spool)).rejects.toMatchObject({ code: 'FILE_ERROR' });
    await expect(saveBodySource({ kind: 'file', file: link }, spool, path.join(dir, 'copy'))).rejects.toMatchObject({ code: 'FILE_ERROR' });
    expect(existsSync(path.join(dir, 'copy'))).toBe(false);
  });

  it('saves a spooled body by copying it and an inline one by writing it', async () => {
    await writeFile(path.join(spool, 'body-2'), 'spooled bytes');
    await saveBodySource({ kind: 'file', file: path.join(spool, 'body-2') }, spool, path.join(dir, 'a.json'));
    await saveBodySource({ kind: 'inline', base64: Buffer.from('inline bytes').toString('base64') }, spool, path.join(dir, 'b.json'));
    expect(readFileSync(path.join(dir, 'a.json'), 'utf8')).toBe('spooled bytes');
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('inline bytes');
    await expect(saveBodySource({ kind: 'inline', base64: '' }, spool, path.join(dir, 'missing', 'c'))).rejects.toMatchObject({ code: 'FILE_ERROR' });
  });

  it('cleans bodies older than a day and keeps newer ones', async () => {
    const now = Date.now();
    await writeFile(path.join(spool, 'old'), 'x');
    await writeFile(path.join(spool, 'new'), 'y');
    const twoDaysAgo = (now - 2 * 24 * 3600 * 1000) / 1000;
    await utimes(path.join(spool, 'old'), twoDaysAgo, twoDaysAgo);
    expect(await cleanSpool(spool, { now })).toBe(1);
    expect(existsSync(path.join(spool, 'old'))).toBe(false);
    expect(existsSync(path.join(spool, 'new'))).toBe(true);
    expect(await cleanSpool(path.join(dir, 'never-created'))).toBe(0);
  });
});
