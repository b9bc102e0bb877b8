#!/usr/bin/env node
// The `rolecall` command as installed (dist/cli/rolecall.cjs): a few lines that pick a bundle and load it through
// the code cache (codeCache.ts). `sign`, the command scripts run most, has a bundle of its own (signCommand.ts)
// holding only what signing needs; every other command, and a sign that is not plain (help, a usage error), runs
// main/cli/rolecall.ts, bundled whole beside it (required as it is: it loads ESM-only packages with import(), which
// a cached vm.Script cannot on Node 20). Node compiles in proportion to what it loads, used or not.
import { join } from 'node:path';
import { codeCacheDir, loadBundle, readyToExit, requireBundle } from './codeCache';

type Main = (argv: string[]) => Promise<number | undefined>;

/** True when the sign bundle answered (not the whole CLI). */
let signed = false;

async function run(argv: string[]): Promise<number> {
  const cache = codeCacheDir(process.env);
  if (argv[0] === 'sign') {
    const code = await (loadBundle(join(__dirname, 'rolecall-sign.cjs'), cache).main as Main)(argv);
    signed = code !== undefined;
    if (signed) return code as number;
  }
  return (await (requireBundle(join(__dirname, 'rolecall-main.cjs'), cache).main as Main)(argv)) ?? 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // A sign that succeeded has handed all it prints to the OS (writeOut.ts) and awaited all it started: ending
    // now skips the idle work V8 would do first (a young-generation GC, about 0.7 ms of a 25 ms run).
    if (code === 0 && signed && readyToExit()) process.exit(0);
  },
  (err: unknown) => {
    // The bundles report their own errors; this is a bundle that could not be loaded at all.
    process.stderr.write(`rolecall: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
