// `rolecall import`, built and run as a user runs it: the report on stdout, --out writing a RoleCall collection
// file that imports again, and the keys a file held never printed or written.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAny } from '../../src/formats/importAny';
import { buildCli, runCli } from '../testing/cliRunner';

let dir = '';
let bin = '';

beforeAll(async () => {
  ({ dir, bin } = await buildCli('rolecall-cli-import-'));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(bin, args, { home: dir });

const SECRET = 'cliImportSecretKeyNeverPrinted/0001abc';
const COLLECTION = JSON.stringify({
  info: { name: 'Orders API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  auth: { type: 'awsv4', awsv4: [{ key: 'accessKey', value: 'AKIACLIIMPORTEXAMPLE' }, { key: 'secretKey', value: SECRET }, { key: 'region', value: 'eu-west-1' }, { key: 'service', value: 'execute-api' }] },
  event: [{ listen: 'prerequest', script: { exec: ['console.log(1)'] } }],
  item: [{ name: 'orders', item: [{ name: 'List', request: { method: 'GET', url: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/orders', auth: { type: 'bearer' } } }] }],
});

describe('rolecall import', () => {
  it('prints the report, names keys by their id only, and writes a RoleCall file with --out', async () => {
    const file = join(dir, 'orders.postman_collection.json');
    const out = join(dir, 'orders.rolecall.json');
    await writeFile(file, COLLECTION);
    const text = await run(['import', file, '--out', out]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/format: +Postman Collection v2\.1/);
    expect(text.stdout).toMatch(/Orders API \(1 request, 1 folder\)/);
    expect(text.stdout).toMatch(/Not mapped:\n(.*\n)*.*Auth type "bearer"/);
    expect(text.stdout).toMatch(/Pre-request scripts were kept with their items, never run/);
    expect(text.stdout).toMatch(/Descriptions or scripts found on 1 item: kept with their items/);
    expect(text.stdout).toMatch(/AKIACLIIMPORTEXAMPLE/);
    expect(text.stdout + text.stderr).not.toContain(SECRET);

    const written = await readFile(out, 'utf8');
    expect(written).not.toContain(SECRET);
    expect(written).not.toContain('AKIACLIIMPORTEXAMPLE');
    const again = importAny(written);
    expect(again.format).toBe('rolecall');
    expect(again.collection).toMatchObject({ name: 'Orders API', auth: { type: 'profile', profile: '' }, items: [{ name: 'orders', items: [{ name: 'List', auth: { type: 'none' } }] }] });

    const json = await run(['import', file, '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ format: 'postman-collection', collection: { name: 'Orders API', requests: 1, folders: 1 }, offeredKeys: [{ accessKeyId: 'AKIACLIIMPORTEXAMPLE', usedBy: 1 }], notes: 1 });
    expect(json.stdout).not.toContain(SECRET);
  }, 30_000);

  it('fails with a clear message and exit 2 on what it cannot import, 1 on a missing file', async () => {
    const junk = join(dir, 'junk.txt');
    await writeFile(junk, 'not a collection at all');
    const bad = await run(['import', junk]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot tell what this is/);
    const openapi = join(dir, 'api.yaml');
    await writeFile(openapi, 'openapi: 3.0.0\npaths: {}\n');
    expect((await run(['import', openapi, '--json'])).stdout).toMatch(/OpenAPI document has no operations/);
    const missing = await run(['import', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Could not read nope\.json/);
    expect((await run(['import'])).code).toBe(2);
  }, 30_000);
});
