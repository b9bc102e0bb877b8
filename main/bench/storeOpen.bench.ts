// Opening a 50,000-request workspace in main, as `rolecall ui` and the desktop app do before the first
// workspace:load can be answered: the conf store with a file per collection (electron-store is conf's engine),
// read, checked and recovered by createWorkspaceStore. The baseline, measured in the same run and interleaved, is
// the least any open must do: read the same files and JSON.parse them. A reference figure, not a goal: issue 12's
// goal is the tree painted after navigation (uiCollection.bench.ts), and this time comes before it at start.
// Also one request saved in that collection (collections:save as the sidebar sends it, every other request a
// summary): how long main's event loop is held and how many bytes are written, against writing the collection
// file whole as every save did before its journal (collectionJournal.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { CollectionSummary, FolderSummary, RequestDoc } from '../../src/models/workspace';
import { summarizeCollection } from '../../src/requestSummary';
import { journalFile } from '../services/collectionJournal';
import { confBackend, confCollectionsDir, confStoreFile, openConfStore } from '../services/confStore';
import { collectionFileName, createWorkspaceStore } from '../services/workspaceStore';
import { openTestApp } from '../testing/testApp';
import type { BenchRow } from './benchRow';
import { bigCollection } from './uiCollection.bench';

const REQUESTS = 50_000;
const OPENS = 7;

function openStore(dir: string): number {
  const started = performance.now();
  const { backend, recovered, collectionFiles } = openConfStore(dir);
  const store = createWorkspaceStore(backend, { collectionFiles, ...(recovered ? { recovered } : {}) });
  const took = performance.now() - started;
  if (store.load().collections.length !== 1) throw new Error('The bench store did not open its collection.');
  return took;
}

function parseFiles(files: string[]): number {
  const started = performance.now();
  let keys = 0;
  for (const file of files) keys += Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object).length;
  const took = performance.now() - started;
  if (keys === 0) throw new Error('The bench store files are empty.');
  return took;
}

export async function runStoreOpenBench(): Promise<BenchRow[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-storebench-'));
  try {
    const seeding = openConfStore(dir);
    createWorkspaceStore(seeding.backend, { collectionFiles: seeding.collectionFiles }).saveCollection(bigCollection(REQUESTS));
    const files = [confStoreFile(dir), ...readdirSync(confCollectionsDir(dir)).map((name) => path.join(confCollectionsDir(dir), name))];
    // One of each first, untimed: the first read of a file and the first run of the code cost more.
    openStore(dir);
    parseFiles(files);
    const opens: number[] = [];
    const parses: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      opens.push(openStore(dir));
      parses.push(parseFiles(files));
    }
    const open = median(opens);
    const parse = median(parses);
    const count = REQUESTS.toLocaleString('en');
    const save = await saveOneRequest(dir);
    return [
      { name: `${count} requests: store opened in main (median of ${OPENS})`, value: open, unit: 'ms', goal: 'reference', pass: true },
      { name: '  baseline: read and JSON.parse the same files', value: parse, unit: 'ms', goal: 'reference', pass: true },
      { name: '  store open / baseline', value: open / parse, unit: '×', goal: 'reference', pass: true },
      { name: `one request saved in the ${count}: main held (median of ${OPENS})`, value: save.held, unit: 'ms', goal: 'reference', pass: true },
      { name: '  bytes written', value: save.bytes, unit: 'B', goal: 'reference', pass: true },
      { name: '  baseline: the collection file written whole (before)', value: save.wholeMs, unit: 'ms', goal: 'reference', pass: true },
      { name: '  baseline: bytes written', value: save.wholeBytes, unit: 'B', goal: 'reference', pass: true },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Saves one edited request as the sidebar does; the baseline writes the same file whole through conf, interleaved. */
async function saveOneRequest(dir: string): Promise<{ held: number; bytes: number; wholeMs: number; wholeBytes: number }> {
  const app = openTestApp(dir, { folderWatch: false, awsFilesWatch: false });
  const file = path.join(confCollectionsDir(dir), `${collectionFileName('bench')}.json`);
  const journal = journalFile(file);
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  const loaded = await app.registry.invoke('workspace:load', {});
  if (!loaded.ok) throw new Error('The bench store did not load.');
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const whole = confBackend(confCollectionsDir(dir), `${collectionFileName('bench')}-whole`);
  const tree = summarizeCollection(bigCollection(REQUESTS)) as CollectionSummary;
  const helds: number[] = [];
  const wholes: number[] = [];
  let bytes = 0;
  const target = (tree.items[1] as FolderSummary).items[7]!.id;
  for (let i = 0; i <= OPENS; i++) {
    const got = await app.registry.invoke('requests:get', { collectionId: 'bench', requestId: target });
    if (!got.ok) throw new Error('The bench request is not saved.');
    const doc = got.value as RequestDoc;
    (tree.items[1] as FolderSummary).items[7] = { ...doc, kind: 'request', url: `${doc.url.split('&v=')[0]}&v=${i}` } as never;
    const before = size(journal);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const saved = await app.registry.invoke('collections:save', { collection: tree });
    await new Promise((resolve) => setTimeout(resolve, 5));
    delay.disable();
    if (!saved.ok) throw new Error(`The bench save failed: ${saved.error.message}`);
    const started = performance.now();
    whole.setAll?.(stored);
    const wholeMs = performance.now() - started;
    // The first of each is a warm-up, untimed.
    if (i === 0) continue;
    helds.push(delay.max / 1e6);
    wholes.push(wholeMs);
    bytes = size(journal) - before;
  }
  await app.dispose();
  return { held: median(helds), bytes, wholeMs: median(wholes), wholeBytes: size(whole.path) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
