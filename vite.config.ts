// One config for the renderer build and for vitest. The build's root is renderer/ (the page), but tests live all
// over the repo, so vitest's root is pinned back to the repo root.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: Electron serves the built page as rolecall://app/index.html (main/electron/appProtocol.ts).
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The on-demand parts are chunks of their own (renderer/startup/onDemand.ts), but the styles stay one file
    // loaded with the page: 50 KB of CSS costs little, and with renderer/startup/onDemandStyles.ts the parts' rules
    // keep their place ahead of styles.css (split CSS would arrive after it and win its ties).
    cssCodeSplit: false,
  },
  test: {
    root: repoRoot,
    include: ['src/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // The format worker runs as a real worker thread in tests too: bundled once, its path given to every file.
    globalSetup: ['main/testing/formatWorkerBuild.ts'],
    setupFiles: ['main/testing/formatWorkerSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
  },
});
