// Start-up of the window with an empty workspace, in Chromium driving the built renderer in browser mode (the
// real transport: the launch URL, the token exchange, the WebSocket to the server's createApp over an empty conf
// store), as `rolecall ui` opens it. Each navigation is a new page in a new browser context (no HTTP cache, no
// cookie), so every one is a first launch.
//
// "Usable" is the first frame after both of these hold, timed inside the page (performance.now() counts from
// the navigation's start):
// - the URL field is editable: the request editor's URL textbox (a CodeMirror line, aria-label "URL") is in the
//   DOM with contenteditable="true";
// - the workspace has arrived: the collections panel shows its empty state ("No collections yet.").
// Reference rows beside the median: the longest main-thread task before usable (PerformanceObserver 'longtask',
// which reports only tasks over 50 ms, so 0 means none), and the JavaScript fetched before usable (the bytes of
// every .js resource that finished loading by then, the browser-mode bootstrap included).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../e2e/harness/chromium';
import { rendererDirOf } from '../browserMode/bootstrapScript';
import { startBrowserServer } from '../browserMode/server';
import { openConfStore } from '../services/confStore';
import { bundleBootstrap } from './browserModePage';
import { repoRoot } from './repoRoot';
import type { BenchRow } from './benchRow';

const NAVIGATIONS = 7;
const USABLE_GOAL_MS = 500;
const NAVIGATION_TIMEOUT_MS = 30_000;

interface StartupMarks {
  usable?: number;
  longest: number;
}

declare global {
  interface Window {
    __startup?: StartupMarks;
  }
}

/** Runs in the page before its scripts: records long tasks and the frame after the window became usable. */
function instrument(): void {
  const marks: StartupMarks = { longest: 0 };
  window.__startup = marks;
  new PerformanceObserver((list) => {
    if (marks.usable !== undefined) return;
    for (const entry of list.getEntries()) marks.longest = Math.max(marks.longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const usable = () => {
    const url = document.querySelector('[aria-label="URL"][contenteditable="true"]');
    const sidebar = document.body?.textContent ?? '';
    return url !== null && sidebar.includes('No collections yet.');
  };
  const observer = new MutationObserver(() => {
    if (!usable()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (marks.usable = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
}

/** `rendererDir`: another build of the renderer to measure (default: the one `npm run build:renderer` made). */
export async function runStartupUiBench(rendererDir = rendererDirOf(repoRoot())): Promise<BenchRow[]> {
  const root = repoRoot();
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run "npm run build:renderer" first.`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-startbench-'));
  const store = openConfStore(path.join(dir, 'store'));
  const server = await startBrowserServer({
    rendererDir,
    bootstrapJs: await bundleBootstrap(root),
    app: {
      env: { HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' },
      store: store.backend,
      spoolDir: path.join(dir, 'spool'),
      folderWatch: false,
    },
  });
  const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
  try {
    const usable: number[] = [];
    let longest = 0;
    let scriptBytes = 0;
    // One navigation first, not counted: Chromium's own first-run work (its code cache, the process pool) is not ours.
    for (let i = 0; i <= NAVIGATIONS; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(instrument);
        await page.goto(server.launchUrl, { timeout: NAVIGATION_TIMEOUT_MS });
        await page.waitForFunction(() => window.__startup?.usable !== undefined, undefined, { timeout: NAVIGATION_TIMEOUT_MS });
        const marks = await page.evaluate(() => {
          const startup = window.__startup!;
          const scripts = performance
            .getEntriesByType('resource')
            .filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming && /\.js(\?|$)/.test(new URL(e.name).pathname) && e.responseEnd <= startup.usable!);
          return { usable: startup.usable!, longest: startup.longest, bytes: scripts.reduce((sum, e) => sum + e.decodedBodySize, 0) };
        });
        if (i === 0) continue;
        usable.push(marks.usable);
        longest = Math.max(longest, marks.longest);
        scriptBytes = Math.max(scriptBytes, marks.bytes);
      } finally {
        await context.close();
      }
    }
    const value = median(usable);
    return [
      { name: `empty workspace: navigation to usable (median of ${NAVIGATIONS})`, value, unit: 'ms', goal: `≤ ${USABLE_GOAL_MS}`, pass: value <= USABLE_GOAL_MS },
      { name: '  longest main-thread task before usable (0: none over 50 ms)', value: longest, unit: 'ms', goal: 'reference', pass: true },
      { name: '  JavaScript loaded before usable', value: scriptBytes / 1024, unit: 'KiB', goal: 'reference', pass: true },
    ];
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
