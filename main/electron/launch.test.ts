// Runs the launcher as `npm start` does (bundled, plain Node) against a fake project whose "Electron" is a shell
// script, so what is checked is the real process: arguments passed, exit code forwarded, and the message printed
// when there is no binary and the download fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let launcher = '';
const temps: string[] = [];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-launch-build-'));
  temps.push(dir);
  launcher = path.join(dir, 'launch.cjs');
  await build({
    entryPoints: [path.join(repoRoot, 'main/electron/launch.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: launcher,
    external: ['electron', 'electron-store'],
    logLevel: 'silent',
  });
});

afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project root with dist/electron/launch.cjs and a fake electron package; returns the root. */
function fakeProject(options: { binary?: string; binaryMode?: number; installJs: string; cli?: string }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rolecall-launch-'));
  temps.push(root);
  fs.writeFileSync(path.join(root, 'package.json'), '{"name":"rolecall-fake","main":"dist/electron/shell.cjs"}');
  fs.mkdirSync(path.join(root, 'dist', 'electron'), { recursive: true });
  fs.copyFileSync(launcher, path.join(root, 'dist', 'electron', 'launch.cjs'));
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","version":"45.4.1"}');
  fs.writeFileSync(path.join(pkg, 'index.js'), 'throw new Error("the launcher must not require electron");');
  fs.writeFileSync(path.join(pkg, 'install.js'), options.installJs);
  if (options.binary !== undefined) {
    fs.mkdirSync(path.join(pkg, 'dist'));
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), options.binary, { mode: options.binaryMode ?? 0o755 });
  }
  if (options.cli !== undefined) {
    fs.mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'cli', 'rolecall.cjs'), options.cli);
  }
  return root;
}

function runLauncher(root: string, args: string[], env: Record<string, string> = {}) {
  const cleanEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete cleanEnv.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [path.join(root, 'dist', 'electron', 'launch.cjs'), ...args], {
    encoding: 'utf8',
    env: cleanEnv,
    timeout: 30_000,
  });
}

describe.skipIf(process.platform === 'win32')('launcher', () => {
  it('runs Electron on the project root with the arguments given and forwards its exit code', () => {
    const root = fakeProject({
      binary: '#!/bin/sh\necho "args:$*"\necho "run-as-node:${ELECTRON_RUN_AS_NODE:-unset}"\nexit 3\n',
      installJs: 'process.exit(9);',
    });
    const result = runLauncher(root, ['--dev'], { ELECTRON_RUN_AS_NODE: '1' });
    // Node reports the script's real path, so on macOS /var/... becomes /private/var/...
    expect(result.stdout).toContain(`args:${fs.realpathSync(root)} --dev`);
    expect(result.stdout).toContain('run-as-node:unset');
    expect(result.status).toBe(3);
  });

  const FAKE_UI = 'console.log("ui-args:" + process.argv.slice(2).join(" ")); process.exit(4);';

  it('opens RoleCall in the browser (rolecall ui) when there is no binary, saying so in one line', () => {
    const root = fakeProject({ installJs: 'console.error("TypeError: fetch failed"); process.exit(1);', cli: FAKE_UI });
    const result = runLauncher(root, ['--dev']);
    expect(result.stdout).toContain('ui-args:ui');
    expect(result.status).toBe(4);
    const lines = result.stderr.split('\n').filter((l) => l.includes('browser'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^RoleCall: no Electron window \(the download failed: TypeError: fetch failed\); opening RoleCall in your browser instead/);
    expect(result.stderr).not.toContain("Electron's binary is not installed");
  });

  it('opens RoleCall in the browser when the binary is there but cannot be started', () => {
    const root = fakeProject({ binary: '#!/bin/sh\necho electron-ran\n', binaryMode: 0o644, installJs: 'process.exit(9);', cli: FAKE_UI });
    const result = runLauncher(root, []);
    expect(result.stdout).not.toContain('electron-ran');
    expect(result.stdout).toContain('ui-args:ui');
    expect(result.stderr).toMatch(/could not be started: .*EACCES.*opening RoleCall in your browser instead/);
    expect(result.status).toBe(4);
  });

  it('opens RoleCall in the browser when the binary starts but dies at once (missing libraries, no display)', () => {
    const root = fakeProject({
      binary: '#!/bin/sh\necho "electron: error while loading shared libraries: libnss3.so" >&2\nexit 1\n',
      installJs: 'process.exit(9);',
      cli: FAKE_UI,
    });
    const result = runLauncher(root, []);
    expect(result.stderr).toContain('libnss3.so');
    expect(result.stdout).toContain('ui-args:ui');
    expect(result.stderr).toMatch(/no Electron window \(.*electron exited at once with code 1\); opening RoleCall in your browser instead/);
    expect(result.status).toBe(4);
  });

  it('without a built CLI either, tries the download once, then explains how to provide Electron and exits 1 without a stack trace', () => {
    const root = fakeProject({
      installJs: 'console.error("TypeError: fetch failed\\n    at node:internal/deps/undici/undici:1:1"); process.exit(1);',
    });
    const result = runLauncher(root, []);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('trying to download it once');
    expect(result.stderr).toContain("Electron's binary is not installed and could not be downloaded");
    expect(result.stderr).toContain('Reason: the download failed: TypeError: fetch failed');
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(result.stderr).toContain('npx rolecall --help');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('starts Electron when the download step provides it', () => {
    const root = fakeProject({
      installJs: [
        'const fs = require("fs");',
        'fs.mkdirSync("dist", { recursive: true });',
        'fs.writeFileSync("dist/electron", "#!/bin/sh\\necho downloaded-electron\\n", { mode: 0o755 });',
      ].join('\n'),
    });
    const result = runLauncher(root, []);
    expect(result.stdout).toContain('downloaded-electron');
    expect(result.status).toBe(0);
  });
});
