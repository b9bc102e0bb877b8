// A save to a collection's own file writes only what it changed (a journal line), and what the journal holds comes
// back at the next open exactly as a whole-file save would have written it; a journal damaged by a crash or by hand
// loses nothing that can be read, and says what it skipped.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionSchema, type Collection, type FolderNode, type ItemNode, type RequestNode } from '../../src/models/workspace';
import { fuzzSeed, Rng } from '../fuzz/random';
import { createProcessCipher } from '../testing/processCipher';
import type { Cipher } from './keyVault';
import { journalFile } from './collectionJournal';
import { confCollectionsDir, openConfStore } from './confStore';
import { collectionFileName, createMemoryBackend, createWorkspaceStore } from './workspaceStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (cipher?: Cipher) => {
  const { backend, recovered, collectionFiles } = openConfStore(dir);
  return createWorkspaceStore(backend, { collectionFiles, ...(recovered ? { recovered } : {}), ...(cipher ? { cipher } : {}) });
};
const baseFile = (id: string) => path.join(confCollectionsDir(dir), `${collectionFileName(id)}.json`);
const journal = (id: string) => journalFile(baseFile(id));

const template = collectionSchema.parse({ id: 'x', name: 'x', items: [{ kind: 'request', id: 'x', name: 'x', method: 'GET', url: 'x' }] }).items[0] as RequestNode;
const request = (id: string, name = `Request ${id}`): RequestNode => ({ ...structuredClone(template), id, name, url: `https://api.example.com/${id}` });

function collection(id: string, folders: number, perFolder: number): Collection {
  return collectionSchema.parse({
    id,
    name: `Collection ${id}`,
    items: Array.from({ length: folders }, (_, f) => ({
      kind: 'folder',
      id: `f${f}`,
      name: `Folder ${f}`,
      items: Array.from({ length: perFolder }, (_, r) => request(`r${f}-${r}`)),
    })),
  });
}

const folderAt = (c: Collection, i: number) => c.items[i] as FolderNode;
const withUrl = (c: Collection, f: number, r: number, url: string): Collection => ({
  ...c,
  items: c.items.map((item, i) => (i === f && item.kind === 'folder' ? { ...item, items: item.items.map((n, j) => (j === r && n.kind === 'request' ? { ...n, url } : n)) } : item)),
});

describe('a collection file with a journal', () => {
  it('writes one line with only the changed request, leaves the file as it was, and reads it back at the next open', () => {
    const store = open();
    store.saveCollection(collection('big', 10, 500));
    const before = fs.readFileSync(baseFile('big'));
    const edited = withUrl(store.getCollection('big')!, 3, 7, 'https://api.example.com/edited');
    store.saveCollection(edited);
    expect(fs.readFileSync(baseFile('big')).equals(before)).toBe(true);
    const lines = fs.readFileSync(journal('big'), 'utf8').split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual({ requests: [folderAt(edited, 3).items[7]] });
    expect(Buffer.byteLength(lines[0]!)).toBeLessThan(400);
    // Renaming and moving: the request, then the two folders' children (ids only), never the other documents.
    const moved = store.getCollection('big')!;
    const [taken] = folderAt(moved, 0).items.splice(2, 1);
    folderAt(moved, 1).items.unshift({ ...(taken as RequestNode), name: 'Moved' });
    store.saveCollection(moved);
    const line = JSON.parse(fs.readFileSync(journal('big'), 'utf8').split('\n')[1]!) as { requests: unknown[]; folders: Array<{ id: string }> };
    expect(line.requests).toHaveLength(1);
    expect(line.folders.map((f) => f.id)).toEqual(['f0', 'f1']);
    expect(open().getCollection('big')).toEqual(moved);
  });

  it('skips a last line cut short by a crash, with a notice, and keeps every change before it', () => {
    const store = open();
    store.saveCollection(collection('c', 2, 3));
    store.saveCollection(withUrl(store.getCollection('c')!, 0, 0, 'https://one'));
    const kept = withUrl(store.getCollection('c')!, 1, 2, 'https://two');
    store.saveCollection(kept);
    store.saveCollection(withUrl(kept, 0, 1, 'https://three'));
    const text = fs.readFileSync(journal('c'), 'utf8');
    fs.writeFileSync(journal('c'), text.slice(0, text.length - 20));
    const reopened = open();
    expect(reopened.getCollection('c')).toEqual(kept);
    const notice = reopened.load().notices.find((n) => n.message.includes('cut short'));
    expect(notice?.message).toContain('collection c');
    // The journal as it was is kept aside; the result is folded into the file, so the next append starts clean.
    expect(fs.readFileSync(notice!.file!, 'utf8')).toBe(text.slice(0, text.length - 20));
    expect(fs.existsSync(journal('c'))).toBe(false);
    reopened.saveCollection(withUrl(kept, 0, 2, 'https://four'));
    expect(open().getCollection('c')).toEqual(withUrl(kept, 0, 2, 'https://four'));
  });

  it('names a damaged request, skips only it, and keeps the changes after it', () => {
    const store = open();
    store.saveCollection(collection('c', 2, 3));
    store.saveCollection(withUrl(store.getCollection('c')!, 0, 0, 'https://one'));
    store.saveCollection(withUrl(store.getCollection('c')!, 1, 1, 'https://two'));
    const last = withUrl(store.getCollection('c')!, 0, 2, 'https://three');
    store.saveCollection(last);
    const lines = fs.readFileSync(journal('c'), 'utf8').split('\n');
    const damaged = JSON.parse(lines[1]!) as { requests: Array<Record<string, unknown>> };
    damaged.requests[0]!.method = 42;
    const text = [lines[0], JSON.stringify(damaged), lines[2], ''].join('\n');
    fs.writeFileSync(journal('c'), text);
    const reopened = open();
    // The change to r1-1 is skipped (it keeps its saved URL); the ones before and after it are kept.
    expect(reopened.getCollection('c')).toEqual(withUrl(last, 1, 1, 'https://api.example.com/r1-1'));
    const notice = reopened.load().notices.find((n) => n.message.includes('could not be read'));
    expect(notice?.message).toContain('request “Request r1-1” (id "r1-1") in change 2');
    expect(fs.readFileSync(notice!.file!, 'utf8')).toBe(text);
    // A line that is not JSON at all is skipped by its place.
    const again = open();
    again.saveCollection(withUrl(again.getCollection('c')!, 1, 0, 'https://five'));
    fs.appendFileSync(journal('c'), '{"requests": [nonsense\n');
    again.saveCollection(withUrl(again.getCollection('c')!, 1, 2, 'https://six'));
    const third = open();
    expect(third.getCollection('c')).toEqual(withUrl(withUrl(again.getCollection('c')!, 1, 0, 'https://five'), 1, 2, 'https://six'));
    expect(third.load().notices.some((n) => n.message.includes('change 2, which is not JSON'))).toBe(true);
  });

  it('replays idempotently after a crash between writing the file and removing the journal', () => {
    const store = open();
    store.saveCollection(collection('c', 3, 4));
    const edits = [withUrl(store.getCollection('c')!, 0, 0, 'https://a')];
    const moved = structuredClone(edits[0]!);
    folderAt(moved, 2).items.push(...folderAt(moved, 0).items.splice(0, 2));
    edits.push(moved, { ...moved, name: 'Renamed' });
    for (const c of edits) store.saveCollection(c);
    const oldJournal = fs.readFileSync(journal('c'));
    // Compaction: the file written whole (here by the next open after a damaged line), then the journal removed;
    // the crash is played by putting the old journal back.
    fs.appendFileSync(journal('c'), 'torn');
    expect(open().getCollection('c')).toEqual(edits[2]);
    expect(fs.existsSync(journal('c'))).toBe(false);
    fs.writeFileSync(journal('c'), oldJournal);
    const reopened = open();
    expect(reopened.getCollection('c')).toEqual(edits[2]);
    expect(reopened.load().notices.filter((n) => n.message.includes('changes to collection'))).toHaveLength(1);
  });

  it('folds the journal into the file once it passes its bound', () => {
    const store = open();
    store.saveCollection(collection('c', 2, 5));
    let c = store.getCollection('c')!;
    let folded = false;
    for (let i = 0; i < 400 && !folded; i++) {
      c = withUrl(c, i % 2, i % 5, `https://api.example.com/${'x'.repeat(400)}/${i}`);
      store.saveCollection(c);
      folded = !fs.existsSync(journal('c'));
    }
    expect(folded).toBe(true);
    expect((JSON.parse(fs.readFileSync(baseFile('c'), 'utf8')) as { collection: unknown }).collection).toEqual(c);
    expect(open().getCollection('c')).toEqual(c);
  });

  it('never writes a secret variable value: the journal holds it sealed, as the file does', () => {
    const cipher = createProcessCipher();
    const store = open(cipher);
    store.saveCollection(collection('c', 2, 2));
    const c = store.getCollection('c')!;
    const secret = { id: 'v1', key: 'token', value: 'hunter2-secret', enabled: true, secret: true };
    const next = { ...c, variables: [secret], items: [{ ...folderAt(c, 0), variables: [{ ...secret, id: 'v2', value: 'folder-secret' }] }, c.items[1]!] };
    store.saveCollection(next);
    const text = fs.readFileSync(journal('c'), 'utf8');
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('folder-secret');
    expect(text).toContain('"sealed"');
    expect(open(cipher).getCollection('c')).toEqual(next);
  });
});

describe('replaying a journal equals saving the file whole', () => {
  const seed = fuzzSeed();
  /** One random edit as the app makes them: edit, rename, add, delete, move requests; folders; the collection itself. */
  function edit(rng: Rng, c: Collection, n: number): Collection {
    const next = structuredClone(c);
    const folders: FolderNode[] = [];
    const walk = (items: ItemNode[]) => items.forEach((i) => i.kind === 'folder' && (folders.push(i), walk(i.items)));
    walk(next.items);
    const holder = (): { items: ItemNode[] } => (folders.length && rng.chance(0.8) ? rng.pick(folders) : next);
    const requestsOf = (h: { items: ItemNode[] }) => h.items.filter((i): i is RequestNode => i.kind === 'request');
    const h = holder();
    const reqs = requestsOf(h);
    const r = reqs.length ? rng.pick(reqs) : undefined;
    switch (rng.int(0, 9)) {
      case 0:
        if (r) r.url = `https://api.example.com/edit/${n}`;
        break;
      case 1:
        if (r) r.name = `Renamed ${n}`;
        break;
      case 2:
        h.items.splice(rng.int(0, h.items.length), 0, request(`new${n}`));
        break;
      case 3:
        if (r) h.items.splice(h.items.indexOf(r), 1);
        break;
      case 4:
        if (r) {
          h.items.splice(h.items.indexOf(r), 1);
          holder().items.push(r);
        }
        break;
      case 5:
        h.items.push({ kind: 'folder', id: `nf${n}`, name: `New folder ${n}`, auth: { type: 'inherit' }, variables: [], items: [request(`in${n}`)] });
        break;
      case 6:
        h.items.reverse();
        break;
      case 7:
        if (folders.length) rng.pick(folders).variables = [{ id: `v${n}`, key: 'k', value: `secret ${n}`, enabled: true, secret: true }];
        break;
      case 8:
        next.name = `Collection ${n}`;
        break;
      default:
        if (r) r.headers = [...r.headers, { id: `h${n}`, key: 'x-edit', value: String(n), enabled: true, secret: false }];
    }
    return next;
  }

  it(`gives the same collections for random edit sequences (seed ${seed})`, () => {
    const cipher = createProcessCipher();
    for (let run = 0; run < 25; run++) {
      const rng = new Rng(seed).fork(run);
      const runDir = path.join(dir, `run${run}`);
      const openRun = () => {
        const { backend, collectionFiles } = openConfStore(runDir);
        return createWorkspaceStore(backend, { collectionFiles, cipher });
      };
      // The other way: the whole collection written on every save (a key of a backend, as without collection files).
      const whole = createMemoryBackend();
      const openWhole = () => createWorkspaceStore(whole, { cipher });
      let journaled = openRun();
      let written = openWhole();
      let c = collection('c', rng.int(0, 3), rng.int(0, 4));
      journaled.saveCollection(c);
      written.saveCollection(c);
      for (let n = 0; n < 30; n++) {
        c = edit(rng, c, n);
        journaled.saveCollection(c);
        written.saveCollection(c);
        if (rng.chance(0.2)) {
          journaled = openRun();
          written = openWhole();
        }
        expect(journaled.getCollection('c'), `run ${run}, edit ${n}`).toEqual(written.getCollection('c'));
      }
      expect(openRun().getCollection('c'), `run ${run}`).toEqual(openWhole().getCollection('c'));
      expect(openRun().getCollection('c'), `run ${run}`).toEqual(c);
    }
  });
});
