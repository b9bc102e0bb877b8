// The window's preferences as main keeps them: across a restart (what browser mode on another port relies on), only
// RoleCall's own keys, an unreadable file read as empty and left as it is, the file 0600.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import { openTestApp } from '../testing/testApp';
import { createPreferences } from './preferences';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rolecall-preferences-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

describe('preferences in main', () => {
  it('survive a restart through the channels, and null removes one', async () => {
    const dir = await tempDir();
    const first = openTestApp(dir);
    value(await first.registry.invoke('preferences:set', { key: 'rolecall.theme', value: 'dark' }));
    value(await first.registry.invoke('preferences:set', { key: 'rolecall.profileFor.c1', value: 'corp-dev' }));
    await first.dispose();
    const second = openTestApp(dir);
    expect(value(await second.registry.invoke('preferences:get', {}))).toEqual({ values: { 'rolecall.theme': 'dark', 'rolecall.profileFor.c1': 'corp-dev' } });
    value(await second.registry.invoke('preferences:set', { key: 'rolecall.theme', value: null }));
    expect(value(await second.registry.invoke('preferences:get', {}))).toEqual({ values: { 'rolecall.profileFor.c1': 'corp-dev' } });
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'preferences.json')).mode & 0o777).toBe(0o600);
    await second.dispose();
  });

  it('take only RoleCall’s own keys, with a clear error for others', async () => {
    const app = openTestApp(await tempDir());
    const refused = await app.registry.invoke('preferences:set', { key: 'somebody.else', value: 'x' });
    expect(refused.ok ? '' : refused.error.code).toBe('INVALID_INPUT');
    expect(refused.ok ? '' : refused.error.message).not.toMatch(/regex|zod|Invalid string/i);
    await app.dispose();
  });

  it('read an unreadable file as empty and leave it as it is until the next choice', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'preferences.json');
    fs.writeFileSync(file, '{"rolecall.theme": "da');
    const prefs = createPreferences(file);
    expect(prefs.all()).toEqual({});
    expect(fs.readFileSync(file, 'utf8')).toBe('{"rolecall.theme": "da');
    prefs.set('rolecall.theme', 'light');
    expect(createPreferences(file).all()).toEqual({ 'rolecall.theme': 'light' });
  });
});
