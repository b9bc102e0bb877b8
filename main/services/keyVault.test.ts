import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStoreFile, openConfStore } from './confStore';
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

  it('keeps the other keys and a bad record\'s bytes when one record cannot be read, and reports it', async () => {
    const cipher = createProcessCipher();
    const first = createKeyVault(openConfStore(dir).backend, cipher);
    first.save('team', KEYS);
    const stored = JSON.parse(readFileSync(confStoreFile(dir), 'utf8'));
    const bad = { accessKeyId: 42, secret: ['not', 'base64'], future: { kept: true } };
    stored.storedKeys.broken = bad;
    writeFileSync(confStoreFile(dir), JSON.stringify(stored));

    const vault = createKeyVault(openConfStore(dir).backend, cipher);
    expect(vault.list().map((k) => k.name)).toEqual(['team']);
    expect(vault.problems()).toEqual([{ name: 'broken', problem: expect.stringMatching(/The access key ID must be text/) }]);
    vault.save('other', { accessKeyId: 'AKIAOTHEREXAMPLE0001', secretAccessKey: 'otherSecretKeyOtherSecretKey0001' });

    const after = JSON.parse(readFileSync(confStoreFile(dir), 'utf8')).storedKeys;
    expect(after.broken).toEqual(bad);
    expect(Object.keys(after).sort()).toEqual(['broken', 'other', 'team']);
    expect(await createKeyVault(openConfStore(dir).backend, cipher).get('team')).toEqual(KEYS);
  });

  it('never overwrites a stored key map it could not read at all', () => {
    const backend = createMemoryBackend();
    backend.set('storedKeys', 'a string, not a map');
    const vault = createKeyVault(backend, createProcessCipher());
    expect(vault.list()).toEqual([]);
    expect(vault.problems()).toEqual([{ name: '', problem: expect.stringMatching(/not a map/i) }]);
    expect(() => vault.save('team', KEYS)).toThrow(expect.objectContaining({ code: 'CREDENTIALS_ERROR' }));
    expect(backend.get('storedKeys')).toBe('a string, not a map');
  });
});

describe('the key vault with odd names', () => {
  it('stores a key named __proto__ as a record like any other', async () => {
    const cipher = createProcessCipher();
    const backend = createMemoryBackend();
    createKeyVault(backend, cipher).save('__proto__', KEYS);
    const reopened = createKeyVault(backend, cipher);
    expect(reopened.list().map((k) => k.name)).toEqual(['__proto__']);
    expect(await reopened.get('__proto__')).toEqual(KEYS);
  });
});
