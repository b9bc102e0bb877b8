// What `npm start` runs with plain Node (dist/electron/launch.cjs): find the Electron binary, fetch it once if
// it is missing; then run the app (repo root, whose package.json main is the shell) and hand back its exit code.
// Without a binary that starts, RoleCall opens in the browser instead (`rolecall ui`), saying so in one line; only
// when that is not built either does it explain how to provide Electron.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { browserModeArgs } from './browserArgs';
import { browserFallbackLine, explainMissingElectron, findElectronBinary, tryInstallElectron } from './electronBinary';

/**
 * An Electron that fails this soon with an error code never showed a window: missing shared libraries, no display,
 * a binary for another system. A user's own run lasts longer, and quitting exits 0 (or by a signal).
 */
const DIED_AT_ONCE_MS = 3000;

function forwardSignals(child: ChildProcess): void {
  const forward = (signal: NodeJS.Signals) => () => {
    if (!child.killed) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
}

/** Runs `rolecall ui` with this Node; false when the CLI is not built. */
function startBrowserMode(root: string, reason: string): boolean {
  const cli = path.join(root, 'dist', 'cli', 'rolecall.cjs');
  if (!fs.existsSync(cli)) return false;
  console.error(browserFallbackLine(reason));
  // `npm start -- --folder PATH` opens that collection folder in the browser too (npm's INIT_CWD: where the user typed it).
  const child = spawn(process.execPath, [cli, ...browserModeArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd())], { stdio: 'inherit' });
  forwardSignals(child);
  child.on('error', (err) => {
    console.error(`Could not start rolecall ui: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

function launch(): void {
  // Bundled to dist/electron/launch.cjs and run from source as main/electron/launch.ts: the root is two up either way.
  const root = path.resolve(__dirname, '..', '..');
  let lookup = findElectronBinary(process.env, root);
  if (!lookup.found && lookup.packageDir && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    console.error('Electron binary not found; trying to download it once (up to 120 s)...');
    const attempt = tryInstallElectron(lookup.packageDir, process.env);
    lookup = attempt.ok ? findElectronBinary(process.env, root) : { ...lookup, reason: attempt.reason };
  }
  if (!lookup.found) {
    if (startBrowserMode(root, lookup.reason)) return;
    console.error(explainMissingElectron({ ...lookup, platform: process.platform, arch: process.arch }));
    process.exitCode = 1;
    return;
  }

  // Electron started with this variable set behaves as plain Node and would never open a window.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const binary = lookup.path;
  let fellBack = false;
  const started = Date.now();
  const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
  forwardSignals(child);
  child.on('error', (err) => {
    // Found but not runnable (not executable, wrong architecture): the browser still works.
    fellBack = startBrowserMode(root, `${binary} could not be started: ${err.message}`);
    if (fellBack) return;
    console.error(`Could not start Electron (${binary}): ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (fellBack) return;
    if (code !== null && code !== 0 && Date.now() - started < DIED_AT_ONCE_MS) {
      // Its own error is already on the terminal; the browser still works.
      fellBack = startBrowserMode(root, `${binary} exited at once with code ${code}`);
      if (fellBack) return;
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}

launch();
