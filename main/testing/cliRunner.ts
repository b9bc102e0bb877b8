// The rolecall bin for CLI tests: bundled as npm run build bundles it, into a temporary folder, and run as a user
// runs it, in a child process with only the environment a test gives it (no AWS variables leak in from here).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { cliBundles } from '../cli/bundleOptions';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /**
   * Added to PATH, HOME, AWS_EC2_METADATA_DISABLED=true (so no test waits for an instance metadata service) and
   * XDG_CACHE_HOME in the bin's own folder (the code cache of one build stays with it).
   */
  env?: Record<string, string>;
  /** Written to the child's stdin, which is then closed; without it stdin is not connected. */
  stdin?: string;
  /** HOME for the child (default: the system temp folder). */
  home?: string;
}

/**
 * Builds main/cli/rolecall.ts into a new temporary folder named with `prefix`; returns the folder and the bin. The
 * folder is under the project's node_modules/.cache: the bin loads its external packages (bundleOptions.ts) from
 * node_modules, as it does where it is installed.
 */
export async function buildCli(prefix: string): Promise<{ dir: string; bin: string }> {
  const root = resolve(__dirname, '../..');
  const cache = join(root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, prefix));
  await Promise.all(cliBundles(root, dir).map((options) => build({ ...options, logLevel: 'error' })));
  return { dir, bin: join(dir, 'rolecall.cjs') };
}

export function runCli(bin: string, args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: options.home ?? tmpdir(),
        AWS_EC2_METADATA_DISABLED: 'true',
        XDG_CACHE_HOME: join(dirname(bin), 'cache'),
        ...options.env,
      },
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
