// What `npm start` runs with plain Node (dist/electron/launch.cjs): find the Electron binary, fetch it once if
// it is missing, else explain how to provide it; then run the app (repo root, whose package.json main is the shell)
// and hand back its exit code.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { explainMissingElectron, findElectronBinary, tryInstallElectron } from './electronBinary';

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
    console.error(explainMissingElectron({ ...lookup, platform: process.platform, arch: process.arch }));
    process.exitCode = 1;
    return;
  }

  // Electron started with this variable set behaves as plain Node and would never open a window.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(lookup.path, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => () => {
    if (!child.killed) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('error', (err) => {
    console.error(`Could not start Electron (${lookup.found ? lookup.path : ''}): ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

launch();
