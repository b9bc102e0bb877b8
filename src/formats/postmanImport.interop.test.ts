// Every real-world collection in ../shared/interop/postman-collections (see its SOURCES.md) imports with the
// requests, folders, auth and variables it holds. The files are read where they are, never copied into the repo.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectionSchema, type Collection, type FolderNode, type ItemNode, type RequestNode } from '../models/workspace';
import { ImportError } from './importResult';
import { importPostmanCollection, type ImportResult } from './postmanImport';

const DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/interop/postman-collections');
const present = existsSync(DIR);
if (!present) {
  if (process.env.CI === 'true') throw new Error(`The shared Postman collections are missing at ${DIR}; CI needs them.`);
  console.log(`Skipping the Postman interop suite: ${DIR} is missing (it sits beside the repo, under shared/interop).`);
}

const load = (file: string): ImportResult => {
  let n = 0;
  return importPostmanCollection(JSON.parse(readFileSync(resolve(DIR, file), 'utf8')), { newId: () => `id${++n}` });
};
const folder = (items: ItemNode[], name: string): FolderNode => {
  const found = items.find((i) => i.kind === 'folder' && i.name === name);
  if (!found) throw new Error(`no folder ${name}`);
  return found as FolderNode;
};
const request = (items: ItemNode[], name: string): RequestNode => {
  const found = items.find((i) => i.kind === 'request' && i.name === name);
  if (!found) throw new Error(`no request ${name}`);
  return found as RequestNode;
};
const requests = (items: ItemNode[]): RequestNode[] => items.flatMap((i) => (i.kind === 'folder' ? requests(i.items) : [i]));
const choose = { type: 'profile', profile: '' };
/** No key value from the file anywhere in what RoleCall keeps. */
const keepsNoKey = (collection: Collection, ...values: string[]) => {
  const text = JSON.stringify(collection);
  for (const value of values) expect(text).not.toContain(value);
};

const EXPECTED = [
  'bruno_AWS.postman_collection.json',
  'insomnia_aws-signature-auth-v2_1-input.json',
  'media2cloud-digitalrelab.postman_collection.json',
  'media2cloud-guidance_fa446cc.postman_collection.json',
  'postman-to-k6_awsv4_v2.0.json',
  'tfm-aws_TFM-AWS-LAMBDAS.postman_collection.json',
  'transformer_nestedEntities_v1.0.0.json',
];

describe.skipIf(!present)('real-world Postman collections', () => {
  it('has an expectation below for every file in the folder', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(EXPECTED);
  });

  it('imports every v2 file into a valid collection', () => {
    for (const file of EXPECTED.filter((f) => !f.includes('v1.0.0'))) {
      expect(collectionSchema.safeParse(load(file).collection).success, file).toBe(true);
    }
  });

  it('tfm-aws: 5 folders (one nested), 17 requests, request-level and inherited awsv4 with {{variables}}', () => {
    const { collection, report, offeredKeys } = load('tfm-aws_TFM-AWS-LAMBDAS.postman_collection.json');
    expect(collection.name).toBe('TFM-AWS-LAMBDAS');
    expect(collection.items.map((i) => i.name)).toEqual(['Customers', 'Companies', 'Budgets', 'Products']);
    const products = folder(collection.items, 'Products');
    expect(folder(products.items, 'Individual Products').items.map((i) => i.name)).toEqual([
      'POST - AR Product',
      'POST - AP Product',
      'POST - GL Product',
      'POST - ADMINISTRATION Product',
      'POST - RRH Product',
    ]);
    expect(requests(collection.items)).toHaveLength(17);
    expect(collection.auth).toEqual(choose);

    const all = request(folder(collection.items, 'Customers').items, 'GET - All Customers');
    expect(all).toMatchObject({ method: 'GET', url: '{{URL}}/api/customers', auth: choose, body: { mode: 'none' } });
    expect(all.signing).toMatchObject({ region: '{{AWS_REGION}}', service: 'CloudFormation', mode: 'header' });

    const create = request(folder(collection.items, 'Customers').items, 'POST - New Customer');
    expect(create.method).toBe('POST');
    expect(create.body).toMatchObject({ mode: 'raw', language: 'json' });
    expect(create.body.mode === 'raw' && JSON.parse(create.body.text)).toBeTruthy();

    // No auth of its own: inherits the collection's awsv4, whose settings it now carries.
    const companies = request(folder(collection.items, 'Companies').items, 'GET - All Companies');
    expect(companies.auth).toEqual({ type: 'inherit' });
    expect(companies.signing).toMatchObject({ region: '{{AWS_REGION}}', service: 'CloudFormation' });
    // SOURCES.md's 15 awsv4 blocks: 14 on requests, one on the collection.
    expect(requests(collection.items).filter((r) => r.auth.type === 'profile')).toHaveLength(14);

    expect(offeredKeys).toBeUndefined();
    expect(report.warnings.join('\n')).toMatch(/keys come from variables \(\{\{AWS_ACCESS\}\}, \{\{AWS_SECRET\}\}, \{\{AWS_SESSION\}\}\).*choose a profile/);
    expect(report.warnings.join('\n')).toMatch(/"CloudFormation" does not look like a signing name/);
    expect(report.notMapped.join('\n')).toMatch(/protocolProfileBehavior/);
    expect(report.mapped).toContain('17 requests in 5 folders');
  });

  it('bruno: collection awsv4 inherited by one request, another with its own typed keys offered, scripts empty', () => {
    const { collection, report, offeredKeys, notes } = load('bruno_AWS.postman_collection.json');
    expect(collection.auth).toEqual(choose);
    const inherit = request(collection.items, 'Inherit');
    expect(inherit).toMatchObject({ url: 'http://localhost:3000/health', auth: { type: 'inherit' } });
    expect(inherit.signing).toMatchObject({ region: 'us-west-1', service: 'serviceName' });
    const own = request(collection.items, 'Own Auth');
    expect(own.auth).toEqual(choose);
    expect(own.signing).toMatchObject({ region: 'us-east1', service: 'service_name' });
    expect(offeredKeys).toEqual([{ name: 'AWS', accessKeyId: 'newAccessKey', secretAccessKey: 'newSecretKey', sessionToken: 'sessionToken', usedBy: [own.id] }]);
    // The collection's own keys mix a typed secret with a {{token}}: not offered, the user is told.
    expect(report.warnings.join('\n')).toMatch(/\{\{token\}\}.*choose a profile.*the collection/);
    expect(report.warnings.join('\n')).toMatch(/"us-east1" does not look like a region/);
    keepsNoKey(collection, 'newAccessKey', 'newSecretKey', 'sessionToken"', 'secret"');
    // Its prerequest/test scripts are empty: nothing to keep.
    expect(notes).toEqual([]);
  });

  it('insomnia: request-level awsv4 with a session token, keys offered, empty raw body is no body', () => {
    const { collection, offeredKeys, notes } = load('insomnia_aws-signature-auth-v2_1-input.json');
    const req = request(collection.items, 'AWS Signature');
    expect(req).toMatchObject({ method: 'GET', url: 'https://insomnia.rest', body: { mode: 'none' }, auth: choose });
    expect(req.signing).toMatchObject({ region: 'aws-region', service: 'aws-service-name' });
    expect(offeredKeys).toEqual([
      { name: 'AWS Signature Test', accessKeyId: 'aws-access-key', secretAccessKey: 'aws-secret-key', sessionToken: 'aws-session-token', usedBy: [req.id] },
    ]);
    keepsNoKey(collection, 'aws-access-key', 'aws-secret-key', 'aws-session-token');
    expect(notes).toEqual([{ itemId: collection.id, path: '', description: 'A collection for testing' }]);
  });

  it('media2cloud (guidance): collection awsv4 with {placeholders}, URLs rebuilt from host and path, descriptions kept', () => {
    const { collection, report, offeredKeys, notes } = load('media2cloud-guidance_fa446cc.postman_collection.json');
    expect(collection.name).toBe('Media2Cloud V3');
    expect(collection.auth).toEqual(choose);
    expect(collection.items.map((i) => i.name)).toEqual([
      'Start ingest and analysis',
      'Get a list of ingested contents',
      'Get information of a specific processed content',
      'Get analysis results',
      'Search content',
    ]);
    const start = request(collection.items, 'Start ingest and analysis');
    expect(start).toMatchObject({ method: 'POST', url: '{ApiEndpoint}/assets', auth: { type: 'inherit' } });
    expect(start.body).toEqual({ mode: 'raw', language: 'json', text: '{"input": {"bucket": "{ingest-bucket}","key": "tutorial/demo.png"}}' });
    expect(start.headers).toMatchObject([{ key: 'Content-Type', value: 'application/json', enabled: true }]);
    // The region placeholder {region} is dropped (RoleCall detects it), the service kept.
    expect(start.signing).toMatchObject({ region: '', service: 'execute-api' });
    expect(request(collection.items, 'Search content').url).toBe('{ApiEndpoint}/search?query=john');
    expect(request(collection.items, 'Get analysis results').url).toBe('{ApiEndpoint}/analysis/{uuid}');
    expect(offeredKeys).toBeUndefined();
    const warnings = report.warnings.join('\n');
    expect(warnings).toMatch(/AWS keys are placeholders/);
    expect(warnings).toMatch(/AWS region is a placeholder \(\{region\}\)/);
    expect(warnings).toMatch(/URLs hold placeholders/);
    expect(notes.find((n) => n.itemId === start.id)?.description).toMatch(/^Starting ingest and analysis workflow/);
    expect(notes.find((n) => n.path === '')?.description).toMatch(/^Examples of Media2Cloud V3/);
  });

  it('media2cloud (digitalrelab): <angle> placeholders and an empty session token offer nothing', () => {
    const { collection, report, offeredKeys } = load('media2cloud-digitalrelab.postman_collection.json');
    expect(requests(collection.items).map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST <Media2CloudEndpoint>/assets',
      'GET <Media2CloudEndpoint>/assets',
      'GET <Media2CloudEndpoint>/assets/<uuid>',
      'POST <Media2CloudEndpoint>/analysis',
      'GET <Media2CloudEndpoint>/analysis/<uuid>',
      'GET <Media2CloudEndpoint>/search?query=john',
    ]);
    expect(requests(collection.items).every((r) => r.signing.service === 'execute-api' && r.signing.region === '')).toBe(true);
    expect(offeredKeys).toBeUndefined();
    expect(report.warnings.join('\n')).toMatch(/AWS keys are placeholders/);
  });

  it('postman-to-k6: the v2.0 object form of awsv4 and a bare-string URL', () => {
    const { collection, offeredKeys } = load('postman-to-k6_awsv4_v2.0.json');
    const req = request(collection.items, 'TestRequest');
    expect(req).toMatchObject({ method: 'GET', url: 'example.com', auth: choose, body: { mode: 'none' } });
    expect(req.signing).toMatchObject({ region: 'region', service: 'service', mode: 'header' });
    expect(offeredKeys).toEqual([{ name: 'Request', accessKeyId: 'accesskey', secretAccessKey: 'secretkey', sessionToken: 'session', usedBy: [req.id] }]);
    keepsNoKey(collection, 'accesskey', 'secretkey');
  });

  it('refuses Postman\'s v1 example with the message that says what to do', () => {
    expect(() => load('transformer_nestedEntities_v1.0.0.json')).toThrow(ImportError);
    expect(() => load('transformer_nestedEntities_v1.0.0.json')).toThrow('Postman Collection v1 is not supported; open it in Postman and export as v2.1.');
  });
});
