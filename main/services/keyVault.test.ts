import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStoreFile, openConfStore } from '../testing/confBackend';
import { createProcessCipher } from '../testing/processCipher';
import { createKeyVault, type Cipher } from './keyVault';
import { createMemoryBackend } from './workspaceStore';

const KEYS = {
  accessKeyId: 'AKIAVAULTEXAMPLE0001',
  secretAccessKey: 'vaultSecret/Key+ThatMustNeverReachTheDisk0001',
  sessionToken: 'FwoGZXIvYXdzEVaultSessionTokenThatMustNotBeOnDisk////abc==',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-vault-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the key vault', () => {
  it('keeps neither the secret nor the token on disk, and gives them back to main only', async () => {
    const cipher = createProcessCipher();
    const vault = createKeyVault(openConfStore(dir).backend, cipher);
    const summary = vault.save('team', KEYS);
    expect(summary).toEqual({ name: 'team', accessKeyId: KEYS.accessKeyId, hasSessionToken: true, protection: cipher.name });
    expect(JSON.stringify(summary)).not.toContain(KEYS.secretAccessKey);

    const onDisk = readFileSync(confStoreFile(dir), 'utf8');
    expect(onDisk).toContain(KEYS.accessKeyId);
    for (const secret of [KEYS.secretAccessKey, KEYS.sessionToken, Buffer.from(KEYS.secretAccessKey).toString('base64')]) {
      expect(onDisk).not.toContain(secret);
    }

    // A new vault on the same file (a restart in the same process, same cipher) reads them back.
    const reopened = createKeyVault(openConfStore(dir).backend, cipher);
    expect(reopened.list()).toEqual([summary]);
    expect(await reopened.get('team')).toEqual(KEYS);
  });

  it('refuses to store keys when encryption is unavailable, and writes nothing', () => {
    const backend = createMemoryBackend();
    const unavailable: Cipher = { ...createProcessCipher(), name: 'safeStorage', available: false };
    expect(() => createKeyVault(backend, unavailable).save('team', KEYS)).toThrow(/cannot encrypt keys/);
    expect(() => createKeyVault(backend).save('team', KEYS)).toThrow(/cannot encrypt keys/);
    expect(backend.get('storedKeys')).toBeUndefined();
  });

  it('deletes by name and says when the name is unknown', async () => {
    const vault = createKeyVault(createMemoryBackend(), createProcessCipher());
    vault.save('b', { accessKeyId: 'AKIABEXAMPLE00000000', secretAccessKey: 'bbbbbbbbbbbbbbbbbbbb' });
    vault.save('a', { accessKeyId: 'AKIAAEXAMPLE00000000', secretAccessKey: 'aaaaaaaaaaaaaaaaaaaa' });
    expect(vault.list().map((k) => [k.name, k.hasSessionToken])).toEqual([['a', false], ['b', false]]);
    expect(vault.delete('a')).toBe(true);
    expect(vault.delete('a')).toBe(false);
    await expect(vault.get('a')).rejects.toMatchObject({ code: 'CREDENTIALS_MISSING' });
  });

  it('reports keys another process encrypted (a key it no longer has) as undecryptable, not as garbage', async () => {
    const backend = createMemoryBackend();
    createKeyVault(backend, createProcessCipher()).save('team', KEYS);
    await expect(createKeyVault(backend, createProcessCipher()).get('team')).rejects.toMatchObject({ code: 'CREDENTIALS_ERROR' });
  });
});
