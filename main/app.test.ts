// The contract test: every channel has a handler and a preload method, input is validated, and no response that
// crosses the boundary carries a secret key or a session token, checked against credentials moto really issued.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, createApi, methodName, type MfaPrompt } from '../src/contract';
import type { Result } from '../src/errors';
import type { SendResult, SignResult } from '../src/models/http';
import { createApp, type App } from './app';
import type { MotoUser } from './testing/moto';
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
      emit: (_event, prompt) => {
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
});
