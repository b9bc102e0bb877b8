// The sidebar with a 10,000-request collection, in Chromium driving the built renderer, with the page bound
// to the real handler registry (createApp over a conf store seeded through collections:save), exactly as the e2e
// harness does. Timings are taken inside the page (performance.now), not across the DevTools wire:
// - first paint: from workspace:load's answer reaching the page to the frame after the tree's rows are in the DOM
//   (the renderer's share, median of a few loads); the whole wait from navigation is printed beside it;
// - a filter keystroke: from keydown to the frame after the tree re-rendered (median and worst of a typed query).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright';
import type { Collection, FolderNode, RequestNode } from '../../src/models/workspace';
import { bundleBridge } from '../../e2e/harness/bridgeBundle';
import { chromiumLaunchOptions } from '../../e2e/harness/chromium';
import { serveDirectory } from '../../e2e/harness/staticServer';
import { repoRoot } from './repoRoot';
import { createApp } from '../app';
import { openConfStore } from '../services/confStore';
import type { BenchRow } from './benchRow';

const REQUESTS = 10_000;
const FOLDERS = 100;
const LOADS = 5;
const QUERIES = ['item-9876', 'orders-42/', 'zz-no-match'];
const FIRST_PAINT_GOAL_MS = 300;
const KEYSTROKE_GOAL_MS = 50;

export function bigCollection(requests = REQUESTS, folders = FOLDERS): Collection {
  const perFolder = Math.ceil(requests / folders);
  const items: FolderNode[] = [];
  for (let f = 0; f < folders; f++) {
    const children: RequestNode[] = [];
    for (let i = f * perFolder; i < Math.min(requests, (f + 1) * perFolder); i++) {
      children.push({
        kind: 'request',
        id: `r${i}`,
        name: `item-${i}`,
        method: i % 5 === 0 ? 'POST' : 'GET',
        url: `https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders-${f}/item-${i}?expand=true`,
        headers: [{ id: `h${i}`, key: 'accept', value: 'application/json', enabled: true, secret: false }],
        body: { mode: 'none' },
        auth: { type: 'inherit' },
        signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
        disabledParams: [],
      });
    }
    items.push({ kind: 'folder', id: `f${f}`, name: `orders-${f}`, auth: { type: 'inherit' }, variables: [], items: children });
  }
  return { id: 'bench', name: 'Bench 10k', auth: { type: 'profile', profile: 'default' }, variables: [], items };
}

declare global {
  interface Window {
    __bench?: { loaded?: number; rows?: number; longest: number; keys: number[] };
  }
}

/** Runs in the page before its scripts: marks when workspace:load answers, when rows appear, and each keystroke. */
function instrument(): void {
  const bench: NonNullable<Window['__bench']> = { longest: 0, keys: [] };
  window.__bench = bench;
  const afterFrame = (done: () => void) => requestAnimationFrame(() => setTimeout(done, 0));
  const invoke = window.__rolecallInvoke;
  if (typeof invoke === 'function') {
    window.__rolecallInvoke = async (channel, request) => {
      const result = await invoke(channel, request);
      if (channel === 'workspace:load' && bench.loaded === undefined) bench.loaded = performance.now();
      return result;
    };
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longest = Math.max(bench.longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (bench.rows !== undefined || document.querySelectorAll('[role="treeitem"]').length < 10) return;
    observer.disconnect();
    afterFrame(() => (bench.rows = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener(
    'keydown',
    (event) => {
      if (!(event.target instanceof HTMLInputElement) || event.target.getAttribute('aria-label') !== 'Filter collections') return;
      const at = performance.now();
      afterFrame(() => bench.keys.push(performance.now() - at));
    },
    true,
  );
}

export async function runCollectionUiBench(): Promise<BenchRow[]> {
  const root = repoRoot();
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run "npm run build:renderer" first.`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-uibench-'));
  const store = openConfStore(path.join(dir, 'store'));
  const app = createApp({
    host: 'browser-test',
    env: { HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' },
    store: store.backend,
    spoolDir: path.join(dir, 'spool'),
    emit: () => undefined,
  });
  const seeded = await app.registry.invoke('collections:save', { collection: bigCollection() });
  if (!seeded.ok) throw new Error(`Could not seed the store: ${seeded.error.message} ${seeded.error.detail ?? ''}`);

  const server = await serveDirectory(rendererDir);
  const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.exposeBinding('__rolecallInvoke', ({ frame }, channel: string, request: unknown) => app.registry.invoke(channel, request, { senderUrl: frame.url() }));
    await page.addInitScript({ content: await bundleBridge(root) });
    await page.addInitScript(instrument);

    const paints: number[] = [];
    const renders: number[] = [];
    let longest = 0;
    for (let i = 0; i < LOADS; i++) {
      await page.goto(server.url);
      await page.waitForFunction(() => window.__bench?.rows !== undefined, undefined, { timeout: 30_000 });
      const marks = await page.evaluate(() => window.__bench!);
      paints.push(marks.rows!);
      if (marks.loaded !== undefined) renders.push(marks.rows! - marks.loaded);
      longest = Math.max(longest, marks.longest);
    }

    const keys = await typeQueries(page);
    const render = median(renders);
    const keyMedian = median(keys);
    return [
      {
        name: `${REQUESTS.toLocaleString('en')}-request collection: workspace arrived to tree painted (median of ${LOADS})`,
        value: render,
        unit: 'ms',
        goal: `< ${FIRST_PAINT_GOAL_MS}`,
        pass: renders.length === LOADS && render < FIRST_PAINT_GOAL_MS,
      },
      // The whole wait also carries the test host's transfer of the ~4 MB workspace through a DevTools binding, which
      // Electron's IPC does not pay; printed so the difference is visible, not hidden.
      { name: '  navigation to tree painted, via the DevTools test bridge', value: median(paints), unit: 'ms', goal: 'reference', pass: true },
      { name: '  longest main-thread task while loading (incl. the bridge)', value: longest, unit: 'ms', goal: 'reference', pass: true },
      { name: `filter keystroke to repainted tree (median of ${keys.length})`, value: keyMedian, unit: 'ms', goal: `< ${KEYSTROKE_GOAL_MS}`, pass: keyMedian < KEYSTROKE_GOAL_MS },
      { name: '  slowest filter keystroke', value: Math.max(...keys), unit: 'ms', goal: 'reference', pass: true },
    ];
  } finally {
    await browser.close();
    await server.close();
    await app.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Types each query one key at a time (each key waits for the previous one's frame), then clears it the same way. */
async function typeQueries(page: Page): Promise<number[]> {
  const filter = page.getByLabel('Filter collections');
  await filter.focus();
  const pressed = async (key: string) => {
    const before = await page.evaluate(() => window.__bench!.keys.length);
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.__bench!.keys.length > n, before, { timeout: 10_000 });
  };
  for (const query of QUERIES) {
    for (const ch of query) await pressed(ch);
    const expected = query === 'item-9876' ? 1 : query.startsWith('orders-42') ? 100 : 0;
    const status = (await page.getByRole('status').filter({ hasText: /match/ }).textContent()) ?? '';
    if (!status.startsWith(`${expected} request`)) throw new Error(`The filter "${query}" showed "${status}", expected ${expected} matches.`);
    for (let i = 0; i < query.length; i++) await pressed('Backspace');
  }
  return page.evaluate(() => window.__bench!.keys);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
