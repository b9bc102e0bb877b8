// `rolecall run` as CI runs it: the built bin on a collection folder written here, against a loopback API that
// verifies every SigV4 signature and keeps state, so create → capture id → get → delete only passes when the
// capture really fed the next requests. JUnit is parsed, not grepped.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_KEYS } from '../../e2e/harness/sigv4Verifier';
import { writeFolder } from '../../src/formats/folderLayout';
import { toRoleCallFile } from '../../src/formats/rolecallExport';
import type { Check } from '../../src/models/checks';
import type { RunReport } from '../../src/runner/types';
import { buildCli, runCli } from '../testing/cliRunner';
import { startOrdersApi, type OrdersApi } from '../testing/ordersApi';
import { sessionCollection, startSessionApi } from '../testing/sessionApi';
import { ordersCollection, stagEnvironment } from '../testing/runnerFixture';

const KEYS = { AWS_ACCESS_KEY_ID: EXAMPLE_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: EXAMPLE_KEYS.secretAccessKey };
let bin = '';
let api: OrdersApi;
let work = '';
let repo = '';

async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), text);
  }
}

beforeAll(async () => {
  ({ bin } = await buildCli('rolecall-run-'));
  api = await startOrdersApi(EXAMPLE_KEYS);
  work = await mkdtemp(join(tmpdir(), 'rolecall-run-work-'));
  repo = join(work, 'api', 'rolecall');
  await writeFiles(repo, writeFolder({ collections: [ordersCollection()], environments: [stagEnvironment(api.url)] }).files);
}, 60_000);

afterAll(async () => {
  await api?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string> = KEYS) => runCli(bin, ['run', ...args], { env, home: work });

interface JunitCase {
  '@_name': string;
  failure?: Array<{ '@_message': string; '#text': string }>;
  error?: Array<{ '@_type': string }>;
}
interface JunitSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  testcase: JunitCase[];
}

function parseJunit(xml: string) {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase', 'failure', 'error'].includes(name) });
  const doc = parser.parse(xml, true) as { testsuites: { '@_tests': string; '@_failures': string; testsuite: JunitSuite[] } };
  return doc.testsuites;
}

describe('rolecall run', () => {
  it('runs create → capture id → get → delete against a SigV4-verifying API, exit 0, JUnit counts matching', async () => {
    const junitFile = join(work, 'pass.xml');
    const before = api.requests.length;
    const out = await run([repo, '--env', 'stag', '--reporter', 'cli,junit', '--reporter-junit-export', junitFile]);
    expect(out.code, out.stderr + out.stdout).toBe(0);
    const sent = api.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /orders', expect.stringMatching(/^GET \/orders\/o-\d+$/), expect.stringMatching(/^DELETE \/orders\/o-\d+$/)]);
    // The id the create answered with is the one the get and delete used.
    const id = /o-\d+/.exec(sent[1]!.url)![0];
    expect(sent[2]!.url).toBe(`/orders/${id}`);
    expect(api.stats.refused).toBe(0);
    expect(api.orders.has(id)).toBe(false);
    // Piped: no progress lines, only the summary.
    expect(out.stdout).not.toMatch(/✓/);
    expect(out.stdout).toMatch(/requests\s+3\s+0/);

    const suites = parseJunit(await readFile(junitFile, 'utf8'));
    expect(suites['@_tests']).toBe('3');
    expect(suites['@_failures']).toBe('0');
    expect(suites.testsuite).toHaveLength(1);
    expect(suites.testsuite[0]!['@_name']).toBe('Orders API / orders');
    expect(suites.testsuite[0]!.testcase.map((c) => c['@_name'])).toEqual(['create order', 'get order', 'delete order']);
    expect(suites.testsuite[0]!.testcase.some((c) => c.failure)).toBe(false);
  });

  it('exits 1 on a failed check, with a <failure> carrying the actual value, and the JSON report agreeing', async () => {
    const junitFile = join(work, 'fail.xml');
    const out = await run([repo, '--env', 'stag', '--var', 'item=pen<&>', '--reporter', 'json,junit', '--reporter-junit-export', junitFile, '--iterations', '2']);
    expect(out.code, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout) as RunReport;
    expect(report.totals).toMatchObject({ requests: 6, failedRequests: 2, failedChecks: 2, errors: 0 });
    const suites = parseJunit(await readFile(junitFile, 'utf8'));
    const cases = suites.testsuite.flatMap((s) => s.testcase);
    const failures = cases.flatMap((c) => c.failure ?? []);
    expect(cases).toHaveLength(report.totals.requests);
    expect(failures).toHaveLength(report.totals.failedChecks);
    expect(Number(suites['@_failures'])).toBe(cases.filter((c) => c.failure).length);
    expect(suites.testsuite.reduce((n, s) => n + Number(s['@_failures']), 0)).toBe(2);
    // The actual value, escaped in the file and whole once parsed.
    expect(failures[0]!['#text']).toContain('actual: pen<&>');
    expect(cases.map((c) => c['@_name'])).toContain('create order (iteration 2)');
  });

  it('resolves {{variables}} in what checks expect (a capture, --var), and fails a check whose variable is undefined, naming it', async () => {
    const base = ordersCollection();
    const folder = base.items[0]!;
    if (folder.kind !== 'folder') throw new Error('the fixture starts with the orders folder');
    const expecting = (path: string, value: string): Check => ({ kind: 'json', id: `v-${path}`, enabled: true, path, compare: { op: 'equals', value } });
    const items = folder.items.map((item) =>
      item.kind === 'request' && item.name === 'get order'
        ? { ...item, checks: [...(item.checks ?? []), expecting('$.id', '{{orderId}}'), expecting('$.item', '{{item}}'), expecting('$.status', '{{neverSet}}')] }
        : item,
    );
    const dir = join(work, 'vars', 'rolecall');
    await writeFiles(dir, writeFolder({ collections: [{ ...base, items: [{ ...folder, items }] }], environments: [stagEnvironment(api.url)] }).files);
    const out = await run([dir, '--env', 'stag', '--var', 'item=pen', '--reporter', 'json']);
    expect(out.code, out.stderr).toBe(1);
    const report = JSON.parse(out.stdout) as RunReport;
    const get = report.results.find((r) => r.name === 'get order')!;
    const byLabel = Object.fromEntries(get.checks.map((c) => [c.label, c]));
    expect(byLabel['$.id equals "{{orderId}}"']).toMatchObject({ passed: true, actual: expect.stringMatching(/^o-\d+$/) });
    expect(byLabel['$.item equals "{{item}}"']).toMatchObject({ passed: true, actual: 'pen' });
    expect(byLabel['$.status equals "{{neverSet}}"']).toMatchObject({ passed: false });
    expect(byLabel['$.status equals "{{neverSet}}"']!.message).toMatch(/\{\{neverSet\}\} is not defined/);
    expect(report.totals.failedChecks).toBe(2);
  });

  it('stops at the first failure with --bail', async () => {
    const out = await run([repo, '--env', 'stag', '--var', 'item=pen', '--bail', '--reporter', 'json']);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as RunReport;
    expect(report.bailed).toBe(true);
    expect(report.results).toHaveLength(1);
  });

  it('runs a RoleCall collection file and a single collection directory the same way', async () => {
    const file = join(work, 'orders.rolecall.json');
    await writeFile(file, JSON.stringify(toRoleCallFile(ordersCollection())));
    const fromFile = await run([file, '--var', `baseUrl=${api.url}`, '--var', 'item=book', '--reporter', 'json']);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect((JSON.parse(fromFile.stdout) as RunReport).totals).toMatchObject({ requests: 3, failedRequests: 0, checks: 6 });
    const fromDir = await run([join(repo, 'collections', 'Orders API'), '--env', 'stag', '--folder', 'orders', '--reporter', 'json']);
    expect(fromDir.code, fromDir.stderr).toBe(0);
  });

  it('keeps the cookies a response set for the later requests of the same run (login → me)', async () => {
    const session = await startSessionApi();
    try {
      const file = join(work, 'session.rolecall.json');
      await writeFile(file, JSON.stringify(toRoleCallFile(sessionCollection(session.url))));
      const out = await run([file, '--reporter', 'json']);
      expect(out.code, out.stderr).toBe(0);
      expect((JSON.parse(out.stdout) as RunReport).results.map((r) => [r.name, r.status])).toEqual([
        ['login', 200],
        ['me', 200],
      ]);
    } finally {
      await session.stop();
    }
  });

  it('exits 2 on usage errors, naming the problem', async () => {
    for (const [args, pattern] of [
      [[repo, '--iterations', 'x'], /--iterations/],
      [[repo, '--env', 'stag', '--folder', 'nope'], /No folder named "nope".*orders/],
      [[repo, '--env', 'prod'], /No environment named "prod".*"stag"/],
      [[join(work, 'missing')], /does not exist/],
      [[repo, '--reporter', 'tap'], /Unknown reporter "tap"/],
      [[repo, '--unknown-flag'], /unknown-flag/],
      [[repo, '--var', 's3cr3t-value'], /--var takes NAME=VALUE/],
    ] as const) {
      const out = await run([...args]);
      expect(out.code, `${args.join(' ')}: ${out.stderr}`).toBe(2);
      expect(out.stderr).toMatch(pattern);
      expect(out.stderr).not.toContain('s3cr3t-value');
    }
  });

  it('refuses a role that needs MFA when the run is not interactive: exit 3, a clear message, nothing sent', async () => {
    const aws = join(work, 'aws-mfa');
    await mkdir(aws, { recursive: true });
    await writeFile(join(aws, 'config'), '[profile base]\nregion = us-east-1\n[profile mfa]\nrole_arn = arn:aws:iam::111111111111:role/NeedsMfa\nsource_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n');
    await writeFile(join(aws, 'credentials'), `[base]\naws_access_key_id = ${EXAMPLE_KEYS.accessKeyId}\naws_secret_access_key = ${EXAMPLE_KEYS.secretAccessKey}\n`);
    const before = api.requests.length;
    const out = await run([repo, '--env', 'stag', '--profile', 'mfa', '--reporter', 'json'], {
      AWS_CONFIG_FILE: join(aws, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(aws, 'credentials'),
    });
    expect(out.code, out.stderr).toBe(3);
    const report = JSON.parse(out.stdout) as RunReport;
    expect(report.results[0]!.error).toMatchObject({ code: 'MFA_CANCELLED' });
    expect(report.results[0]!.error!.message).toMatch(/needs an MFA code \(arn:aws:iam::123456789012:mfa\/me\).*not interactive/);
    expect(out.stderr).not.toMatch(/MFA code for/);
    expect(api.requests.length).toBe(before);
  });

  it('exits 3 when credentials cannot be obtained, and sends nothing', async () => {
    const before = api.requests.length;
    const out = await run([repo, '--env', 'stag'], {});
    expect(out.code, out.stderr + out.stdout).toBe(3);
    expect(out.stdout).toMatch(/CREDENTIALS_MISSING/);
    expect(api.requests.length).toBe(before);
    const profile = await run([repo, '--env', 'stag', '--profile', 'nobody']);
    expect(profile.code).toBe(3);
    expect(profile.stdout).toMatch(/PROFILE_NOT_FOUND/);
  });
});
