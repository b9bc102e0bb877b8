// History's responses through the channels, as the window uses them: kept after history:add, read back after a
// restart, gone with history:clear, never kept for an entry history does not hold, never with credentials.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import type { StoredResponse } from '../../src/models/historyResponse';
import { openTestApp } from '../testing/testApp';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rolecall-history-channels-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const entry = (id: string) => ({ id, at: '2026-01-01T00:00:00.000Z', request: { id: `r-${id}`, name: id, method: 'GET', url: 'https://api.example.com/orders' }, resolvedUrl: 'https://api.example.com/orders', status: 200 });
const response = (body: string) => ({ status: 200, statusText: 'OK', headers: [['content-type', 'application/json']], bodyBase64: Buffer.from(body).toString('base64'), size: Buffer.byteLength(body) });

describe('history responses through the channels', () => {
  it('keeps a response after history:add, reads it after a restart, and history:clear removes it', async () => {
    const dir = await tempDir();
    const first = openTestApp(dir);
    value(await first.registry.invoke('history:add', { entry: entry('h1') }));
    expect(value(await first.registry.invoke('history:keepResponse', { entryId: 'h1', response: response('{"orders":[1]}') }))).toEqual({ kept: true });
    await first.dispose();

    const second = openTestApp(dir);
    const read = value<{ response?: StoredResponse }>(await second.registry.invoke('history:response', { entryId: 'h1' }));
    expect(Buffer.from(read.response!.bodyBase64, 'base64').toString()).toBe('{"orders":[1]}');
    expect(read.response).toMatchObject({ entryId: 'h1', at: '2026-01-01T00:00:00.000Z', status: 200, truncated: false });

    value(await second.registry.invoke('history:clear', {}));
    expect(value(await second.registry.invoke('history:response', { entryId: 'h1' }))).toEqual({});
    expect(fs.readdirSync(path.join(dir, 'history-responses'))).toEqual([]);
    await second.dispose();
  });

  it('keeps nothing for an entry history does not hold', async () => {
    const app = openTestApp(await tempDir());
    expect(value(await app.registry.invoke('history:keepResponse', { entryId: 'nope', response: response('x') }))).toEqual({ kept: false });
    expect(value(await app.registry.invoke('history:response', { entryId: 'nope' }))).toEqual({});
    await app.dispose();
  });

  it('never writes an STS answer’s credentials to disk', async () => {
    const dir = await tempDir();
    const app = openTestApp(dir);
    const secret = 'stsSecretAccessKeyNeverOnDisk0000000000001';
    value(await app.registry.invoke('history:add', { entry: entry('sts') }));
    const kept = value<{ kept: boolean; withheld?: string }>(
      await app.registry.invoke('history:keepResponse', {
        entryId: 'sts',
        response: response(`<AssumeRoleResponse><Credentials><SecretAccessKey>${secret}</SecretAccessKey></Credentials></AssumeRoleResponse>`),
      }),
    );
    expect(kept.withheld).toMatch(/holds credentials \(SecretAccessKey\)/);
    const files = fs.readdirSync(path.join(dir, 'history-responses'));
    for (const file of files) expect(fs.readFileSync(path.join(dir, 'history-responses', file), 'utf8')).not.toContain(secret);
    const read = value<{ response?: StoredResponse }>(await app.registry.invoke('history:response', { entryId: 'sts' }));
    expect(read.response?.bodyBase64).toBe('');
    expect(read.response?.withheld).toMatch(/holds credentials/);
    await app.dispose();
  });

  it('keeps a spooled body’s first 1 MiB read from the spool folder, with the window’s secret values masked; never a file outside it', async () => {
    const dir = await tempDir();
    const app = openTestApp(dir);
    const spool = path.join(dir, 'spool');
    fs.mkdirSync(spool, { recursive: true });
    const secret = 'echoedSecretVariableValue01';
    const big = `{"echo":"${secret}","pad":"${'p'.repeat(2 * 1024 * 1024)}"}`;
    fs.writeFileSync(path.join(spool, 'body-1'), big);
    value(await app.registry.invoke('history:add', { entry: entry('big') }));
    const spooled = { status: 200, statusText: 'OK', headers: [], bodyBase64: '', size: big.length, spoolFile: path.join(spool, 'body-1'), maskForms: [secret] };
    expect(value(await app.registry.invoke('history:keepResponse', { entryId: 'big', response: spooled }))).toEqual({ kept: true });
    const kept = value<{ response?: StoredResponse }>(await app.registry.invoke('history:response', { entryId: 'big' })).response!;
    const text = Buffer.from(kept.bodyBase64, 'base64').toString();
    expect(text.startsWith('{"echo":"••••••","pad":"ppp')).toBe(true);
    expect(text).not.toContain(secret);
    expect(kept).toMatchObject({ size: big.length, truncated: true });

    fs.writeFileSync(path.join(dir, 'outside'), 'not a spooled body');
    value(await app.registry.invoke('history:add', { entry: entry('outside') }));
    const refused = value<{ kept: boolean; withheld?: string }>(
      await app.registry.invoke('history:keepResponse', { entryId: 'outside', response: { ...spooled, spoolFile: path.join(dir, 'outside') } }),
    );
    expect(refused.withheld).toMatch(/could no longer be read/);
    expect(value<{ response?: StoredResponse }>(await app.registry.invoke('history:response', { entryId: 'outside' })).response?.bodyBase64).toBe('');
    await app.dispose();
  });

  it('drops a response when its entry leaves history', async () => {
    const app = openTestApp(await tempDir());
    value(await app.registry.invoke('history:add', { entry: entry('a') }));
    value(await app.registry.invoke('history:keepResponse', { entryId: 'a', response: response('a') }));
    for (let i = 0; i < 20; i++) value(await app.registry.invoke('history:add', { entry: entry(`n${i}`) }));
    expect(value(await app.registry.invoke('history:response', { entryId: 'a' }))).toEqual({});
    await app.dispose();
  });
});
