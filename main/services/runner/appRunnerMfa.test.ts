// A run in the app whose requests assume a role that needs an MFA code: the window is asked once (one mfa:prompt
// for the whole run, every iteration), and every request is signed with that role's session, against moto's STS.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EventName, MfaPrompt } from '../../../src/contract';
import type { Result } from '../../../src/errors';
import { collectionSchema } from '../../../src/models/workspace';
import type { RunnerFinished, RunnerStarted } from '../../../src/runner/runnerContract';
import type { App } from '../../app';
import { startEchoServer, type EchoServer } from '../../testing/echoServer';
import { describeWithMoto } from '../../testing/motoSuite';
import { openTestApp } from '../../testing/testApp';

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describeWithMoto('the app runner and MFA', (moto) => {
  let dir = '';
  let server: EchoServer;
  let app: App | undefined;

  beforeAll(async () => {
    const caller = await moto().createUserWithKeys('runner-mfa-caller', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    dir = await mkdtemp(join(tmpdir(), 'rolecall-runner-mfa-'));
    await writeFile(join(dir, 'config'), '[profile guarded]\nrole_arn = arn:aws:iam::111111111111:role/NeedsMfa\nsource_profile = caller\nmfa_serial = arn:aws:iam::123456789012:mfa/caller\nregion = us-east-1\n');
    await writeFile(join(dir, 'credentials'), `[caller]\naws_access_key_id = ${caller.accessKeyId}\naws_secret_access_key = ${caller.secretAccessKey}\n`);
    server = await startEchoServer(() => ({ status: 200, headers: [['Content-Type', 'application/json']], body: '{}' }));
  });

  afterAll(async () => {
    await app?.dispose();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('asks for the role’s code once for a run of several requests and iterations', async () => {
    const prompts: MfaPrompt[] = [];
    let done: (finished: RunnerFinished) => void = () => undefined;
    const finished = new Promise<RunnerFinished>((resolve) => (done = resolve));
    const running = openTestApp(join(dir, 'store'), {
      env: { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir },
      stsEndpoint: moto().endpoint,
      emit: (event: EventName, payload: unknown) => {
        if (event === 'mfa:prompt') {
          const prompt = payload as MfaPrompt;
          prompts.push(prompt);
          // The user types the code a moment later, as in the window's MFA dialog.
          setTimeout(() => void running.registry.invoke('mfa:answer', { promptId: prompt.promptId, code: '123456' }), 10);
        }
        if (event === 'runner:finished') done(payload as RunnerFinished);
      },
    });
    app = running;
    const request = (id: string) => ({ kind: 'request', id, name: id, method: 'GET', url: `${server.url}/${id}`, signing: { region: 'us-east-1', service: 'execute-api' } });
    const collection = collectionSchema.parse({ id: 'guarded', name: 'Guarded', auth: { type: 'profile', profile: 'guarded' }, items: [request('a'), request('b'), request('c')] });
    value(await running.registry.invoke('collections:save', { collection }));

    const started = value<RunnerStarted>(await running.registry.invoke('runner:start', { collectionId: 'guarded', iterations: 2 }));
    expect(started.total).toBe(6);
    const { report } = await finished;

    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.mfaSerial).toBe('arn:aws:iam::123456789012:mfa/caller');
    expect(report.results.map((r) => r.error?.code ?? r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // Each request carried the assumed role's session token: signed as the role, not the caller.
    expect(server.requests).toHaveLength(6);
    for (const received of server.requests) expect(received.rawHeaders.map((h) => h.toLowerCase())).toContain('x-amz-security-token');
  });
});
