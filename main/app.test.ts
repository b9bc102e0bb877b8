// The contract test: every channel has a handler and a preload method, input is validated, and no response that
// crosses the boundary carries a secret key or a session token, checked against credentials moto really issued.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, createApi, methodName, type MfaPrompt } from '../src/contract';
import type { Result } from '../src/errors';
import type { Identity } from '../src/models/auth';
import type { SendResult, SignResult } from '../src/models/http';
import { WORKSPACE_VERSION, type StoredKeySummary, type Workspace } from '../src/models/workspace';
import { createApp, safeFileName, type App } from './app';
import { confStoreFile } from './services/confStore';
import type { MotoUser } from './testing/moto';
import { createProcessCipher } from './testing/processCipher';
import { openTestApp } from './testing/testApp';
import { describeWithMoto } from './testing/motoSuite';

const CROSS_ROLE = 'arn:aws:iam::111111111111:role/ApiInvoker';
const FORM = [['content-type', 'application/x-www-form-urlencoded; charset=utf-8']] as Array<[string, string]>;

async function awsFiles(config: string, credentials: string) {
  const dir = await mkdtemp(join(tmpdir(), 'rolecall-app-'));
  await writeFile(join(dir, 'config'), config);
  await writeFile(join(dir, 'credentials'), credentials);
  return { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_PROFILE: 'caller' };
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}\n${result.error.detail ?? ''}`);
  return result.value as T;
}

describe('the contract', () => {
  const app = createApp({ host: 'cli', env: {}, emit: () => {} });

  it('has a handler for every channel: none answers UNKNOWN_CHANNEL, bad input is INVALID_INPUT', async () => {
    for (const channel of CHANNELS) {
      const result = await app.registry.invoke(channel, { surely: 'not valid' });
      expect(result.ok ? 'ok' : result.error.code, channel).not.toBe('UNKNOWN_CHANNEL');
      expect(result.ok, channel).toBe(false);
      if (!result.ok) expect(result.error.code, channel).toBe('INVALID_INPUT');
    }
    const unknown = await app.registry.invoke('fs:readFile', {});
    expect(unknown.ok ? '' : unknown.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('gives the renderer one method per channel and nothing else but on()', () => {
    const calls: string[] = [];
    const api = createApi(async (channel) => {
      calls.push(channel);
      return { ok: true, value: null };
    }, () => () => {});
    expect(Object.keys(api).sort()).toEqual([...CHANNELS.map(methodName), 'on'].sort());
    for (const channel of CHANNELS) void (api as unknown as Record<string, (r: unknown) => unknown>)[methodName(channel)]!({});
    expect(calls).toEqual(CHANNELS);
  });

  it('refuses a sender from another origin when origins are enforced', async () => {
    const guarded = createApp({ host: 'electron', env: {}, emit: () => {}, trustedOrigins: ['file://'] });
    const foreign = await guarded.registry.invoke('app:info', {}, { senderUrl: 'https://evil.example/' });
    expect(foreign.ok ? '' : foreign.error.code).toBe('FORBIDDEN_SENDER');
    const own = await guarded.registry.invoke('app:info', {}, { senderUrl: 'file:///opt/rolecall/index.html' });
    expect(own.ok).toBe(true);
  });
});

describe('the workbench channels', () => {
  const cipher = createProcessCipher();
  const KEYS = { name: 'team', accessKeyId: 'AKIAWORKBENCHEXAMPLE', secretAccessKey: 'workbenchSecretKeyNeverOnDisk/0001', sessionToken: 'workbenchSessionTokenNeverOnDisk+0001' };
  const collection = {
    id: 'c1',
    name: 'Team API',
    auth: { type: 'profile', profile: 'api' },
    variables: [{ id: 'v1', key: 'host', value: 'api.example.com' }],
    items: [{ kind: 'folder', id: 'f1', name: 'orders', items: [{ kind: 'request', id: 'r1', name: 'List', method: 'GET', url: 'https://{{host}}/orders' }] }],
  };

  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rolecall-workbench-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function start(dir: string, saved: string[] = []) {
    return openTestApp(dir, {
      cipher,
      chooseSavePath: async (name) => {
        saved.push(name);
        return name === 'cancel.json' ? undefined : join(dir, name);
      },
    });
  }

  it('keeps collections, environments, tabs, history and key names across a restart on the same store', async () => {
    const dir = await tempDir();
    const first = await start(dir);
    value(await first.registry.invoke('collections:save', { collection }));
    value(await first.registry.invoke('environments:save', { environments: [{ id: 'stag', name: 'stag', variables: [] }], activeEnvironmentId: 'stag' }));
    value(await first.registry.invoke('tabs:save', { open: [{ id: 't1', draft: { id: 'd1', name: 'New', method: 'GET', url: 'https://x' } }], activeId: 't1' }));
    const at = '2025-01-01T00:00:00.000Z';
    expect(value<{ size: number }>(await first.registry.invoke('history:add', { entry: { id: 'h1', at, request: { id: 'r1', name: 'List', method: 'GET', url: 'https://{{host}}/orders' }, resolvedUrl: 'https://api.example.com/orders', status: 200 } })).size).toBe(1);
    const summary = value<StoredKeySummary>(await first.registry.invoke('keys:save', KEYS));
    expect(summary).toEqual({ name: 'team', accessKeyId: KEYS.accessKeyId, hasSessionToken: true, protection: cipher.name });
    await first.dispose();

    const loaded = value<Workspace>(await (await start(dir)).registry.invoke('workspace:load', {}));
    expect(loaded.collections).toHaveLength(1);
    expect(loaded.collections[0]).toMatchObject({ id: 'c1', auth: { type: 'profile', profile: 'api' }, items: [{ id: 'f1', auth: { type: 'inherit' }, items: [{ id: 'r1' }] }] });
    expect(loaded.activeEnvironmentId).toBe('stag');
    expect(loaded.tabs.activeId).toBe('t1');
    expect(loaded.history.map((h) => h.id)).toEqual(['h1']);
    expect(loaded.storedKeys).toEqual([summary]);
    expect(loaded.notices).toEqual([]);

    const disk = readFileSync(confStoreFile(dir), 'utf8');
    const everything = JSON.stringify(loaded);
    for (const secret of [KEYS.secretAccessKey, KEYS.sessionToken]) {
      expect(disk).not.toContain(secret);
      expect(everything).not.toContain(secret);
    }
  });

  it('deletes and reorders collections', async () => {
    const app = await start(await tempDir());
    value(await app.registry.invoke('collections:save', { collection }));
    value(await app.registry.invoke('collections:save', { collection: { ...collection, id: 'c2', name: 'Second' } }));
    value(await app.registry.invoke('collections:order', { ids: ['c2', 'c1'] }));
    expect(value<Workspace>(await app.registry.invoke('workspace:load', {})).collections.map((c) => c.id)).toEqual(['c2', 'c1']);
    expect(value(await app.registry.invoke('collections:delete', { id: 'c2' }))).toEqual({ deleted: true });
    expect(value(await app.registry.invoke('collections:delete', { id: 'c2' }))).toEqual({ deleted: false });
    expect(value<Workspace>(await app.registry.invoke('workspace:load', {})).collections.map((c) => c.id)).toEqual(['c1']);
  });

  it('refuses history that carries a credential', async () => {
    const app = await start(await tempDir());
    const result = await app.registry.invoke('history:add', {
      entry: {
        id: 'h1',
        at: '2025-01-01T00:00:00.000Z',
        request: { id: 'r1', name: 'x', method: 'GET', url: 'https://x', headers: [{ id: 'a', key: 'Authorization', value: 'AWS4-HMAC-SHA256 Credential=AKIA/…' }] },
        resolvedUrl: 'https://x',
      },
    });
    expect(result.ok ? '' : result.error.code).toBe('INVALID_INPUT');
  });

  it('refuses to store keys in a host with no encryption (the CLI)', async () => {
    const cli = createApp({ host: 'cli', env: {}, emit: () => {} });
    const result = await cli.registry.invoke('keys:save', KEYS);
    expect(result.ok ? '' : result.error.code).toBe('CREDENTIALS_ERROR');
    expect(value<Workspace>(await cli.registry.invoke('workspace:load', {})).storedKeys).toEqual([]);
  });

  it('formats, reads and saves response bodies, and never a file outside the spool folder', async () => {
    const dir = await tempDir();
    const saved: string[] = [];
    const app = await start(dir, saved);
    const inline = { kind: 'inline', base64: Buffer.from('{"a":[1,2]}').toString('base64') };
    expect(value(await app.registry.invoke('response:format', { source: inline }))).toEqual({ text: '{\n  "a": [\n    1,\n    2\n  ]\n}', language: 'json', formatted: true, binary: false });

    const out = value<{ path: string; cancelled: boolean }>(await app.registry.invoke('response:save', { source: inline, suggestedName: '../../etc/body.json' }));
    expect(saved).toEqual(['body.json']);
    expect(out).toEqual({ path: join(dir, 'body.json'), cancelled: false });
    expect(readFileSync(out.path, 'utf8')).toBe('{"a":[1,2]}');
    expect(value(await app.registry.invoke('response:save', { source: inline, suggestedName: 'cancel.json' }))).toEqual({ cancelled: true });
    expect(existsSync(join(dir, 'cancel.json'))).toBe(false);

    const secretFile = join(dir, 'workspace.json');
    for (const [channel, request] of [
      ['response:read', { file: secretFile, offset: 0, length: 10 }],
      ['response:format', { source: { kind: 'file', file: secretFile } }],
      ['response:save', { source: { kind: 'file', file: secretFile } }],
    ] as const) {
      const result = await app.registry.invoke(channel, request);
      expect(result.ok ? '' : result.error.code, channel).toBe('FILE_ERROR');
    }
  });

  it('exports a collection as RoleCall JSON or Postman v2.1, with secret values empty and no credential', async () => {
    const dir = await tempDir();
    const saved: string[] = [];
    const app = await start(dir, saved);
    const SECRET = 'collectionSecretValueNeverExported0001';
    const withSecret = { ...collection, variables: [...collection.variables, { id: 'v2', key: 'apiKey', value: SECRET, secret: true }] };
    value(await app.registry.invoke('collections:save', { collection: withSecret }));
    value(await app.registry.invoke('keys:save', KEYS));

    const own = value<{ path: string; cancelled: boolean }>(await app.registry.invoke('collections:export', { id: 'c1', format: 'rolecall' }));
    expect(own).toEqual({ path: join(dir, 'Team API.rolecall.json'), cancelled: false });
    const postman = value<{ path: string; cancelled: boolean }>(await app.registry.invoke('collections:export', { id: 'c1', format: 'postman' }));
    expect(postman.path).toBe(join(dir, 'Team API.postman_collection.json'));
    expect(saved).toEqual(['Team API.rolecall.json', 'Team API.postman_collection.json']);

    const ownFile = JSON.parse(readFileSync(own.path, 'utf8'));
    expect(ownFile).toMatchObject({ format: 'rolecall-collection', version: WORKSPACE_VERSION, collection: { id: 'c1', name: 'Team API' } });
    expect(ownFile.collection.variables[1]).toMatchObject({ key: 'apiKey', value: '', secret: true });
    const postmanFile = JSON.parse(readFileSync(postman.path, 'utf8'));
    expect(postmanFile.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(postmanFile.auth.type).toBe('awsv4');
    for (const text of [readFileSync(own.path, 'utf8'), readFileSync(postman.path, 'utf8')]) {
      for (const secret of [SECRET, KEYS.secretAccessKey, KEYS.sessionToken]) expect(text).not.toContain(secret);
    }
  });

  it('reports a cancelled export, and refuses an unknown collection or a host that cannot save files', async () => {
    const dir = await tempDir();
    const app = await start(dir);
    value(await app.registry.invoke('collections:save', { collection }));
    const cancelling = openTestApp(dir, { chooseSavePath: async () => undefined });
    expect(value(await cancelling.registry.invoke('collections:export', { id: 'c1', format: 'postman' }))).toEqual({ cancelled: true });
    const unknown = await app.registry.invoke('collections:export', { id: 'nope', format: 'postman' });
    expect(unknown.ok ? '' : unknown.error.code).toBe('INVALID_INPUT');
    const badFormat = await app.registry.invoke('collections:export', { id: 'c1', format: 'insomnia' });
    expect(badFormat.ok ? '' : badFormat.error.code).toBe('INVALID_INPUT');
    const cli = createApp({ host: 'cli', env: {}, emit: () => {} });
    const noSave = await cli.registry.invoke('collections:export', { id: 'c1', format: 'postman' });
    expect(noSave.ok ? '' : noSave.error.code).toBe('FILE_ERROR');
  });

  it('keeps secret variable values encrypted on disk and gives them back after a restart', async () => {
    const dir = await tempDir();
    const ENV_SECRET = 'environmentSecretValueOnlyInMemory0001';
    const COLLECTION_SECRET = 'folderSecretValueOnlyInMemory0001';
    const first = await start(dir);
    const folderVars = [{ id: 'fv', key: 'token', value: COLLECTION_SECRET, secret: true }];
    const withSecret = { ...collection, items: [{ ...collection.items[0]!, variables: folderVars }] };
    value(await first.registry.invoke('collections:save', { collection: withSecret }));
    value(await first.registry.invoke('environments:save', { environments: [{ id: 'prod', name: 'prod', variables: [{ id: 'ev', key: 'apiKey', value: ENV_SECRET, secret: true }] }] }));
    expect(value<Workspace>(await first.registry.invoke('workspace:load', {})).secretsProtection).toBe(cipher.name);
    await first.dispose();

    const disk = [confStoreFile(dir), ...readdirSync(join(dir, 'collections')).map((f) => join(dir, 'collections', f))].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(disk).toContain('"sealed"');
    for (const secret of [ENV_SECRET, COLLECTION_SECRET]) expect(disk).not.toContain(secret);

    const loaded = value<Workspace>(await (await start(dir)).registry.invoke('workspace:load', {}));
    expect(loaded.environments[0]!.variables[0]).toEqual({ id: 'ev', key: 'apiKey', value: ENV_SECRET, enabled: true, secret: true });
    const folder = loaded.collections[0]!.items[0]!;
    expect(folder.kind === 'folder' && folder.variables[0]).toEqual({ id: 'fv', key: 'token', value: COLLECTION_SECRET, enabled: true, secret: true });
    expect(loaded.secretsUnreadable).toBeUndefined();
  });

  it('says secret values are unprotected when the host has no usable cipher', async () => {
    const unavailable = { ...createProcessCipher(), available: false };
    const app = openTestApp(await tempDir(), { cipher: unavailable });
    expect(value<Workspace>(await app.registry.invoke('workspace:load', {})).secretsProtection).toBe('none');
    expect(value<Workspace>(await createApp({ host: 'cli', env: {}, emit: () => {} }).registry.invoke('workspace:load', {})).secretsProtection).toBe('none');
  });

  it('suggests file names without folders or forbidden characters', () => {
    expect(safeFileName('..\\..\\win.ini')).toBe('win.ini');
    expect(safeFileName('a:b*c?.json')).toBe('a_b_c_.json');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('')).toBe('response');
  });
});

describeWithMoto('the app against moto', (moto) => {
  let caller: MotoUser;
  let denied: MotoUser;
  let app: App;
  const prompts: MfaPrompt[] = [];

  beforeAll(async () => {
    caller = await moto().createUserWithKeys('app-caller', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetCallerIdentity', 'iam:ListUsers'], Resource: '*' }],
    });
    denied = await moto().createUserWithKeys('app-denied');
    const env = await awsFiles(
      `[profile caller]\nregion = us-east-1\n\n[profile api]\nrole_arn = ${CROSS_ROLE}\nsource_profile = caller\nrole_session_name = contract\n`,
      `[caller]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = ${caller.secretAccessKey}\n` +
        `[denied]\naws_access_key_id = ${denied.accessKeyId}\naws_secret_access_key = ${denied.secretAccessKey}\n`,
    );
    app = createApp({
      host: 'browser-test',
      env,
      stsEndpoint: moto().endpoint,
      emit: (_event, payload) => {
        const prompt = payload as MfaPrompt;
        prompts.push(prompt);
        void app.registry.invoke('mfa:answer', { promptId: prompt.promptId, code: '123456' });
      },
    });
  });

  const stsCall = (auth: object) => ({
    request: { method: 'POST', url: `${moto().endpoint}/`, headers: FORM, body: { kind: 'text', text: 'Action=GetCallerIdentity&Version=2011-06-15' } },
    auth,
    signing: { region: 'us-east-1', service: 'sts' },
  });

  it('sends a request signed with assumed-role credentials that moto accepts, and no secret crosses', async () => {
    const raw = await app.registry.invoke('request:send', stsCall({ kind: 'profile', profile: 'api' }));
    const sent = value<SendResult>(raw);
    const body = Buffer.from(sent.response.body.headBase64, 'base64').toString('utf8');
    expect(sent.response.status, body).toBe(200);
    expect(body).toContain('arn:aws:sts::111111111111:assumed-role/ApiInvoker/contract');

    const resolved = await app.engine.credentials.resolve({ kind: 'profile', profile: 'api' });
    const { secretAccessKey, sessionToken } = resolved.credentials;
    expect(sessionToken).toBeTruthy();
    const signed = value<SignResult>(await app.registry.invoke('request:sign', stsCall({ kind: 'profile', profile: 'api' })));
    const presigned = value<SignResult>(
      await app.registry.invoke('request:sign', { ...stsCall({ kind: 'profile', profile: 'api' }), signing: { region: 'us-east-1', service: 'sts', mode: 'query' } }),
    );
    const whoami = await app.registry.invoke('credentials:whoami', { auth: { kind: 'profile', profile: 'api' } });
    for (const response of [raw, whoami, { ok: true, value: signed }, { ok: true, value: presigned }]) {
      const text = JSON.stringify(response);
      expect(text).not.toContain(secretAccessKey);
      expect(text).not.toContain(sessionToken);
      expect(text).not.toContain(caller.secretAccessKey);
    }
    // The token was on the wire and in the canonical request, so it had to be masked, not merely absent.
    expect(signed.request.headers.find(([n]) => n.toLowerCase() === 'x-amz-security-token')?.[1]).toMatch(/redacted/);
    expect(signed.explanation?.canonicalRequest).toMatch(/x-amz-security-token:.*redacted/);
    expect(presigned.request.url).toMatch(/X-Amz-Security-Token=.*redacted/);
  });

  it('sends a signed IAM ListUsers with a static-key profile that moto accepts', async () => {
    const sent = value<SendResult>(
      await app.registry.invoke('request:send', {
        request: { method: 'POST', url: `${moto().endpoint}/`, headers: FORM, body: { kind: 'text', text: 'Action=ListUsers&Version=2010-05-08' } },
        auth: { kind: 'profile', profile: 'caller' },
        signing: { region: 'us-east-1', service: 'iam' },
      }),
    );
    const body = Buffer.from(sent.response.body.headBase64, 'base64').toString('utf8');
    expect(sent.response.status, body).toBe(200);
    expect(body).toContain('<UserName>app-caller</UserName>');
  });

  it('makes one STS call for many signed requests with the same identity', async () => {
    const auth = { kind: 'assumeRole', base: { kind: 'profile', profile: 'caller' }, roleArn: 'arn:aws:iam::111111111111:role/Many', sessionName: 'many' };
    const before = (await moto().assumedRoles()).filter((r) => r.sessionName === 'many').length;
    const results = await Promise.all(Array.from({ length: 25 }, () => app.registry.invoke('request:send', stsCall(auth))));
    for (let i = 0; i < 25; i += 1) expect(value<SendResult>(await app.registry.invoke('request:send', stsCall(auth))).response.status).toBe(200);
    for (const r of results) expect(value<SendResult>(r).response.status).toBe(200);
    const after = (await moto().assumedRoles()).filter((r) => r.sessionName === 'many').length;
    expect(after - before).toBe(1);
  });

  it('asks for an MFA code through the mfa:prompt event and continues with the answer', async () => {
    const identity = value<{ arn: string }>(
      await app.registry.invoke('credentials:whoami', {
        auth: { kind: 'assumeRole', base: { kind: 'profile', profile: 'caller' }, roleArn: 'arn:aws:iam::111111111111:role/Mfa', sessionName: 'with-mfa', mfaSerial: 'arn:aws:iam::123456789012:mfa/app-caller' },
      }),
    );
    expect(identity.arn).toBe('arn:aws:sts::111111111111:assumed-role/Mfa/with-mfa');
    expect(prompts.map((p) => p.mfaSerial)).toContain('arn:aws:iam::123456789012:mfa/app-caller');
  });

  it('shows AWS’s own answer when a signed request is refused', async () => {
    const sent = value<SendResult>(
      await app.registry.invoke('request:send', {
        request: { method: 'POST', url: `${moto().endpoint}/`, headers: FORM, body: { kind: 'text', text: 'Action=ListUsers&Version=2010-05-08' } },
        auth: { kind: 'profile', profile: 'denied' },
        signing: { region: 'us-east-1', service: 'iam' },
      }),
    );
    expect(sent.response.status).toBe(403);
    expect(sent.awsError).toMatchObject({ type: 'AccessDenied' });
    expect(sent.awsError?.message).toContain('is not authorized to perform: iam:ListUsers');
  });

  it('resolves stored keys and assumes a role on top of them, and no secret crosses', async () => {
    const owner = await moto().createUserWithKeys('stored-owner', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetCallerIdentity'], Resource: '*' }],
    });
    const vaulted = createApp({ host: 'browser-test', env: {}, stsEndpoint: moto().endpoint, emit: () => {}, cipher: createProcessCipher() });
    value(await vaulted.registry.invoke('keys:save', { name: 'typed once', accessKeyId: owner.accessKeyId, secretAccessKey: owner.secretAccessKey }));

    const direct = value<Identity>(await vaulted.registry.invoke('credentials:whoami', { auth: { kind: 'storedKeys', name: 'typed once' } }));
    expect(direct.arn).toBe(owner.arn);
    expect(direct.hops).toEqual([{ kind: 'storedKeys', label: 'typed once' }]);

    const auth = { kind: 'assumeRole', base: { kind: 'storedKeys', name: 'typed once' }, roleArn: 'arn:aws:iam::111111111111:role/FromStored', sessionName: 'stored' };
    const assumed = await vaulted.registry.invoke('credentials:whoami', { auth });
    expect(value<Identity>(assumed).arn).toBe('arn:aws:sts::111111111111:assumed-role/FromStored/stored');
    expect(value<Identity>(assumed).hops.map((h) => h.kind)).toEqual(['storedKeys', 'assumeRole']);

    const sent = await vaulted.registry.invoke('request:send', stsCall(auth));
    expect(Buffer.from(value<SendResult>(sent).response.body.headBase64, 'base64').toString('utf8')).toContain('assumed-role/FromStored/stored');
    for (const response of [direct, assumed, sent]) expect(JSON.stringify(response)).not.toContain(owner.secretAccessKey);

    value(await vaulted.registry.invoke('keys:delete', { name: 'typed once' }));
    const gone = await vaulted.registry.invoke('credentials:whoami', { auth: { kind: 'storedKeys', name: 'typed once' } });
    expect(gone.ok ? '' : gone.error.code).toBe('CREDENTIALS_MISSING');
  });
});
