// A real moto_server for tests that need STS and IAM to answer. The process runs in its own process group and is
// killed as a group on stop(), on the test runner's exit, and (through a stdin watchdog) if the runner dies hard.
//
// How moto 5.2.1 behaves in server mode, found by running it against this harness:
// - INITIAL_NO_AUTH_ACTION_COUNT=N lets the first N AWS actions through without any check; after that every action
//   is authenticated (moto-api endpoints such as /moto-api/data.json never count). POST /moto-api/reset-auth with a
//   number reopens such a window. startMoto spends 3 of them creating an admin user and adds `noAuthActions`.
// - With auth on, moto evaluates the caller's IAM identity policies: a user with no policy gets AccessDenied for
//   iam:ListUsers and for sts:AssumeRole ("User: arn:aws:iam::123456789012:user/NAME is not authorized to perform:
//   sts:AssumeRole", no "on resource"). sts:GetCallerIdentity is always allowed, as in AWS.
// - AssumeRole does not need the role to exist: a role ARN in another account (111111111111) yields credentials whose
//   GetCallerIdentity is arn:aws:sts::111111111111:assumed-role/ROLE/SESSION, Account 111111111111. When the role
//   does exist, its trust policy is enforced (AccessDenied even for an admin the trust policy does not name).
// - Chaining from a role that does not exist fails with HTTP 500 (moto looks up the role's policies): create the
//   intermediate role, with a policy allowing sts:AssumeRole, for multi-hop tests.
// - A known access key signed with the wrong secret gets SignatureDoesNotMatch ("The request signature we calculated
//   does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the
//   service documentation for details."); an unknown key or a wrong session token gets InvalidClientTokenId ("The
//   security token included in the request is invalid.").
// - AssumeRole accepts SerialNumber + TokenCode without checking them, honours DurationSeconds in the Expiration it
//   returns, and records ExternalId (visible in /moto-api/data.json, which assumedRoles() reads) without checking it.
// - The default account is 123456789012. Users, keys and roles live in memory until the process ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AccessKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface MotoUser extends AccessKeys {
  arn: string;
  name: string;
}

export interface MotoServer {
  endpoint: string;
  /** An administrator created during the no-auth window; the harness signs its own IAM calls with it. */
  admin: MotoUser;
  /** Creates an IAM user with an access key, and an inline policy when one is given. */
  createUserWithKeys(name: string, policyDocument?: object): Promise<MotoUser>;
  /** Sends one Query API action (IAM or STS) signed with `keys` (the admin by default); returns the XML. */
  query(service: 'iam' | 'sts', params: Record<string, string>, keys?: AccessKeys): Promise<string>;
  /** Every AssumeRole moto has answered, oldest first (its /moto-api/data.json): counts calls, shows parameters. */
  assumedRoles(): Promise<AssumedRoleRecord[]>;
  stop(): Promise<void>;
}

export interface AssumedRoleRecord {
  roleArn: string;
  sessionName: string;
  externalId: string | null;
  accessKeyId: string;
  accountId: string;
}

export const ALLOW_ALL_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** Actions the harness itself spends unauthenticated: CreateUser, PutUserPolicy, CreateAccessKey. */
const BOOTSTRAP_ACTIONS = 3;
export const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** The moto_server executable on PATH, or null. */
export function findMotoServer(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'moto_server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

export const MOTO_MISSING = 'moto_server is not on PATH (pip install "moto[server]")';

function missingMoto(): null {
  if (process.env.CI === 'true') throw new Error(`${MOTO_MISSING}; it is required in CI.`);
  return null;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
}

/**
 * Starts moto_server on 127.0.0.1 on a port the OS picks, with `noAuthActions` unauthenticated actions left after
 * the harness's own bootstrap (default 0: everything the tests send is authenticated). Returns null when moto_server
 * is absent, except under CI=true where that throws.
 */
export async function startMoto(opts: { noAuthActions?: number } = {}): Promise<MotoServer | null> {
  const binary = findMotoServer();
  if (!binary) return missingMoto();
  installExitHook();

  // The shell is a watchdog: when our end of its stdin closes (the runner died), it kills moto.
  const script = '"$0" -H 127.0.0.1 -p 0 </dev/null & pid=$!; read -r _; kill $pid 2>/dev/null; wait $pid';
  const child = spawn('sh', ['-c', script, binary], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, INITIAL_NO_AUTH_ACTION_COUNT: String(BOOTSTRAP_ACTIONS + (opts.noAuthActions ?? 0)) },
  });
  running.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => running.delete(child));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    // Children of the shell may outlive it by a moment; make sure none is left.
    killGroup(child, 'SIGKILL');
  };

  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`moto_server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
      const match = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`moto_server exited (code ${code}) before it was ready:\n${output}`), { exitCode: code }));
    });
  }).catch(async (err: Error & { exitCode?: number }) => {
    await stop();
    // 127 is the shell's (or a pyenv shim's) "command not found": moto is not really installed.
    if (err.exitCode === 127) return missingMoto();
    throw err;
  });
  if (port === null) return null;
  // Keep draining the request log so the pipe never fills.
  child.stdout?.resume();
  child.stderr?.resume();

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint);
    // The bootstrap window is spent here, on an administrator the harness signs its own calls with.
    const admin = await createUser(endpoint, 'rolecall-admin', ALLOW_ALL_POLICY, BOOTSTRAP_KEYS);
    return {
      endpoint,
      admin,
      createUserWithKeys: (name, policyDocument) => createUser(endpoint, name, policyDocument, admin),
      query: (service, params, keys) => sendQuery(endpoint, service, params, keys ?? admin),
      assumedRoles: () => assumedRoles(endpoint),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitUntilAnswering(endpoint: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      const res = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server at ${endpoint} did not answer`);
}

/** The first occurrence of <tag>text</tag> in a Query API answer. */
export function xmlValue(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

const BOOTSTRAP_KEYS: AccessKeys = { accessKeyId: 'AKIABOOTSTRAPEXAMPLE', secretAccessKey: 'bootstrap' };

/** One Query API action signed with `keys`; `headers` are added and signed (e.g. moto's x-moto-account-id). */
export async function sendQuery(
  endpoint: string,
  service: 'iam' | 'sts',
  params: Record<string, string>,
  keys: AccessKeys,
  headers: Record<string, string> = {},
): Promise<string> {
  const url = new URL(endpoint);
  const body = new URLSearchParams({ Version: service === 'iam' ? '2010-05-08' : '2011-06-15', ...params }).toString();
  const signer = new SignatureV4({ service, region: 'us-east-1', credentials: keys, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body,
  });
  const res = await fetch(`${endpoint}/`, { method: 'POST', headers: signed.headers as Record<string, string>, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`moto ${service} ${params.Action} failed (${res.status}): ${text}`);
  return text;
}

async function assumedRoles(endpoint: string): Promise<AssumedRoleRecord[]> {
  const res = await fetch(`${endpoint}/moto-api/data.json`);
  const data = (await res.json()) as { sts?: { AssumedRole?: Array<Record<string, string | null>> } };
  return (data.sts?.AssumedRole ?? []).map((r) => ({
    roleArn: r.role_arn ?? '',
    sessionName: r.session_name ?? '',
    externalId: r.external_id ?? null,
    accessKeyId: r.access_key_id ?? '',
    accountId: r.account_id ?? '',
  }));
}

async function createUser(endpoint: string, name: string, policyDocument: object | undefined, keys: AccessKeys): Promise<MotoUser> {
  const created = await sendQuery(endpoint, 'iam', { Action: 'CreateUser', UserName: name }, keys);
  if (policyDocument) {
    const doc = JSON.stringify(policyDocument);
    await sendQuery(endpoint, 'iam', { Action: 'PutUserPolicy', UserName: name, PolicyName: 'inline', PolicyDocument: doc }, keys);
  }
  const key = await sendQuery(endpoint, 'iam', { Action: 'CreateAccessKey', UserName: name }, keys);
  return {
    name,
    arn: xmlValue(created, 'Arn') ?? '',
    accessKeyId: xmlValue(key, 'AccessKeyId') ?? '',
    secretAccessKey: xmlValue(key, 'SecretAccessKey') ?? '',
  };
}

