// How the rolecall bin is bundled, shared by `npm run build:main` (main/cli/buildBin.ts) and the CLI tests
// (main/testing/cliRunner.ts), so the tests run the bin as it ships.
//
// The bin must start like a native tool. On Node 20 compiling a bundle costs time in proportion to its size, even
// for code never run, so the bundle leaves out what most commands never touch:
// - the AWS SDK clients and credential providers, and the browser mode's ws and conf, stay in node_modules (they
//   are production dependencies, installed beside the bin) and are loaded by `await import()` only where a command
//   needs them; static keys sign without them;
// - the ES module builds of packages where they have one (mainFields), so esbuild keeps only what is used (a
//   CommonJS build is kept whole);
// - zod's message translations: RoleCall's own error texts are English and no code selects a zod locale.
// esbuild's code splitting would keep everything in our files but is ESM-only; a CJS bin with external packages
// runs from the installed package as it is. Instead the bin is three files (cliBundles): a small launcher, `sign` on
// its own, and the whole CLI; the launcher loads them with V8's code cache (main/cli/bin.ts, codeCache.ts).
import path from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * Packages the bin loads from node_modules when a command needs them, never at start. The SDK's ini loader goes
 * with the SDK: RoleCall hands profiles to the SDK through that module's state, so both must hold one instance.
 */
export const LAZY_PACKAGES = ['@aws-sdk/*', '@smithy/shared-ini-file-loader', 'ws', 'conf'];

/** zod's `locales` namespace re-export pulls in every translation; English is imported on its own and stays. */
const noZodLocales: Plugin = {
  name: 'no-zod-locales',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'no-zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

export function cliBundleOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    // Non-ASCII characters escaped: codeCache.ts reads the bundle as Latin-1, which needs no decoding.
    charset: 'ascii',
    outfile,
    external: LAZY_PACKAGES,
    plugins: [noZodLocales],
    logLevel: 'warning',
  };
}

/** The bundles that make up the installed bin, built into `outdir`; `rolecall.cjs` is the one to run. */
export function cliBundles(root: string, outdir: string): BuildOptions[] {
  const cli = path.join(root, 'main', 'cli');
  return [
    cliBundleOptions(path.join(cli, 'bin.ts'), path.join(outdir, 'rolecall.cjs')),
    // Loaded with vm.Script on Node 20, where a script's import() cannot reach Node's loader without a flag: the
    // packages it loads on demand (the SDK, all CommonJS) are required instead.
    { ...cliBundleOptions(path.join(cli, 'signCommand.ts'), path.join(outdir, 'rolecall-sign.cjs')), supported: { 'dynamic-import': false } },
    cliBundleOptions(path.join(cli, 'rolecall.ts'), path.join(outdir, 'rolecall-main.cjs')),
  ];
}
