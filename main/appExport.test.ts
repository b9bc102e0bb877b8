// The export channels through the registry: an environment as a Postman environment file (secret values blank,
// typed secret, readable by RoleCall's own Postman import), and what a Postman collection export could not express.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/errors';
import { importPostmanEnvironment } from '../src/formats/postmanEnvironment';
import { createProcessCipher } from './testing/processCipher';
import { createApp } from './app';
import { openTestApp } from './testing/testApp';

const SECRET = 'stagingSecretValueNeverInAnExport0001';

const staging = {
  id: 'stag',
  name: 'Staging',
  variables: [
    { id: 'a', key: 'base', value: 'https://abc.execute-api.eu-west-1.amazonaws.com/stage' },
    { id: 'b', key: 'apiKey', value: SECRET, secret: true },
    { id: 'c', key: 'debug', value: '1', enabled: false },
  ],
};

const collection = {
  id: 'c1',
  name: 'Team API',
  auth: { type: 'profile', profile: 'api' },
  items: [{ kind: 'request', id: 'r1', name: 'List', method: 'GET', url: 'https://abc.execute-api.eu-west-1.amazonaws.com/orders' }],
};

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const code = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

describe('the export channels', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function start(saved: string[] = [], answer?: (name: string) => string | undefined) {
    const dir = await mkdtemp(join(tmpdir(), 'rolecall-export-'));
    dirs.push(dir);
    const app = openTestApp(dir, {
      cipher: createProcessCipher(),
      chooseSavePath: async (name) => {
        saved.push(name);
        return answer ? answer(name) : join(dir, name);
      },
    });
    return { app, dir };
  }

  it('writes an environment as a Postman environment file: secret values blank and typed secret', async () => {
    const saved: string[] = [];
    const { app, dir } = await start(saved);
    value(await app.registry.invoke('environments:save', { environments: [staging], activeEnvironmentId: 'stag' }));

    const out = value<{ path?: string; cancelled: boolean }>(await app.registry.invoke('environments:export', { id: 'stag', format: 'postman' }));
    expect(saved).toEqual(['Staging.postman_environment.json']);
    expect(out).toEqual({ path: join(dir, 'Staging.postman_environment.json'), cancelled: false });
    const text = readFileSync(out.path!, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(JSON.stringify(out)).not.toContain(SECRET);
    expect(JSON.parse(text)).toEqual({
      name: 'Staging',
      values: [
        { key: 'base', value: 'https://abc.execute-api.eu-west-1.amazonaws.com/stage', enabled: true, type: 'default' },
        { key: 'apiKey', value: '', enabled: true, type: 'secret' },
        { key: 'debug', value: '1', enabled: false, type: 'default' },
      ],
      _postman_variable_scope: 'environment',
    });

    // RoleCall's own Postman import reads it back: the secret stays secret, to be filled in.
    const { environment } = importPostmanEnvironment(JSON.parse(text));
    expect(environment.name).toBe('Staging');
    expect(environment.variables.map((v) => [v.key, v.value, v.enabled, v.secret])).toEqual([
      ['base', 'https://abc.execute-api.eu-west-1.amazonaws.com/stage', true, false],
      ['apiKey', '', true, true],
      ['debug', '1', false, false],
    ]);
    // The workspace keeps its secret value: the export blanked a copy.
    const loaded = value<{ environments: Array<{ variables: Array<{ key: string; value: string }> }> }>(await app.registry.invoke('workspace:load', {}));
    expect(loaded.environments[0]!.variables.find((v) => v.key === 'apiKey')!.value).toBe(SECRET);
  });

  it('reports a cancelled environment export, and refuses an unknown environment, another format or a host that cannot save', async () => {
    const { app } = await start([], () => undefined);
    value(await app.registry.invoke('environments:save', { environments: [staging] }));
    expect(value(await app.registry.invoke('environments:export', { id: 'stag', format: 'postman' }))).toEqual({ cancelled: true });
    expect(code(await app.registry.invoke('environments:export', { id: 'nope', format: 'postman' }))).toBe('INVALID_INPUT');
    expect(code(await app.registry.invoke('environments:export', { id: 'stag', format: 'rolecall' }))).toBe('INVALID_INPUT');
    const cli = createApp({ host: 'cli', env: {}, emit: () => {} });
    expect(code(await cli.registry.invoke('environments:export', { id: 'stag', format: 'postman' }))).toBe('FILE_ERROR');
  });

  it('returns with a Postman collection export what Postman cannot express, and nothing of the kind for RoleCall’s format', async () => {
    const { app } = await start();
    value(await app.registry.invoke('collections:save', { collection }));
    const postman = value<{ path?: string; cancelled: boolean; report?: string[] }>(await app.registry.invoke('collections:export', { id: 'c1', format: 'postman' }));
    expect(postman.cancelled).toBe(false);
    expect(postman.report).toEqual([
      'Collection: RoleCall signs with AWS profile "api"; Postman cannot use profiles, environment credentials or roles and signs with the AWS_* variables instead.',
    ]);
    const own = value<{ report?: string[] }>(await app.registry.invoke('collections:export', { id: 'c1', format: 'rolecall' }));
    expect(own.report).toBeUndefined();
  });
});
