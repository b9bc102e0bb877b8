import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSpoolDir, ensureSpoolDir } from './spoolDir';

const posix = process.platform !== 'win32';
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-spooldir-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the spool folder', () => {
  it('defaults to a folder of this user under the temporary folder, the same one each time', () => {
    const spool = defaultSpoolDir();
    expect(path.dirname(spool)).toBe(os.tmpdir());
    expect(path.basename(spool)).toBe(`rolecall-${process.getuid?.() ?? os.userInfo().username}`);
    expect(defaultSpoolDir()).toBe(spool);
  });

  it('is created 0700, parents included, and accepted again once it exists', () => {
    const spool = path.join(dir, 'userData', 'spool');
    ensureSpoolDir(spool);
    ensureSpoolDir(spool);
    if (posix) expect(fs.statSync(spool).mode & 0o777).toBe(0o700);
  });

  it.runIf(posix)('is refused when others may write to it', () => {
    const spool = path.join(dir, 'spool');
    fs.mkdirSync(spool);
    fs.chmodSync(spool, 0o777);
    expect(() => ensureSpoolDir(spool)).toThrow(/other users may write/);
    fs.chmodSync(spool, 0o720);
    expect(() => ensureSpoolDir(spool)).toThrow(/other users may write/);
  });

  it('is refused when it is a link, even to a good folder', () => {
    const real = path.join(dir, 'real');
    fs.mkdirSync(real, { mode: 0o700 });
    const spool = path.join(dir, 'spool');
    fs.symlinkSync(real, spool);
    expect(() => ensureSpoolDir(spool)).toThrow(/not a plain folder/);
  });

  it.runIf(posix && process.getuid?.() === 0)('is refused when it belongs to another user', () => {
    const spool = path.join(dir, 'spool');
    fs.mkdirSync(spool, { mode: 0o700 });
    fs.chownSync(spool, 12345, 12345);
    expect(() => ensureSpoolDir(spool)).toThrow(/belongs to another user/);
  });
});
