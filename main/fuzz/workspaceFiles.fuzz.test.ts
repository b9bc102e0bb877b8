// Fuzzes the saved workspace on disk: a valid store (collections in files of their own, environments, history,
// tabs, stored keys) is written through the IPC channels, then its files are mutated (truncated, bytes flipped,
// emptied, deleted, one entry of the wrong type, a newer schema version, extra keys, a broken collection order)
// and the app is opened on them again. Whatever was not mutated must still be listed, what was set aside must keep
// the bad bytes, the user must be told, a newer version's file is never rewritten, and after a further save and
// restart nothing that was listed has gone.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import type { Workspace } from '../../src/models/workspace';
import { collectionFileName } from '../services/workspaceStore';
import { confCollectionsDir, confStoreFile } from '../services/confStore';
import { createProcessCipher } from '../testing/processCipher';
import { MAX_BLOCK_MS, measureBlocking, measureSync } from './eventLoopWatch';
import { clip, confirmedBlock, fuzz } from './harness';
import type { Rng } from './random';
import { bytesKept, collection, fuzzTempRoot, openStoreApp, request } from './storeFiles';

const INPUTS = 200;
const COLLECTION_IDS = ['c1', 'c2', 'c3', 'c.4'];
const SECTIONS = ['environments', 'history', 'tabs'] as const;
type Section = (typeof SECTIONS)[number];

interface Mutation {
  /** "main" or a collection id. */
  file: string;
  kind: string;
  /** The new bytes; undefined when the file was deleted. */
  bytes?: Buffer;
  /** The JSON value that is wrong, when the mutation was one value: a correct store may set aside only it. */
  bad?: unknown;
  /** For one bad entry of a main-file section: which section and the id of the entry. */
  entry?: { section: Section; id: string };
  /** Main-file mutations that leave every value valid: nothing at all may go missing. */
  harmless?: boolean;
  newerVersion?: boolean;
}

/** The user is told something about the store: a notice (or, in older versions, the recovered message). */
function told(w: Workspace): boolean {
  const loose = w as unknown as { notices?: unknown[]; recovered?: unknown };
  return (loose.notices?.length ?? 0) > 0 || loose.recovered !== undefined;
}

const wrongValues = [42, 'x', null, true, [], {}, { nested: [1, 2, 3] }, -1.5];

/** A value of another type than `original` (a different string or an empty list could still be valid). */
function wrongFor(rng: Rng, original: unknown): unknown {
  const shape = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  return rng.pick(wrongValues.filter((v) => shape(v) !== shape(original) && !(shape(original) === 'object' && shape(v) === 'array')));
}

function mutateBytes(rng: Rng, data: Buffer): { kind: string; bytes?: Buffer } {
  return rng.weighted<{ kind: string; bytes?: Buffer }>([
    [3, { kind: 'truncated', bytes: data.subarray(0, rng.int(0, Math.max(0, data.length - 1))) }],
    [3, { kind: 'bytes flipped', bytes: rng.mutateBytes(data) }],
    [1, { kind: 'emptied', bytes: Buffer.alloc(0) }],
    [1, { kind: 'deleted' }],
    [1, { kind: 'garbage', bytes: rng.bytes(rng.int(1, 200)) }],
    [1, { kind: 'invalid UTF-8 inside a string', bytes: Buffer.concat([data.subarray(0, Math.floor(data.length / 2)), Buffer.from([0xc3, 0x28, 0xff]), data.subarray(Math.floor(data.length / 2))]) }],
  ]);
}

function mutateMain(rng: Rng, data: Buffer): Mutation {
  const json = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
  const choice = rng.int(0, 9);
  const out = (m: Omit<Mutation, 'file' | 'bytes'>): Mutation => ({ file: 'main', bytes: Buffer.from(JSON.stringify(json)), ...m });
  if (choice <= 2) {
    const section = rng.pick(SECTIONS);
    const list = (section === 'tabs' ? (json.tabs as { open: unknown[] }).open : json[section]) as Array<Record<string, unknown>>;
    const index = rng.int(0, list.length - 1);
    const entry = list[index]!;
    const id = entry.id as string;
    const field = rng.pick(Object.keys(entry).filter((k) => k !== 'id'));
    entry[field] = wrongFor(rng, entry[field]);
    if (section === 'tabs' && (json.tabs as { activeId?: string }).activeId === id) delete (json.tabs as { activeId?: string }).activeId;
    return out({ kind: `one ${section} entry has a wrong ${field}`, bad: entry, entry: { section, id } });
  }
  if (choice === 3) {
    json.version = rng.pick([3, 4, 99]);
    if (rng.chance(0.5)) json.futureSection = { added: 'by a newer RoleCall' };
    return out({ kind: `newer schema version ${String(json.version)}`, newerVersion: true });
  }
  if (choice === 4) {
    json[`extra${rng.int(0, 99)}`] = rng.pick(wrongValues);
    for (const section of SECTIONS) {
      const list = (section === 'tabs' ? (json.tabs as { open: unknown[] }).open : json[section]) as Array<Record<string, unknown>>;
      if (rng.chance(0.5)) list[0]!.unknownKey = 'kept or dropped, never fatal';
    }
    return out({ kind: 'extra keys', harmless: true });
  }
  if (choice === 5) {
    const order = json.collectionOrder as string[];
    order.splice(rng.int(0, order.length - 1), 1);
    return out({ kind: 'a collection dropped from the order', harmless: true });
  }
  if (choice === 6) {
    json.collectionOrder = rng.pick<unknown>([42, 'c1', [null, 5], ['ghost', ...(json.collectionOrder as string[])], [...(json.collectionOrder as string[]), 'c1'], ['']]);
    return out({ kind: `collection order ${JSON.stringify(json.collectionOrder)}`, bad: json.collectionOrder, harmless: true });
  }
  if (choice === 7) {
    json.version = rng.pick<unknown>(['2', -1, 1.5, null, {}]);
    return out({ kind: `version ${JSON.stringify(json.version)}`, bad: json.version });
  }
  const bytes = mutateBytes(rng, data);
  return { file: 'main', ...bytes };
}

function mutateCollection(rng: Rng, id: string, data: Buffer): Mutation {
  if (rng.chance(0.5)) {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    } catch {
      return { file: id, ...mutateBytes(rng, data) };
    }
    const doc = json.collection as Record<string, unknown>;
    const kind = rng.pick(['wrong name', 'wrong request method', 'items not a list', 'no collection key', 'extra keys', 'a different id']);
    if (kind === 'wrong name') doc.name = wrongFor(rng, doc.name);
    if (kind === 'wrong request method') ((doc.items as Array<{ items: Array<Record<string, unknown>> }>)[0]!.items[0]!).method = wrongFor(rng, 'GET');
    if (kind === 'items not a list') doc.items = rng.pick(wrongValues.filter((v) => !Array.isArray(v)));
    if (kind === 'no collection key') delete json.collection;
    if (kind === 'extra keys') Object.assign(json, { extra: 1 }, { collection: { ...doc, extra: [1] } });
    if (kind === 'a different id') doc.id = 'someone-else';
    return { file: id, kind, bytes: Buffer.from(JSON.stringify(json)), bad: json.collection ?? json };
  }
  return { file: id, ...mutateBytes(rng, data) };
}

describe('fuzz: workspace and collection files', () => {
  const cipher = createProcessCipher();
  let root: string;
  let pristine: string;
  let baseline: Workspace;
  const fileOf = (dir: string, id: string) => (id === 'main' ? confStoreFile(dir) : path.join(confCollectionsDir(dir), `${collectionFileName(id)}.json`));

  beforeAll(async () => {
    root = await mkdtemp(path.join(fuzzTempRoot(), 'rolecall-fuzz-workspace-'));
    pristine = path.join(root, 'pristine');
    const app = openStoreApp(pristine, cipher);
    const ok = async (channel: string, input: unknown) => {
      const result = await app.registry.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${result.error.detail ?? ''}`);
      return result.value;
    };
    for (const [i, id] of COLLECTION_IDS.entries()) await ok('collections:save', { collection: collection(id, `Collection ${i}`, i + 1) });
    await ok('environments:save', {
      environments: ['e1', 'e2', 'e3'].map((id) => ({ id, name: id, variables: [{ id: `${id}-v`, key: 'stage', value: id }] })),
      activeEnvironmentId: 'e2',
    });
    for (const id of ['h1', 'h2', 'h3', 'h4']) await ok('history:add', { entry: { id, at: '2025-01-01T00:00:00.000Z', request: request(id), resolvedUrl: `https://example.com/${id}`, status: 200 } });
    await ok('tabs:save', { open: ['t1', 't2', 't3'].map((id) => ({ id, draft: request(`d-${id}`) })), activeId: 't2' });
    await ok('keys:save', { name: 'team', accessKeyId: 'AKIAFUZZWORKSPACEEXAMPLE', secretAccessKey: 'fuzzWorkspaceSecretKey/0001' });
    await app.dispose();
    baseline = (await ok('workspace:load', {})) as Workspace;
    expect(baseline.collections.map((c) => c.id)).toEqual(COLLECTION_IDS);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Opens an app on `dir` and loads; the longest block and the answer. */
  async function openAndLoad(dir: string) {
    const opened = measureSync(() => openStoreApp(dir, cipher));
    if (opened.error !== undefined) return { threw: opened.error, blockedMs: opened.blockedMs };
    const loaded = await measureBlocking(() => opened.value!.registry.invoke('workspace:load', {}));
    return { app: opened.value!, loaded: loaded.value as Result<Workspace> | undefined, threw: loaded.error, blockedMs: Math.max(opened.blockedMs, loaded.blockedMs) };
  }

  it(`opens ${INPUTS} mutated stores without losing what was not mutated`, async () => {
    const outcome = await fuzz('workspace files', { count: INPUTS, budgetMs: 90_000 }, async ({ rng, index, fail }) => {
      const dir = path.join(root, `case-${index}`);
      fs.cpSync(pristine, dir, { recursive: true });
      const mutations: Mutation[] = [];
      const targets = rng.chance(0.25) ? ['main', rng.pick(COLLECTION_IDS)] : [rng.pick(['main', 'main', ...COLLECTION_IDS])];
      for (const file of new Set(targets)) {
        const at = fileOf(dir, file);
        const data = fs.readFileSync(at);
        const m = file === 'main' ? mutateMain(rng, data) : mutateCollection(rng, file, data);
        if (m.bytes) fs.writeFileSync(at, m.bytes);
        else fs.rmSync(at);
        mutations.push(m);
      }
      // The same mutated store again, built only if a block must be confirmed.
      const replay = `${dir}-again`;
      const rebuild = () => {
        fs.cpSync(pristine, replay, { recursive: true });
        for (const m of mutations) {
          if (m.bytes) fs.writeFileSync(fileOf(replay, m.file), m.bytes);
          else fs.rmSync(fileOf(replay, m.file));
        }
        return replay;
      };
      const input = mutations.map((m) => `${m.file === 'main' ? 'workspace.json' : `collection ${m.file}`}: ${m.kind}${m.bytes ? ` -> ${clip(JSON.stringify(m.bytes.toString('utf8')), 300)}` : ''}`).join('\n');

      const first = await openAndLoad(dir);
      const blocked = await confirmedBlock(first.blockedMs, async () => (await openAndLoad(rebuild())).blockedMs);
      if (blocked !== undefined) fail(`opening the store blocked the event loop for over ${MAX_BLOCK_MS} ms`, `${Math.round(blocked)} ms; ${input}`);
      if (first.threw !== undefined || !first.loaded) {
        fail(`opening the store threw (${clip(String(first.threw), 160)})`, input);
        return;
      }
      if (!first.loaded.ok) {
        fail(`workspace:load failed (${first.loaded.error.code}: ${clip(first.loaded.error.message, 160)})`, input);
        return;
      }
      const loaded = first.loaded.value;
      const mutatedIds = new Set(mutations.map((m) => m.file));
      const main = mutations.find((m) => m.file === 'main');
      const missing = missingFrom(loaded, main);
      const expectedCollections = COLLECTION_IDS.filter((id) => !mutatedIds.has(id));
      for (const id of expectedCollections) {
        const found = loaded.collections.find((c) => c.id === id);
        const want = baseline.collections.find((c) => c.id === id);
        if (!found) fail(`collection ${id}, not mutated, is missing after recovery`, input);
        else if (!isDeepStrictEqual(found, want)) fail(`collection ${id}, not mutated, changed after recovery`, input);
      }
      for (const what of missing.required) fail(`${what}, not mutated, is missing after recovery`, input);
      // What went missing from files that still exist (a deleted file is not set aside, so nothing can be said).
      const existing = (id: string) => mutations.every((m) => m.file !== id || m.bytes !== undefined);
      const lost = [
        ...(existing('main') ? missing.all : []),
        ...COLLECTION_IDS.filter((id) => existing(id) && !loaded.collections.some((c) => c.id === id)).map((id) => `collection ${id}`),
      ];
      if (lost.length > 0 && !told(loaded)) fail('data went missing and workspace:load says nothing about it', input);
      /** A file whose data went missing must have its bytes (or at least its bad value) kept in some file. */
      const keep = () => {
        for (const m of mutations) {
          if (!m.bytes || m.harmless) continue;
          const gone = m.file === 'main' ? missing.all.length > 0 : !loaded.collections.some((c) => c.id === m.file);
          if (!gone) continue;
          const kept = bytesKept(dir, m.bytes) || (m.bad !== undefined && bytesKept(dir, Buffer.from(JSON.stringify(m.bad)), { whole: false }));
          if (!kept) return `the bad bytes of ${m.file === 'main' ? 'workspace.json' : `collection ${m.file}`} are kept nowhere`;
        }
        return undefined;
      };
      const notKept = keep();
      if (notKept) fail(notKept, input);
      const mainBefore = main?.newerVersion ? fs.readFileSync(fileOf(dir, 'main')) : undefined;
      if (mainBefore && !mainBefore.equals(main!.bytes!)) fail('a newer-version workspace file was rewritten on open', input);

      // Save once more and restart: nothing that was listed may have gone, and the set-aside data is still reported.
      await first.app!.registry.invoke('collections:save', { collection: collection('after', 'Saved after recovery', 1) });
      await first.app!.dispose();
      const second = await openAndLoad(dir);
      if (!second.loaded?.ok) {
        fail(`the restart after a save failed (${second.loaded && !second.loaded.ok ? second.loaded.error.code : clip(String(second.threw), 120)})`, input);
        return;
      }
      const again = second.loaded.value;
      for (const c of loaded.collections) if (!again.collections.some((x) => x.id === c.id)) fail('a collection listed after recovery is gone after the next save and restart', input);
      for (const section of SECTIONS) {
        const ids = (w: Workspace) => (section === 'tabs' ? w.tabs.open : w[section]).map((e) => e.id);
        for (const id of ids(loaded)) if (!ids(again).includes(id)) fail(`a ${section} entry listed after recovery is gone after the next save and restart`, input);
      }
      for (const k of loaded.storedKeys) if (!again.storedKeys.some((x) => x.name === k.name)) fail('a stored key listed after recovery is gone after the next save and restart', input);
      if (lost.length > 0 && told(loaded) && !told(again)) fail('the next start no longer says where the set-aside data is', input);
      const notKeptAfter = notKept ? undefined : keep();
      if (notKeptAfter) fail(`${notKeptAfter} after the next save`, input);
      if (mainBefore && !fs.readFileSync(fileOf(dir, 'main')).equals(mainBefore)) fail('a newer-version workspace file was rewritten by a save', input);
      await second.app!.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(replay, { recursive: true, force: true });
    });
    expect(outcome.ran).toBeGreaterThan(0);
    expect(outcome.report).toBe('');
  }, 110_000);

  /**
   * What of the main file's data is missing from `loaded`: `required` are the things the mutation did not touch
   * (so they must be there), `all` everything missing.
   */
  function missingFrom(loaded: Workspace, main: Mutation | undefined): { required: string[]; all: string[] } {
    const required: string[] = [];
    const all: string[] = [];
    const entries = (w: Workspace, section: Section) => (section === 'tabs' ? w.tabs.open : w[section]) as Array<{ id: string }>;
    for (const section of SECTIONS) {
      for (const want of entries(baseline, section)) {
        const found = entries(loaded, section).find((e) => e.id === want.id);
        if (found && isDeepStrictEqual(found, want)) continue;
        const what = `${section} entry ${want.id}`;
        all.push(what);
        const touched = main?.entry && main.entry.section === section && main.entry.id === want.id;
        // Kept untouched: the main file was not mutated, or only one other entry, or harmlessly, or in a newer version.
        if (!main || (main.entry && !touched) || main.harmless || main.newerVersion) required.push(what);
      }
    }
    const untouchedMain = !main || main.entry || main.harmless || main.newerVersion;
    if (untouchedMain && loaded.activeEnvironmentId !== baseline.activeEnvironmentId && main?.entry?.section !== 'environments') required.push('the active environment');
    for (const k of baseline.storedKeys) {
      if (loaded.storedKeys.some((x) => isDeepStrictEqual(x, k))) continue;
      all.push(`stored key ${k.name}`);
      if (untouchedMain) required.push(`stored key ${k.name}`);
    }
    return { required, all };
  }
});
