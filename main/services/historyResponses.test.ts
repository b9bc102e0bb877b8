// The responses history keeps: only the newest N entries, within the total bound, the oldest going first; a bad or
// oversized file is reported for its own entry and never costs another entry its response; files are 0600.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredResponse } from '../../src/models/historyResponse';
import { createHistoryResponses, MAX_RESPONSE_FILE_BYTES } from './historyResponses';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rolecall-history-responses-'));
  dirs.push(dir);
  return path.join(dir, 'history-responses');
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const response = (entryId: string, body = `body of ${entryId}`): StoredResponse => ({
  entryId,
  at: '2026-01-01T00:00:00.000Z',
  status: 200,
  statusText: 'OK',
  httpVersion: '1.1',
  headers: [['content-type', 'text/plain']],
  bodyBase64: Buffer.from(body).toString('base64'),
  size: Buffer.byteLength(body),
  truncated: false,
});

const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => `e${n - i}`);

describe('history responses', () => {
  it('keeps only the newest N entries’ responses', async () => {
    const store = createHistoryResponses({ dir: await tempDir(), count: 3 });
    for (let i = 1; i <= 5; i++) store.keep(response(`e${i}`), newestFirst(i));
    expect(store.usage().count).toBe(3);
    expect(store.get('e5')?.entryId).toBe('e5');
    expect(store.get('e3')?.entryId).toBe('e3');
    expect(store.get('e2')).toBeUndefined();
    expect(store.get('e1')).toBeUndefined();
  });

  it('stays within the total bytes, dropping the oldest responses first', async () => {
    const big = 'x'.repeat(10_000);
    const one = JSON.stringify(response('e1', big)).length;
    const store = createHistoryResponses({ dir: await tempDir(), count: 20, totalBytes: one * 3 + 10 });
    for (let i = 1; i <= 6; i++) store.keep(response(`e${i}`, big), newestFirst(i));
    expect(store.usage().bytes).toBeLessThanOrEqual(one * 3 + 10);
    expect(['e6', 'e5', 'e4'].map((id) => store.get(id)?.entryId)).toEqual(['e6', 'e5', 'e4']);
    expect(['e3', 'e2', 'e1'].map((id) => store.get(id))).toEqual([undefined, undefined, undefined]);
  });

  it('does not keep a response for an entry that is not among the newest N', async () => {
    const store = createHistoryResponses({ dir: await tempDir(), count: 2 });
    expect(store.keep(response('old'), ['a', 'b', 'old'])).toBe(false);
    expect(store.get('old')).toBeUndefined();
  });

  it('writes each response 0600, named by a hash rather than the entry id', async () => {
    const dir = await tempDir();
    const store = createHistoryResponses({ dir });
    store.keep(response('../../escape'), ['../../escape']);
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{40}\.json$/);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(store.get('../../escape')!.bodyBase64, 'base64').toString()).toBe('body of ../../escape');
  });

  it('reports a damaged file for its entry only; the other responses are kept and read', async () => {
    const dir = await tempDir();
    const first = createHistoryResponses({ dir });
    first.keep(response('a'), ['a']);
    first.keep(response('b'), ['b', 'a']);
    first.keep(response('c'), ['c', 'b', 'a']);
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(3);
    // Damage b's file: JSON cut short.
    const bFile = files.find((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('"entryId":"b"'))!;
    fs.writeFileSync(path.join(dir, bFile), '{"entryId":"b","status":2');

    const reopened = createHistoryResponses({ dir });
    reopened.prune(['c', 'b', 'a']);
    expect(() => reopened.get('b')).toThrow(/could not be read/);
    expect(reopened.get('a')?.entryId).toBe('a');
    expect(reopened.get('c')?.entryId).toBe('c');
  });

  it('reports a file larger than RoleCall writes without reading it, and it pushes no good response out', async () => {
    const dir = await tempDir();
    const first = createHistoryResponses({ dir, totalBytes: 4096 });
    first.keep(response('a'), ['a']);
    first.keep(response('b'), ['b', 'a']);
    const bFile = fs.readdirSync(dir).find((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('"entryId":"b"'))!;
    fs.writeFileSync(path.join(dir, bFile), Buffer.alloc(MAX_RESPONSE_FILE_BYTES + 1, 0x20));

    const reopened = createHistoryResponses({ dir, totalBytes: 4096 });
    reopened.prune(['b', 'a']);
    expect(() => reopened.get('b')).toThrow(/larger than RoleCall writes/);
    expect(reopened.get('a')?.entryId).toBe('a');
  });

  it('clears every response, and works in memory without a folder', async () => {
    const dir = await tempDir();
    const onDisk = createHistoryResponses({ dir });
    onDisk.keep(response('a'), ['a']);
    onDisk.keep(response('b'), ['b', 'a']);
    expect(onDisk.clear()).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(onDisk.get('a')).toBeUndefined();

    const inMemory = createHistoryResponses({ count: 1 });
    inMemory.keep(response('a'), ['a']);
    inMemory.keep(response('b'), ['b', 'a']);
    expect(inMemory.get('b')?.entryId).toBe('b');
    expect(inMemory.get('a')).toBeUndefined();
  });
});
