// Runs "Copy as" snippets as a user would paste them: curl lines through bash, Python through python3, TypeScript
// through esbuild's type stripping and node. Each tool is looked for once; a missing one is a skip with a reason,
// except under CI=true where it is a failure (.ci/run installs them).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const RUN_TIMEOUT_MS = 30_000;
const repoRoot = join(__dirname, '..', '..');

function works(file: string, args: string[], expect?: RegExp): boolean {
  try {
    const out = execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000 });
    return expect ? expect.test(out) : true;
  } catch {
    return false;
  }
}

/** curl that knows --aws-sigv4 (7.75+), or the reason there is none. */
export function findCurl(): { path: string } | { missing: string } {
  if (!works('curl', ['--version'])) return { missing: 'curl is not installed (apt-get install curl)' };
  if (!works('curl', ['--help', 'all'], /--aws-sigv4/)) return { missing: 'this curl has no --aws-sigv4 (curl 7.75 or newer needed)' };
  return { path: 'curl' };
}

/** A python3 that imports boto3 and requests: the one on PATH, else Debian's. */
export function findPython(): { path: string } | { missing: string } {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (works(candidate, ['-c', 'import boto3, requests'])) return { path: candidate };
  }
  return { missing: 'no python3 with boto3 and requests (apt-get install python3-boto3 python3-requests)' };
}

/** Fails under CI=true, where every tool must be present; elsewhere prints why the test is skipped. */
export function toolOrSkip(found: { path: string } | { missing: string }, what: string): string | undefined {
  if ('path' in found) return found.path;
  if (process.env.CI === 'true') throw new Error(`${what}: ${found.missing}; it is required in CI.`);
  console.warn(`Skipping ${what}: ${found.missing}.`);
  return undefined;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

/** A clean environment: none of the caller's AWS settings, HOME in the scratch folder, plus `extra`. */
export function snippetEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) env[key] = value;
  return { ...env, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1', ...extra };
}

export function runBash(snippet: string, env: NodeJS.ProcessEnv, cwd: string): Promise<RunResult> {
  return run('bash', ['-c', snippet], env, cwd);
}

/** bash -n: parses without running anything. */
export function runBashSyntax(script: string): Promise<RunResult> {
  return run('bash', ['-n'], { PATH: process.env.PATH ?? '' }, repoRoot, script);
}

/** Runs a Python program given on the command line with `input` on its stdin. */
export function runPythonStdin(python: string, program: string, input: string): Promise<RunResult> {
  return run(python, ['-c', program], { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, repoRoot, input);
}

export function runPython(python: string, snippet: string, env: NodeJS.ProcessEnv, cwd: string): Promise<RunResult> {
  const file = join(cwd, 'request.py');
  writeFileSync(file, snippet);
  return run(python, [file], env, cwd);
}

/**
 * Strips the TypeScript snippet's types with esbuild and runs it with node from a folder inside the repository, so
 * its imports resolve from the repository's node_modules as they would from the user's project.
 */
export async function runTypeScript(snippet: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  const { code } = await transform(snippet, { loader: 'ts', format: 'esm', target: 'node20' });
  const dir = mkdtempSync(join(repoRoot, 'node_modules', '.copyas-run-'));
  try {
    writeFileSync(join(dir, 'request.mjs'), code);
    return await run(process.execPath, [join(dir, 'request.mjs')], env, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
