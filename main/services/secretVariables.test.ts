import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionSchema, type Collection, type Environment } from '../../src/models/workspace';
import { confCollectionsDir, confStoreFile, openConfStore } from './confStore';
import { createProcessCipher } from '../testing/processCipher';
import type { Cipher } from './keyVault';
import { createWorkspaceStore } from './workspaceStore';

const ENV_SECRET = 'envSecretValueThatMustNotBeOnDisk0001';
const COLLECTION_SECRET = 'collectionSecretValueNotOnDisk0001';
const FOLDER_SECRET = 'folderSecretValueNotOnDisk0001';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (cipher?: Cipher) => {
  const { backend, collectionFiles } = openConfStore(dir);
  return createWorkspaceStore(backend, { collectionFiles, ...(cipher ? { cipher } : {}) });
};

/** Every file the store wrote, as one text. */
function disk(): string {
  const collections = confCollectionsDir(dir);
  const files = [confStoreFile(dir), ...(existsSync(collections) ? readdirSync(collections).map((f) => path.join(collections, f)) : [])];
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

const variable = (id: string, key: string, value: string, secret = true) => ({ id, key, value, enabled: true, secret });

const collection: Collection = collectionSchema.parse({
  id: 'c1',
  name: 'Team',
  variables: [variable('v1', 'host', 'api.example.com', false), variable('v2', 'apiKey', COLLECTION_SECRET)],
  items: [{ kind: 'folder', id: 'f1', name: 'orders', variables: [variable('v3', 'token', FOLDER_SECRET)], items: [{ kind: 'request', id: 'r1', name: 'List', method: 'GET', url: 'https://{{host}}/' }] }],
});
const environments: Environment[] = [{ id: 'prod', name: 'prod', variables: [variable('e1', 'password', ENV_SECRET), variable('e2', 'region', 'eu-west-1', false)] }];

describe('secret variable values at rest', () => {
  it('are sealed on disk and come back after a reopen with the same cipher', () => {
    const cipher = createProcessCipher();
    const store = open(cipher);
    store.saveCollection(collection);
    store.saveEnvironments(environments);
    const text = disk();
    for (const secret of [ENV_SECRET, COLLECTION_SECRET, FOLDER_SECRET]) expect(text).not.toContain(secret);
    expect(text).toContain('api.example.com'); // only secrets are sealed
    expect(text).toContain('eu-west-1');

    const reopened = open(cipher);
    expect(reopened.getCollection(collection.id)).toEqual(collection);
    expect(reopened.load().environments).toEqual(environments);
    expect(reopened.secretsStatus()).toEqual({ secretsProtection: cipher.name });
  });

  it('are sealed when a version-1 store (plain secrets) is opened, and the store becomes version 2', () => {
    writeFileSync(confStoreFile(dir), JSON.stringify({ version: 1, environments, collectionOrder: [] }));
    const cipher = createProcessCipher();
    expect(open(cipher).load().environments).toEqual(environments);
    expect(disk()).not.toContain(ENV_SECRET);
    expect(JSON.parse(readFileSync(confStoreFile(dir), 'utf8')).version).toBe(2);
  });

  it('are stored as typed without a usable cipher, and the store says so; a later cipher seals them at open', () => {
    const store = open({ ...createProcessCipher(), available: false });
    store.saveEnvironments(environments);
    store.saveCollection(collection);
    expect(store.secretsStatus()).toEqual({ secretsProtection: 'none' });
    expect(disk()).toContain(ENV_SECRET);

    const cipher = createProcessCipher();
    const sealed = open(cipher);
    expect(sealed.load().environments).toEqual(environments);
    for (const secret of [ENV_SECRET, COLLECTION_SECRET, FOLDER_SECRET]) expect(disk()).not.toContain(secret);
    expect(open(cipher).getCollection(collection.id)).toEqual(collection);
  });

  it('that cannot be decrypted show empty, are kept through saves, and open again with the right cipher', () => {
    const cipher = createProcessCipher();
    open(cipher).saveEnvironments(environments);
    const stored = disk();

    const other = open(createProcessCipher());
    const shown = other.load().environments[0]!.variables;
    expect(shown.find((v) => v.id === 'e1')).toEqual(variable('e1', 'password', ''));
    expect(other.secretsStatus()).toEqual({ secretsProtection: 'process key (tests only)', secretsUnreadable: 1 });
    // The renderer saves what it was shown (the value empty): the sealed value must survive that.
    other.saveEnvironments([{ ...environments[0]!, name: 'production', variables: shown }]);
    expect(disk()).not.toBe(stored);

    const back = open(cipher).load().environments;
    expect(back[0]!.name).toBe('production');
    expect(back[0]!.variables.find((v) => v.id === 'e1')!.value).toBe(ENV_SECRET);
  });

  it('that cannot be decrypted are dropped when the user types a new value or deletes the variable', () => {
    const cipher = createProcessCipher();
    open(cipher).saveEnvironments(environments);
    const other = open(createProcessCipher());
    other.saveEnvironments([{ ...environments[0]!, variables: [variable('e1', 'password', 'typedAgain')] }]);
    expect(other.secretsStatus().secretsUnreadable).toBeUndefined();
    const again = open(createProcessCipher());
    again.saveEnvironments([{ ...environments[0]!, variables: [] }]);
    expect(again.secretsStatus().secretsUnreadable).toBeUndefined();
    expect(open(cipher).load().environments[0]!.variables).toEqual([]);
  });
});

describe('a cipher that fails to encrypt', () => {
  it('refuses the save rather than write the value as typed', () => {
    const broken: Cipher = { ...createProcessCipher(), encrypt: () => { throw new Error('keychain locked'); } };
    const store = open(broken);
    expect(() => store.saveEnvironments(environments)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(existsSync(confStoreFile(dir)) ? readFileSync(confStoreFile(dir), 'utf8') : '').not.toContain(ENV_SECRET);
  });
});
