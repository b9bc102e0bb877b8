// Fuzzes every IPC channel as a compromised page would call it: valid-looking requests with one part made
// hostile, wrong types, huge strings, prototype-pollution keys, deep nesting, and paths to files the page must
// never reach (a credentials file, /etc/passwd, a symlink planted in the spool folder, /dev/zero and a FIFO once
// file bodies are confirmed by main). Every call must answer a Result with a clear error at worst, within a
// bounded block of the event loop, without a secret in it; no file outside the allowed places may reach the
// loopback server or an answer; and nothing may pollute Object.prototype.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/contract';
import type { Result } from '../../src/errors';
import { createApp, type App } from '../app';
import { openConfStore } from '../services/confStore';
import { createProcessCipher } from '../testing/processCipher';
import { MAX_BLOCK_MS, measureBlocking } from './eventLoopWatch';
import { clip, confirmedBlock, fuzz, kindOf, secretsIn, type Secret } from './harness';
import { fakeSecret, Rng } from './random';
import { startRawServer, type RawServer } from './rawServer';
import { collection, fuzzTempRoot, request } from './storeFiles';

const PER_CHANNEL = 200;
/** A call that has not answered by then is reported as hanging (a liveness check, not a speed bound). */
const NO_ANSWER_MS = 10_000;

const setup = new Rng(0x1bc);
const MARKER_SECRET = fakeSecret(setup, 'CredentialsFileMarker');
const ENV_SECRET = fakeSecret(setup, 'EnvSecretKey');
const ENV_TOKEN = fakeSecret(setup, 'EnvSessionToken');
const STORED_SECRET = fakeSecret(setup, 'StoredSecretKey');
const CREDENTIALS_TEXT = `[default]\naws_access_key_id = AKIAFUZZMARKEREXAMPLE\naws_secret_access_key = ${MARKER_SECRET}\n\n[static]\naws_access_key_id = AKIAFUZZSTATICEXAMPLE\naws_secret_access_key = ${MARKER_SECRET}\n`;
const CONFIG_TEXT = '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/Fuzz\nsource_profile = static\n\n[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/Fuzz\nsource_profile = static\nmfa_serial = arn:aws:iam::123456789012:mfa/fuzz\n';

const ENV_TOKEN_SECRET: Secret = { label: 'environment session token', value: ENV_TOKEN };
const secrets: Secret[] = [
  { label: 'the credentials file marker', value: MARKER_SECRET },
  { label: 'environment secret key', value: ENV_SECRET },
  ENV_TOKEN_SECRET,
  { label: 'stored secret key', value: STORED_SECRET },
  { label: 'the SHA-256 of the credentials file', value: createHash('sha256').update(CREDENTIALS_TEXT).digest('hex') },
];

/** A JSON-like value of any shape, hostile more often than not. */
function hostile(rng: Rng, depth = 0): unknown {
  const pick = rng.int(0, depth > 3 ? 8 : 13);
  switch (pick) {
    case 0:
      return rng.nastyString(30);
    case 1:
      return rng.pick([0, -1, 1.5, NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, 1e308, -(2 ** 31)]);
    case 2:
      return rng.pick([true, false, null, undefined]);
    case 3:
      return rng.chance(0.1) ? 'x'.repeat(rng.int(100_000, 2_000_000)) : rng.word(rng.int(0, 80));
    case 4:
      return rng.pick(['/etc/passwd', '~/.aws/credentials', '../../../../etc/passwd', '/dev/zero', '\u0000', 'C:\\Windows\\win.ini', 'file:///etc/passwd', '%2e%2e%2f']);
    case 5:
      return rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']);
    case 6:
      return new Date(rng.int(-1e12, 1e13));
    case 7:
      return rng.bytes(rng.int(0, 64));
    case 8:
      return rng.pick([[], {}, [[]], [{}]]);
    case 9:
      return JSON.parse(`{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "a": ${JSON.stringify(rng.word(3))}}`);
    case 10: {
      const n = rng.int(500, 5000);
      return JSON.parse(rng.chance(0.5) ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);
    }
    case 11:
      return Array.from({ length: rng.int(0, 6) }, () => hostile(rng, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      // Own keys, as structured clone delivers them: `out.__proto__ = x` would instead change out's prototype,
      // which no IPC message can do.
      for (let i = rng.int(0, 5); i > 0; i--) own(out, rng.chance(0.2) ? rng.pick(['__proto__', 'constructor', 'kind', 'id']) : rng.word(4), hostile(rng, depth + 1));
      return out;
    }
  }
}

/** A copy of `value` with one place changed: a leaf replaced, a key added or removed. */
function mutate(rng: Rng, value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 12 || rng.chance(0.15)) return hostile(rng);
  if (Array.isArray(value)) {
    const copy = [...value];
    if (copy.length === 0 || rng.chance(0.2)) copy.push(hostile(rng));
    else {
      const at = rng.int(0, copy.length - 1);
      copy[at] = mutate(rng, copy[at], depth + 1);
    }
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const what = rng.int(0, 9);
  if (what === 0 || keys.length === 0) own(copy, rng.pick(['__proto__', 'extra', 'constructor', rng.word(5)]), hostile(rng));
  else if (what === 1) delete copy[rng.pick(keys)];
  else {
    const key = rng.pick(keys);
    own(copy, key, mutate(rng, copy[key], depth + 1));
  }
  return copy;
}

function own(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

describe('fuzz: IPC inputs to every channel', () => {
  let dir: string;
  let server: RawServer;
  let app: App;
  let markerFile: string;
  let spoolDir: string;
  let fifo: string | undefined;
  /** File bodies still read any path the page names: /dev/zero and a FIFO would exhaust memory or hang main. */
  let fileBodiesUnguarded = true;
  const paths: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(fuzzTempRoot(), 'rolecall-fuzz-ipc-'));
    server = await startRawServer();
    // Every request (STS included) is refused, as AWS refuses unknown keys.
    const refusal = '<ErrorResponse><Error><Code>InvalidClientTokenId</Code><Message>fuzz</Message></Error></ErrorResponse>';
    server.answer = () => ({
      chunks: [Buffer.from(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/xml\r\nContent-Length: ${refusal.length}\r\n\r\n${refusal}`)],
      then: 'close',
    });
    markerFile = path.join(dir, 'credentials');
    fs.writeFileSync(markerFile, CREDENTIALS_TEXT);
    fs.writeFileSync(path.join(dir, 'config'), CONFIG_TEXT);
    spoolDir = path.join(dir, 'spool');
    fs.mkdirSync(spoolDir, { mode: 0o700 });
    fs.symlinkSync(markerFile, path.join(spoolDir, 'planted.body'));
    try {
      execFileSync('mkfifo', [path.join(dir, 'fifo')]);
      fifo = path.join(dir, 'fifo');
    } catch {
      fifo = undefined;
    }
    const store = openConfStore(path.join(dir, 'store'));
    app = createApp({
      host: 'browser-test',
      env: {
        HOME: dir,
        AWS_CONFIG_FILE: path.join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: markerFile,
        AWS_ACCESS_KEY_ID: 'AKIAFUZZENVEXAMPLE01',
        AWS_SECRET_ACCESS_KEY: ENV_SECRET,
        AWS_SESSION_TOKEN: ENV_TOKEN,
        AWS_REGION: 'us-east-1',
      },
      stsEndpoint: server.url,
      // The page's MFA dialog: cancel every prompt, as a user who walks away would.
      emit: (event, payload) => {
        if (event === 'mfa:prompt') setImmediate(() => void app.registry.invoke('mfa:answer', { promptId: (payload as { promptId: string }).promptId, cancel: true }));
      },
      store: store.backend,
      collectionFiles: store.collectionFiles,
      cipher: createProcessCipher(),
      spoolDir,
    });
    const saved = await app.registry.invoke('keys:save', { name: 'team', accessKeyId: 'AKIAFUZZSTOREDEXAMPLE', secretAccessKey: STORED_SECRET });
    if (!saved.ok) throw new Error(saved.error.message);
    // Probe: does request:sign read a path main never handed out?
    const probe = await app.registry.invoke('request:sign', { request: { method: 'POST', url: 'https://example.com/', body: { kind: 'file', path: markerFile } }, auth: { kind: 'none' } });
    fileBodiesUnguarded = probe.ok;
    paths.push(markerFile, '/etc/passwd', '~/.aws/credentials', path.join(spoolDir, 'planted.body'), path.join(spoolDir, '..', 'credentials'), `${spoolDir}/./planted.body`, dir, spoolDir);
    if (!fileBodiesUnguarded) paths.push('/dev/zero', ...(fifo ? [fifo] : []));
  });
  afterAll(async () => {
    // A reader stuck opening the FIFO is released by a writer.
    if (fifo) {
      try {
        fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        // Nobody was reading it.
      }
    }
    await app?.dispose();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('does not read a body file main never handed out (probe: a credentials file by path)', () => {
    expect(fileBodiesUnguarded, 'request:sign read a file the page named by path').toBe(false);
  });

  function auth(rng: Rng): unknown {
    return rng.pick<unknown>([
      { kind: 'none' },
      { kind: 'env' },
      { kind: 'profile', profile: rng.pick(['static', 'role', 'mfa', 'default', 'missing', '__proto__', 'constructor']) },
      { kind: 'storedKeys', name: rng.pick(['team', 'missing', '__proto__', 'constructor']) },
      { kind: 'assumeRole', base: { kind: 'env' }, roleArn: 'arn:aws:iam::123456789012:role/Fuzz', ...(rng.chance(0.3) ? { mfaSerial: 'arn:aws:iam::123456789012:mfa/fuzz' } : {}) },
    ]);
  }

  function body(rng: Rng): unknown {
    const file = () => ({ path: rng.pick(paths), ...(rng.chance(0.4) ? { handle: rng.word(rng.int(16, 64), 'abcdefABCDEF0123456789_-') } : {}) });
    return rng.pick<() => unknown>([
      () => ({ kind: 'none' }),
      () => ({ kind: 'text', text: rng.nastyString(100) }),
      () => ({ kind: 'base64', data: rng.bytes(rng.int(0, 100)).toString('base64') }),
      () => ({ kind: 'file', ...file() }),
      () => ({ kind: 'file', ...file() }),
      () => ({ kind: 'parts', parts: [{ text: '--b\r\n' }, file(), { text: '\r\n--b--' }] }),
    ])();
  }

  function httpRequest(rng: Rng): unknown {
    return {
      method: rng.pick(['GET', 'POST', 'PUT', 'get', 'CONNECT', 'TRACE']),
      url: rng.pick([`${server.url}/ipc/${rng.word(4)}`, `${server.url}/?a=${rng.nastyString(10)}`, 'https://example.invalid/', 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', `${server.url}/${'p'.repeat(rng.int(0, 70_000))}`]),
      headers: rng.chance(0.3) ? [['Host', rng.pick(['evil.example', '127.0.0.1'])], ['X-Fuzz', rng.nastyString(20)]] : [],
      body: body(rng),
    };
  }

  /** A request that is valid, or nearly, for the channel: the starting point for mutation. */
  function template(channel: string, rng: Rng): unknown {
    const ids = ['c1', 'c2', 'e1', 'team', rng.word(6)];
    switch (channel) {
      case 'credentials:whoami':
        return { auth: auth(rng), forceRefresh: rng.chance(0.5) };
      case 'credentials:clear':
        return rng.chance(0.5) ? {} : { auth: auth(rng) };
      case 'request:sign':
        return { request: httpRequest(rng), auth: auth(rng), signing: { region: 'us-east-1', service: 'execute-api', ...(rng.chance(0.3) ? { mode: 'query' } : {}) } };
      case 'presign:reveal':
        return { request: httpRequest(rng), auth: auth(rng), signing: { region: 'us-east-1', service: rng.pick(['s3', 'execute-api']), ...(rng.chance(0.3) ? { expiresIn: rng.pick([1, 604800, 0, 604801]) } : {}) } };
      case 'request:send':
        return { request: httpRequest(rng), auth: auth(rng), signing: { region: 'us-east-1', service: 'execute-api' }, timeoutMs: 300, ...(rng.chance(0.3) ? { requestId: rng.word(8) } : {}), ...(rng.chance(0.2) ? { followRedirects: true } : {}) };
      case 'request:cancel':
        return { requestId: rng.word(8) };
      case 'mfa:answer':
        return { promptId: rng.word(8), ...(rng.chance(0.5) ? { code: rng.word(6, '0123456789') } : {}), cancel: rng.chance(0.5) };
      case 'collections:save': {
        const c = collection(rng.pick(ids), rng.nastyString(20), rng.int(0, 3)) as ReturnType<typeof collection> & { items: Array<{ items: unknown[] }> };
        if (rng.chance(0.3)) c.items[0]!.items.push({ ...request('rf'), kind: 'request', body: { mode: 'file', path: rng.pick(paths) }, headers: rng.chance(0.5) ? [{ id: 'h', key: 'X-Amz-Security-Token', value: rng.word(20) }] : [] });
        return { collection: c };
      }
      case 'collections:delete':
      case 'keys:delete':
        return channel === 'keys:delete' ? { name: rng.pick(ids) } : { id: rng.pick(ids) };
      case 'collections:export':
        return { id: rng.pick(ids), format: rng.pick(['rolecall', 'postman']) };
      case 'environments:export':
        return { id: rng.pick(ids), format: rng.pick(['postman', 'rolecall']) };
      case 'collections:order':
        return { ids: Array.from({ length: rng.int(0, 5) }, () => rng.pick(ids)) };
      case 'environments:save':
        return { environments: [{ id: 'e1', name: 'stag', variables: [{ id: 'v', key: 'k', value: rng.nastyString(20), secret: rng.chance(0.5) }] }], activeEnvironmentId: rng.pick(['e1', '', 'nope']) };
      case 'history:add':
        return { entry: { id: rng.pick(ids), at: '2025-01-01T00:00:00.000Z', request: request(rng.word(4)), resolvedUrl: 'https://example.com/', status: 200 } };
      case 'tabs:save':
        return { open: [{ id: 't1', draft: request('d1') }], activeId: rng.pick(['t1', 'nope']) };
      case 'keys:save': {
        const secret = fakeSecret(rng, 'TypedSecretKey');
        secrets.push({ label: 'a secret key typed into keys:save', value: secret });
        return { name: rng.pick(['fuzz', '__proto__', 'constructor', rng.nastyString(10)]), accessKeyId: `AKIA${rng.word(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}`, secretAccessKey: secret };
      }
      case 'response:read':
        return { file: rng.pick(paths), offset: rng.pick([0, 1, 2 ** 40]), length: rng.pick([1, 1024, 16 * 1024 * 1024]) };
      case 'response:format':
      case 'response:save':
        return {
          source: rng.chance(0.5) ? { kind: 'file', file: rng.pick(paths) } : { kind: 'inline', base64: rng.bytes(rng.int(0, 200)).toString('base64') },
          ...(channel === 'response:save' ? { suggestedName: rng.pick(['../../.bashrc', 'a.json', '/etc/passwd']) } : {}),
        };
      case 'files:choose':
        return { defaultPath: rng.pick(paths), title: rng.nastyString(20) };
      default:
        return {};
    }
  }

  const passwd = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0] ?? '' : '';

  for (const [channelIndex, channel] of CHANNELS.entries()) {
    it(`${channel}: ${PER_CHANNEL} valid-ish, invalid and hostile inputs answer clear Results and leak nothing`, async () => {
      const outcome = await fuzz(`IPC ${channel}`, { count: PER_CHANNEL, budgetMs: 15_000, secrets, salt: channelIndex + 1 }, async ({ rng, fail }) => {
        const kind = rng.weighted<string>([[5, 'valid-ish'], [3, 'mutated'], [2, 'hostile']]);
        const base = template(channel, rng);
        const input = kind === 'valid-ish' ? base : kind === 'mutated' ? mutate(rng, base) : hostile(rng);
        let described: string;
        try {
          described = `${kind}: ${clip(JSON.stringify(input) ?? String(input), 700)}`;
        } catch {
          described = `${kind}: (not JSON: ${typeof input})`;
        }
        const before = server.requests.length;
        const call = () =>
          measureBlocking(() =>
            Promise.race([
              app.registry.invoke(channel, input),
              new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), NO_ANSWER_MS).unref()),
            ]),
          );
        const first = await call();
        if (first.error !== undefined) fail(`invoke threw instead of answering a Result (${clip(String(first.error), 120)})`, described);
        else if (first.value === 'no answer') fail('invoke never answered', described);
        else {
          const result = first.value as Result<unknown>;
          if (typeof result?.ok !== 'boolean') fail('invoke answered something that is not a Result', described);
          else if (!result.ok && result.error.code === 'INTERNAL') fail(`failed unexpectedly (INTERNAL: ${clip(result.error.detail ?? '', 100)})`, described);
          // presign:reveal answers a presigned URL whole, which carries the session token by design (and nothing else secret).
          const leaked = secretsIn(result, channel === 'presign:reveal' ? secrets.filter((s) => s !== ENV_TOKEN_SECRET) : secrets);
          if (leaked.length > 0) fail(`the answer holds a secret (${[...new Set(leaked.map(kindOf))].join('; ')})`, described);
          if (passwd && JSON.stringify(result).includes(passwd)) fail('the answer holds /etc/passwd', described);
        }
        for (const sent of server.requests.slice(before)) {
          const wire = `${sent.head}\n${sent.body.toString('latin1')}`;
          if (wire.includes(MARKER_SECRET)) fail('the credentials file reached the loopback server', described);
          if (passwd && wire.includes(passwd)) fail('/etc/passwd reached the loopback server', described);
          // The session token goes to the server by design; the file's hash must not (it says what the file holds).
          if (wire.includes(secrets[4]!.value)) fail('the SHA-256 of the credentials file reached the loopback server', described);
        }
        const blocked = await confirmedBlock(first.blockedMs, async () => (await call()).blockedMs);
        if (blocked !== undefined) fail(`${channel} blocked the event loop for over ${MAX_BLOCK_MS} ms`, `${Math.round(blocked)} ms; ${described}`);
        if (Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined) fail('Object.prototype was polluted', described);
      });
      expect(outcome.ran).toBeGreaterThan(0);
      expect(outcome.report).toBe('');
    }, 60_000);
  }
});
