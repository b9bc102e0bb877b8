// Playwright fixtures: each test's page is RoleCall in browser mode, as `rolecall ui` serves it: a browser-mode
// server (main/browserMode/server.ts) on a free 127.0.0.1 port, running in the test process, serves the built
// renderer and bootstrap, and the page opens the launch URL, trades the token for its session cookie and reaches
// main over the real WebSocket. Each test gets its own temporary AWS config and credentials files and HOME, so what
// the page shows comes from those files only, and its own workspace store (conf in a temporary folder). open() may
// be called again to restart the app on the same store folder: a new server (new port, new token), which reads what
// the last one wrote. What tests need beyond a user's launch goes to the server side through its testHooks: fake
// desktop dialogs (unless a test asks for browser downloads and uploads) and the events the page received.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { EventName } from '../../src/contract';
import { bootstrapFile, rendererDirOf } from '../../main/browserMode/bootstrapScript';
import { startBrowserServer, type BrowserServer } from '../../main/browserMode/server';
import type { Registry } from '../../main/ipc/registry';
import { openConfStore } from '../../main/services/confStore';
import { createProcessCipher } from '../../main/testing/processCipher';

const repoRoot = path.resolve(__dirname, '..', '..');
const rendererDir = rendererDirOf(repoRoot);

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
  /**
   * true: no fake save or open dialog; saving is a browser download and choosing a file the browser's file picker
   * (handle them with page.waitForEvent('download') / ('filechooser')), exactly as in `rolecall ui`.
   */
  browserFiles?: boolean;
  /** false: main does not watch the AWS files, so only the user's "Reload profiles" reads them again. */
  awsFilesWatch?: false;
}

export interface RoleCallPage {
  page: Page;
  /** The server's registry, called as the page's origin (for seeding and reading the store from the test). */
  registry: Registry;
  /** The page's origin (http://127.0.0.1:PORT). */
  origin: string;
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
  /** The built bootstrap script (dist/browserMode/bootstrap.js), as `rolecall ui` serves it. */
  bootstrapJs: string;
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
  bootstrapJs: [
    async ({}, use) => {
      for (const file of [path.join(rendererDir, 'index.html'), bootstrapFile(repoRoot)]) {
        if (!existsSync(file)) throw new Error(`${file} is missing: build RoleCall first with "npm run build".`);
      }
      await use(readFileSync(bootstrapFile(repoRoot), 'utf8'));
    },
    { scope: 'worker' },
  ],

  rolecall: async ({ page, bootstrapJs }, use, testInfo) => {
    const opened: Array<{ server: BrowserServer; dir: string; closed: boolean }> = [];
    let shown: RoleCallPage | undefined;
    let lastSetup: AwsSetup = {};
    const pageErrors: string[] = [];
    const events: RoleCallPage['events'] = [];
    // One cipher for the whole test, like safeStorage's key surviving an app restart.
    const cipher = createProcessCipher();
    const close = async (entry: (typeof opened)[number]) => {
      if (entry.closed) return;
      entry.closed = true;
      await entry.server.close();
    };

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

      // A restart: the previous app goes away first, as it does when `rolecall ui` stops.
      for (const previous of opened) await close(previous);
      const store = openConfStore(storeDir);
      const server = await startBrowserServer({
        rendererDir,
        bootstrapJs,
        app: {
          env,
          ...(setup.stsEndpoint ? { stsEndpoint: setup.stsEndpoint } : {}),
          store: store.backend,
          ...(store.recovered ? { storeRecovered: store.recovered } : {}),
          collectionFiles: store.collectionFiles,
          cipher,
          spoolDir: path.join(dir, 'spool'),
          // Short, so a change on disk shows in the page quickly.
          folderWatch: { debounceMs: 100 },
          ...(setup.awsFilesWatch === false ? { awsFilesWatch: false as const } : {}),
        },
        testHooks: {
          ...(setup.browserFiles
            ? {}
            : {
                dialogs: {
                  chooseSavePath: async (suggestedName) =>
                    setup.chooseSavePath ? setup.chooseSavePath(suggestedName) : path.join(savedDir, suggestedName),
                  chooseOpenPath: async (opts) => setup.chooseOpenPath?.(opts),
                  chooseFolder: async (opts) => setup.chooseFolder?.(opts),
                },
              }),
          onEventDelivered: (event, payload, listeners) => events.push({ event, payload, listeners }),
        },
      });
      opened.push({ server, dir, closed: false });
      // The server's own registry, so a test that wraps registry.invoke sees the page's calls too. A test's own call
      // names no sender; it is made as from the page's origin (the server trusts no other). The socket always names one.
      const registry: Registry = server.app.registry;
      const invoke = registry.invoke.bind(registry);
      registry.invoke = (channel, request, context) =>
        invoke(channel, request, context?.senderUrl ? context : { ...context, senderUrl: `${server.origin}/` });

      if (!shown) {
        page.on('console', (message) => {
          if (message.type() === 'error') pageErrors.push(message.text());
        });
        page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
        await page.addInitScript(reportCspViolations);
      }
      // As a user opens the printed URL: the bootstrap trades the token for the session cookie and drops it.
      await page.goto(server.launchUrl);

      lastSetup = { ...setup, storeDir };
      shown = { page, registry, origin: server.origin, dir, configFile, credentialsFile, events, pageErrors, storeDir, savedDir };
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
    for (const entry of opened) {
      await close(entry);
      await rm(entry.dir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
