// How the UI benches open RoleCall: through browser mode's real transport, as the e2e tests and `rolecall ui` do.
// A browser-mode server in this process serves the built renderer with the bootstrap (bundled here from its
// source, so `npm run bench` needs only the renderer built), and the page opens the launch URL, trades the token
// for its session cookie and talks to main over the WebSocket.
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import { rendererDirOf } from '../browserMode/bootstrapScript';
import { startBrowserServer, type BrowserServer, type BrowserServerOptions } from '../browserMode/server';

export async function bundleBootstrap(root: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'main', 'browserMode', 'bootstrap.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bootstrap bundle');
  return output.text;
}

export interface BenchRoleCall {
  server: BrowserServer;
  page: Page;
  /** Loads the page again on its session cookie, as a browser reload does. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a browser-mode server with `app` and opens it in a new page, `beforePage` scripts first. */
export async function openBenchRoleCall(
  browser: Browser,
  root: string,
  app: BrowserServerOptions['app'],
  beforePage: Array<() => void> = [],
): Promise<BenchRoleCall> {
  const server = await startBrowserServer({ rendererDir: rendererDirOf(root), bootstrapJs: await bundleBootstrap(root), app });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  for (const script of beforePage) await page.addInitScript(script);
  // The launch URL once; then the page's own address (the same URL with only a new fragment would not reload it).
  await page.goto(server.launchUrl);
  const reload = async () => {
    await page.goto(`${server.origin}/`);
  };
  return {
    server,
    page,
    reload,
    async close() {
      await page.close();
      await server.close();
    },
  };
}
