// Credentials never rest in collections or tabs, and never leave in an export: a typed Authorization or
// X-Amz-Security-Token header is refused by collections:save (the message names the header, never its value) and
// emptied by tabs:save (saved automatically, so refusing would silently stop every tab from being kept); the
// exporters leave such values out even of collections stored before these checks existed.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../src/errors';
import { collectionSchema, type Workspace } from '../src/models/workspace';
import { openConfStore } from './services/confStore';
import { openTestApp } from './testing/testApp';
import { createWorkspaceStore } from './services/workspaceStore';

const TOKEN = 'FwoGZXIvYXdzEAtRestTokenThatMustNeverBeKept////abc==';
const SIGNATURE = 'AWS4-HMAC-SHA256 Credential=AKIAATRESTEXAMPLE01/20250101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=0123abcd';
const PRESIGNED = `https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAATRESTEXAMPLE01%2F20250101&X-Amz-Signature=feedface0123&X-Amz-Security-Token=${encodeURIComponent(TOKEN)}&page=2`;

const header = (id: string, key: string, value: string) => ({ id, key, value, enabled: true, secret: false });
const request = (headers: ReturnType<typeof header>[], url = 'https://api.example.com/x') => ({ kind: 'request' as const, id: 'r1', name: 'Signed call', method: 'GET', url, headers });
const collectionWith = (headers: ReturnType<typeof header>[], url?: string) =>
  collectionSchema.parse({ id: 'c1', name: 'Team', items: [{ kind: 'folder', id: 'f1', name: 'Admin', items: [request(headers, url)] }] });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rolecall-at-rest-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function start(saved: string[] = []) {
  return openTestApp(dir, {
    chooseSavePath: async () => {
      const target = path.join(dir, `export-${saved.length}.json`);
      saved.push(target);
      return target;
    },
  });
}

const load = async (app: ReturnType<typeof start>) => {
  const result = (await app.registry.invoke('workspace:load', {})) as Result<Workspace>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('credentials at rest', () => {
  it.each([
    ['Authorization', SIGNATURE],
    ['X-Amz-Security-Token', TOKEN],
  ])('collections:save refuses a request carrying a typed %s header, naming it but not its value', async (name, value) => {
    const app = start();
    const result = await app.registry.invoke('collections:save', { collection: collectionWith([header('h1', 'accept', '*/*'), header('h2', name, value)]) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(`${result.error.message} ${result.error.detail}`).toContain(name);
    expect(`${result.error.message} ${result.error.detail}`).toContain('Signed call');
    expect(JSON.stringify(result.error)).not.toContain(value);
    expect((await load(start())).collections).toEqual([]);
  });

  it('collections:save keeps {{variable}} templates and masks a presigned URL\'s signature, credential and token', async () => {
    const app = start();
    const ok = await app.registry.invoke('collections:save', { collection: collectionWith([header('h1', 'Authorization', '{{ auth }}')], PRESIGNED) });
    expect(ok.ok).toBe(true);
    const reopened = start();
    const tree = JSON.stringify((await load(reopened)).collections);
    const doc = await reopened.registry.invoke('requests:get', { collectionId: 'c1', requestId: 'r1' });
    const kept = `${tree} ${JSON.stringify(doc)}`;
    expect(doc.ok).toBe(true);
    expect(kept).toContain('{{ auth }}');
    expect(kept).toContain('page=2');
    for (const secret of ['feedface0123', 'AKIAATRESTEXAMPLE01', TOKEN, encodeURIComponent(TOKEN)]) expect(kept).not.toContain(secret);
  });

  it('tabs:save keeps the tab but not the credential: the header stays with an empty value', async () => {
    const app = start();
    const draft = { ...request([header('h1', 'X-Amz-Security-Token', TOKEN), header('h2', 'accept', 'application/json')], PRESIGNED), kind: undefined };
    delete draft.kind;
    const result = await app.registry.invoke('tabs:save', { open: [{ id: 't1', draft }], activeId: 't1' });
    expect(result.ok).toBe(true);
    const tabs = (await load(start())).tabs;
    expect(tabs.open[0]!.draft.headers.map((h) => [h.key, h.value])).toEqual([['X-Amz-Security-Token', ''], ['accept', 'application/json']]);
    const text = JSON.stringify(tabs) + readFileSync(path.join(dir, 'workspace.json'), 'utf8');
    for (const secret of [TOKEN, encodeURIComponent(TOKEN), 'feedface0123']) expect(text).not.toContain(secret);
  });

  it('exports of a collection stored before the check never carry its credential headers or presigned values', async () => {
    const legacy = collectionWith([header('h1', 'X-Amz-Security-Token', TOKEN), header('h2', 'Authorization', SIGNATURE)], PRESIGNED);
    const seeded = openConfStore(dir);
    createWorkspaceStore(seeded.backend, { collectionFiles: seeded.collectionFiles }).saveCollection(legacy);
    const saved: string[] = [];
    const app = start(saved);
    for (const format of ['rolecall', 'postman'] as const) {
      const result = await app.registry.invoke('collections:export', { id: 'c1', format });
      expect(result.ok).toBe(true);
    }
    expect(saved).toHaveLength(2);
    for (const file of saved) {
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('X-Amz-Security-Token');
      for (const secret of [TOKEN, encodeURIComponent(TOKEN), SIGNATURE, 'feedface0123', 'AKIAATRESTEXAMPLE01']) expect(text).not.toContain(secret);
    }
  });
});
