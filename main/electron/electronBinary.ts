// Finds the Electron executable the way the `electron` package would, but without requiring the package: its
// index.js downloads the binary as a side effect of require(), which on a machine without internet throws a
// stack trace instead of a message. Shared by the launcher (npm start) and the Electron e2e test.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronLookup =
  | { found: true; path: string; source: 'override' | 'package'; version: string }
  | { found: false; reason: string; version?: string; packageDir?: string };

/** The executable inside an unzipped Electron release, as the package's install.js names it. */
export function platformExecutable(platform: string): string | undefined {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') return 'electron';
  return undefined;
}

function electronPackageDir(root: string): string | undefined {
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

export function findElectronBinary(
  env: Record<string, string | undefined>,
  root: string,
  platform: string = process.platform,
): ElectronLookup {
  const packageDir = electronPackageDir(root);
  if (!packageDir) return { found: false, reason: `the "electron" package is not installed under ${root} (run npm install)` };
  const version = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version as string;
  const executable = readText(path.join(packageDir, 'path.txt')) || platformExecutable(platform);
  if (!executable) return { found: false, reason: `Electron has no build for platform ${platform}`, version, packageDir };

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, executable);
    if (fs.existsSync(candidate)) return { found: true, path: candidate, source: 'override', version };
    return { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist`, version, packageDir };
  }
  const candidate = path.join(packageDir, 'dist', executable);
  if (fs.existsSync(candidate)) return { found: true, path: candidate, source: 'package', version };
  return { found: false, reason: `${candidate} does not exist (the package's download step did not run or failed)`, version, packageDir };
}

/** The line of a failed install's output worth showing: its error line, else its last line. */
export function installFailureReason(output: string): string {
  const lines = output.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /^(\w*Error\b|error\b)/i.test(l)) ?? lines.at(-1) ?? 'it exited with no output';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** Runs the package's own install.js once (it downloads the binary where there is internet). */
export function tryInstallElectron(
  packageDir: string,
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): { ok: true } | { ok: false; reason: string } {
  const script = path.join(packageDir, 'install.js');
  if (!fs.existsSync(script)) return { ok: false, reason: `${script} is missing` };
  const result = spawnSync(process.execPath, [script], {
    cwd: packageDir,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) {
    const timedOut = (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    return { ok: false, reason: timedOut ? `the download timed out after ${timeoutMs / 1000} s` : result.error.message };
  }
  if (result.status !== 0) {
    return { ok: false, reason: `the download failed: ${installFailureReason(`${result.stderr}\n${result.stdout}`)}` };
  }
  return { ok: true };
}

export function electronCacheDir(platform: string): string {
  if (platform === 'darwin') return '~/Library/Caches/electron/';
  if (platform === 'win32') return '%LOCALAPPDATA%/electron/Cache/';
  return '~/.cache/electron/';
}

/**
 * @electron/get looks for a cached zip in a folder named by the SHA-256 of the release's download folder URL,
 * so the zip must go in CACHE/<that hash>/, not at the cache's top.
 */
export function electronCacheSubdir(version: string): string {
  return createHash('sha256').update(`https://github.com/electron/electron/releases/download/v${version}`).digest('hex');
}

/** The message the launcher prints when there is no binary: what happened, how to provide one, what still works. */
export function explainMissingElectron(facts: { version?: string; platform: string; arch: string; reason: string }): string {
  const version = facts.version ?? 'VERSION';
  const arch = facts.arch === 'arm' ? 'armv7l' : facts.arch;
  const zip = `electron-v${version}-${facts.platform}-${arch}.zip`;
  const cache = electronCacheDir(facts.platform) + (facts.version ? `${electronCacheSubdir(facts.version)}/` : '');
  return [
    "RoleCall cannot open its window: Electron's binary is not installed and could not be downloaded.",
    `  Reason: ${facts.reason}`,
    '',
    `To provide it, download ${zip} on a machine with internet, then either:`,
    '  - unzip it and set ELECTRON_OVERRIDE_DIST_PATH to the unzipped folder, or',
    `  - put the zip in the Electron cache, ${cache}${zip}, and run npm start again, or`,
    '  - set ELECTRON_MIRROR to a mirror you can reach and run npm start again.',
    '',
    'Everything except the window works without it: `npx rolecall ui` (the app in your browser, after `npm run build`), `npx rolecall --help` (the CLI) and `npm test`.',
  ].join('\n');
}

/** The one line `npm start` prints when it opens RoleCall in the browser because Electron is missing. */
export function browserFallbackLine(reason: string): string {
  return `RoleCall: no Electron window (${reason}); opening RoleCall in your browser instead (rolecall ui, Ctrl+C stops it).`;
}
