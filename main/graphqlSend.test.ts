// A GraphQL request as the workbench sends it (effectiveRequest → request:send), checked by a loopback server that
// verifies SigV4 independently: AppSync with IAM auth signs the JSON body under the service "appsync".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveRequest } from '../src/effectiveRequest';
import { requestDocSchema } from '../src/models/workspace';
import type { SendResult } from '../src/models/http';
import { EXAMPLE_KEYS, header, verifySigV4 } from '../e2e/harness/sigv4Verifier';
import { createApp } from './app';
import { startEchoServer, type EchoServer } from './testing/echoServer';

let server: EchoServer;
beforeAll(async () => {
  server = await startEchoServer(() => ({ status: 200, headers: [['content-type', 'application/json']], body: '{"data":{"getItem":{"id":"item-7"}}}' }));
});
afterAll(async () => {
  await server.stop();
});

describe('a GraphQL request sent signed', () => {
  it('arrives as the JSON body AppSync expects, signed for appsync, and the verifier accepts it', async () => {
    const app = createApp({ host: 'cli', env: { AWS_ACCESS_KEY_ID: EXAMPLE_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: EXAMPLE_KEYS.secretAccessKey }, emit: () => {} });
    const doc = requestDocSchema.parse({
      id: 'r1',
      name: 'get item',
      method: 'POST',
      url: `${server.url}/graphql`,
      body: { mode: 'graphql', query: 'query Get($id: ID!) { getItem(id: $id) { id } }', variables: '{ "id": "item-7" }', operationName: 'Get' },
      auth: { type: 'env' },
      // A loopback host names no service; an *.appsync-api.* host would (src/endpoint.ts).
      signing: { region: 'eu-west-1', service: 'appsync', payload: 'signed', mode: 'header', expiresIn: 900 },
    });
    const result = await app.registry.invoke('request:send', effectiveRequest({ doc, folders: [] }).sign);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    expect((result.value as SendResult).response.status).toBe(200);

    const received = server.requests.at(-1)!;
    expect(JSON.parse(received.body.toString('utf8'))).toEqual({ query: 'query Get($id: ID!) { getItem(id: $id) { id } }', variables: { id: 'item-7' }, operationName: 'Get' });
    expect(header(received, 'content-type')).toBe('application/json');
    const verdict = await verifySigV4(received, EXAMPLE_KEYS);
    expect(verdict.reason).toBeUndefined();
    expect(verdict).toMatchObject({ ok: true, region: 'eu-west-1', service: 'appsync' });
    expect(verdict.signedHeaders).toContain('content-type');
  });
});
