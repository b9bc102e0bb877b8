// Builds dist/cli/rolecall.cjs for `npm run build:main` (the options are in bundleOptions.ts).
import path from 'node:path';
import { build } from 'esbuild';
import { cliBundleOptions } from './bundleOptions';

const root = process.cwd();
build(cliBundleOptions(path.join(root, 'main/cli/rolecall.ts'), path.join(root, 'dist/cli/rolecall.cjs'))).catch(() => {
  process.exitCode = 1;
});
