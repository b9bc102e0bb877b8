// Fuzzes the key vault's records on disk (storedKeys in the workspace file): records of the wrong shape, missing
// or extra fields, names like __proto__, the whole map replaced, bytes flipped. After opening the app on them and
// saving one new key, every good key must still be listed and usable, every bad record's bytes must still be on
// disk, and no secret may be on disk or in any answer.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/errors';
import type { SignResult } from '../../src/models/http';
import type { Workspace } from '../../src/models/workspace';
import { confStoreFile } from '../services/confStore';
import { createProcessCipher } from '../testing/processCipher';
import { MAX_BLOCK_MS, measureBlocking, measureSync } from './eventLoopWatch';
import { clip, confirmedBlock, fuzz, secretsIn, type Secret } from './harness';
import { fakeSecret, Rng } from './random';
import { bytesKept, filesUnder, fuzzTempRoot, openStoreApp } from './storeFiles';

const INPUTS = 200;
const NAMES = ['alpha', 'beta', 'gamma', 'delta'];

interface Key {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const setup = new Rng(0x7a017);
const KEYS: Key[] = NAMES.map((name, i) => ({
  name,
  accessKeyId: `AKIAFUZZVAULT${i}EXAMPLE`,
  secretAccessKey: fakeSecret(setup, `VaultSecret${i}`),
  ...(i % 2 === 0 ? { sessionToken: fakeSecret(setup, `VaultToken${i}`) } : {}),
}));
const FRESH: Key = { name: 'fresh', accessKeyId: 'AKIAFUZZVAULTFRESHEXAMPLE', secretAccessKey: fakeSecret(setup, 'VaultSecretFresh') };
const SECRETS: Secret[] = [...KEYS, FRESH].flatMap((k) => [
  { label: `${k.name}'s secret key`, value: k.secretAccessKey },
  ...(k.sessionToken ? [{ label: `${k.name}'s session token`, value: k.sessionToken }] : []),
]);

interface Mutation {
  kind: string;
  /** Names whose record was changed (they may be set aside); every other saved key must stay usable. */
  touched: string[];
  /** Values that are not valid records (or a whole map that is not one): their JSON must stay on disk. */
  bad: Map<string, unknown>;
  /** The file's bytes no longer parse: they must be kept byte for byte. */
  bytes?: Buffer;
  /** storedKeys is not a map at all: refusing to save (clearly) is as good as setting it aside and saving. */
  mapReplaced?: boolean;
}

type Records = Record<string, unknown>;

function mutateRecords(rng: Rng, file: Buffer): { bytes: Buffer; mutation: Mutation } {
  const json = JSON.parse(file.toString('utf8')) as Record<string, unknown>;
  const records = json.storedKeys as Records;
  const mutation: Mutation = { kind: '', touched: [], bad: new Map() };
  const kinds: string[] = [];
  const marker = () => `fuzz-${rng.word(10)}`;
  const edits = rng.int(1, 3);
  for (let e = 0; e < edits; e++) {
    const name = rng.pick(NAMES);
    const value = records[name];
    const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    const choice = rng.int(0, 9);
    if (choice === 0 && record) {
      const field = rng.pick(Object.keys(record));
      record[field] = rng.pick<unknown>([42, null, [marker()], { wrong: marker() }, true]);
      mutation.bad.set(name, record);
      kinds.push(`${name}.${field} of the wrong type`);
    } else if (choice === 1 && record) {
      const field = rng.pick(['accessKeyId', 'secret', 'protection']);
      delete record[field];
      record.note = marker();
      mutation.bad.set(name, record);
      kinds.push(`${name} without ${field}`);
    } else if (choice === 2) {
      records[name] = rng.pick<unknown>([marker(), [marker()], { unknown: marker() }]);
      mutation.bad.set(name, records[name]);
      kinds.push(`${name} replaced by ${JSON.stringify(records[name])}`);
    } else if (choice === 3 && record) {
      record[`future${rng.int(0, 9)}`] = marker();
      kinds.push(`${name} with an extra field`);
      // A record with more than we know is still a record: the key stays usable. Its bytes are not required.
      continue;
    } else if (choice === 4) {
      const odd = rng.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'x'.repeat(300), '日本']);
      // JSON.parse makes "__proto__" an own key; written back with JSON.stringify it stays one.
      Object.defineProperty(records, odd, { value: { accessKeyId: 'AKIAODDNAMEEXAMPLE', secret: 'AAAA', protection: marker() }, enumerable: true, configurable: true, writable: true });
      kinds.push(`a record named ${JSON.stringify(odd.slice(0, 20))}`);
      continue;
    } else if (choice === 5 && record) {
      record.secret = rng.pick(['', '!!!not base64!!!', 'AAAA', marker()]);
      kinds.push(`${name} with an undecryptable secret`);
      mutation.bad.set(name, record);
    } else if (choice === 6) {
      const garbage = rng.pick<unknown>([[marker()], marker(), { nested: { deep: marker() } }]);
      json.storedKeys = garbage;
      mutation.touched.push(...NAMES);
      // An object is still a map (of one bad record); anything else is no map at all.
      const isMap = typeof garbage === 'object' && !Array.isArray(garbage);
      mutation.bad = new Map(isMap ? Object.entries(garbage as Records) : [['(the map)', garbage]]);
      mutation.mapReplaced = !isMap;
      kinds.push(`the whole map replaced by ${JSON.stringify(garbage)}`);
      break;
    } else if (record) {
      record.protection = rng.pick(['safeStorage', 'somethingNew', marker()]);
      kinds.push(`${name} protected by another cipher name`);
      continue;
    } else continue;
    mutation.touched.push(name);
  }
  mutation.kind = kinds.join('; ') || 'no change';
  let bytes = Buffer.from(JSON.stringify(json));
  if (rng.chance(0.1)) {
    // Damage the bytes of the map itself: usually the file no longer parses.
    const at = bytes.indexOf('"storedKeys"');
    const end = Math.min(bytes.length, at + 200);
    bytes = Buffer.concat([bytes.subarray(0, at), rng.mutateBytes(bytes.subarray(at, end)), bytes.subarray(end)]);
    let parses = true;
    try {
      JSON.parse(bytes.toString('utf8'));
    } catch {
      parses = false;
    }
    // The damaged values are no longer what `bad` holds: only the whole file's bytes can be asked for.
    mutation.bad = new Map();
    if (!parses) {
      mutation.bytes = bytes;
      mutation.touched.push(...NAMES);
      mutation.kind += '; bytes flipped so the file no longer parses';
    } else {
      mutation.kind += '; bytes flipped';
      mutation.touched.push(...NAMES);
    }
  }
  mutation.touched = [...new Set(mutation.touched)];
  return { bytes, mutation };
}

describe('fuzz: key vault records', () => {
  const cipher = createProcessCipher();
  let root: string;
  let pristine: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(fuzzTempRoot(), 'rolecall-fuzz-vault-'));
    pristine = path.join(root, 'pristine');
    const app = openStoreApp(pristine, cipher);
    for (const key of KEYS) {
      const saved = await app.registry.invoke('keys:save', key);
      if (!saved.ok) throw new Error(saved.error.message);
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function signWith(app: ReturnType<typeof openStoreApp>, name: string) {
    return (await app.registry.invoke('request:sign', {
      request: { method: 'GET', url: 'https://api.example.com/fuzz' },
      auth: { kind: 'storedKeys', name },
      signing: { region: 'us-east-1', service: 'execute-api', signingDate: '2025-01-01T00:00:00Z' },
    })) as Result<SignResult>;
  }

  it(`keeps every good key and every bad record's bytes through ${INPUTS} mutated vaults and a save`, async () => {
    const outcome = await fuzz('vault files', { count: INPUTS, budgetMs: 90_000, secrets: SECRETS }, async ({ rng, index, fail }) => {
      const dir = path.join(root, `case-${index}`);
      fs.cpSync(pristine, dir, { recursive: true });
      const { bytes, mutation } = mutateRecords(rng, fs.readFileSync(confStoreFile(dir)));
      fs.writeFileSync(confStoreFile(dir), bytes);
      const input = `${mutation.kind}\nworkspace.json -> ${clip(JSON.stringify(bytes.toString('utf8')), 1200)}`;
      const good = KEYS.filter((k) => !mutation.touched.includes(k.name));

      const run = async (at: string) => {
        const opened = measureSync(() => openStoreApp(at, cipher));
        if (opened.error !== undefined) return { threw: opened.error, blockedMs: opened.blockedMs };
        const app = opened.value!;
        const saved = await measureBlocking(() => app.registry.invoke('keys:save', FRESH));
        const loaded = await measureBlocking(() => app.registry.invoke('workspace:load', {}));
        return { app, saved: saved.value, loaded: loaded.value as Result<Workspace> | undefined, threw: saved.error ?? loaded.error, blockedMs: Math.max(opened.blockedMs, saved.blockedMs, loaded.blockedMs) };
      };
      const first = await run(dir);
      const blocked = await confirmedBlock(first.blockedMs, async () => {
        const again = `${dir}-again`;
        fs.cpSync(pristine, again, { recursive: true });
        fs.writeFileSync(confStoreFile(again), bytes);
        return (await run(again)).blockedMs;
      });
      if (blocked !== undefined) fail(`opening the vault and saving a key blocked the event loop for over ${MAX_BLOCK_MS} ms`, `${Math.round(blocked)} ms; ${input}`);
      if (first.threw !== undefined || !first.app) {
        fail(`opening the vault or saving a key threw (${clip(String(first.threw), 160)})`, input);
        return;
      }
      const saved = first.saved as Result<unknown> | undefined;
      const refused = mutation.mapReplaced && saved && !saved.ok && saved.error.code !== 'INTERNAL';
      if (!saved?.ok && !refused) fail(`keys:save of a new key failed (${saved && !saved.ok ? `${saved.error.code}: ${clip(saved.error.detail ?? saved.error.message, 100)}` : 'no Result'})`, input);
      if (!first.loaded?.ok) {
        fail('workspace:load failed', input);
        return;
      }
      for (const found of [secretsIn(first.saved, SECRETS), secretsIn(first.loaded, SECRETS)].flat()) fail(`a secret reached an answer (${found})`, input);

      const check = async (when: string, app: NonNullable<typeof first.app>, listed: string[]) => {
        for (const key of refused ? good : [...good, FRESH]) {
          if (!listed.includes(key.name)) {
            fail(`a good key (${key.name === FRESH.name ? 'the one just saved' : 'not mutated'}) is not listed ${when}`, input);
            continue;
          }
          const signed = await signWith(app, key.name);
          if (!signed.ok) fail(`a good key (${key.name === FRESH.name ? 'the one just saved' : 'not mutated'}) cannot sign ${when} (${signed.error.code})`, input);
          else if (signed.value.explanation?.accessKeyId !== key.accessKeyId) fail(`a good key signs with another access key id ${when}`, input);
          for (const found of secretsIn(signed, SECRETS)) fail(`a secret reached request:sign's answer (${found})`, input);
        }
        if (mutation.bytes && !bytesKept(dir, mutation.bytes)) fail(`the unparsable vault file's bytes are kept nowhere ${when}`, input);
        for (const bad of mutation.bad.values()) {
          if (!bytesKept(dir, Buffer.from(JSON.stringify(bad)), { whole: false })) fail(`a bad record's bytes are kept nowhere ${when}`, input);
        }
        for (const [file, data] of filesUnder(dir)) {
          const text = data.toString('latin1');
          for (const s of SECRETS) if (text.includes(s.value)) fail(`${s.label} is on disk in plain text (${path.basename(file)})`, input);
        }
      };
      await check('after a save', first.app, first.loaded.value.storedKeys.map((k) => k.name));
      await first.app.dispose();

      const reopened = openStoreApp(dir, cipher);
      const reloaded = (await reopened.registry.invoke('workspace:load', {})) as Result<Workspace>;
      if (!reloaded.ok) fail('workspace:load failed after a restart', input);
      else await check('after a restart', reopened, reloaded.value.storedKeys.map((k) => k.name));
      await reopened.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(`${dir}-again`, { recursive: true, force: true });
    });
    expect(outcome.ran).toBeGreaterThan(0);
    expect(outcome.report).toBe('');
  }, 110_000);
});
