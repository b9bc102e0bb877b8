// collections:save of one edited request, sent as the sidebar sends it (every other request a summary), writes
// one journal line with that request alone: the summaries resolve to the saved documents themselves and the
// credential guard leaves unmasked requests as they are, so the store sees them unchanged.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Result } from '../src/errors';
import { collectionSchema, type CollectionSummary, type FolderSummary, type RequestDoc } from '../src/models/workspace';
import { summarizeCollection } from '../src/requestSummary';
import { journalFile } from './services/collectionJournal';
import { confCollectionsDir } from './services/confStore';
import { collectionFileName } from './services/workspaceStore';
import { openTestApp } from './testing/testApp';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-app-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

it('saves one edited request of a big collection as one journal line holding only that request', async () => {
  const collection = collectionSchema.parse({
    id: 'big',
    name: 'Big',
    items: Array.from({ length: 4 }, (_, f) => ({
      kind: 'folder',
      id: `f${f}`,
      name: `Folder ${f}`,
      items: Array.from({ length: 250 }, (_, r) => ({ kind: 'request', id: `r${f}-${r}`, name: `Request ${r}`, method: 'GET', url: `https://api.example.com/${f}/${r}` })),
    })),
  });
  const app = openTestApp(dir);
  value(await app.registry.invoke('collections:save', { collection }));
  const tree = summarizeCollection(collection) as CollectionSummary;
  const doc = value<RequestDoc>(await app.registry.invoke('requests:get', { collectionId: 'big', requestId: 'r2-7' }));
  (tree.items[2] as FolderSummary).items[7] = { ...doc, kind: 'request', url: 'https://api.example.com/edited' } as never;
  value(await app.registry.invoke('collections:save', { collection: tree }));
  const journal = journalFile(path.join(confCollectionsDir(dir), `${collectionFileName('big')}.json`));
  const lines = fs.readFileSync(journal, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(1);
  expect((JSON.parse(lines[0]!) as { requests: Array<{ id: string; url: string }> }).requests.map((r) => [r.id, r.url])).toEqual([['r2-7', 'https://api.example.com/edited']]);
  expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(['requests']);
  const reopened = openTestApp(dir);
  expect(value<RequestDoc>(await reopened.registry.invoke('requests:get', { collectionId: 'big', requestId: 'r2-7' })).url).toBe('https://api.example.com/edited');
});
