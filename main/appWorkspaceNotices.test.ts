// What workspace:load tells the renderer about recovery, through the channels: the notices (until
// workspace:dismissNotice), stored key records that could not be read, and a read-only workspace refusing saves.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../src/errors';
import type { Workspace } from '../src/models/workspace';
import { confStoreFile } from './services/confStore';
import { createProcessCipher } from './testing/processCipher';
import { openTestApp } from './testing/testApp';

const cipher = createProcessCipher();
const KEYS = { name: 'team', accessKeyId: 'AKIANOTICESEXAMPLE01', secretAccessKey: 'noticesSecretKeyNeverShown0001' };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-notices-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const start = () => openTestApp(dir, { cipher });

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
const load = async (app: ReturnType<typeof start>) => value<Workspace>(await app.registry.invoke('workspace:load', {}));
const collection = { id: 'c1', name: 'Team', items: [] };

describe('workspace notices through the channels', () => {
  it('reports set-aside data and unreadable key records on every start until the notice is dismissed', async () => {
    const first = start();
    value(await first.registry.invoke('collections:save', { collection }));
    value(await first.registry.invoke('keys:save', KEYS));
    const stored = JSON.parse(readFileSync(confStoreFile(dir), 'utf8'));
    stored.environments = [{ id: 'e1', name: 'ok' }, { name: 'no id' }];
    stored.storedKeys.broken = { accessKeyId: 1 };
    writeFileSync(confStoreFile(dir), JSON.stringify(stored));

    const loaded = await load(start());
    expect(loaded.collections.map((c) => c.id)).toEqual(['c1']);
    expect(loaded.environments.map((e) => e.id)).toEqual(['e1']);
    expect(loaded.storedKeys.map((k) => k.name)).toEqual(['team']);
    expect(loaded.storedKeyProblems).toEqual([{ name: 'broken', problem: expect.any(String) }]);
    expect(loaded.notices).toHaveLength(1);
    const notice = loaded.notices[0]!;
    expect(readFileSync(notice.file!, 'utf8')).toContain('no id');

    const again = start();
    expect((await load(again)).notices).toEqual([notice]);
    expect(value(await again.registry.invoke('workspace:dismissNotice', { id: notice.id }))).toEqual({ dismissed: true });
    expect((await load(start())).notices).toEqual([]);
    expect(JSON.stringify(await load(start()))).not.toContain(KEYS.secretAccessKey);
  });

  it('refuses saves with READ_ONLY_WORKSPACE when the workspace is from a newer RoleCall, and says so', async () => {
    value(await start().registry.invoke('collections:save', { collection }));
    const newer = JSON.stringify({ ...JSON.parse(readFileSync(confStoreFile(dir), 'utf8')), version: 99 });
    writeFileSync(confStoreFile(dir), newer);
    const app = start();
    const loaded = await load(app);
    expect(loaded.readOnly).toBe(true);
    expect(loaded.collections.map((c) => c.id)).toEqual(['c1']);
    for (const [channel, input] of [
      ['collections:save', { collection: { ...collection, id: 'c2' } }],
      ['tabs:save', { open: [] }],
      ['workspace:dismissNotice', { id: 'read-only' }],
    ] as const) {
      const result = await app.registry.invoke(channel, input);
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('READ_ONLY_WORKSPACE');
    }
    expect(readFileSync(confStoreFile(dir), 'utf8')).toBe(newer);
  });
});
