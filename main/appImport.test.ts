// import:preview → import:commit through the handler registry, on a real workspace store in a temporary folder:
// what is saved, where the keys a file held go (the encrypted vault, never an IPC answer), and how bad input ends.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/errors';
import type { ImportCommitResult, ImportPreview } from '../src/models/importing';
import type { RequestDoc, Workspace } from '../src/models/workspace';
import { confStoreFile } from './services/confStore';
import { createProcessCipher } from './testing/processCipher';
import { openTestApp } from './testing/testApp';
import type { Cipher } from './services/keyVault';

const ACCESS = 'AKIAIMPORTEXAMPLE001';
const SECRET = 'importSecretKeyNeverAcrossIpc/0001xyz';
const TOKEN = 'importSessionTokenNeverAcrossIpc+0001xyz';

/** A Postman v2.1 collection whose collection-level awsv4 holds literal keys; one folder inherits, one says noauth. */
const POSTMAN = JSON.stringify({
  info: { name: 'Orders API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  auth: { type: 'awsv4', awsv4: [{ key: 'accessKey', value: ACCESS }, { key: 'secretKey', value: SECRET }, { key: 'sessionToken', value: TOKEN }, { key: 'region', value: 'eu-west-1' }, { key: 'service', value: 'execute-api' }] },
  item: [
    { name: 'orders', item: [{ name: 'List', request: { method: 'GET', url: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/orders' } }] },
    { name: 'Health', request: { method: 'GET', url: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/health', auth: { type: 'noauth' } } },
  ],
});

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function start(opts: { cipher?: Cipher; chooseOpenPath?: () => Promise<string | undefined> } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-import-'));
  dirs.push(dir);
  const app = openTestApp(dir, {
    ...(opts.cipher ? { cipher: opts.cipher } : {}),
    ...(opts.chooseOpenPath ? { chooseOpenPath: opts.chooseOpenPath } : {}),
  });
  /** Every answer main gave, to scan for secrets. */
  const answers: string[] = [];
  const call = async (channel: string, request: unknown): Promise<Result<unknown>> => {
    const result = await app.registry.invoke(channel, request);
    answers.push(JSON.stringify(result));
    return result;
  };
  const ok = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${result.error.detail ?? ''}`);
    return result.value as T;
  };
  return { app, dir, call, ok, answers };
}

const preview = (text: string, fileName?: string) => ({ source: { kind: 'text', text, ...(fileName ? { fileName } : {}) } });

describe('import:preview and import:commit', () => {
  it('previews a Postman collection, stores its keys encrypted and switches the items that used them', async () => {
    const { ok, answers, dir, app } = await start({ cipher: createProcessCipher() });
    const shown = await ok<ImportPreview & { cancelled: false }>('import:preview', preview(POSTMAN, '../../Orders.postman_collection.json'));
    expect(shown).toMatchObject({
      cancelled: false,
      format: 'postman-collection',
      formatLabel: 'Postman Collection v2.1',
      fileName: 'Orders.postman_collection.json',
      collection: { name: 'Orders API', folders: 1, requests: 2 },
      keysStorable: true,
      offeredKeys: [{ index: 0, name: 'Orders API', accessKeyId: ACCESS, hasSessionToken: true, usedBy: 1 }],
    });
    expect(shown.report.mapped.join('\n')).toMatch(/2 requests in 1 folder/);
    expect(shown.report.warnings.join('\n')).toMatch(/key store/);

    // Nothing is saved by a preview.
    expect((await ok<Workspace>('workspace:load', {})).collections).toEqual([]);

    const done = await ok<ImportCommitResult>('import:commit', { previewId: shown.previewId, keys: [{ offerIndex: 0, name: 'orders-ci' }] });
    expect(done.keyProblems).toEqual([]);
    expect(done.storedKeys).toEqual([expect.objectContaining({ name: 'orders-ci', accessKeyId: ACCESS, hasSessionToken: true })]);
    expect(done.collection?.auth).toEqual({ type: 'storedKeys', name: 'orders-ci' });

    const loaded = await ok<Workspace>('workspace:load', {});
    expect(loaded.collections).toHaveLength(1);
    const saved = loaded.collections[0]!;
    expect(saved.auth).toEqual({ type: 'storedKeys', name: 'orders-ci' });
    // The tree carries folders' settings; a request's own auth comes with its document (requests:get).
    const [orders, health] = saved.items;
    expect([orders?.name, orders?.kind === 'folder' && orders.auth.type]).toEqual(['orders', 'inherit']);
    const healthDoc = await ok<RequestDoc>('requests:get', { collectionId: saved.id, requestId: health!.id });
    expect([healthDoc.name, healthDoc.auth.type]).toEqual(['Health', 'none']);
    expect(loaded.storedKeys.map((k) => k.name)).toEqual(['orders-ci']);
    // The keys are usable: the engine reads them back from the vault.
    const resolved = await app.engine.credentials.resolve({ kind: 'storedKeys', name: 'orders-ci' });
    expect(resolved.credentials).toMatchObject({ accessKeyId: ACCESS, secretAccessKey: SECRET, sessionToken: TOKEN });

    // The same preview cannot be committed twice.
    const again = await app.registry.invoke('import:commit', { previewId: shown.previewId });
    expect(again.ok ? '' : again.error.message).toMatch(/expired or was already imported/);

    for (const answer of answers) {
      expect(answer).not.toContain(SECRET);
      expect(answer).not.toContain(TOKEN);
    }
    const disk = await readFile(confStoreFile(dir), 'utf8');
    expect(disk).not.toContain(SECRET);
    expect(disk).not.toContain(TOKEN);
  });

  it('without encryption says keys cannot be stored and leaves "choose a profile"', async () => {
    const { ok, answers } = await start();
    const shown = await ok<ImportPreview>('import:preview', preview(POSTMAN));
    expect(shown.keysStorable).toBe(false);
    const done = await ok<ImportCommitResult>('import:commit', { previewId: shown.previewId, keys: [{ offerIndex: 0, name: 'orders-ci' }] });
    expect(done.storedKeys).toEqual([]);
    expect(done.keyProblems.join('\n')).toMatch(/cannot encrypt keys/);
    expect(done.collection?.auth).toEqual({ type: 'profile', profile: '' });
    expect((await ok<Workspace>('workspace:load', {})).collections).toHaveLength(1);
    for (const answer of answers) expect(answer).not.toContain(SECRET);
  });

  it('imports without storing keys when none are chosen, and refuses a name already used', async () => {
    const { ok, call } = await start({ cipher: createProcessCipher() });
    await ok('keys:save', { name: 'taken', accessKeyId: 'AKIAEXISTINGEXAMPLE1', secretAccessKey: 'existingSecretKeyExample/0001' });
    const shown = await ok<ImportPreview>('import:preview', preview(POSTMAN));
    const clash = await call('import:commit', { previewId: shown.previewId, keys: [{ offerIndex: 0, name: 'taken' }] });
    expect(clash.ok ? '' : clash.error.message).toMatch(/"taken" exist already/);
    const bad = await call('import:commit', { previewId: shown.previewId, keys: [{ offerIndex: 3, name: 'x' }] });
    expect(bad.ok ? '' : bad.error.code).toBe('INVALID_INPUT');
    // A refused commit keeps the preview: the user can pick another name.
    const done = await ok<ImportCommitResult>('import:commit', { previewId: shown.previewId });
    expect(done.storedKeys).toEqual([]);
    expect(done.collection?.auth).toEqual({ type: 'profile', profile: '' });
    expect((await ok<Workspace>('workspace:load', {})).storedKeys.map((k) => k.name)).toEqual(['taken']);
  });

  it('adds an imported environment to the ones there are, its secret values empty', async () => {
    const { ok } = await start({ cipher: createProcessCipher() });
    await ok('environments:save', { environments: [{ id: 'e1', name: 'prod', variables: [] }], activeEnvironmentId: 'e1' });
    const env = JSON.stringify({ name: 'stag', values: [{ key: 'host', value: 'stag.example.com', enabled: true }, { key: 'apiSecret', value: SECRET, type: 'secret' }] });
    const shown = await ok<ImportPreview>('import:preview', preview(env));
    expect(shown).toMatchObject({ format: 'postman-environment', environment: { name: 'stag', variables: 2 } });
    expect(shown.collection).toBeUndefined();
    await ok('import:commit', { previewId: shown.previewId });
    const loaded = await ok<Workspace>('workspace:load', {});
    expect(loaded.environments.map((e) => e.name)).toEqual(['prod', 'stag']);
    expect(loaded.activeEnvironmentId).toBe('e1');
    expect(JSON.stringify(loaded)).not.toContain(SECRET);
  });

  it('reads a file picked in main\'s open dialog, and a cancelled dialog imports nothing', async () => {
    const dialog: { picked?: string } = {};
    const { ok, dir } = await start({ chooseOpenPath: async () => dialog.picked });
    expect(await ok('import:preview', { source: { kind: 'dialog' } })).toEqual({ cancelled: true });
    dialog.picked = join(dir, 'command.txt');
    await writeFile(dialog.picked, "curl 'https://example.com/items?id=1' \\\n  -H 'Accept: application/json'\n");
    const shown = await ok<ImportPreview>('import:preview', { source: { kind: 'dialog' } });
    expect(shown).toMatchObject({ format: 'curl', fileName: 'command.txt', collection: { requests: 1, folders: 0 } });
    const done = await ok<ImportCommitResult>('import:commit', { previewId: shown.previewId });
    expect(done.collection?.items[0]).toMatchObject({ method: 'GET', url: 'https://example.com/items?id=1', headers: [{ key: 'Accept', value: 'application/json' }] });
  });

  it('ends bad input with a clear error and saves nothing: garbage, oversized, OpenAPI, a directory, a discarded preview', async () => {
    const { ok, call, dir } = await start({ chooseOpenPath: async () => dir });
    const message = async (request: unknown, channel = 'import:preview') => {
      const result = await call(channel, request);
      return result.ok ? 'ok' : result.error.message;
    };
    expect(await message(preview('\u0000\u0001 binary junk'))).toMatch(/cannot tell what this is/);
    expect(await message(preview('x'.repeat(20 * 1024 * 1024 + 1)))).toMatch(/The text of the source must be at most 20971520 characters/);
    expect(await message(preview('{"openapi":"3.0.0","paths":{}}'))).toMatch(/OpenAPI document has no operations/);
    expect(await message({ source: { kind: 'dialog' } })).toMatch(/not a regular file/);
    expect(await message({ source: { kind: 'path', path: '/etc/passwd' } })).toMatch(/The kind of the source must be one of: dialog, text/);
    const shown = await ok<ImportPreview>('import:preview', preview(POSTMAN));
    expect(await ok('import:discard', { previewId: shown.previewId })).toEqual({ discarded: true });
    expect(await message({ previewId: shown.previewId }, 'import:commit')).toMatch(/expired/);
    expect((await ok<Workspace>('workspace:load', {})).collections).toEqual([]);
  });
});
