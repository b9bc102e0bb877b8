// Playwright fixtures for the browser test host: the built renderer, served over http, in Chromium, with
// window.rolecall bound to the real main-side handler registry (createApp) running in the test process. Each test
// gets its own temporary AWS config and credentials files, so what the page shows comes from those files only,
// and its own workspace store (conf in a temporary folder). open() may be called again to restart the app on the
// same store folder: the page reloads, bound to a fresh createApp that reads what the last one wrote.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { EventName, Events } from '../../src/contract';
import { createApp } from '../../main/app';
import type { Registry } from '../../main/ipc/registry';
import { openConfStore } from '../../main/services/confStore';
import { createProcessCipher } from '../../main/testing/processCipher';
import { bundleBridge } from './bridgeBundle';
import { serveDirectory } from './staticServer';

const repoRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(repoRoot, 'dist', 'renderer');

export interface AwsSetup {
  /** Text of the AWS config file (AWS_CONFIG_FILE); the file is not created when absent. */
  config?: string;
  /** Text of the shared credentials file (AWS_SHARED_CREDENTIALS_FILE); not created when absent. */
  credentials?: string;
  /** AWS_PROFILE. */
  profile?: string;
  /** STS endpoint for credential resolution (moto in tests). */
  stsEndpoint?: string;
  /** Extra environment for the main side, on top of the isolated one the harness builds. */
  env?: Record<string, string>;
  /** The workspace store folder; default: the previous open()'s in this test, else a fresh temporary one. */
  storeDir?: string;
  /** Answers response:save's "where to save?"; default: `savedDir/<suggested name>`. Return undefined to cancel. */
  chooseSavePath?: (suggestedName: string) => string | undefined;
  /** Answers files:choose's open dialog (a body file to send); default: the user cancels. */
  chooseOpenPath?: (opts: { defaultPath?: string; title: string }) => string | undefined;
  /** Answers folders:open / folders:create's folder dialog; default: the user cancels. */
  chooseFolder?: (opts: { title: string; create: boolean }) => string | undefined;
}

export interface RoleCallPage {
  page: Page;
  registry: Registry;
  /** The temporary folder holding config and credentials (and serving as HOME). */
  dir: string;
  configFile: string;
  credentialsFile: string;
  /** Events main pushed to the page, in order, with how many page listeners received each. */
  events: Array<{ event: EventName; payload: unknown; listeners: number }>;
  /** Console errors, uncaught page errors and CSP violations seen on the page. */
  pageErrors: string[];
  /** The workspace store folder (conf writes workspace.json here); pass it to open() to reuse it. */
  storeDir: string;
  /** Where response:save writes by default. */
  savedDir: string;
}

interface WorkerFixtures {
  rendererUrl: string;
  bridgeScript: string;
}

interface TestFixtures {
  rolecall: {
    /** Starts the app and loads the page; again in the same test, restarts it (same store folder unless told). */
    open(setup?: AwsSetup): Promise<RoleCallPage>;
    /** open() again with the last setup and the same store folder: what a user sees after quitting and relaunching. */
    restart(): Promise<RoleCallPage>;
  };
}

/** Reports CSP violations as console errors: Chromium only logs them to DevTools, which Playwright does not relay. */
function reportCspViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
  });
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  rendererUrl: [
    async ({}, use) => {
      if (!existsSync(path.join(rendererDir, 'index.html'))) {
        throw new Error(`${rendererDir}/index.html is missing: build the renderer first with "npm run build:renderer".`);
      }
      const server = await serveDirectory(rendererDir);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  bridgeScript: [
    async ({}, use) => {
      await use(await bundleBridge());
    },
    { scope: 'worker' },
  ],

  rolecall: async ({ page, rendererUrl, bridgeScript }, use, testInfo) => {
    const opened: Array<{ dispose(): Promise<void>; dir: string }> = [];
    let shown: RoleCallPage | undefined;
    let lastSetup: AwsSetup = {};
    // The page's binding is exposed once; it always calls the app of the latest open().
    let current: Registry | undefined;
    const pageErrors: string[] = [];
    const events: RoleCallPage['events'] = [];
    // One cipher for the whole test, like safeStorage's key surviving an app restart.
    const cipher = createProcessCipher();

    async function open(setup: AwsSetup = {}): Promise<RoleCallPage> {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-e2e-'));
      const configFile = path.join(dir, 'config');
      const credentialsFile = path.join(dir, 'credentials');
      if (setup.config !== undefined) await writeFile(configFile, setup.config);
      if (setup.credentials !== undefined) await writeFile(credentialsFile, setup.credentials);
      const storeDir = setup.storeDir ?? shown?.storeDir ?? path.join(dir, 'store');
      const savedDir = path.join(dir, 'saved');
      await mkdir(storeDir, { recursive: true });
      await mkdir(savedDir, { recursive: true });

      // Isolated from the developer's own ~/.aws and AWS_* variables; PATH stays for credential_process.
      const env: Record<string, string | undefined> = {
        PATH: process.env.PATH,
        HOME: dir,
        AWS_CONFIG_FILE: configFile,
        AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
        AWS_EC2_METADATA_DISABLED: 'true',
        ...(setup.profile ? { AWS_PROFILE: setup.profile } : {}),
        ...setup.env,
      };

      // A restart: the previous app goes away first, as it would when the window closes.
      for (const previous of opened) await previous.dispose();
      const store = openConfStore(storeDir);
      const app = createApp({
        host: 'browser-test',
        env,
        ...(setup.stsEndpoint ? { stsEndpoint: setup.stsEndpoint } : {}),
        store: store.backend,
        ...(store.recovered ? { storeRecovered: store.recovered } : {}),
        collectionFiles: store.collectionFiles,
        cipher,
        spoolDir: path.join(dir, 'spool'),
        chooseSavePath: async (suggestedName) =>
          setup.chooseSavePath ? setup.chooseSavePath(suggestedName) : path.join(savedDir, suggestedName),
        chooseOpenPath: async (opts) => setup.chooseOpenPath?.(opts),
        chooseFolder: async (opts) => setup.chooseFolder?.(opts),
        // Short, so a change on disk shows in the page quickly.
        folderWatch: { debounceMs: 100 },
        emit: <E extends EventName>(event: E, payload: Events[E]) => {
          page
            .evaluate(([e, p]) => window.__rolecallEmit(e, p), [event, payload] as const)
            .then(
              (listeners) => events.push({ event, payload, listeners }),
              (err: unknown) => {
                events.push({ event, payload, listeners: 0 });
                console.warn(`Could not deliver ${event} to the page:`, err);
              },
            );
        },
      });
      let disposed = false;
      opened.push({
        dispose: async () => {
          if (disposed) return;
          disposed = true;
          await app.dispose();
        },
        dir,
      });
      current = app.registry;

      if (!shown) {
        page.on('console', (message) => {
          if (message.type() === 'error') pageErrors.push(message.text());
        });
        page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
        await page.exposeBinding('__rolecallInvoke', ({ frame }, channel: string, request: unknown) => {
          if (!current) throw new Error('RoleCall is not open.');
          return current.invoke(channel, request, { senderUrl: frame.url() });
        });
        await page.addInitScript(reportCspViolations);
        await page.addInitScript({ content: bridgeScript });
      }
      await page.goto(rendererUrl);

      lastSetup = { ...setup, storeDir };
      shown = { page, registry: app.registry, dir, configFile, credentialsFile, events, pageErrors, storeDir, savedDir };
      return shown;
    }

    async function restart(): Promise<RoleCallPage> {
      if (!shown) throw new Error('rolecall.restart() needs an open() first.');
      return open(lastSetup);
    }

    await use({ open, restart });

    if (shown && !page.isClosed()) {
      await page.screenshot({ path: testInfo.outputPath('main-screen.png'), fullPage: true }).catch(() => undefined);
    }
    for (const app of opened) {
      await app.dispose();
      await rm(app.dir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
