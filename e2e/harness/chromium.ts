// How every browser run of RoleCall starts Chromium: the e2e tests through playwright.config.ts and the UI benches
// directly. Which browser is main/testing/findBrowser.ts's choice (CHROMIUM_PATH, Playwright's own, a system
// Chromium/Chrome/Edge); nothing is ever downloaded. The flags keep the browser off the network it cannot reach.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { chromium } from 'playwright';

import { findBrowser } from '../../main/testing/findBrowser';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    // Playwright has no build for this platform: there is simply no Playwright browser to try.
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The launch options for the browser found on this machine; with none, one line saying how to get one, and exit. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  const found = findBrowser({
    platform: process.platform,
    env: process.env,
    homeDir: homedir(),
    playwrightChromium: playwrightChromium(),
    exists: isFile,
  });
  if (!found.ok) {
    // A thrown error would bury the one useful line under a stack trace of the test runner.
    console.error(found.message);
    process.exit(1);
  }
  return { executablePath: found.path, args: chromiumArgs };
}
