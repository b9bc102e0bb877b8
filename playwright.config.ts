// End-to-end tests run the built renderer in Debian's Chromium (never a downloaded browser), with window.rolecall
// bound to the real main-side registry by e2e/harness. Build the renderer first: npm run build:renderer.
import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './e2e/harness/chromium';

export { chromiumPath } from './e2e/harness/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 2,
  retries: 0,
  forbidOnly: process.env.CI === 'true',
  reporter: 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
});
