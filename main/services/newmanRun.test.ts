// Postman's own runner runs RoleCall's Postman v2.1 export: newman (postman-runtime, whose awsv4 signer is the `aws4`
// package) sends every request of an exported collection to a loopback server that checks each signature the way
// AWS would (e2e/harness/sigv4Verifier.ts, on @smithy/signature-v4: independent of both RoleCall and aws4). The keys
// are given once, as environment variables, exactly as a team's CI would.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_KEYS, header, verifySigV4, type VerifyKeys } from '../../e2e/harness/sigv4Verifier';
import { exportPostmanCollection } from '../../src/formats/postmanExport';
import { collectionSchema, type Collection } from '../../src/models/workspace';
import { startEchoServer, type EchoServer, type RecordedRequest } from '../testing/echoServer';

interface NewmanSummary {
  run: {
    stats: { requests: { total: number; failed: number }; assertions: { total: number; failed: number } };
    failures: Array<{ error: { message: string } }>;
    executions: Array<{ item: { name: string }; requestError?: { message: string } }>;
  };
}
interface Newman {
  run(options: Record<string, unknown>, done: (err: Error | null, summary: NewmanSummary) => void): void;
}
const newman = createRequire(import.meta.url)('newman') as Newman;

const KEYS: Required<VerifyKeys> = { ...EXAMPLE_KEYS, sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789' };

function teamCollection(base: string): Collection {
  const signing = (region: string, service: string) => ({ region, service });
  return collectionSchema.parse({
    id: 'team',
    name: 'Team API',
    auth: { type: 'profile', profile: 'team' },
    variables: [{ id: 'v1', key: 'base', value: base }],
    items: [
      {
        kind: 'request',
        id: 'r1',
        name: 'List',
        method: 'GET',
        url: '{{base}}/items?limit=10&name=a%20b',
        signing: signing('eu-west-1', 'execute-api'),
        // A test script kept from a Postman import (never run by RoleCall): newman runs it.
        preserved: { order: [], fields: { scripts: [{ type: 'afterResponse', code: 'pm.test("List answers 200", () => {\n  pm.response.to.have.status(200);\n});', language: 'text/javascript' }] } },
      },
      {
        kind: 'request',
        id: 'r2',
        name: 'Create',
        method: 'POST',
        url: '{{base}}/items',
        headers: [{ id: 'h1', key: 'X-Trace', value: 'abc' }],
        body: { mode: 'raw', language: 'json', text: '{"name":"widget","tags":["a","b"]}' },
        signing: signing('eu-west-1', 'execute-api'),
      },
      {
        kind: 'folder',
        id: 'f1',
        name: 'Admin',
        auth: { type: 'assumeRole', base: { kind: 'profile', profile: 'team' }, roleArn: 'arn:aws:iam::111111111111:role/Admin' },
        variables: [{ id: 'fv', key: 'section', value: 'admin' }],
        items: [
          { kind: 'request', id: 'r3', name: 'Purge', method: 'DELETE', url: '{{base}}/{{section}}/cache?all=true', signing: signing('us-west-2', 'lambda') },
          { kind: 'request', id: 'r4', name: 'Stats', method: 'GET', url: '{{base}}/{{section}}/stats', signing: signing('us-west-2', 'lambda') },
        ],
      },
      {
        kind: 'folder',
        id: 'f2',
        name: 'Reports',
        variables: [{ id: 'fv2', key: 'section', value: 'reports' }],
        items: [{ kind: 'request', id: 'r7', name: 'Daily', method: 'GET', url: '{{base}}/{{section}}/daily', signing: signing('eu-west-1', 'execute-api') }],
      },
      {
        kind: 'request',
        id: 'r5',
        name: 'Own keys',
        method: 'PUT',
        url: '{{base}}/own',
        auth: { type: 'storedKeys', name: 'ci' },
        body: { mode: 'urlencoded', fields: [{ id: 'u1', key: 'a', value: '1' }, { id: 'u2', key: 'b c', value: 'd&e' }] },
        signing: signing('ap-south-1', 'es'),
      },
      { kind: 'request', id: 'r6', name: 'Open', method: 'GET', url: '{{base}}/open', auth: { type: 'none' } },
    ],
  });
}

function runNewman(collection: unknown, envVar: Array<{ key: string; value: string }>): Promise<NewmanSummary> {
  return new Promise((resolve, reject) => {
    newman.run({ collection, envVar, reporters: [], timeoutRequest: 5000, timeout: 30000 }, (err, summary) => (err ? reject(err) : resolve(summary)));
  });
}

describe('newman runs the Postman export', () => {
  let server: EchoServer;
  let summary: NewmanSummary;
  let report: string[];
  const byPath = (path: string): RecordedRequest => {
    const found = server.requests.filter((r) => r.url.split('?')[0] === path);
    expect(found, path).toHaveLength(1);
    return found[0]!;
  };

  beforeAll(async () => {
    server = await startEchoServer();
    const exported = exportPostmanCollection(teamCollection(server.url));
    report = exported.report;
    // Through JSON, as a file would carry it.
    const collection = JSON.parse(JSON.stringify(exported.collection)) as unknown;
    summary = await runNewman(collection, [
      { key: 'AWS_ACCESS_KEY_ID', value: KEYS.accessKeyId },
      { key: 'AWS_SECRET_ACCESS_KEY', value: KEYS.secretAccessKey },
      { key: 'AWS_SESSION_TOKEN', value: KEYS.sessionToken },
    ]);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('sends every request without a runner error', () => {
    expect(summary.run.executions.map((e) => [e.item.name, e.requestError?.message])).toEqual(
      ['List', 'Create', 'Purge', 'Stats', 'Daily', 'Own keys', 'Open'].map((name) => [name, undefined]),
    );
    expect(summary.run.failures).toEqual([]);
    expect(server.requests).toHaveLength(7);
  });

  it('runs the kept Postman test script where it came from', () => {
    expect(summary.run.stats.assertions).toEqual({ total: 1, failed: 0, pending: 0 });
  });

  it.each([
    ['/items', 'GET', 'collection auth, query params', 'eu-west-1', 'execute-api'],
    ['/items', 'POST', 'collection auth, JSON body', 'eu-west-1', 'execute-api'],
    ['/admin/cache', 'DELETE', 'folder auth, folder variable', 'us-west-2', 'lambda'],
    ['/admin/stats', 'GET', 'folder auth', 'us-west-2', 'lambda'],
    ['/reports/daily', 'GET', 'collection auth, folder variable of a name two folders define', 'eu-west-1', 'execute-api'],
    ['/own', 'PUT', 'request auth, form body', 'ap-south-1', 'es'],
  ])('%s %s (%s) verifies as SigV4 for %s/%s with the session token', async (path, method, _what, region, service) => {
    const received = server.requests.find((r) => r.url.split('?')[0] === path && r.method === method);
    expect(received, `${method} ${path} in ${server.requests.map((r) => r.url).join(' ')}`).toBeDefined();
    const verdict = await verifySigV4(received!, KEYS);
    expect(verdict).toMatchObject({ ok: true, region, service });
    expect(header(received!, 'x-amz-security-token')).toBe(KEYS.sessionToken);
    // What was signed is what arrived: the body's hash is among the signed headers whenever there is a body.
    if (received!.body.length > 0) expect(verdict.signedHeaders).toContain('x-amz-content-sha256');
  });

  it('sends the query, the JSON body and the form as RoleCall has them', () => {
    const list = server.requests.find((r) => r.method === 'GET' && r.url.startsWith('/items'))!;
    expect(list.url).toBe('/items?limit=10&name=a%20b');
    const create = server.requests.find((r) => r.method === 'POST')!;
    expect(create.body.toString('utf8')).toBe('{"name":"widget","tags":["a","b"]}');
    expect(header(create, 'content-type')).toBe('application/json');
    expect(header(create, 'x-trace')).toBe('abc');
    expect(byPath('/own').body.toString('utf8')).toBe('a=1&b%20c=d%26e');
  });

  it('sends the noauth request unsigned', () => {
    const open = byPath('/open');
    expect(header(open, 'authorization')).toBeUndefined();
    expect(header(open, 'x-amz-date')).toBeUndefined();
    expect(header(open, 'x-amz-security-token')).toBeUndefined();
  });

  it('reports the identities Postman cannot use and the folder variables it moved', () => {
    expect(report).toEqual([
      expect.stringMatching(/^Collection: RoleCall signs with AWS profile "team"/),
      expect.stringMatching(/^List: its test script, kept from Postman, is exported as Postman's; RoleCall never ran it/),
      expect.stringMatching(/^Admin: RoleCall signs with assume role arn:aws:iam::111111111111:role\/Admin/),
      expect.stringMatching(/^Own keys: RoleCall signs with stored keys "ci"/),
      'Admin: folder variable section is the collection variable {{Admin.section}} in Postman (Postman runs no folder variables); the folder\'s requests use that name.',
      'Reports: folder variable section is the collection variable {{Reports.section}} in Postman (Postman runs no folder variables); the folder\'s requests use that name.',
    ]);
  });
});
