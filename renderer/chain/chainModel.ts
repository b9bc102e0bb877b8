// The identity chain as data: where the base credentials come from, each role hop, the identity AWS sees and the
// target the request invokes, with the state of every step after the last "Who am I?" or send. Pure, so the picture
// (ChainDiagram.tsx) only draws and the tests can cover every way a chain breaks. Nothing here is a secret: an
// external ID is shown as "set", never its value.
import type { AppError } from '../../src/errors';
import { detectEndpoint } from '../../src/endpoint';
import type { AuthChoice, Identity } from '../../src/models/auth';
import type { ProfileList, ProfileSummary } from '../../src/models/profile';
import { executeApiTarget, scopedExecuteApiArn } from '../../src/policy';

export type StepState = 'ok' | 'failed' | 'notTried';

export type NodeKind = 'source' | 'hop' | 'identity' | 'target';

export interface ChainNode {
  id: string;
  kind: NodeKind;
  title: string;
  /** Facts shown under the title: account, role, session, external ID set or not, MFA. */
  facts: string[];
  /** Set when this node itself failed (no credentials could be read from the source). */
  error?: ChainError;
}

export interface ChainError {
  message: string;
  code: string;
  detail?: string;
}

export interface ChainEdge {
  from: string;
  to: string;
  /** What happens along the edge: "AssumeRole", "GetCallerIdentity", "Signed request"... */
  action: string;
  state: StepState;
  /** Why it failed, in the user's words. */
  error?: ChainError;
  /** A short extra: "HTTP 200", "confirm with Who am I?". */
  note?: string;
}

export interface ChainModel {
  nodes: ChainNode[];
  edges: ChainEdge[];
  /** One sentence for the text alternative: how far the chain got. */
  summary: string;
}

export interface ChainInput {
  auth: AuthChoice;
  profiles?: ProfileList;
  /** The last "Who am I?" of this auth: its identity or its error. */
  whoami?: { identity: Identity } | { error: AppError };
  /** The last send of this request: a response (any status) or the error that stopped it. */
  send?: { status: number; refusalTitle?: string; refusalText?: string } | { error: AppError };
  /** The request's URL and method, and the region / service it is signed for when known. */
  target?: { url: string; method: string; region?: string; service?: string };
}

interface Hop {
  roleArn: string;
  /** The profile that names the role, when it comes from the AWS config. */
  profile?: string;
  sessionName?: string;
  externalId: boolean;
  mfaSerial?: string;
  action: 'AssumeRole' | 'AssumeRoleWithWebIdentity';
}

interface Source {
  title: string;
  facts: string[];
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

export function roleParts(roleArn: string): { account?: string; name: string } {
  const m = ROLE_ARN.exec(roleArn);
  return m ? { account: m[1]!, name: m[2]! } : { name: roleArn };
}

function profileSource(origin: string, summary: ProfileSummary | undefined, chained: boolean): Source {
  if (!summary) {
    const known: Record<string, string> = { Environment: 'Environment variables', Ec2InstanceMetadata: 'EC2 instance role', EcsContainer: 'ECS task role' };
    return { title: known[origin] ?? `credential_source ${origin}`, facts: ['credential_source of the profile chain'] };
  }
  const kind = chained && summary.kind === 'assumeRole' ? 'static' : summary.kind;
  switch (kind) {
    case 'sso':
      return {
        title: `SSO · profile ${origin}`,
        facts: [
          ...(summary.ssoAccountId ? [`Account ${summary.ssoAccountId}`] : []),
          ...(summary.ssoRoleName ? [`Permission set ${summary.ssoRoleName}`] : []),
          ...(summary.ssoStartUrl ? [`Start URL ${summary.ssoStartUrl}`] : []),
        ],
      };
    case 'process':
      return { title: `credential_process · profile ${origin}`, facts: ['Keys printed by an external command'] };
    case 'webIdentity':
      return { title: `Web identity token · profile ${origin}`, facts: ['OIDC token read from a file'] };
    case 'incomplete':
      return { title: `Profile ${origin}`, facts: ['No credentials found in this profile'] };
    default:
      return { title: `Static keys · profile ${origin}`, facts: ['Long-term access keys in the credentials file'] };
  }
}

/** The base credentials and the hops of a profile, from the profile list (sourceChain runs profile → origin). */
function profileChain(name: string, profiles: ProfileList | undefined): { source: Source; hops: Hop[] } {
  const all = profiles?.profiles ?? [];
  const find = (n: string) => all.find((p) => p.name === n);
  const summary = find(name);
  if (!summary) return { source: { title: `Profile ${name}`, facts: [profiles ? 'Not in the AWS config files' : 'Profiles not loaded yet'] }, hops: [] };
  const chain = summary.sourceChain.length > 0 ? summary.sourceChain : [name];
  const origin = chain[chain.length - 1]!;
  const originSummary = find(origin);
  const source = profileSource(origin, originSummary, chain.length > 1);
  const hops: Hop[] = [];
  if (originSummary?.kind === 'webIdentity' && originSummary.roleArn) hops.push(profileHop(originSummary, 'AssumeRoleWithWebIdentity'));
  for (let i = chain.length - 2; i >= 0; i--) {
    const step = find(chain[i]!);
    if (step?.roleArn) hops.push(profileHop(step, 'AssumeRole'));
  }
  return { source, hops };
}

function profileHop(p: ProfileSummary, action: Hop['action']): Hop {
  return {
    roleArn: p.roleArn!,
    profile: p.name,
    ...(p.roleSessionName ? { sessionName: p.roleSessionName } : {}),
    externalId: Boolean(p.externalId),
    ...(p.mfaSerial ? { mfaSerial: p.mfaSerial } : {}),
    action,
  };
}

function baseChain(auth: Exclude<AuthChoice, { kind: 'none' | 'assumeRole' }>, profiles: ProfileList | undefined): { source: Source; hops: Hop[] } {
  if (auth.kind === 'env') {
    const set = profiles ? (profiles.environmentCredentials ? 'AWS_ACCESS_KEY_ID is set' : 'AWS_ACCESS_KEY_ID is not set') : 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY';
    return { source: { title: 'Environment variables', facts: [set] }, hops: [] };
  }
  if (auth.kind === 'storedKeys') return { source: { title: `Stored keys · ${auth.name}`, facts: ['Kept encrypted by RoleCall'] }, hops: [] };
  return profileChain(auth.profile, profiles);
}

function hopNode(hop: Hop, index: number, count: number, identity?: Identity): ChainNode {
  const { account, name } = roleParts(hop.roleArn);
  const last = index === count - 1;
  // The final session name is in the assumed-role ARN STS reported; earlier ones are only known when configured.
  const reported = last && identity ? /:assumed-role\/[^/]+\/(.+)$/.exec(identity.arn)?.[1] : undefined;
  const session = hop.sessionName ?? reported;
  return {
    id: `hop-${index + 1}`,
    kind: 'hop',
    title: `Role ${name}${hop.profile ? ` · profile ${hop.profile}` : ''}`,
    facts: [
      `Account ${account ?? 'unknown'}`,
      `Session ${session ?? (hop.profile ? 'named by the AWS SDK' : 'named by RoleCall')}`,
      `External ID ${hop.externalId ? 'set' : 'not set'}`,
      hop.mfaSerial ? `MFA ${hop.mfaSerial}` : 'No MFA',
    ],
  };
}

function targetNode(target: ChainInput['target'], account: string | undefined): ChainNode {
  if (!target || !target.url.trim()) return { id: 'target', kind: 'target', title: 'Target', facts: ['No URL yet'] };
  const api = executeApiTarget(target.url, target.method, account ?? 'ACCOUNT');
  if (api) {
    return {
      id: 'target',
      kind: 'target',
      title: `API Gateway ${api.apiId} · stage ${api.stage}`,
      facts: [scopedExecuteApiArn(api, 'method-path'), ...(account ? [] : ['Account: the API owner’s, not known yet'])],
    };
  }
  const detected = detectEndpoint(target.url);
  const service = target.service ?? detected.service;
  const region = target.region ?? detected.region;
  let host = target.url;
  try {
    host = new URL(target.url).host;
  } catch {
    // Shown as typed.
  }
  return {
    id: 'target',
    kind: 'target',
    title: `${target.method.toUpperCase()} ${host}`,
    facts: [`Service ${service ?? 'not known yet'}`, `Region ${region ?? 'not known yet'}`],
  };
}

const SOURCE_CODES = new Set(['PROFILE_NOT_FOUND', 'CREDENTIALS_MISSING', 'CREDENTIALS_ERROR', 'CONFIG_PARSE', 'INVALID_INPUT', 'FILE_ERROR']);
const FIRST_CALL_CODES = new Set(['INVALID_CLIENT_TOKEN', 'SIGNATURE_MISMATCH', 'EXPIRED_TOKEN']);

/** True when an error stopped the credentials (before the target was reached), not the request itself. */
export function isCredentialError(error: AppError): boolean {
  if (SOURCE_CODES.has(error.code) || FIRST_CALL_CODES.has(error.code)) return true;
  if (error.code === 'MFA_CANCELLED' || error.code === 'STS_ACCESS_DENIED') return true;
  if (error.awsCode) return true;
  return /\bSTS\b|AssumeRole|GetCallerIdentity/.test(error.message);
}

/**
 * Where a credential error broke the chain: -1 for the source itself, else the index of the credential edge
 * (0 = the first call made with the base keys; hops.length = GetCallerIdentity).
 */
function failedStep(error: AppError, hops: Hop[]): number {
  const named = (text: string | undefined) => {
    if (!text) return -1;
    const resource = /on resource: (arn:\S+)/.exec(text)?.[1];
    const byResource = resource ? hops.findIndex((h) => h.roleArn === resource) : -1;
    if (byResource >= 0) return byResource;
    return hops.findIndex((h) => text.includes(h.roleArn));
  };
  const inMessage = named(error.message);
  if (inMessage >= 0) return inMessage;
  if (error.code === 'STS_ACCESS_DENIED' || error.code === 'AWS_ERROR') {
    const inDetail = named(error.detail);
    if (inDetail >= 0) return inDetail;
  }
  if (error.code === 'MFA_CANCELLED') {
    const withMfa = hops.findIndex((h) => h.mfaSerial);
    return withMfa >= 0 ? withMfa : 0;
  }
  if (/GetCallerIdentity/.test(error.message)) return hops.length;
  if (SOURCE_CODES.has(error.code)) return -1;
  if (error.code === 'STS_ACCESS_DENIED' || /AssumeRole/.test(error.message)) return hops.length > 0 ? 0 : hops.length;
  // Refused keys, an unreachable STS: the first call made with the base credentials.
  return 0;
}

function readable(error: AppError): ChainError {
  return { message: error.message, code: error.awsCode ? `${error.code} / ${error.awsCode}` : error.code, ...(error.detail ? { detail: error.detail } : {}) };
}

export function buildChain(input: ChainInput): ChainModel {
  const { auth, profiles, whoami, send } = input;
  const identity = whoami && 'identity' in whoami ? whoami.identity : undefined;
  const sendError = send && 'error' in send ? send.error : undefined;
  const response = send && 'status' in send ? send : undefined;

  if (auth.kind === 'none') {
    const target = targetNode(input.target, undefined);
    const edge: ChainEdge = { from: 'source', to: 'target', action: 'Unsigned request', ...targetState(response, sendError) };
    return {
      nodes: [{ id: 'source', kind: 'source', title: 'No credentials', facts: ['The request is sent unsigned'] }, target],
      edges: [edge],
      summary: `Unsigned request to ${target.title}: ${stateWords(edge)}.`,
    };
  }

  const { source, hops } =
    auth.kind === 'assumeRole'
      ? (() => {
          const base = baseChain(auth.base, profiles);
          const explicit: Hop = {
            roleArn: auth.roleArn,
            ...(auth.sessionName ? { sessionName: auth.sessionName } : {}),
            externalId: Boolean(auth.externalId),
            ...(auth.mfaSerial ? { mfaSerial: auth.mfaSerial } : {}),
            action: 'AssumeRole',
          };
          return { source: base.source, hops: [...base.hops, explicit] };
        })()
      : baseChain(auth, profiles);

  const lastRole = hops.length > 0 ? roleParts(hops[hops.length - 1]!.roleArn) : undefined;
  const account = identity?.account ?? lastRole?.account;
  const nodes: ChainNode[] = [
    { id: 'source', kind: 'source', title: source.title, facts: source.facts },
    ...hops.map((h, i) => hopNode(h, i, hops.length, identity)),
    identityNode(identity, lastRole),
    targetNode(input.target, account),
  ];
  const ids = nodes.map((n) => n.id);
  const edges: ChainEdge[] = [];
  for (let i = 0; i < hops.length; i++) edges.push({ from: ids[i]!, to: ids[i + 1]!, action: hops[i]!.action, state: 'notTried' });
  edges.push({ from: ids[hops.length]!, to: 'identity', action: 'GetCallerIdentity', state: 'notTried' });
  const targetEdge: ChainEdge = { from: 'identity', to: 'target', action: 'Signed request', state: 'notTried' };
  edges.push(targetEdge);

  const credentialError = sendError && isCredentialError(sendError) ? sendError : !response && whoami && 'error' in whoami ? whoami.error : undefined;
  if (credentialError) {
    const at = failedStep(credentialError, hops);
    if (at < 0) nodes[0]!.error = readable(credentialError);
    for (let i = 0; i < at; i++) edges[i]!.state = 'ok';
    if (at >= 0) {
      edges[at]!.state = 'failed';
      edges[at]!.error = readable(credentialError);
    }
  } else {
    // Any response, or a failure past signing, means every hop gave credentials.
    const resolved = Boolean(identity || response || sendError);
    for (let i = 0; i < hops.length; i++) if (resolved) edges[i]!.state = 'ok';
    const idEdge = edges[hops.length]!;
    if (identity || (response && response.status < 400)) idEdge.state = 'ok';
    else if (resolved) idEdge.note = 'confirm with Who am I?';
    Object.assign(targetEdge, targetState(response, sendError));
  }
  return { nodes, edges, summary: summarize(nodes, edges) };
}

function identityNode(identity: Identity | undefined, lastRole: { account?: string; name: string } | undefined): ChainNode {
  if (identity) {
    return {
      id: 'identity',
      kind: 'identity',
      title: 'AWS sees',
      facts: [identity.arn, `Account ${identity.account}`, identity.expiration ? `Expires ${identity.expiration}` : 'Long-term keys (no expiry)'],
    };
  }
  if (lastRole) {
    return {
      id: 'identity',
      kind: 'identity',
      title: 'AWS will see (expected)',
      facts: [`arn:aws:sts::${lastRole.account ?? 'ACCOUNT'}:assumed-role/${lastRole.name}/SESSION`, 'Not confirmed yet'],
    };
  }
  return { id: 'identity', kind: 'identity', title: 'AWS will see', facts: ['The user or role that owns these keys', 'Not confirmed yet'] };
}

function targetState(response: { status: number; refusalTitle?: string; refusalText?: string } | undefined, error: AppError | undefined): Pick<ChainEdge, 'state' | 'error' | 'note'> {
  if (error) return { state: 'failed', error: readable(error) };
  if (!response) return { state: 'notTried' };
  const refused = response.refusalTitle || response.status === 401 || response.status === 403;
  if (!refused) return { state: 'ok', note: `HTTP ${response.status}` };
  return {
    state: 'failed',
    note: `HTTP ${response.status}`,
    error: {
      message: response.refusalTitle ?? `AWS refused the request (HTTP ${response.status})`,
      code: `HTTP ${response.status}`,
      ...(response.refusalText ? { detail: response.refusalText } : {}),
    },
  };
}

export function stateWords(edge: ChainEdge): string {
  if (edge.state === 'ok') return `ok${edge.note ? ` (${edge.note})` : ''}`;
  if (edge.state === 'failed') return `failed: ${edge.error?.message ?? 'refused'}`;
  return `not tried${edge.note ? ` (${edge.note})` : ''}`;
}

function summarize(nodes: ChainNode[], edges: ChainEdge[]): string {
  const title = (id: string) => nodes.find((n) => n.id === id)?.title ?? id;
  if (nodes[0]?.error) return `The chain broke at its start: ${title('source')} gave no credentials (${nodes[0].error.message}).`;
  const broken = edges.find((e) => e.state === 'failed');
  const steps = `${nodes.length} steps from ${title('source')} to ${title('target')}`;
  if (broken) return `${steps}; it broke at ${broken.action} from ${title(broken.from)} to ${title(broken.to)}: ${broken.error?.message ?? 'refused'}.`;
  if (edges.every((e) => e.state === 'ok')) return `${steps}; every step worked.`;
  if (edges.every((e) => e.state === 'notTried')) return `${steps}; nothing tried yet (send the request or ask Who am I?).`;
  return `${steps}; ${edges.filter((e) => e.state === 'ok').length} of ${edges.length} steps worked, the rest not tried yet.`;
}
