// Vitest global setup: tests run the TypeScript sources, but a worker thread needs JavaScript, so the format worker
// is bundled once per run, as `npm run build:main` bundles it, into a temporary folder (removed afterwards).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rolecall-format-worker-'));
  const outfile = path.join(dir, 'formatWorker.cjs');
  await build({
    entryPoints: [path.join(project.config.root, 'main/services/formatWorker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  project.provide('formatWorkerScript', outfile);
  return () => rm(dir, { recursive: true, force: true });
}
