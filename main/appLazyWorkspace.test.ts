// The lazy workspace (issue 12): workspace:load sends the tree with request summaries, requests:get answers a
// request's whole document, and the sidebar's edits of the light tree (rename, duplicate, move, delete and undo)
// keep every document, because collections:save puts back the documents the summaries stand for.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { duplicateItem, moveItem, removeItem, renameItem, restoreItem } from '../src/collectionTree';
import type { Result } from '../src/errors';
import { collectionSchema, type CollectionSummary, type RequestDoc, type TreeItem, type Workspace } from '../src/models/workspace';
import { openTestApp } from './testing/testApp';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-lazy-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const orders = () =>
  collectionSchema.parse({
    id: 'c1',
    name: 'Orders',
    auth: { type: 'profile', profile: 'deploy' },
    variables: [{ id: 'v1', key: 'base', value: 'https://api.example.com' }],
    items: [
      {
        kind: 'folder',
        id: 'f1',
        name: 'Admin',
        auth: { type: 'inherit' },
        variables: [{ id: 'v2', key: 'tenant', value: 'blue' }],
        items: [
          {
            kind: 'request',
            id: 'r1',
            name: 'Create order',
            method: 'POST',
            url: '{{base}}/orders',
            headers: [{ id: 'h1', key: 'content-type', value: 'application/json' }],
            body: { mode: 'raw', language: 'json', text: '{"item":"{{tenant}}"}' },
            auth: { type: 'assumeRole', base: { kind: 'profile', profile: 'deploy' }, roleArn: 'arn:aws:iam::123456789012:role/orders' },
            checks: [{ id: 'k1', kind: 'status', expect: '201' }],
          },
        ],
      },
      { kind: 'request', id: 'r2', name: 'List orders', method: 'GET', url: '{{base}}/orders' },
    ],
  });
const archive = () => collectionSchema.parse({ id: 'c2', name: 'Archive', items: [] });

async function call<T>(app: ReturnType<typeof openTestApp>, channel: Parameters<typeof app.registry.invoke>[0], input: unknown): Promise<T> {
  const result = (await app.registry.invoke(channel, input as never)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}
const tree = async (app: ReturnType<typeof openTestApp>) => (await call<Workspace>(app, 'workspace:load', {})).collections;
const get = (app: ReturnType<typeof openTestApp>, collectionId: string, requestId: string) => call<RequestDoc>(app, 'requests:get', { collectionId, requestId });
const requestsOf = (items: TreeItem[]): TreeItem[] => items.flatMap((i) => (i.kind === 'folder' ? requestsOf(i.items) : [i]));

describe('the lazy workspace', () => {
  it('loads a light tree, and a request opened after load has its full body, auth and the variables around it', async () => {
    const app = openTestApp(dir);
    await call(app, 'collections:save', { collection: orders() });
    const reopened = openTestApp(dir);
    const [c] = await tree(reopened);

    // The tree: names, methods, URLs, folders' and the collection's settings; no request document.
    expect(requestsOf(c!.items).map((r) => Object.keys(r).sort())).toEqual([
      ['id', 'kind', 'method', 'name', 'storedId', 'url'],
      ['id', 'kind', 'method', 'name', 'storedId', 'url'],
    ]);
    expect(JSON.stringify(c)).not.toContain('{"item"');
    expect(c!.variables.map((v) => v.key)).toEqual(['base']);
    const folder = c!.items[0]!;
    expect(folder.kind === 'folder' && folder.variables.map((v) => v.key)).toEqual(['tenant']);

    const doc = await get(reopened, 'c1', 'r1');
    expect(doc.body).toEqual({ mode: 'raw', language: 'json', text: '{"item":"{{tenant}}"}' });
    expect(doc.auth).toMatchObject({ type: 'assumeRole', roleArn: 'arn:aws:iam::123456789012:role/orders' });
    expect(doc.headers.map((h) => h.key)).toEqual(['content-type']);
    expect(doc.checks).toHaveLength(1);
    expect(doc).not.toHaveProperty('kind');

    const missing = await reopened.registry.invoke('requests:get', { collectionId: 'c1', requestId: 'nope' });
    expect(missing.ok ? '' : missing.error.code).toBe('INVALID_INPUT');
  });

  it('keeps every document through rename, duplicate, move across collections, delete and undo of the light tree', async () => {
    const app = openTestApp(dir);
    await call(app, 'collections:save', { collection: orders() });
    await call(app, 'collections:save', { collection: archive() });
    let [c1, c2] = await tree(app);

    await call(app, 'collections:save', { collection: renameItem(c1!, 'r1', 'Place order') });
    expect(await get(app, 'c1', 'r1')).toMatchObject({ name: 'Place order', body: { mode: 'raw' } });

    [c1] = await tree(app);
    const { collection: withCopy, copy } = duplicateItem(c1!, 'f1', () => `n${Math.random().toString(36).slice(2, 10)}`);
    await call(app, 'collections:save', { collection: withCopy });
    const copied = copy.kind === 'folder' ? copy.items[0]! : copy;
    expect(copied.id).not.toBe('r1');
    expect(await get(app, 'c1', copied.id)).toMatchObject({ name: 'Place order', body: { text: '{"item":"{{tenant}}"}' } });

    // A move saves the source without the request first; the target's summary still finds its document.
    [c1, c2] = await tree(app);
    const moved = moveItem([c1!, c2!], { collectionId: 'c1', itemId: 'r2' }, { collectionId: 'c2', parentId: undefined })!;
    for (const changed of moved.changed) await call(app, 'collections:save', { collection: changed });
    expect((await get(app, 'c2', 'r2')).url).toBe('{{base}}/orders');

    // Deleting a request, then undoing it, brings its document back; so does undoing a deleted collection.
    [c1] = await tree(app);
    const { collection: without, removed } = removeItem(c1!, 'f1');
    await call(app, 'collections:save', { collection: without });
    await call(app, 'collections:save', { collection: restoreItem(without, removed) });
    expect((await get(app, 'c1', 'r1')).auth.type).toBe('assumeRole');
    const [whole] = await tree(app);
    await call(app, 'collections:delete', { id: 'c1' });
    await call(app, 'collections:save', { collection: whole });
    expect((await get(app, 'c1', 'r1')).body).toMatchObject({ mode: 'raw' });

    // And all of it survives a restart, read from disk.
    expect((await get(openTestApp(dir), 'c1', 'r1')).headers.map((h) => h.key)).toEqual(['content-type']);
  });

  it('refuses a summary whose document is saved nowhere, and changes nothing', async () => {
    const app = openTestApp(dir);
    await call(app, 'collections:save', { collection: orders() });
    const [c1] = await tree(app);
    const ghost: CollectionSummary = { ...c1!, items: [...c1!.items, { kind: 'request', id: 'r9', name: 'Ghost', method: 'GET', url: 'x', storedId: 'r9' }] };
    const refused = await app.registry.invoke('collections:save', { collection: ghost });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('Ghost');
    expect(requestsOf((await tree(app))[0]!.items).map((r) => r.id)).toEqual(['r1', 'r2']);
  });
});
