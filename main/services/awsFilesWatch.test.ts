import { appendFile, mkdtemp, rm, writeFile, mkdir, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchAwsFiles, type AwsFilesWatcher } from './awsFilesWatch';

async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('watching the AWS files', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });

  async function setup(createAwsDir: boolean) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-awswatch-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const aws = path.join(dir, '.aws');
    if (createAwsDir) await mkdir(aws);
    const env = { AWS_CONFIG_FILE: path.join(aws, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(aws, 'credentials') };
    let calls = 0;
    const watcher: AwsFilesWatcher = watchAwsFiles(env, () => calls++, { intervalMs: 50, debounceMs: 20 });
    cleanup.push(() => watcher.close());
    return { aws, env, calls: () => calls, watcher };
  }

  it('calls back when the config file is written, and again when the credentials file changes', async () => {
    const { env, calls } = await setup(true);
    await writeFile(env.AWS_CONFIG_FILE, '[profile dev]\nregion = eu-west-1\n');
    await waitFor(() => calls() >= 1, 'the config change');
    const after = calls();
    await writeFile(env.AWS_SHARED_CREDENTIALS_FILE, '[dev]\naws_access_key_id = AKIAEXAMPLE\n');
    await waitFor(() => calls() > after, 'the credentials change');
  });

  it('sees a file appear in a folder that did not exist when watching began', async () => {
    const { aws, env, calls } = await setup(false);
    await mkdir(aws);
    await writeFile(env.AWS_CONFIG_FILE, '[default]\nregion = us-east-1\n');
    await waitFor(() => calls() >= 1, 'the new file');
  });

  it('reports one edit once, though the folder watch and the poll both see it', async () => {
    const { env, calls } = await setup(true);
    await writeFile(env.AWS_SHARED_CREDENTIALS_FILE, '[dev]\naws_access_key_id = AKIAEXAMPLE\n');
    await waitFor(() => calls() >= 1, 'the new file');
    // Let the poll (every 50 ms) catch up with the write before the edit under test.
    await new Promise((r) => setTimeout(r, 400));
    const before = calls();
    await appendFile(env.AWS_SHARED_CREDENTIALS_FILE, '\n[added]\naws_access_key_id = AKIAADDED\n');
    await waitFor(() => calls() > before, 'the append');
    await new Promise((r) => setTimeout(r, 400));
    expect(calls()).toBe(before + 1);
  });

  it('says nothing when a file is touched but its bytes stay the same', async () => {
    const { env, calls } = await setup(true);
    await writeFile(env.AWS_CONFIG_FILE, '[default]\nregion = us-east-1\n');
    await waitFor(() => calls() >= 1, 'the new file');
    await new Promise((r) => setTimeout(r, 400));
    const before = calls();
    const later = new Date(Date.now() + 60_000);
    await utimes(env.AWS_CONFIG_FILE, later, later);
    await writeFile(env.AWS_CONFIG_FILE, '[default]\nregion = us-east-1\n');
    await new Promise((r) => setTimeout(r, 400));
    expect(calls()).toBe(before);
  });

  it('stays quiet after close', async () => {
    const { env, calls, watcher } = await setup(true);
    watcher.close();
    await writeFile(env.AWS_CONFIG_FILE, '[default]\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls()).toBe(0);
  });
});
