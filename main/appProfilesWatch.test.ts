// A profile added to the AWS config file reaches the window without a restart: main says profiles:changed, and
// the next profiles:list has it (issue 11).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileList } from '../src/models/profile';
import { createApp, type App } from './app';

async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('profiles:changed', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });

  async function start(host: 'browser-test' | 'cli') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rolecall-appwatch-'));
    const env = { HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') };
    await writeFile(env.AWS_CONFIG_FILE, '[default]\nregion = us-east-1\n');
    const events: string[] = [];
    const app: App = createApp({ host, env, emit: (event) => events.push(event), awsFilesWatch: { intervalMs: 50, debounceMs: 20 } });
    cleanup.push(async () => {
      await app.dispose();
      await rm(dir, { recursive: true, force: true });
    });
    return { app, env, events };
  }

  it('is emitted when the config file changes, and the list then has the new profile', async () => {
    const { app, env, events } = await start('browser-test');
    await writeFile(env.AWS_CONFIG_FILE, '[default]\nregion = us-east-1\n\n[profile added]\nregion = eu-west-1\n');
    await waitFor(() => events.includes('profiles:changed'), 'profiles:changed');
    const list = await app.registry.invoke('profiles:list', {});
    expect(list.ok && (list.value as ProfileList).profiles.map((p) => p.name)).toEqual(['default', 'added']);
  });

  it('is never emitted by the CLI, which watches nothing', async () => {
    const { env, events } = await start('cli');
    await writeFile(env.AWS_CONFIG_FILE, '[profile other]\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(events).toEqual([]);
  });
});
