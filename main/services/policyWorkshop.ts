// The policy workshop for one request: who the caller is (and who assumed the role), the execute-api ARN the
// request invokes, the real policies read with the caller's own credentials where AWS allows it, the local verdict
// (src/policy) for the call and for the AssumeRole hop, and the documents that would make it work.
import { appError } from '../../src/errors';
import type { AuthChoice, CredentialHop, Identity } from '../../src/models/auth';
import type { PolicyCheck, WorkshopRequest, WorkshopResult } from '../../src/models/workshop';
import { parseRequestUrl } from '../../src/endpoint';
import {
  evaluate,
  executeApiTarget,
  generateWorkshop,
  scopedExecuteApiArn,
  type ContextValue,
  type EvalRequest,
  type ExecuteApiTarget,
  type PolicyDoc,
  type PolicyScope,
  type PolicySet,
} from '../../src/policy';
import { verdictOf } from '../../src/policy/verdict';
import type { CredentialsService, ResolvableAuth } from './credentials';
import { createPolicyReader, type FetchedIdentityPolicy, type PolicyEndpoints, type PolicyNetwork } from './policyFetch';
import { readAwsProfiles, type Env } from './profiles';
import { stsSettings } from './stsEndpoint';

export interface WorkshopDeps {
  credentials: Pick<CredentialsService, 'resolve' | 'whoami'>;
  endpoints?: PolicyEndpoints;
  env?: Env;
  now?: () => number;
}

type BaseAuth = Extract<AuthChoice, { kind: 'assumeRole' }>['base'];

const SESSION = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;
const USER = /^arn:(aws[a-z-]*):iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/;

export async function runPolicyWorkshop(input: WorkshopRequest, deps: WorkshopDeps): Promise<WorkshopResult> {
  if (input.auth.kind === 'none') throw appError('INVALID_INPUT', 'The policy workshop needs credentials: choose a profile, environment credentials or a role to assume.');
  const auth = input.auth;
  const scope: PolicyScope = input.scope ?? 'method-path';
  const notes: string[] = [];
  // A URL that names no API is refused before any credential is resolved or AWS is called.
  targetOf(input, '000000000000');
  const identity = await deps.credentials.whoami(auth);
  const session = SESSION.exec(identity.arn);
  const target = targetOf(input, identity.account);
  const targetArn = scopedExecuteApiArn(target, 'method-path');

  const resolved = await deps.credentials.resolve(auth);
  const network = await networkOf(auth, deps.env ?? process.env);
  const reader = await createPolicyReader(resolved.credentials, deps.endpoints, network);
  const fetchNotes: string[] = [];
  const unjudged = new Set<string>();
  try {
    const resource = await reader.resourcePolicy(target.region, target.apiId, fetchNotes);
    if (resource === 'unread') unjudged.add('The API\'s resource policy could not be read, so whether it allows this caller was not judged.');
    let trust: PolicyDoc | undefined;
    let roleArn = session ? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` : undefined;
    let identityPolicies: FetchedIdentityPolicy[] = [];
    // The role's boundary and tags, from GetRole: unknown (undefined) unless read.
    let boundary: PolicyDoc | 'none' | undefined;
    let tags: Record<string, string> | undefined;
    if (session) {
      const got = await reader.trustPolicy(session[3]!, fetchNotes);
      if (got !== 'unread') {
        trust = got.policy;
        if (got.arn) roleArn = got.arn;
        tags = got.tags;
        if (got.boundaryArn === 'none') boundary = 'none';
        else {
          const read = await reader.managedPolicy(got.boundaryArn, `the permission boundary ${got.boundaryArn} of role ${session[3]} (iam:GetPolicy, iam:GetPolicyVersion)`, fetchNotes);
          if (read !== 'unread') boundary = read;
        }
      }
      const ids = await reader.identityPolicies({ kind: 'role', name: session[3]! }, fetchNotes);
      identityPolicies = ids.policies;
      if (!ids.complete) unjudged.add(`Not every identity policy of role ${session[3]} could be read; a missing one may allow or deny what is judged here.`);
    } else {
      const user = USER.exec(identity.arn);
      if (user) {
        const ids = await reader.identityPolicies({ kind: 'user', name: user[3]! }, fetchNotes);
        identityPolicies = ids.policies;
        if (!ids.complete) unjudged.add(`Not every identity policy of user ${user[3]} could be read; a missing one may allow or deny what is judged here.`);
      }
      unjudged.add('Policies attached to IAM groups the user belongs to were not read.');
    }

    const facts = await authFacts(auth, identity, deps);
    const context: Record<string, ContextValue> = {
      'aws:SecureTransport': safeProtocol(input.request.url) === 'https:',
      'aws:CurrentTime': new Date((deps.now ?? Date.now)()).toISOString(),
      'aws:MultiFactorAuthPresent': facts.mfa,
    };
    const invokePolicies: PolicySet = {
      identity: identityPolicies.map((p) => p.policy),
      ...(resource && resource !== 'unread' ? { resource } : {}),
      ...(boundary ? { boundary } : {}),
    };
    const principal = { arn: identity.arn, ...(session && roleArn ? { roleArn } : {}), ...(tags ? { tags } : {}) };
    const invoke = check(
      'invoke',
      { principal, action: 'execute-api:Invoke', resource: targetArn, context },
      invokePolicies,
      identityPolicies.map((p) => p.name),
    );

    let basePrincipal: string | undefined;
    let assumeRole: PolicyCheck | undefined;
    let baseIdentityPolicies: FetchedIdentityPolicy[] | undefined;
    if (session && facts.base) {
      try {
        basePrincipal = (await deps.credentials.whoami(facts.base)).arn;
      } catch (err) {
        notes.push(`Could not tell who assumes the role (${err instanceof Error ? err.message : String(err)}).`);
      }
    }
    if (session && basePrincipal && trust && roleArn && facts.base) {
      baseIdentityPolicies = await readBasePolicies(facts.base, basePrincipal, deps, fetchNotes);
      const assumeContext: Record<string, ContextValue> = { 'aws:MultiFactorAuthPresent': facts.mfa, 'aws:CurrentTime': context['aws:CurrentTime'] as string };
      if (facts.externalId !== undefined) assumeContext['sts:ExternalId'] = facts.externalId;
      const request: EvalRequest = { principal: { arn: basePrincipal }, action: 'sts:AssumeRole', resource: roleArn, context: assumeContext };
      assumeRole = baseIdentityPolicies
        ? check('assumeRole', request, { identity: baseIdentityPolicies.map((p) => p.policy), trust }, baseIdentityPolicies.map((p) => p.name))
        : trustOnly(request, trust);
    } else if (session && !trust) {
      unjudged.add('The role\'s trust policy could not be read, so the AssumeRole hop was not judged.');
    }

    const refusedHop = assumeRole && assumeRole.decision !== 'allow' ? assumeRole : undefined;
    const decisive = refusedHop ?? invoke;
    const all = new Set([...unjudged, ...invoke.unjudged, ...(assumeRole?.unjudged ?? [])]);

    let workshop: WorkshopResult['workshop'];
    if (session && roleArn) {
      try {
        workshop = generateWorkshop({
          target,
          callerRoleArn: roleArn,
          basePrincipalArn: basePrincipal ?? identity.arn,
          ...(facts.externalId !== undefined ? { externalId: facts.externalId } : {}),
          mfa: facts.mfa,
          scope,
        });
        if (!basePrincipal) notes.push('Who assumes the role is not known, so the trust policy written names the role\'s own account session; replace its Principal with the base principal.');
      } catch (err) {
        notes.push(`The documents could not be written: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else {
      notes.push(`The workshop writes the documents for a role that callers assume; ${identity.arn} is not a role session, so none were written.`);
    }

    return {
      identity: { arn: identity.arn, account: identity.account, hops: identity.hops, ...(basePrincipal ? { basePrincipal } : {}) },
      targetArn,
      fetched: {
        ...(resource && resource !== 'unread' ? { resourcePolicy: resource } : {}),
        ...(trust ? { trustPolicy: trust } : {}),
        identityPolicies: identityPolicies.map(view),
        ...(baseIdentityPolicies ? { baseIdentityPolicies: baseIdentityPolicies.map(view) } : {}),
        ...(boundary && boundary !== 'none' ? { permissionBoundary: boundary } : {}),
        notes: fetchNotes,
      },
      evaluation: {
        decision: decisive.decision,
        summary: refusedHop ? `The AssumeRole hop is refused, so the call cannot be made. ${refusedHop.summary}` : invoke.summary,
        invoke,
        ...(assumeRole ? { assumeRole } : {}),
        unjudged: [...all],
      },
      ...(workshop ? { workshop } : {}),
      notes,
    };
  } finally {
    reader.destroy();
  }
}

function check(kind: PolicyCheck['kind'], request: EvalRequest, policies: PolicySet, names: string[]): PolicyCheck {
  const result = evaluate(request, policies);
  const verdict = verdictOf(request, policies, result, names);
  return {
    kind,
    principal: request.principal.arn,
    action: request.action,
    resource: request.resource,
    decision: result.decision,
    deciding: verdict.deciding,
    summary: verdict.summary,
    reasons: result.reasons,
    unjudged: result.unjudged,
  };
}

/**
 * The base principal's own policies live in its account and are often unreadable to it: then only the trust policy
 * is judged (as if the caller's sts:AssumeRole permission were granted), and that is said rather than hidden.
 */
function trustOnly(request: EvalRequest, trust: PolicyDoc): PolicyCheck {
  const allowSelf: PolicyDoc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: request.resource }] };
  const out = check('assumeRole', request, { identity: [allowSelf], trust }, ['(assumed: the caller may call sts:AssumeRole)']);
  const deciding = out.deciding.filter((d) => d.policy !== 'identity');
  const summary = out.decision === 'allow' ? `The role's trust policy allows ${request.principal.arn} to assume ${request.resource}, by ${deciding.map((d) => `statement ${d.sid ? `"${d.sid}"` : `#${d.index + 1}`}`).join(' and ')}.` : out.summary;
  return {
    ...out,
    deciding,
    summary,
    unjudged: [`The identity policies of ${request.principal.arn} could not be read: only the trust policy was judged; its own permission to call sts:AssumeRole on the role was taken as granted.`, ...out.unjudged],
  };
}

/** The proxy and CA bundle STS would use for this auth: AWS_CA_BUNDLE, else its (base) profile's ca_bundle. */
async function networkOf(auth: ResolvableAuth | BaseAuth, env: Env): Promise<PolicyNetwork> {
  const name = auth.kind === 'profile' ? auth.profile : auth.kind === 'assumeRole' && auth.base.kind === 'profile' ? auth.base.profile : undefined;
  const profiles = name ? await readAwsProfiles(env) : undefined;
  const caBundle = stsSettings(env, name ? profiles?.profiles[name] : undefined, profiles?.services ?? {}).caBundle;
  return { env, ...(caBundle ? { caBundle } : {}) };
}

async function readBasePolicies(base: BaseAuth, arn: string, deps: WorkshopDeps, notes: string[]): Promise<FetchedIdentityPolicy[] | undefined> {
  const session = SESSION.exec(arn);
  const user = USER.exec(arn);
  const owner = session ? { kind: 'role' as const, name: session[3]! } : user ? { kind: 'user' as const, name: user[3]! } : undefined;
  if (!owner) return undefined;
  let reader;
  try {
    reader = await createPolicyReader((await deps.credentials.resolve(base)).credentials, deps.endpoints, await networkOf(base, deps.env ?? process.env));
  } catch {
    return undefined;
  }
  try {
    const got = await reader.identityPolicies(owner, notes);
    return got.complete ? got.policies : undefined;
  } finally {
    reader.destroy();
  }
}

/** What the auth says of the last AssumeRole: who its base is, the external ID passed, whether MFA was used. */
async function authFacts(auth: ResolvableAuth, identity: Identity, deps: WorkshopDeps): Promise<{ base?: BaseAuth; externalId?: string; mfa: boolean }> {
  if (auth.kind === 'assumeRole') {
    return { base: auth.base, ...(auth.externalId ? { externalId: auth.externalId } : {}), mfa: auth.mfaSerial !== undefined };
  }
  if (auth.kind !== 'profile') return { mfa: false };
  const hops = identity.hops;
  const last = hops.length - 1;
  if (last < 1 || hops[last]!.kind !== 'assumeRole') return { mfa: false };
  const profiles = await readAwsProfiles(deps.env ?? process.env);
  const data = hops[last]!.profile ? profiles.profiles[hops[last]!.profile!] : undefined;
  const before = hops[last - 1] as CredentialHop;
  const base: BaseAuth | undefined = before.kind === 'env' ? { kind: 'env' } : before.profile ? { kind: 'profile', profile: before.profile } : undefined;
  return {
    ...(base ? { base } : {}),
    ...(data?.external_id ? { externalId: data.external_id } : {}),
    mfa: Boolean(data?.mfa_serial),
  };
}

function targetOf(input: WorkshopRequest, defaultAccount: string): ExecuteApiTarget {
  const account = input.account ?? defaultAccount;
  const fromUrl = executeApiTarget(input.request.url, input.request.method, account);
  let path = fromUrl?.path;
  const stage = input.stage ?? fromUrl?.stage;
  if (!fromUrl) {
    // A custom domain: the whole path is the route (a base path mapping's prefix is the user's to strip).
    try {
      path = parseRequestUrl(input.request.url).path.replace(/^\//, '');
    } catch {
      throw appError('INVALID_URL', `"${input.request.url}" is not a URL RoleCall can read.`);
    }
  }
  const apiId = input.apiId ?? fromUrl?.apiId;
  const region = input.region ?? fromUrl?.region;
  if (!apiId || !stage || !region) {
    throw appError('INVALID_INPUT', 'This URL is not an execute-api URL: give the API id, stage and region of the API behind the custom domain.');
  }
  return { region, account, apiId, stage, method: input.request.method.toUpperCase(), path: path ?? '' };
}

function safeProtocol(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

function view(p: FetchedIdentityPolicy) {
  return { name: p.name, source: p.source, ...(p.arn ? { arn: p.arn } : {}), policy: p.policy };
}
