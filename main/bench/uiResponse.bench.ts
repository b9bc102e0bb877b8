// The response viewer with 20 MB and 50 MB JSON bodies, in Chromium driving the built renderer in browser mode
// (the real WebSocket transport to the server's createApp), as the e2e harness does. The request is sent from the UI (URL, no auth,
// Ctrl+Enter) to a loopback server; the figure is the longest main-thread task (PerformanceObserver 'longtask',
// installed before the page's scripts) while the body opens, and while it is scrolled to its end in fixed steps.
// Long tasks are those over 50 ms, so "0" means none was that long.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../e2e/harness/chromium';
import { repoRoot } from './repoRoot';
import { openBenchRoleCall } from './browserModePage';
import { startEchoServer } from '../testing/echoServer';
import type { BenchRow } from './benchRow';

const SIZES_MB = [20, 50];
const LONGEST_TASK_GOAL_MS = 200;
const SCROLL_STEPS = 40;
const OPEN_TIMEOUT_MS = 180_000;

/** Records every long task's duration in window.__longTasks; runs before the page's own scripts. */
function observeLongTasks(): void {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/** A JSON array of about `megabytes` MB. */
export function jsonOfSize(megabytes: number): string {
  const target = megabytes * 1024 * 1024;
  const items: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const item = JSON.stringify({ id: i, name: `item-${i}`, tags: ['alpha', 'beta'], detail: { ok: i % 2 === 0, score: i * 1.5 } });
    items.push(item);
    size += item.length + 1;
  }
  return `[${items.join(',')}]`;
}

async function takeLongest(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const longest = Math.max(0, ...w.__longTasks);
    w.__longTasks = [];
    return longest;
  });
}

/** Waits two frames, so a scroll's layout and paint have happened before the next step. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

async function measure(browser: Browser, root: string, megabytes: number): Promise<BenchRow[]> {
  const body = jsonOfSize(megabytes);
  const server = await startEchoServer(() => ({ status: 200, headers: [['Content-Type', 'application/json']], body }));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-uibench-'));
  const rolecall = await openBenchRoleCall(
    browser,
    root,
    { env: { HOME: dir, AWS_EC2_METADATA_DISABLED: 'true' }, spoolDir: path.join(dir, 'spool'), folderWatch: false },
    [observeLongTasks],
  );
  const { page } = rolecall;
  try {

    const url = page.getByRole('textbox', { name: 'URL' });
    await url.fill(`${server.url}/big`);
    await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Auth/ }).click();
    await page.getByLabel('Auth', { exact: true }).selectOption('none');
    await url.click();
    await frames(page);
    await takeLongest(page);

    const viewer = page.getByRole('region', { name: 'Response' });
    const t0 = performance.now();
    await page.keyboard.press('Control+Enter');
    await viewer.getByRole('textbox', { name: 'Response body' }).waitFor({ timeout: OPEN_TIMEOUT_MS });
    const firstScreen = performance.now() - t0;
    await viewer.getByText(/^Reading .* of /).waitFor({ state: 'detached', timeout: OPEN_TIMEOUT_MS });
    const whole = performance.now() - t0;
    await frames(page);
    const openLongest = await takeLongest(page);

    const scroller = viewer.locator('.cm-scroller');
    for (let step = 1; step <= SCROLL_STEPS; step++) {
      await scroller.evaluate((el, f) => el.scrollTo({ top: el.scrollHeight * f }), step / SCROLL_STEPS);
      await frames(page);
    }
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await frames(page);
    const scrollLongest = await takeLongest(page);
    const reachedEnd = await viewer.locator('.cm-content').evaluate((el) => el.textContent?.trimEnd().endsWith(']') ?? false);

    const label = `${megabytes} MB JSON`;
    return [
      { name: `${label}: longest main-thread task while it opens`, value: openLongest, unit: 'ms', goal: `< ${LONGEST_TASK_GOAL_MS}`, pass: openLongest < LONGEST_TASK_GOAL_MS },
      {
        name: `${label}: longest task scrolling to the end (${SCROLL_STEPS} steps)`,
        value: scrollLongest,
        unit: 'ms',
        goal: `< ${LONGEST_TASK_GOAL_MS}`,
        pass: reachedEnd && scrollLongest < LONGEST_TASK_GOAL_MS,
      },
      { name: `${label}: send to first screen of the body`, value: firstScreen, unit: 'ms', goal: 'reference', pass: true },
      { name: `${label}: send to the whole body read`, value: whole, unit: 'ms', goal: 'reference', pass: true },
    ];
  } finally {
    await rolecall.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runResponseUiBench(): Promise<BenchRow[]> {
  const root = repoRoot();
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run "npm run build:renderer" first.`);
  const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
  try {
    const rows: BenchRow[] = [];
    for (const megabytes of SIZES_MB) rows.push(...(await measure(browser, root, megabytes)));
    return rows;
  } finally {
    await browser.close();
  }
}
