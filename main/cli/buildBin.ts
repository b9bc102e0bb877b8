// Builds dist/cli/ (rolecall.cjs and the bundles it loads) for `npm run build:main` (the options are in
// bundleOptions.ts).
import path from 'node:path';
import { build } from 'esbuild';
import { cliBundles } from './bundleOptions';

const root = process.cwd();
Promise.all(cliBundles(root, path.join(root, 'dist/cli')).map((options) => build(options))).catch(() => {
  process.exitCode = 1;
});
