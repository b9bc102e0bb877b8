// The response viewer with 20 MB and 50 MB JSON bodies, in Chromium driving the built renderer in browser mode
// (the real WebSocket transport to the server's createApp), as the e2e harness does. The request is sent from the
// UI (URL, no auth, Ctrl+Enter) to a loopback server. Figures, against issue 12's goals:
// - send → first screen of the 20 MB body, against a baseline from the same run: the same page showing one screen
//   of the same JSON (its first items, a small body, laid out and drawn as every small body is) plus curl's time to
//   fetch the 20 MB from the same server;
// - the renderer's CPU (CDP Performance.getMetrics TaskDuration, less the bench's own DevToolsCommandDuration) from
//   send until the body is shown and scrolled to its end in fixed steps (driven inside the page, so Playwright's own
//   protocol traffic stays out of it), with a reference row: a bare page making the same jumps, this machine's floor;
// - with 50 MB open and laid out: the page's JS heap after a GC (CDP) and the renderer process's RSS (/proc).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { chromium, type Browser, type CDPSession, type Locator, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../../e2e/harness/chromium';
import { useLayoutWorkerScript } from '../services/bodyView/layoutTask';
import { repoRoot } from './repoRoot';
import { openBenchRoleCall } from './browserModePage';
import { startEchoServer, type EchoServer } from '../testing/echoServer';
import type { BenchRow } from './benchRow';

const run = promisify(execFile);
const OPEN_TIMEOUT_MS = 120_000;
const SCROLL_STEPS = 40;
const POLL_MS = 20;
const FIRST_SCREEN_RATIO = 1.5;
const CPU_GOAL_S = 0.5;
const HEAP_GOAL_MB = 100;
const RSS_GOAL_MB = 300;
/** Items in the one-screen baseline body: about as many lines as the bench's window shows. */
const SCREEN_ITEMS = 6;
/** Linux's USER_HZ, the unit of /proc/<pid>/stat's times. */
const CLOCK_TICKS = 100;

function items(megabytes: number): string[] {
  const target = megabytes * 1024 * 1024;
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const item = JSON.stringify({ id: i, name: `item-${i}`, tags: ['alpha', 'beta'], detail: { ok: i % 2 === 0, score: i * 1.5 } });
    out.push(item);
    size += item.length + 1;
  }
  return out;
}

/** A JSON array of about `megabytes` MB. */
export function jsonOfSize(megabytes: number): string {
  return `[${items(megabytes).join(',')}]`;
}

/** Waits two frames, so a scroll's layout and paint have happened before the next step. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** curl's time to fetch `url` to /dev/null, median of three, in ms. */
async function curlMs(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '--max-time', '30', '-w', '%{time_total}', url], { timeout: 40_000 });
    times.push(Number(stdout) * 1000);
  }
  return median(times);
}

/** The renderer's main-thread task time so far, less the time spent on this bench's own DevTools commands. */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return value('TaskDuration') - value('DevToolsCommandDuration');
}

/** The Chromium renderer processes under this process (Linux: from ps; elsewhere none). */
async function rendererPids(): Promise<number[]> {
  if (process.platform !== 'linux') return [];
  const { stdout } = await run('ps', ['-eo', 'pid=,ppid=,args='], { maxBuffer: 16 * 1024 * 1024 });
  const children = new Map<number, number[]>();
  const args = new Map<number, string>();
  for (const line of stdout.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    const ppid = Number(m[2]);
    args.set(pid, m[3]!);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [process.pid];
  for (let seen = 0; queue.length > 0 && seen < 10_000; seen++) {
    const pid = queue.shift()!;
    queue.push(...(children.get(pid) ?? []));
    if (args.get(pid)?.includes('--type=renderer')) found.push(pid);
  }
  return found;
}

/** A /proc file's text, or undefined when the process has gone. */
function procText(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** The largest RSS among the renderer processes, in MB (undefined off Linux). */
async function rendererRssMb(): Promise<number | undefined> {
  const pids = await rendererPids();
  if (pids.length === 0) return undefined;
  return Math.max(...pids.map((pid) => Number(/VmRSS:\s+(\d+)/.exec(procText(pid, 'status') ?? '')?.[1] ?? 0) / 1024));
}

/** CPU time (user + system, all threads) of the renderer processes so far, in seconds (0 off Linux). */
async function rendererCpuSeconds(): Promise<number> {
  let ticks = 0;
  for (const pid of await rendererPids()) {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = (procText(pid, 'stat') ?? '').replace(/^.*\) /, '').split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / CLOCK_TICKS;
}

interface Opened {
  page: Page;
  viewer: Locator;
  close(): Promise<void>;
}

async function openPage(browser: Browser, root: string, server: EchoServer, dir: string): Promise<Opened> {
  const rolecall = await openBenchRoleCall(browser, root, {
    env: { HOME: dir, AWS_EC2_METADATA_DISABLED: 'true' },
    spoolDir: path.join(dir, 'spool'),
    folderWatch: false,
  });
  const { page } = rolecall;
  const url = page.getByRole('textbox', { name: 'URL' });
  await url.fill(`${server.url}/none`);
  await page.getByRole('tablist', { name: 'Request sections' }).getByRole('tab', { name: /^Auth/ }).click();
  await page.getByLabel('Auth', { exact: true }).selectOption('none');
  return { page, viewer: page.getByRole('region', { name: 'Response' }), close: () => rolecall.close() };
}

/** Sends `target` from the UI; resolves when the body's textbox shows its first item, with the time taken. */
async function sendUntilFirstScreen(o: Opened, target: string): Promise<number> {
  const url = o.page.getByRole('textbox', { name: 'URL' });
  await url.fill(target);
  await url.click();
  await frames(o.page);
  const t0 = performance.now();
  await o.page.keyboard.press('Control+Enter');
  // Polled every POLL_MS with one cheap query, not Playwright's per-frame locator polling, which would add its own
  // work to the renderer's CPU figure.
  await o.page.waitForFunction(
    () => [...document.querySelectorAll('[aria-label="Response body"]')].some((el) => el.textContent?.includes('"name": "item-0"')),
    undefined,
    { polling: POLL_MS, timeout: OPEN_TIMEOUT_MS },
  );
  return performance.now() - t0;
}

/**
 * The response's own time as the viewer shows it ("845 ms", "1.82 s"): main's transport, send to last byte. The
 * first screen may come while the body is still arriving ("Receiving…"): the time is shown once it has all come.
 */
async function shownTransportMs(o: Opened): Promise<number> {
  // Polled in the page, as the first screen is: a locator's wait would add its own work to the CPU figure.
  const text = await o.page.waitForFunction(
    () => {
      const time = document.querySelector('[aria-label="Time"]');
      return time && /[\d.]+\s*(ms|s)\b/.test(time.textContent ?? '') ? time.textContent : undefined;
    },
    undefined,
    { polling: 100, timeout: OPEN_TIMEOUT_MS },
  );
  const m = /([\d.]+)\s*(ms|s)\b/.exec((await text.jsonValue()) ?? '');
  return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : NaN;
}

async function laidOut(o: Opened): Promise<void> {
  await o.page.waitForFunction(
    () => ![...document.querySelectorAll('.rv-note')].some((el) => /^(Laying out the body|The body is still arriving)/.test(el.textContent ?? '')),
    undefined,
    // Not timed: asked less often, so the asking adds little to the CPU figure.
    { polling: 100, timeout: OPEN_TIMEOUT_MS },
  );
}

/**
 * Scrolls the body to its end in steps, two frames each; true when its last line (the closing bracket) is in view.
 * The steps run inside the page in one call: driven from here, each step was two protocol round trips whose
 * handling in the renderer (about 2.5 ms a step on a slow machine) counted in the CPU figure as the viewer's work.
 */
async function scrollToEnd(o: Opened): Promise<boolean> {
  const scroller = await o.viewer.locator('[data-body-scroller]').elementHandle({ timeout: OPEN_TIMEOUT_MS });
  return scroller.evaluate(async (el, steps) => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (let step = 1; step <= steps; step++) {
      el.scrollTo({ top: el.scrollHeight * (step / steps) });
      await frame();
      await frame();
    }
    const lastLine = () => {
      const lines = el.querySelectorAll('.wb-line, .cm-line');
      return lines[lines.length - 1]?.textContent ?? '';
    };
    for (let i = 0; i < 100 && lastLine().trim() !== ']'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return lastLine().trim() === ']';
  }, SCROLL_STEPS);
}

/**
 * This machine's floor for the scroll: a bare page (no app, no IPC) makes the same SCROLL_STEPS jumps in a scroller
 * as tall as the viewer's, replacing its `lines` visible lines of coloured JSON by hand at each step, two frames
 * each; its task time in seconds. A reference for reading the CPU figure on a slow machine, not a goal.
 */
async function bareScrollSeconds(browser: Browser, lines: number, height: number): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.setContent(
      `<style>#s{height:${height}px;overflow:auto;font:12.5px monospace;line-height:19px}#w{position:sticky;top:0;height:${height}px;overflow-y:clip}` +
        `.l{height:19px;white-space:pre}.k{color:#0451a5}.v{color:#a31515}</style><div id="s"><div style="height:8000000px"><div id="w"></div></div></div>`,
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await taskSeconds(cdp);
    await page.evaluate(
      async ({ steps, lines }) => {
        const scroller = document.getElementById('s')!;
        const pane = document.getElementById('w')!;
        const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        for (let step = 1; step <= steps; step++) {
          scroller.scrollTo({ top: scroller.scrollHeight * (step / steps) });
          const rows = [];
          for (let i = 0; i < lines; i++) {
            const row = document.createElement('div');
            row.className = 'l';
            row.append('      ', Object.assign(document.createElement('span'), { className: 'k', textContent: '"name"' }), ': ');
            row.append(Object.assign(document.createElement('span'), { className: 'v', textContent: `"item-${step * 25_000 + i}"` }), ',');
            rows.push(row);
          }
          pane.replaceChildren(...rows);
          await frame();
          await frame();
        }
      },
      { steps: SCROLL_STEPS, lines },
    );
    return (await taskSeconds(cdp)) - before;
  } finally {
    await page.close();
  }
}

async function measure(browser: Browser, root: string): Promise<BenchRow[]> {
  const all = items(20);
  const big = `[${all.join(',')}]`;
  const screen = `[${all.slice(0, SCREEN_ITEMS).join(',')}]`;
  const huge = jsonOfSize(50);
  const server = await startEchoServer((request) => {
    const body = request.url.startsWith('/big') ? big : request.url.startsWith('/huge') ? huge : request.url.startsWith('/screen') ? screen : '{}';
    return { status: 200, headers: [['Content-Type', 'application/json']], body };
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-uibench-'));
  try {
    const curl = await curlMs(`${server.url}/big`);

    const first = await openPage(browser, root, server, dir);
    const cdp = await first.page.context().newCDPSession(first.page);
    await cdp.send('Performance.enable');
    let oneScreen: number;
    let firstScreen: number;
    let cpu: number;
    let reachedEnd: boolean;
    let processCpu: number;
    let transport: number;
    let shownLines = 0;
    let scrollerHeight = 0;
    try {
      // Warm-up: the editor's code and the first send's connection, as a user's first request pays them.
      await sendUntilFirstScreen(first, `${server.url}/screen?warm`);
      oneScreen = await sendUntilFirstScreen(first, `${server.url}/screen`);
      const before = await taskSeconds(cdp);
      const cpuBefore = await rendererCpuSeconds();
      firstScreen = await sendUntilFirstScreen(first, `${server.url}/big`);
      transport = await shownTransportMs(first);
      await laidOut(first);
      reachedEnd = await scrollToEnd(first);
      cpu = (await taskSeconds(cdp)) - before;
      processCpu = (await rendererCpuSeconds()) - cpuBefore;
      shownLines = await first.viewer.locator('[data-body-scroller] .wb-line').count();
      scrollerHeight = await first.viewer.locator('[data-body-scroller]').evaluate((el) => el.clientHeight);
    } finally {
      await first.close();
    }

    const second = await openPage(browser, root, server, dir);
    let heapMb: number;
    let rssMb: number | undefined;
    try {
      await sendUntilFirstScreen(second, `${server.url}/huge`);
      await laidOut(second);
      await scrollToEnd(second);
      const session = await second.page.context().newCDPSession(second.page);
      await session.send('HeapProfiler.enable');
      await session.send('HeapProfiler.collectGarbage');
      await session.send('Performance.enable');
      const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
      heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 ** 2;
      rssMb = await rendererRssMb();
    } finally {
      await second.close();
    }

    const bareScroll = await bareScrollSeconds(browser, shownLines, scrollerHeight);
    const floor = oneScreen + curl;
    const budget = FIRST_SCREEN_RATIO * floor;
    return [
      {
        name: '20 MB JSON: send → first screen',
        value: firstScreen,
        unit: 'ms',
        goal: `≤ ${FIRST_SCREEN_RATIO}× (${oneScreen.toFixed(0)} one screen + ${curl.toFixed(0)} curl) = ${budget.toFixed(0)} ms`,
        pass: firstScreen <= budget,
      },
      { name: '20 MB JSON: renderer CPU to show and scroll to the end', value: cpu, unit: 's', goal: `≤ ${CPU_GOAL_S} s${reachedEnd ? '' : ' (end NOT reached)'}`, pass: reachedEnd && cpu <= CPU_GOAL_S },
      { name: `a bare page, same ${SCROLL_STEPS} jumps, ${shownLines} lines redrawn each (floor)`, value: bareScroll, unit: 's', goal: 'reference', pass: true },
      { name: '20 MB JSON: of which main receiving the body (its Time)', value: transport, unit: 'ms', goal: 'reference', pass: true },
      {
        // For reading the row above on a loaded machine: task time counts a task's wall time, preemption included.
        name: '20 MB JSON: renderer process CPU time, same span (/proc)',
        value: processCpu,
        unit: 's',
        goal: 'reference',
        pass: true,
      },
      { name: '50 MB JSON open: page JS heap (after GC)', value: heapMb, unit: 'MB', goal: `≤ ${HEAP_GOAL_MB} MB`, pass: heapMb <= HEAP_GOAL_MB },
      rssMb === undefined
        ? { name: '50 MB JSON open: renderer RSS (Linux only: skipped)', value: 0, unit: 'MB', goal: `≤ ${RSS_GOAL_MB} MB`, pass: true }
        : { name: '50 MB JSON open: renderer RSS', value: rssMb, unit: 'MB', goal: `≤ ${RSS_GOAL_MB} MB`, pass: rssMb <= RSS_GOAL_MB },
    ];
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runResponseUiBench(): Promise<BenchRow[]> {
  const root = repoRoot();
  const rendererDir = path.join(root, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run "npm run build:renderer" first.`);
  // The layout worker as `npm run build:main` bundles it; without it the layout runs on main's thread.
  const worker = path.join(root, 'dist', 'services', 'bodyView', 'layoutWorker.cjs');
  if (existsSync(worker)) useLayoutWorkerScript(worker);
  const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
  try {
    return await measure(browser, root);
  } finally {
    await browser.close();
  }
}
