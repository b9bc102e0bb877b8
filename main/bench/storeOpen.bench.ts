// Opening a 50,000-request workspace in main, as `rolecall ui` and the desktop app do before the first
// workspace:load can be answered: the conf store with a file per collection (electron-store is conf's engine),
// read, checked and recovered by createWorkspaceStore. The baseline, measured in the same run and interleaved, is
// the least any open must do: read the same files and JSON.parse them. A reference figure, not a goal: issue 12's
// goal is the tree painted after navigation (uiCollection.bench.ts), and this time comes before it at start.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { confCollectionsDir, confStoreFile, openConfStore } from '../services/confStore';
import { createWorkspaceStore } from '../services/workspaceStore';
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
    return [
      { name: `${count} requests: store opened in main (median of ${OPENS})`, value: open, unit: 'ms', goal: 'reference', pass: true },
      { name: '  baseline: read and JSON.parse the same files', value: parse, unit: 'ms', goal: 'reference', pass: true },
      { name: '  store open / baseline', value: open / parse, unit: '×', goal: 'reference', pass: true },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
