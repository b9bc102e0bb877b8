// presign:reveal through the handler registry, as the window calls it: the URL it answers is used as someone
// else would (plain fetch, no RoleCall) against a loopback server that checks query-string signatures the way AWS
// does (e2e/harness/presignVerifier.ts, written without smithy), for S3 GET, S3 PUT and execute-api GET.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPresignVerifier } from '../../e2e/harness/presignVerifier';
import type { Result } from '../../src/errors';
import type { PresignedUrl } from '../../src/models/presign';
import type { SignResult } from '../../src/models/http';
import { createApp, type App } from '../app';

const KEYS = {
  accessKeyId: 'ASIAPRESIGNTESTEXAMPLE',
  secretAccessKey: 'presignRevealTestSecretKey/00000000000',
  sessionToken: 'presignRevealTestSessionToken+/=0000000000000000000',
};

let verifier: Awaited<ReturnType<typeof startPresignVerifier>>;
let clock = Date.now();
let app: App;

beforeAll(async () => {
  verifier = await startPresignVerifier(KEYS, () => clock);
  app = createApp({
    host: 'browser-test',
    env: { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey, AWS_SESSION_TOKEN: KEYS.sessionToken },
    emit: () => undefined,
  });
});
afterAll(async () => {
  await app.dispose();
  await verifier.stop();
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function reveal(method: string, path: string, service: string, expiresIn = 300, headers: Array<[string, string]> = []): Promise<PresignedUrl> {
  return value<PresignedUrl>(
    await app.registry.invoke('presign:reveal', {
      request: { method, url: `${verifier.url}${path}`, headers },
      auth: { kind: 'env' },
      signing: { region: 'eu-west-1', service, expiresIn },
    }),
  );
}

describe('presign:reveal', () => {
  it('answers an S3 GET URL that a verifier accepts, token included', async () => {
    clock = Date.now();
    const presigned = await reveal('GET', '/bucket/report.csv?versionId=3', 's3');
    expect(presigned.url).toContain(`X-Amz-Security-Token=${encodeURIComponent(KEYS.sessionToken)}`);
    expect(presigned.carriesSessionToken).toBe(true);
    expect(presigned.unsignedPayload).toBe(true);
    const response = await fetch(presigned.url);
    expect(await response.text()).toBe('verified GET s3 0 bytes');
    expect(verifier.verdicts.at(-1)).toMatchObject({ ok: true, token: 'matched', region: 'eu-west-1', service: 's3' });
  });

  it('answers an S3 PUT URL signed over UNSIGNED-PAYLOAD: any body uploads with it', async () => {
    clock = Date.now();
    const presigned = await reveal('PUT', '/bucket/upload.bin', 's3');
    expect(presigned.method).toBe('PUT');
    const response = await fetch(presigned.url, { method: 'PUT', body: new Uint8Array([1, 2, 3, 4, 5]) });
    expect(await response.text()).toBe('verified PUT s3 5 bytes');
  });

  it('answers an execute-api GET URL a verifier accepts', async () => {
    clock = Date.now();
    const presigned = await reveal('GET', '/prod/items?limit=10&after=a%20b', 'execute-api');
    expect(presigned.unsignedPayload).toBe(false);
    const response = await fetch(presigned.url);
    expect(response.status).toBe(200);
    expect(verifier.verdicts.at(-1)).toMatchObject({ ok: true, service: 'execute-api' });
  });

  it('lists the signed headers besides host that the URL must be sent with', async () => {
    clock = Date.now();
    const presigned = await reveal('GET', '/prod/items', 'execute-api', 300, [['X-Tenant', 'blue']]);
    expect(presigned.headers).toEqual([['X-Tenant', 'blue']]);
    expect((await fetch(presigned.url)).status).toBe(403);
    expect((await fetch(presigned.url, { headers: { 'X-Tenant': 'blue' } })).status).toBe(200);
  });

  it('is refused once expired and when its path is changed (the verifier can say no)', async () => {
    clock = Date.now();
    const presigned = await reveal('GET', '/bucket/a.txt', 's3', 60);
    expect((await fetch(presigned.url.replace('/bucket/a.txt', '/bucket/b.txt'))).status).toBe(403);
    clock = Date.now() + 61_000;
    const late = await fetch(presigned.url);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('expired');
  });

  it('gives the expiry as the signing time plus expiresIn', async () => {
    const presigned = value<PresignedUrl>(
      await app.registry.invoke('presign:reveal', {
        request: { method: 'GET', url: `${verifier.url}/bucket/k` },
        auth: { kind: 'env' },
        signing: { region: 'eu-west-1', service: 's3', expiresIn: 3600, signingDate: '2026-01-02T03:04:05Z' },
      }),
    );
    expect(presigned.expiresAt).toBe('2026-01-02T04:04:05.000Z');
    expect(presigned.url).toContain('X-Amz-Expires=3600');
  });

  it('never answers the secret key, and request:sign still masks the token of a presigned URL', async () => {
    const presigned = await reveal('GET', '/bucket/k', 's3');
    expect(JSON.stringify(presigned)).not.toContain(KEYS.secretAccessKey);
    const preview = value<SignResult>(
      await app.registry.invoke('request:sign', { request: { method: 'GET', url: `${verifier.url}/bucket/k` }, auth: { kind: 'env' }, signing: { region: 'eu-west-1', service: 's3', mode: 'query' } }),
    );
    expect(JSON.stringify(preview)).not.toContain(encodeURIComponent(KEYS.sessionToken));
    expect(JSON.stringify(preview)).not.toContain(KEYS.sessionToken);
  });

  it('refuses to presign without credentials, in words', async () => {
    const result = await app.registry.invoke('presign:reveal', { request: { method: 'GET', url: `${verifier.url}/x` }, auth: { kind: 'none' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('needs credentials') } });
  });
});
