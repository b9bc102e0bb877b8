// The rolecall bin for CLI tests: bundled as npm run build bundles it, into a temporary folder, and run as a user
// runs it, in a child process with only the environment a test gives it (no AWS variables leak in from here).
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to PATH, HOME and AWS_EC2_METADATA_DISABLED=true (so no test waits for an instance metadata service). */
  env?: Record<string, string>;
  /** Written to the child's stdin, which is then closed; without it stdin is not connected. */
  stdin?: string;
  /** HOME for the child (default: the system temp folder). */
  home?: string;
}

/** Builds main/cli/rolecall.ts into a new temporary folder named with `prefix`; returns the folder and the bin. */
export async function buildCli(prefix: string): Promise<{ dir: string; bin: string }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const bin = join(dir, 'rolecall.cjs');
  const root = resolve(__dirname, '../..');
  await build({ entryPoints: [join(root, 'main/cli/rolecall.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bin, logLevel: 'error' });
  return { dir, bin };
}

export function runCli(bin: string, args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: options.home ?? tmpdir(), AWS_EC2_METADATA_DISABLED: 'true', ...options.env },
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  });
}
