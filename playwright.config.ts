// End-to-end tests run the built renderer in the Chromium-family browser e2e/harness/chromium.ts finds (never a
// downloaded one), served by browser mode's server in the test process (e2e/harness/fixtures.ts), so the page
// reaches main over the same token exchange and WebSocket as `rolecall ui`. Build first: npm run build.
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
