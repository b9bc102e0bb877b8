// "Copy as" snippets run as printed against a loopback server that checks their SigV4 signatures the way AWS
// would (e2e/harness/sigv4Verifier), with fake keys from a scratch AWS config (profiles) or the environment (curl),
// and, for AssumeRole, against moto's STS, which checks signatures and session tokens itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { header, verifySigV4, type Verdict } from '../../e2e/harness/sigv4Verifier';
import type { AuthChoice } from '../../src/models/auth';
import type { BodySpec, SigningOptions } from '../../src/models/http';
import { copyAs, type CopyAsInput, type CopyAsKind } from '../../src/formats/copyAs/copyAs';
import { startEchoServer, type EchoServer, type RecordedRequest } from '../testing/echoServer';
import { xmlValue } from '../testing/moto';
import { describeWithMoto } from '../testing/motoSuite';
import {
  findCurl,
  findPython,
  runBash,
  runBashSyntax,
  runPython,
  runPythonStdin,
  runTypeScript,
  snippetEnv,
  toolOrSkip,
  type RunResult,
} from '../testing/snippetRunner';

const KEYS = { accessKeyId: 'AKIACOPYASEXAMPLE', secretAccessKey: 'copyAsSecretKeyEXAMPLE/abc+def' };
const REGION = 'eu-west-1';
const SERVICE = 'execute-api';
const SIGNING: SigningOptions = { region: REGION, service: SERVICE };
const PROFILE: AuthChoice = { kind: 'profile', profile: 'copy-as' };

const tools = {
  curl: toolOrSkip(findCurl(), 'running curl snippets'),
  python: toolOrSkip(findPython(), 'running Python snippets'),
};
// awscurl is not a Debian package and PyPI is out of reach here: its snippets are checked as text only.
console.warn('Skipping running awscurl snippets: awscurl is not installed (pip install awscurl); src/formats/copyAs tests check their text.');

let scratch: string;
let server: EchoServer;
const verdicts: Verdict[] = [];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'rolecall-copyas-'));
  writeFileSync(join(scratch, 'config'), '[profile copy-as]\nregion = eu-west-1\n');
  writeFileSync(join(scratch, 'credentials'), `[copy-as]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`);
  writeFileSync(join(scratch, 'payload.bin'), Buffer.from([0, 1, 2, 0xfe, 0xff, 0x0d, 0x0a, 0x27]));
  server = await startEchoServer(async (request) => {
    const verdict = await verifySigV4(request, KEYS);
    verdicts.push(verdict);
    return { status: verdict.ok ? 200 : 403, body: verdict.ok ? 'signature ok' : `signature refused: ${verdict.reason}` };
  });
});

afterAll(async () => {
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** How each kind receives its keys: curl from the environment, Python and TypeScript from the scratch AWS files. */
function envFor(kind: CopyAsKind, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const files = { AWS_CONFIG_FILE: join(scratch, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'credentials') };
  const keys: Record<string, string> = kind === 'curl' ? { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey } : {};
  return snippetEnv(scratch, { ...files, ...keys, ...extra });
}

async function runSnippet(kind: CopyAsKind, text: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  if (kind === 'curl') return runBash(text, env, scratch);
  if (kind === 'python') return runPython(tools.python as string, text, env, scratch);
  return runTypeScript(text, env);
}

/** Generates the snippet, runs it, and returns what the server received and concluded. */
async function roundTrip(kind: CopyAsKind, input: CopyAsInput, extraEnv: Record<string, string> = {}) {
  const before = server.requests.length;
  const { text } = copyAs(kind, input);
  const result = await runSnippet(kind, text, envFor(kind, extraEnv));
  const received = server.requests.slice(before);
  expect(received, `${kind} snippet sent nothing:\n${text}\nstderr: ${result.stderr}`).toHaveLength(1);
  const request = received[0] as RecordedRequest;
  const verdict = verdicts[verdicts.length - 1] as Verdict;
  expect(verdict.reason, `${kind} snippet:\n${text}`).toBeUndefined();
  expect(verdict).toMatchObject({ ok: true, region: REGION, service: SERVICE });
  expect(result.code, result.stderr).toBe(0);
  return { text, result, request, verdict };
}

const TRICKY = `it's "quoted" $HOME \`id\` \\ back\tslash $(x) !x;|&`;
const UNICODE = 'ünïcödé — ✓ 日本';
const kinds: Array<{ kind: CopyAsKind; tool: string | undefined }> = [
  { kind: 'curl', tool: tools.curl },
  { kind: 'python', tool: tools.python },
  { kind: 'typescript', tool: process.execPath },
];

describe.each(kinds)('copy as $kind, run as printed', ({ kind, tool }) => {
  const test = tool ? it : it.skip;
  const auth: AuthChoice = kind === 'curl' ? { kind: 'env' } : PROFILE;
  // Unsorted, with a bare key: curl before 8.1 mis-signs both unless the snippet writes the query in SigV4 order.
  const url = () => `${server.url}/prod/items/42?b=2&a=1&flag`;

  test('POST JSON with a query, custom headers and shell-hostile characters is accepted', async () => {
    const body = `{"note":${JSON.stringify(TRICKY)},\n "x":"${UNICODE}"}`;
    const input: CopyAsInput = {
      request: { method: 'POST', url: url(), headers: [['Content-Type', 'application/json'], ['X-Note', TRICKY]], body: { kind: 'text', text: body } },
      auth,
      signing: SIGNING,
    };
    const { request, result, verdict } = await roundTrip(kind, input);
    expect(request.method).toBe('POST');
    expect(request.url).toBe(kind === 'curl' ? '/prod/items/42?a=1&b=2&flag=' : '/prod/items/42?b=2&a=1&flag');
    expect(request.body.toString('utf8')).toBe(body);
    expect(header(request, 'x-note')).toBe(TRICKY);
    expect(verdict.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'content-type', 'x-note']));
    // Python and TypeScript print the status first; curl prints the body only, as curl does.
    if (kind !== 'curl') expect(result.stdout).toMatch(/^200\b/);
    expect(result.stdout).toContain('signature ok');
  });

  test('GET without a body is accepted', async () => {
    const { request } = await roundTrip(kind, { request: { method: 'GET', url: url() }, auth, signing: SIGNING });
    expect(request.method).toBe('GET');
    expect(request.body.length).toBe(0);
  });

  test('binary (base64) and file bodies arrive byte for byte', async () => {
    const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x0d, 0x0a, 0x27]);
    const bodies: BodySpec[] = [
      { kind: 'base64', data: bytes.toString('base64') },
      { kind: 'file', path: join(scratch, 'payload.bin') },
    ];
    for (const body of bodies) {
      const { request } = await roundTrip(kind, {
        request: { method: 'PUT', url: url(), headers: [['Content-Type', 'application/octet-stream']], body },
        auth,
        signing: SIGNING,
      });
      expect(request.method).toBe('PUT');
      expect([...request.body]).toEqual([...bytes]);
    }
  });

  if (kind === 'curl') {
    test('a signed multipart form with a file part is accepted, the file byte for byte', async () => {
      const boundary = '----RoleCallFormBoundaryrun';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n@not a file\r\n--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="payload.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      const { text, request } = await roundTrip(kind, {
        request: {
          method: 'POST',
          url: url(),
          headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]],
          body: { kind: 'parts', parts: [{ text: head }, { path: join(scratch, 'payload.bin') }, { text: `\r\n--${boundary}--\r\n` }] },
        },
        auth,
        signing: SIGNING,
      });
      // --aws-sigv4 cannot hash a form curl builds from -F: a signed form goes as RoleCall framed it.
      expect(text).not.toContain('-F ');
      expect(header(request, 'content-type')).toBe(`multipart/form-data; boundary=${boundary}`);
      const body = request.body;
      expect(body.includes(Buffer.from('@not a file'))).toBe(true);
      expect(body.includes(Buffer.from([0, 1, 2, 0xfe, 0xff, 0x0d, 0x0a, 0x27]))).toBe(true);
    });
  }

  test('an unsigned payload is signed as UNSIGNED-PAYLOAD and says so in x-amz-content-sha256', async () => {
    const { request, verdict } = await roundTrip(kind, {
      request: { method: 'POST', url: url(), headers: [['Content-Type', 'text/plain']], body: { kind: 'text', text: 'not hashed' } },
      auth,
      signing: { ...SIGNING, payload: 'unsigned' },
    });
    expect(header(request, 'x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD');
    expect(verdict.signedHeaders).toContain('x-amz-content-sha256');
  });

  test('a secret variable is read from the environment, not from the snippet', async () => {
    const secret = "s3cr3t-'value'-$X";
    const { text, request } = await roundTrip(
      kind,
      {
        request: { method: 'GET', url: `${url()}&key=abc`, headers: [['X-Api-Key', secret]] },
        auth,
        signing: SIGNING,
        secrets: [{ name: 'api-key', value: secret }],
      },
      { API_KEY: secret },
    );
    expect(text).not.toContain('s3cr3t');
    expect(header(request, 'x-api-key')).toBe(secret);
  });

  if (kind !== 'curl') {
    test('environment credentials (no profile) are accepted', async () => {
      const { request } = await roundTrip(kind, { request: { method: 'GET', url: url() }, auth: { kind: 'env' }, signing: SIGNING }, {
        AWS_ACCESS_KEY_ID: KEYS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
        AWS_CONFIG_FILE: join(scratch, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'none'),
      });
      expect(header(request, 'authorization')).toContain(`Credential=${KEYS.accessKeyId}/`);
    });
  }

  test('the snippet holds no key, only where to find it', () => {
    const { text } = copyAs(kind, { request: { method: 'GET', url: url() }, auth, signing: SIGNING });
    expect(text).not.toContain(KEYS.secretAccessKey);
    expect(text).not.toContain(KEYS.accessKeyId);
  });
});

// AssumeRole for real: moto's STS hands out temporary keys and then checks the signature and the session token of
// the snippet's own request (sts:GetCallerIdentity), whose answer names the assumed role.
describeWithMoto('copy as, AssumeRole against moto', (moto) => {
  const ROLE = 'arn:aws:iam::111111111111:role/CopyAsTarget';
  let motoFiles: { AWS_CONFIG_FILE: string; AWS_SHARED_CREDENTIALS_FILE: string };

  beforeAll(async () => {
    const base = await moto().createUserWithKeys('copy-as-base', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    writeFileSync(join(scratch, 'moto-config'), '[profile base]\nregion = us-east-1\n');
    writeFileSync(join(scratch, 'moto-credentials'), `[base]\naws_access_key_id = ${base.accessKeyId}\naws_secret_access_key = ${base.secretAccessKey}\n`);
    motoFiles = { AWS_CONFIG_FILE: join(scratch, 'moto-config'), AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'moto-credentials') };
  });

  const callerIdentity = (auth: AuthChoice): CopyAsInput => ({
    request: {
      method: 'POST',
      url: `${moto().endpoint}/`,
      headers: [['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8']],
      body: { kind: 'text', text: 'Action=GetCallerIdentity&Version=2011-06-15' },
    },
    auth,
    signing: { region: 'us-east-1', service: 'sts' },
  });

  for (const { kind, tool } of kinds.filter((k) => k.kind !== 'curl')) {
    (tool ? it : it.skip)(`${kind}: assumes the role with its external id, then signs with the session token`, async () => {
      const sessionName = `copy-as-${kind}`;
      const auth: AuthChoice = {
        kind: 'assumeRole',
        base: { kind: 'profile', profile: 'base' },
        roleArn: ROLE,
        sessionName,
        externalId: 'ext-123',
        stsRegion: 'us-east-1',
        stsEndpoint: moto().endpoint,
      };
      const { text } = copyAs(kind, callerIdentity(auth));
      const result = await runSnippet(kind, text, snippetEnv(scratch, motoFiles));
      expect(result.code, `${result.stderr}\n${text}`).toBe(0);
      expect(result.stdout).toMatch(/^200\b/);
      expect(result.stdout).toContain(`arn:aws:sts::111111111111:assumed-role/CopyAsTarget/${sessionName}`);
      const assumed = (await moto().assumedRoles()).find((r) => r.sessionName === sessionName);
      expect(assumed).toMatchObject({ roleArn: ROLE, externalId: 'ext-123' });
    });
  }

  (tools.curl ? it : it.skip)('curl: sends the session token from AWS_SESSION_TOKEN', async () => {
    const xml = await moto().query('sts', { Action: 'AssumeRole', RoleArn: ROLE, RoleSessionName: 'copy-as-curl' });
    const env = snippetEnv(scratch, {
      AWS_ACCESS_KEY_ID: xmlValue(xml, 'AccessKeyId') ?? '',
      AWS_SECRET_ACCESS_KEY: xmlValue(xml, 'SecretAccessKey') ?? '',
      AWS_SESSION_TOKEN: xmlValue(xml, 'SessionToken') ?? '',
    });
    const { text } = copyAs('curl', callerIdentity({ kind: 'assumeRole', base: { kind: 'profile', profile: 'base' }, roleArn: ROLE, sessionName: 'copy-as-curl' }));
    const result = await runBash(`${text.trimEnd()} --silent --show-error --include`, env, scratch);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^HTTP\/1\.1 200/);
    expect(result.stdout).toContain('arn:aws:sts::111111111111:assumed-role/CopyAsTarget/copy-as-curl');
  });
});

// Variants not run above (MFA, stored keys, presigning, multipart parts, awscurl): each must at least parse as the
// language it claims to be: bash -n, Python's own parser, esbuild's TypeScript parser.
describe('copy as, every variant parses', () => {
  const auths: AuthChoice[] = [
    { kind: 'none' },
    { kind: 'env' },
    { kind: 'storedKeys', name: "team's keys" },
    PROFILE,
    {
      kind: 'assumeRole',
      base: { kind: 'storedKeys', name: 'ci' },
      roleArn: 'arn:aws:iam::111111111111:role/R',
      sessionName: 's',
      externalId: "e'x\"t",
      durationSeconds: 3600,
      mfaSerial: 'arn:aws:iam::222222222222:mfa/me',
      stsEndpoint: 'https://sts.ap-northeast-1.amazonaws.com',
    },
    { kind: 'assumeRole', base: { kind: 'env' }, roleArn: 'arn:aws:iam::111111111111:role/R' },
  ];
  const bodies: BodySpec[] = [
    { kind: 'none' },
    { kind: 'text', text: "line1\r\nit's \"x\" $y\n" },
    { kind: 'base64', data: 'AAEC/w==' },
    { kind: 'file', path: '/tmp/a b.bin' },
    { kind: 'parts', parts: [{ text: '--b\r\nContent-Disposition: form-data; name="f"\r\n\r\n' }, { path: '/tmp/f.png' }, { text: '\r\n--b--\r\n' }] },
  ];
  const signings: SigningOptions[] = [SIGNING, { ...SIGNING, mode: 'query', expiresIn: 60 }, { region: REGION, service: 's3', payload: 'unsigned' }, { region: REGION, service: 'aoss' }];
  const variants: CopyAsInput[] = [];
  for (const auth of auths) for (const body of bodies) for (const signing of signings) {
    variants.push({ request: { method: 'PATCH', url: 'https://h.example.com/a%20b/{x}?q=1&q=0', headers: [['X-A', '1'], ['x-a', '2']], body }, auth, signing, secrets: [{ name: 'q', value: 'h.example' }] });
  }

  it(`bash parses all ${variants.length} curl and awscurl snippets`, async () => {
    const script = variants.flatMap((v) => [copyAs('curl', v).text, copyAs('awscurl', v).text]).join('\n');
    const result = await runBashSyntax(script);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  (tools.python ? it : it.skip)(`Python parses all ${variants.length} Python snippets`, async () => {
    const sources = variants.map((v) => copyAs('python', v).text);
    const checker = 'import ast, json, sys\nfor i, s in enumerate(json.load(sys.stdin)):\n    ast.parse(s, f"variant{i}")\nprint("parsed", i + 1)';
    const result = await runPythonStdin(tools.python as string, checker, JSON.stringify(sources));
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(`parsed ${variants.length}`);
  });

  it(`esbuild parses all ${variants.length} TypeScript snippets as TypeScript modules`, async () => {
    for (const v of variants) {
      const { code } = await transform(copyAs('typescript', v).text, { loader: 'ts', format: 'esm', target: 'node20' });
      expect(code).toContain('await fetch(');
    }
  });
});
