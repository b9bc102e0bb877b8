// A refused send through the handler registry, as the window gets it: the refusal names the role RoleCall assumed
// (from the credential chain, without a GetCallerIdentity call), and no secret reaches it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Result } from '../src/errors';
import type { SendResult } from '../src/models/http';
import { createApp } from './app';
import { startEchoServer, type EchoServer } from './testing/echoServer';
import type { MotoUser } from './testing/moto';
import { describeWithMoto } from './testing/motoSuite';

const ROLE = 'arn:aws:iam::111111111111:role/SearchReader';

describeWithMoto('refusals explained by the engine', (moto) => {
  let caller: MotoUser;
  let server: EchoServer;

  beforeAll(async () => {
    caller = await moto().createUserWithKeys('refusal-caller', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: '*' }],
    });
    // OpenSearch Serverless's bare refusal, as a collection answers a principal no data access policy names.
    server = await startEchoServer(() => ({
      status: 403,
      headers: [['Content-Type', 'application/json']],
      body: '{"status":403,"request-id":"aoss-9","error":{"reason":"403 Forbidden","type":"Forbidden"}}',
    }));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('names the assumed role from the chain and keeps the session token out', async () => {
    const app = createApp({
      host: 'browser-test',
      env: { AWS_ACCESS_KEY_ID: caller.accessKeyId, AWS_SECRET_ACCESS_KEY: caller.secretAccessKey, AWS_ENDPOINT_URL_STS: moto().endpoint },
      emit: () => {},
    });
    try {
      const sent = (await app.registry.invoke('request:send', {
        request: { method: 'GET', url: `${server.url}/idx/_search` },
        auth: { kind: 'assumeRole', base: { kind: 'env' }, roleArn: ROLE, sessionName: 'refusal' },
        signing: { region: 'eu-west-1', service: 'aoss' },
      })) as Result<SendResult>;
      expect(sent.ok).toBe(true);
      const result = (sent as { ok: true; value: SendResult }).value;
      expect(result.refusal).toMatchObject({ id: 'aoss.forbidden', family: 'openSearch', principal: `${ROLE} (as an assumed-role session)`, requestId: 'aoss-9' });
      expect(result.refusal?.fixes[0]).toContain(ROLE);
      const token = server.requests.at(-1)?.rawHeaders.find((_v, i, all) => all[i - 1]?.toLowerCase() === 'x-amz-security-token');
      expect(token).toBeTruthy();
      expect(JSON.stringify(result.refusal)).not.toContain(token);
      expect(JSON.stringify(result.refusal)).not.toContain(caller.secretAccessKey);
    } finally {
      await app.dispose();
    }
  });
});
