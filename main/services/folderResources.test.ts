// A request's saved examples (Postman's `.resources/<request>.resources/examples/*.example.yaml`) go with it when
// its deletion is confirmed, and come back with the undo that writes the request again; the same for a folder and a
// whole collection; a request moved into another folder takes them along. Through the folder service, as the app's
// save and delete channels call it.
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/models/workspace';
import { createCollectionFolders } from './collectionFolders';
import { createMemoryBackend } from './workspaceStore';

const C = 'collections/Shop';
const files: Record<string, string> = {
  [`${C}/.resources/definition.yaml`]: '$kind: collection\nname: Shop\n',
  [`${C}/get-order.request.yaml`]: "$kind: http-request\nname: Get order\norder: 1000\nurl: 'https://example.com/orders/1'\nmethod: GET\n",
  [`${C}/list.request.yaml`]: "$kind: http-request\nname: List\norder: 2000\nurl: 'https://example.com/orders'\nmethod: GET\n",
  [`${C}/.resources/get-order.resources/examples/found.example.yaml`]: '$kind: http-example\nname: Found\nresponse:\n  statusCode: 200\n',
  [`${C}/.resources/get-order.resources/examples/missing.example.yaml`]: '$kind: http-example\nname: Missing\nresponse:\n  statusCode: 404\n',
  [`${C}/.resources/list.resources/examples/empty.example.yaml`]: '$kind: http-example\nname: Empty\nresponse:\n  statusCode: 200\n',
  [`${C}/Admin/.resources/definition.yaml`]: '$kind: collection\nname: Admin\norder: 3000\n',
  [`${C}/Admin/purge.request.yaml`]: "$kind: http-request\nname: Purge\norder: 1000\nurl: 'https://example.com/purge'\nmethod: DELETE\n",
  [`${C}/Admin/.resources/purge.resources/examples/done.example.yaml`]: '$kind: http-example\nname: Done\nresponse:\n  statusCode: 204\n',
};

async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string, rel: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), childRel);
      else out[childRel] = await readFile(path.join(dir, entry.name), 'utf8');
    }
  }
  await walk(root, '');
  return out;
}

let dir: string;
let root: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-resources-'));
  root = path.join(dir, 'api');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function opened() {
  const service = createCollectionFolders({ backend: createMemoryBackend(), onChanged: () => undefined, watch: false });
  await service.open(root);
  const id = service.load().collections[0]!.id;
  return { service, collection: service.getCollection(id)! };
}
const without = (c: Collection, name: string): Collection => ({ ...c, items: c.items.filter((i) => i.name !== name) });
const examplesOf = (snap: Record<string, string>) => Object.keys(snap).filter((p) => p.endsWith('.example.yaml')).sort();
/**
 * The example files as they were, each beside its request: undo writes a restored request file RoleCall's way, named
 * after the request (`renamed`: old stem -> new stem), and its examples move with it, text unchanged.
 */
function examplesAfterUndo(renamed: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, text] of Object.entries(files)) {
    if (!p.endsWith('.example.yaml')) continue;
    const stem = /\/\.resources\/([^/]+)\.resources\//.exec(p)![1]!;
    out[p.replace(`/.resources/${stem}.resources/`, `/.resources/${renamed[stem] ?? stem}.resources/`)] = text;
  }
  return out;
}
const examples = (snap: Record<string, string>) => Object.fromEntries(Object.entries(snap).filter(([p]) => p.endsWith('.example.yaml')));

describe("a request's example files", () => {
  it('go with the request when its deletion is confirmed, and come back byte for byte with undo', async () => {
    const { service, collection } = await opened();
    await service.saveCollection(without(collection, 'Get order'), { confirmDeleteFiles: true });
    const after = await snapshot(root);
    expect(Object.keys(after)).not.toContain(`${C}/get-order.request.yaml`);
    expect(examplesOf(after)).toEqual([`${C}/.resources/list.resources/examples/empty.example.yaml`, `${C}/Admin/.resources/purge.resources/examples/done.example.yaml`]);
    // No empty example folder is left behind.
    await expect(readdir(path.join(root, C, '.resources'))).resolves.toEqual(['definition.yaml', 'list.resources']);

    await service.saveCollection(collection);
    const undone = await snapshot(root);
    expect(Object.keys(undone)).toContain(`${C}/Get order.request.yaml`);
    expect(examples(undone)).toEqual(examplesAfterUndo({ 'get-order': 'Get order' }));
  });

  it('stay when the deletion is not confirmed (the request file stays too)', async () => {
    const { service, collection } = await opened();
    const result = await service.saveCollection(without(collection, 'Get order'));
    expect(result.keptFiles).toEqual([`${C}/get-order.request.yaml`]);
    expect(await snapshot(root)).toEqual(files);
  });

  it("go with a deleted folder's requests, and come back with undo", async () => {
    const { service, collection } = await opened();
    await service.saveCollection(without(collection, 'Admin'), { confirmDeleteFiles: true });
    expect(Object.keys(await snapshot(root)).filter((p) => p.startsWith(`${C}/Admin/`))).toEqual([]);
    await service.saveCollection(collection);
    const undone = await snapshot(root);
    expect(Object.keys(undone)).toContain(`${C}/Admin/Purge.request.yaml`);
    expect(examples(undone)).toEqual(examplesAfterUndo({ purge: 'Purge' }));
  });

  it('move with a request moved into another folder (a rename keeps the file, so they stay)', async () => {
    const { service, collection } = await opened();
    const get = collection.items.find((i) => i.name === 'Get order')!;
    const moved: Collection = {
      ...collection,
      items: collection.items.filter((i) => i !== get).map((i) => (i.kind === 'folder' ? { ...i, name: 'Ops', items: [...i.items, { ...get, name: 'Fetch order' }] } : i)),
    };
    await service.saveCollection(moved);
    const after = await snapshot(root);
    // A request written into a folder is named after it.
    expect(Object.keys(after)).toContain(`${C}/Admin/Fetch order.request.yaml`);
    const stem = 'Fetch order';
    expect(examples(after)).toEqual({
      [`${C}/Admin/.resources/${stem}.resources/examples/found.example.yaml`]: files[`${C}/.resources/get-order.resources/examples/found.example.yaml`],
      [`${C}/Admin/.resources/${stem}.resources/examples/missing.example.yaml`]: files[`${C}/.resources/get-order.resources/examples/missing.example.yaml`],
      [`${C}/.resources/list.resources/examples/empty.example.yaml`]: files[`${C}/.resources/list.resources/examples/empty.example.yaml`],
      [`${C}/Admin/.resources/purge.resources/examples/done.example.yaml`]: files[`${C}/Admin/.resources/purge.resources/examples/done.example.yaml`],
    });
    expect(Object.keys(after).filter((p) => p.startsWith(`${C}/get-order`) || p.startsWith(`${C}/.resources/get-order`))).toEqual([]);
  });

  it('go with a deleted collection, and come back with undo', async () => {
    const { service, collection } = await opened();
    expect(await service.deleteCollection(collection.id, { confirmDeleteFiles: true })).toBe(true);
    expect(await snapshot(root)).toEqual({});
    await service.saveCollection(collection);
    expect(examples(await snapshot(root))).toEqual(examplesAfterUndo({ 'get-order': 'Get order', list: 'List', purge: 'Purge' }));
  });
});
