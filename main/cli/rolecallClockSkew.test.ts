// `rolecall send` against a server whose clock is 7 minutes ahead: the send recovers after one refused attempt,
// `-v` prints the clock offset used on stderr, a retry is mentioned even without -v, and --json carries it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_KEYS } from '../../e2e/harness/sigv4Verifier';
import { buildCli, runCli } from '../testing/cliRunner';
import { startSkewedServer, type SkewedServer } from '../testing/skewedAwsServer';

let bin = '';
const KEYS = { AWS_ACCESS_KEY_ID: EXAMPLE_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: EXAMPLE_KEYS.secretAccessKey };

beforeAll(async () => {
  ({ bin } = await buildCli('rolecall-cli-clock-'));
}, 60_000);

let server: SkewedServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const run = (args: string[]) => runCli(bin, args, { env: KEYS });

const SIGNING = ['--region', 'eu-west-1', '--service', 'execute-api'];

describe('rolecall send with a skewed server clock', () => {
  it('-v prints the offset it signed with, after one refused attempt', async () => {
    server = await startSkewedServer({ keys: EXAMPLE_KEYS, skewMs: 7 * 60_000 + 12_000 });
    const out = await run(['send', `${server.url}/prod/items`, ...SIGNING, '-v', '--fail']);
    expect(out.code).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true });
    expect(out.stderr).toMatch(/# clock offset \+7 min 1[123] s \(from AWS's refusal message\)/);
    expect(out.stderr).toMatch(/\* clock offset \+7 min 1[123] s .*behind AWS's/);
    expect(out.stderr).toContain('the first attempt was refused for its time (403: Signature expired: ');
  });

  it('mentions the retry without -v, and --json carries clockSkew', async () => {
    server = await startSkewedServer({ keys: EXAMPLE_KEYS, skewMs: -9 * 60_000 });
    const quiet = await run(['send', `${server.url}/prod/items`, ...SIGNING]);
    expect(quiet.stderr).toContain('the first attempt was refused for its time (403: Signature not yet current: ');
    expect(quiet.stderr).not.toContain('# clock offset');
    const json = await run(['send', `${server.url}/prod/items`, ...SIGNING, '--json']);
    const parsed = JSON.parse(json.stdout) as { status: number; clockSkew?: { offsetMs: number; retried: boolean; source: string } };
    expect(parsed.status).toBe(200);
    expect(parsed.clockSkew).toMatchObject({ retried: true, source: 'aws-message' });
    expect(Math.abs((parsed.clockSkew?.offsetMs ?? 0) + 9 * 60_000)).toBeLessThan(2500);
    expect(server.requests).toHaveLength(4);
  });
});
