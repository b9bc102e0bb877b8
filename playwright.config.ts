// End-to-end tests run the built renderer in the Chromium-family browser e2e/harness/chromium.ts finds (never a
// downloaded one), with window.rolecall bound to the real main-side registry by e2e/harness. Build the renderer
// first: npm run build:renderer.
import { defineConfig } from '@playwright/test';

import { chromiumLaunchOptions } from './e2e/harness/chromium';

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
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
});
