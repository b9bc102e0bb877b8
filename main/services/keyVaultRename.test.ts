import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStoreFile, openConfStore } from './confStore';
import { createProcessCipher } from '../testing/processCipher';
import { createKeyVault } from './keyVault';

const KEYS = { accessKeyId: 'AKIARENAMEEXAMPLE001', secretAccessKey: 'renameSecret/Key+ThatMustNeverReachTheDisk01', sessionToken: 'FwoGZXIvYXdzERenameSessionTokenNotOnDisk////abc==' };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-vault-rename-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renaming stored keys', () => {
  it('moves the sealed record under the new name without decrypting it; the keys still open after a restart', async () => {
    const cipher = createProcessCipher();
    let decrypts = 0;
    const counting = { ...cipher, decrypt: (bytes: Uint8Array) => (decrypts++, cipher.decrypt(bytes)) };
    const vault = createKeyVault(openConfStore(dir).backend, counting);
    vault.save('old', KEYS);
    const sealedBefore = readFileSync(confStoreFile(dir), 'utf8');
    const summary = vault.rename('old', 'ci-user');
    expect(summary).toEqual({ name: 'ci-user', accessKeyId: KEYS.accessKeyId, hasSessionToken: true, protection: cipher.name });
    expect(decrypts).toBe(0);
    expect(vault.list().map((k) => k.name)).toEqual(['ci-user']);

    const onDisk = readFileSync(confStoreFile(dir), 'utf8');
    for (const secret of [KEYS.secretAccessKey, KEYS.sessionToken]) expect(onDisk).not.toContain(secret);
    // The same ciphertext, under the new name.
    const sealed = (text: string, name: string) => (JSON.parse(text) as { storedKeys: Record<string, { secret: string }> }).storedKeys[name]?.secret;
    expect(sealed(onDisk, 'ci-user')).toBe(sealed(sealedBefore, 'old'));

    const reopened = createKeyVault(openConfStore(dir).backend, cipher);
    expect(await reopened.get('ci-user')).toEqual(KEYS);
    await expect(reopened.get('old')).rejects.toMatchObject({ code: 'CREDENTIALS_MISSING' });
  });

  it('refuses an unknown name and a name already taken, changing nothing', () => {
    const vault = createKeyVault(openConfStore(dir).backend, createProcessCipher());
    vault.save('a', KEYS);
    vault.save('b', { ...KEYS, accessKeyId: 'AKIARENAMEEXAMPLE002' });
    expect(() => vault.rename('missing', 'c')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => vault.rename('a', 'b')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('already exist') }));
    expect(vault.list().map((k) => [k.name, k.accessKeyId])).toEqual([
      ['a', 'AKIARENAMEEXAMPLE001'],
      ['b', 'AKIARENAMEEXAMPLE002'],
    ]);
  });
});
